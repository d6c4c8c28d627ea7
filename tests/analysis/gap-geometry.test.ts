/**
 * The pieces of the Turf gap polygons on small made-up inputs: equal-area discs, ring
 * nesting, grid snapping of the OSM coverage extent, resident land, and the gaps of the
 * fixtures by both methods against the engine.
 */
import { kinks } from '@turf/kinks';
import type { Feature, FeatureCollection, Polygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { nestRings } from '../../src/analysis/coverage/contours';
import { discPolygon, discSteps } from '../../src/analysis/coverage/discs';
import { circleGaps, cleanPolygons, turfGaps } from '../../src/analysis/coverage/gapGeometry';
import { createGrid } from '../../src/analysis/coverage/grid';
import { ResidentLand, snapRingToGrid } from '../../src/analysis/coverage/residentLand';
import { geometryArea, polygonArea, yangpuProjection as proj, round6 } from '../../src/core/geo';
import { fixtureEngine } from '../helpers/coverageFixture';
import { fixtureInputs } from '../helpers/golden';

const square = (x: number, y: number, s: number, ccw = true): Position[] => {
  const r = [
    proj.toLonLat(x, y),
    proj.toLonLat(x + s, y),
    proj.toLonLat(x + s, y + s),
    proj.toLonLat(x, y + s),
  ];
  const ring = ccw ? r : r.reverse();
  return [...ring, ring[0]!];
};

describe('disc polygons', () => {
  for (const r of [50, 300, 1000, 3000]) {
    it(`${r} m: the polygon has the disc's area and strays ≤ 0.25 m from the circle`, () => {
      const d = discPolygon(100, -200, r, proj);
      const ring = d.geometry.coordinates[0]!;
      expect(ring.length - 1).toBe(discSteps(r));
      expect(Math.abs(polygonArea([ring]) - Math.PI * r * r) / (Math.PI * r * r)).toBeLessThan(1e-6);
      for (let k = 1; k < ring.length; k++) {
        const [ax, ay] = proj.toXY(ring[k - 1]!);
        const [bx, by] = proj.toXY(ring[k]!);
        expect(Math.abs(Math.hypot(ax - 100, ay + 200) - r)).toBeLessThanOrEqual(0.25);
        expect(Math.abs(Math.hypot((ax + bx) / 2 - 100, (ay + by) / 2 + 200) - r)).toBeLessThanOrEqual(0.25);
      }
    });
  }
});

describe('nestRings', () => {
  it('groups shells, their holes and islands in holes, whatever the order', () => {
    const outer = square(0, 0, 1000);
    const hole = square(100, 100, 600, false);
    const island = square(200, 200, 200);
    const other = square(2000, 0, 100);
    for (const order of [
      [hole, island, outer, other],
      [island, other, hole, outer],
    ]) {
      const polys = nestRings(order);
      expect(polys).toHaveLength(3);
      const byArea = polys.map((p) => Math.round(polygonArea(p))).sort((a, b) => a - b);
      expect(byArea).toEqual([10_000, 40_000, 1_000_000 - 360_000]);
    }
  });
});

describe('snapRingToGrid', () => {
  const grid = createGrid([121.5, 31.29, 121.52, 31.31], 20);
  it('moves an axis-aligned edge between two centre rows onto the cell edge between them, and leaves slanted ones', () => {
    const y = grid.y0 + 5 * grid.cellM + 3; // 3 m above the centre row 5
    const x0 = grid.x0 + 7;
    const ring: Position[] = [
      proj.toLonLat(x0, y - 400),
      proj.toLonLat(x0 + 500, y - 400 + 0.5), // nearly horizontal: snapped
      proj.toLonLat(x0 + 500, y),
      proj.toLonLat(x0, y), // horizontal: snapped
      proj.toLonLat(x0 - 30, y - 200), // slanted: kept
      proj.toLonLat(x0, y - 400),
    ];
    const out = snapRingToGrid(ring, grid).map((p) => proj.toXY(p));
    const top = grid.y0 + 5.5 * grid.cellM;
    expect(out[2]![1]).toBeCloseTo(top, 6);
    expect(out[3]![1]).toBeCloseTo(top, 6);
    expect(out[0]![1]).toBeCloseTo(
      grid.y0 + Math.floor((y - 400 - grid.y0) / grid.cellM + 0.5 - 0.5) * 20 + 10,
      6,
    );
    expect(out[4]![0]).toBeCloseTo(x0 - 30, 6);
    expect(out[out.length - 1]).toEqual(out[0]);
  });
});

describe('cleanPolygons', () => {
  it('rounds to 6 decimals and sends a ring that touches itself through the clipper again', () => {
    const at = (x: number, y: number): Position => [121.5 + x * 0.001 + 1e-9, 31.3 + y * 0.001];
    // a figure eight: the ring passes twice through its middle
    const ring = [at(0, 0), at(2, 0), at(1, 1), at(2, 2), at(0, 2), at(1, 1), at(0, 0)];
    const out = cleanPolygons({ type: 'Polygon', coordinates: [ring] });
    expect(out.length).toBeGreaterThanOrEqual(2);
    for (const rings of out) {
      expect(kinks({ type: 'Polygon', coordinates: rings }).features).toHaveLength(0);
      for (const p of rings.flat()) expect(p).toEqual([round6(p[0]!), round6(p[1]!)]);
    }
    const area = out.reduce((s, rings) => s + polygonArea(rings), 0);
    expect(area / polygonArea([[at(0, 0), at(2, 0), at(1, 1), at(0, 0)]])).toBeCloseTo(2, 3);
  });

  it('drops the spike rounding leaves at the end of a sliver (a network-mode gap on the real data)', () => {
    // as the clipper gave it, before rounding: vertex 8 runs back along the closing edge
    const sliver = [
      [121.5080044, 31.2904401],
      [121.5080891, 31.2904338],
      [121.5082991, 31.2904231],
      [121.5085091, 31.2904276],
      [121.5087189, 31.2904323],
      [121.5089291, 31.2904348],
      [121.5091389, 31.2904371],
      [121.5093491, 31.2904398],
      [121.5093661, 31.2904404],
      [121.5080044, 31.2904401],
    ];
    const out = cleanPolygons({ type: 'Polygon', coordinates: [sliver] });
    expect(out).toHaveLength(1);
    const polygon: Polygon = { type: 'Polygon', coordinates: out[0]! };
    expect(kinks(polygon).features).toHaveLength(0);
    expect(out[0]![0]!.length).toBe(9);
    // rounding moves the 136 m long edges by ≤ 5.5 cm: ≤ 8 m² either way
    expect(Math.abs(polygonArea(out[0]!) - polygonArea([sliver]))).toBeLessThan(8);
  });
});

function fixture(name: string) {
  return fixtureEngine(fixtureInputs('coverage').find((f) => f.name === name)!.json as FeatureCollection);
}

describe('Turf gaps on the fixtures', () => {
  for (const name of ['two-circles.geojson', 'river-l-shape.geojson']) {
    it(`${name}: resident land and gaps match the engine within 1 % of residential area, by both methods`, () => {
      const { engine, category, radiusM, inputs } = fixture(name);
      const land = new ResidentLand(inputs, engine.model.grid).all();
      const table = engine.table(category, radiusM);
      table.circles.forEach((row, k) => {
        expect(
          Math.abs(geometryArea(land[k]!.geometry) - row.residentialAreaM2) / row.residentialAreaM2,
        ).toBeLessThan(0.01);
      });
      for (const method of ['contour', 'exact'] as const) {
        const gaps = turfGaps(engine, land, category, radiusM, { method });
        for (const row of table.circles) {
          const mine = gaps.features.filter((f) => f.properties.circleId === row.id);
          const area = mine.reduce((s, f) => s + geometryArea(f.geometry), 0);
          expect(Math.abs(area - row.gapAreaM2) / row.residentialAreaM2, `${method} ${row.id}`).toBeLessThan(
            0.01,
          );
          const pop = mine.reduce((s, f) => s + f.properties.population, 0);
          expect(Math.abs(pop - row.gapPopulation) / row.population, `${method} ${row.id}`).toBeLessThan(
            0.01,
          );
          for (const f of mine)
            expect(f.properties).toMatchObject({
              category,
              radiusM,
              distance: 'straight',
              circleId: row.id,
            });
        }
      }
    });
  }

  it('one circle on its own gives the same polygons as in the whole set', () => {
    const { engine, category, radiusM, inputs } = fixture('two-circles.geojson');
    const land = new ResidentLand(inputs, engine.model.grid).all();
    const all = turfGaps(engine, land, category, radiusM);
    const second = circleGaps(engine, land[1]!, 1, category, radiusM);
    const id = engine.model.circles[1]!.id;
    expect(second).toEqual(all.features.filter((f) => f.properties.circleId === id));
    expect(turfGaps(engine, land, category, radiusM, { circles: [1] }).features).toEqual(second);
  });

  it('without any facility the gap is the whole resident land; a facility everywhere leaves none', () => {
    const { engine, radiusM, inputs } = fixture('two-circles.geojson');
    const land = new ResidentLand(inputs, engine.model.grid).all();
    const none = turfGaps(engine, land, 'nursery', radiusM);
    const area = (fs: Feature<Polygon>[]) => fs.reduce((s, f) => s + geometryArea(f.geometry), 0);
    const landArea = land.reduce((s, a) => s + (a ? geometryArea(a.geometry) : 0), 0);
    expect(Math.abs(area(none.features) - landArea) / landArea).toBeLessThan(1e-6);
    const everywhere = engine.withFacilities([
      { id: 'x', category: 'nursery', lonLat: (land[0]!.geometry as Polygon).coordinates[0]![0]! },
    ]);
    expect(turfGaps(everywhere, land, 'nursery', 5000).features).toEqual([]);
  });
});
