import type { Feature, FeatureCollection, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { CoverageEngine, type FacilityPoint } from '../../src/analysis/coverage/engine';
import { buildPopulationModel } from '../../src/analysis/coverage/model';
import { mulberry32 } from '../../src/analysis/random';
import { geometryArea, yangpuProjection } from '../../src/core/geo';
import { fixtureEngine } from '../helpers/coverageFixture';
import { fixtureInputs, goldenDifferences, rounded, withAreas } from '../helpers/golden';

const P = yangpuProjection;

/** A square world of `sizeM` metres: one subdistrict, one circle, uniform population. */
function squareWorld(
  sizeM: number,
  population = 10_000,
  circle: { populationOverride?: number; nameEn?: string } = {},
  subdistrict: { nameEn?: string } = {},
) {
  const ring = [
    [0, 0],
    [sizeM, 0],
    [sizeM, sizeM],
    [0, sizeM],
    [0, 0],
  ].map(([x, y]) => P.toLonLat(x!, y!));
  const square: Polygon = { type: 'Polygon', coordinates: [ring] };
  const f = <T>(props: T): Feature<Polygon, T> => ({ type: 'Feature', properties: props, geometry: square });
  return buildPopulationModel({
    district: f({}),
    subdistricts: [f({ name: 'S', population2020: population, ...subdistrict })],
    circles: [f({ id: 'C', name: 'C', subdistrict: 'S', ...circle })],
  });
}

const at = (x: number, y: number, id = `f${x},${y}`): FacilityPoint => ({
  id,
  category: 'park',
  lonLat: P.toLonLat(x, y),
});

describe('coverage engine: analytic cases', () => {
  it('one facility at the centre of a large square covers π r² (±0.5%)', () => {
    const model = squareWorld(4000);
    const engine = new CoverageEngine(model, [at(2000, 2000)]);
    const row = engine.table('park', 800).circles[0]!;
    expect(row.coveredLandAreaM2 / (Math.PI * 800 ** 2)).toBeCloseTo(1, 2);
    expect(Math.abs(row.coveredLandAreaM2 / (Math.PI * 800 ** 2) - 1)).toBeLessThan(0.005);
  });

  it('rows carry the English names, or the Chinese ones where the data has none', () => {
    const named = new CoverageEngine(squareWorld(1000, 100, { nameEn: 'Circle' }, { nameEn: 'Sub' }), []);
    const t = named.table('park', 300);
    expect(t.circles[0]).toMatchObject({
      name: 'C',
      nameEn: 'Circle',
      subdistrict: 'S',
      subdistrictEn: 'Sub',
    });
    expect(t.subdistricts[0]).toMatchObject({ name: 'S', nameEn: 'Sub' });
    const bare = new CoverageEngine(squareWorld(1000, 100), []).table('park', 300);
    expect(bare.circles[0]).toMatchObject({ nameEn: 'C', subdistrictEn: 'S' });
    expect(bare.subdistricts[0]!.nameEn).toBe('S');
  });

  it('zero facilities cover 0% and leave the whole circle as a gap', () => {
    const model = squareWorld(2000);
    const t = new CoverageEngine(model, []).table('park', 300);
    expect(t.district.populationShare).toBe(0);
    expect(t.circles[0]!.gapPopulation).toBeCloseTo(10_000, 3);
    expect(t.circles[0]!.medianDistanceM).toBeNull();
  });

  it('a facility grid denser than the radius covers 100%', () => {
    const model = squareWorld(2000);
    const grid: FacilityPoint[] = [];
    for (let x = 100; x < 2000; x += 200) for (let y = 100; y < 2000; y += 200) grid.push(at(x, y));
    const t = new CoverageEngine(model, grid).table('park', 300);
    expect(t.district.populationShare).toBe(1);
    expect(t.circles[0]!.gapAreaM2).toBe(0);
  });

  it('median and worst distance of a centred facility in a square', () => {
    const model = squareWorld(2000);
    const row = new CoverageEngine(model, [at(1000, 1000)]).table('park', 300).circles[0]!;
    // worst point: a corner, √2 × 1000 m away (within one 40 m sample cell)
    expect(Math.abs(row.maxDistanceM! - Math.SQRT2 * 1000)).toBeLessThan(60);
    // half the square lies within r of the centre when π r² = side²/2: r = 1000·√(2/π) ≈ 797.9 m
    expect(Math.abs(row.medianDistanceM! - 1000 * Math.sqrt(2 / Math.PI))).toBeLessThan(15);
  });
});

describe('coverage engine: properties', () => {
  const model = squareWorld(3000, 50_000);
  const rand = mulberry32(11);
  const facilities = Array.from({ length: 12 }, (_, i) => at(rand() * 3000, rand() * 3000, `r${i}`));

  it('coverage never decreases when the radius grows', () => {
    const engine = new CoverageEngine(model, facilities);
    let previous = -1;
    for (const r of [100, 200, 300, 450, 600, 800, 1000]) {
      const share = engine.table('park', r).district.populationShare!;
      expect(share).toBeGreaterThanOrEqual(previous);
      previous = share;
    }
  });

  it('coverage never decreases when a facility is added', () => {
    let previous = -1;
    for (let n = 0; n <= facilities.length; n++) {
      const share = new CoverageEngine(model, facilities.slice(0, n)).table('park', 300).district
        .populationShare!;
      expect(share).toBeGreaterThanOrEqual(previous);
      previous = share;
    }
  });

  it('does not mutate its inputs and gives identical output for identical input', () => {
    const before = JSON.stringify(facilities);
    const a = new CoverageEngine(model, facilities);
    const b = new CoverageEngine(model, facilities);
    expect(JSON.stringify(a.table('park', 400))).toBe(JSON.stringify(b.table('park', 400)));
    expect(JSON.stringify(a.tracedGaps('park', 400))).toBe(JSON.stringify(b.tracedGaps('park', 400)));
    expect(JSON.stringify(facilities)).toBe(before);
  });

  it('gap polygons agree with the field: area within 0.5% of the circle, population summed', () => {
    const engine = new CoverageEngine(model, facilities);
    const table = engine.table('park', 300);
    const gaps = engine.tracedGaps('park', 300);
    const polygonArea = gaps.features.reduce((s, f) => s + geometryArea(f.geometry), 0);
    const row = table.circles[0]!;
    expect(Math.abs(polygonArea - row.gapAreaM2) / row.landAreaM2).toBeLessThan(0.005);
    const pop = gaps.features.reduce((s, f) => s + f.properties.population, 0);
    expect(Math.abs(pop - row.gapPopulation)).toBeLessThan(gaps.features.length); // per-polygon rounding
  });
});

describe('coverage engine: golden fixtures', () => {
  for (const { name, json } of fixtureInputs('coverage')) {
    it(`${name}: table and gap polygons match the golden output`, () => {
      const { engine, category, radiusM } = fixtureEngine(json as FeatureCollection);
      const table = engine.table(category, radiusM);
      const gaps = engine.tracedGaps(category, radiusM);
      expect(goldenDifferences('coverage', name, { ...withAreas(gaps), table: rounded(table) })).toEqual([]);
    });
  }

  it('the river strip is not land and the OSM-covered corner hosts residents only in its residential block', () => {
    const fc = fixtureInputs('coverage').find((f) => f.name === 'river-l-shape.geojson')!
      .json as FeatureCollection;
    const { engine } = fixtureEngine(fc);
    const t = engine.table('kindergarten', 500);
    const c = t.circles[0]!;
    // L-shape 1.92 km² minus ~200 m × 800 m of river strip on the east edge
    expect(c.landAreaM2 / 1e6).toBeGreaterThan(1.72);
    expect(c.landAreaM2 / 1e6).toBeLessThan(1.8);
    // the 0.48 km² OSM corner has a 0.12 km² residential block: 0.36 km² of land hosts nobody
    expect((c.landAreaM2 - c.residentialAreaM2) / 1e6).toBeCloseTo(0.36, 1);
    expect(c.population).toBeCloseTo(30_000, 0);
  });
});

describe('population model: planner-supplied circle population', () => {
  it('rescales a circle to the population the planner gives', () => {
    const model = squareWorld(1000, 10_000, { populationOverride: 25_000 });
    const t = new CoverageEngine(model, []).table('park', 300);
    expect(t.circles[0]!.population).toBeCloseTo(25_000, 0);
  });
});
