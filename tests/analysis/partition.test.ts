import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { partitionPolygon, partitionWeighted } from '../../src/analysis/partition';
import { geometryArea, geometryBBox, pointInGeometry, yangpuProjection } from '../../src/core/geo';
import { checkTiling } from '../../src/data/tiling';
import { fixtureInputs, goldenDifferences, withAreas } from '../helpers/golden';

/** The parts tile the shape: gap and overlap under 0.1 % (10 m sample). */
function expectTiles(shape: Feature<Polygon>, parts: { geometry: Polygon | MultiPolygon }[]): void {
  const tiling = checkTiling(
    shape.geometry,
    parts.map((p) => p.geometry),
    10,
  );
  expect(tiling.gapShare).toBeLessThan(0.001);
  expect(tiling.overlapShare).toBeLessThan(0.001);
}

const cases = fixtureInputs('partition') as { name: string; json: Feature<Polygon, { k: number }> }[];

describe('partitionPolygon', () => {
  for (const { name, json } of cases) {
    const k = json.properties.k;

    it(`${name}: matches the golden output`, () => {
      const { parts } = partitionPolygon(json, k, { seed: 1, spacingM: 20 });
      expect(
        goldenDifferences('partition', name, withAreas({ type: 'FeatureCollection', features: parts })),
      ).toEqual([]);
    });

    it(`${name}: ${k} parts of equal area (±2%) that tile the polygon`, () => {
      const { parts } = partitionPolygon(json, k, { seed: 1, spacingM: 20 });
      expect(parts).toHaveLength(k);
      const total = geometryArea(json.geometry);
      for (const p of parts) {
        expect(p.geometry.type).toBe('Polygon'); // contiguous
        expect(Math.abs(geometryArea(p.geometry) / (total / k) - 1)).toBeLessThan(0.02);
      }
      expectTiles(json, parts);
    });

    it(`${name}: deterministic and does not mutate its input`, () => {
      const before = JSON.stringify(json);
      const a = partitionPolygon(json, k, { seed: 7 });
      const b = partitionPolygon(json, k, { seed: 7 });
      expect(JSON.stringify(a.parts)).toBe(JSON.stringify(b.parts));
      expect(JSON.stringify(json)).toBe(before);
    });
  }

  it('k = 1 returns the polygon itself', () => {
    const { parts } = partitionPolygon(cases[0]!.json, 1);
    expect(parts[0]!.geometry).toEqual(cases[0]!.json.geometry);
  });

  it('rejects k < 1', () => {
    expect(() => partitionPolygon(cases[0]!.json, 0)).toThrow(RangeError);
  });

  it('weighted: parts of equal mass (±1%), not of equal area, when residents crowd one side', () => {
    const shape = cases[0]!.json;
    const xs: number[] = [];
    const ys: number[] = [];
    const mass: number[] = [];
    const [w, south, e, n] = geometryBBox(shape.geometry);
    const [x0, y0] = yangpuProjection.toXY([w, south]);
    const [x1, y1] = yangpuProjection.toXY([e, n]);
    const box = [x0, y0, x1, y1];
    for (let x = box[0]! + 10; x < box[2]!; x += 20) {
      for (let y = box[1]! + 10; y < box[3]!; y += 20) {
        if (!pointInGeometry(yangpuProjection.toLonLat(x, y), shape.geometry)) continue;
        xs.push(x);
        ys.push(y);
        // nine times as many residents per cell in the western third
        mass.push(x < box[0]! + (box[2]! - box[0]!) / 3 ? 9 : 1);
      }
    }
    const sample = {
      x: Float64Array.from(xs),
      y: Float64Array.from(ys),
      mass: Float64Array.from(mass),
      cellAreaM2: 400,
    };
    const { parts, counts } = partitionWeighted(shape, 3, sample, { seed: 1 });
    const total = mass.reduce((a, b) => a + b, 0);
    for (const c of counts) expect(Math.abs(c / (total / 3) - 1)).toBeLessThan(0.01);
    const areas = parts.map((p) => geometryArea(p.geometry));
    expect(Math.max(...areas) / Math.min(...areas)).toBeGreaterThan(2);
    expectTiles(shape, parts);
  });
});
