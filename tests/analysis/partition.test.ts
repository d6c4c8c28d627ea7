import type { Feature, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { partitionPolygon } from '../../src/analysis/partition';
import { geometryArea } from '../../src/core/geo';
import { checkTiling } from '../../src/data/tiling';
import { fixtureInputs, goldenDifferences, withAreas } from '../helpers/golden';

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
      const tiling = checkTiling(
        json.geometry,
        parts.map((p) => p.geometry),
        10,
      );
      expect(tiling.gapShare).toBeLessThan(0.001);
      expect(tiling.overlapShare).toBeLessThan(0.001);
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
});
