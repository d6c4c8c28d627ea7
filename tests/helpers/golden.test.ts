/** The golden-file helper must be able to fail: a missing file, a moved vertex, a changed value. */
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { canonicalRing, comparable, differences, FIXTURES, goldenDifferences, withAreas } from './golden';

const square = (start: number, dx = 0) => {
  const ring = [
    [0, 0],
    [1, 0],
    [1, 1],
    [0, 1],
  ];
  const turned = [...ring.slice(start), ...ring.slice(0, start)];
  turned[0] = [turned[0]![0]! + dx, turned[0]![1]!];
  return [...turned, turned[0]!];
};

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('golden helper', () => {
  it('a missing golden file fails (it is never written without UPDATE=1)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'golden-'));
    dirs.push(dir);
    cpSync(join(FIXTURES, 'partition'), join(dir, 'partition'), { recursive: true });
    rmSync(join(dir, 'partition', 'out', 'square.geojson'));
    const previous = process.env.UPDATE;
    delete process.env.UPDATE;
    try {
      expect(() =>
        goldenDifferences('partition', 'square.geojson', { type: 'FeatureCollection', features: [] }, dir),
      ).toThrow(/missing.*UPDATE=1/);
      expect(existsSync(join(dir, 'partition', 'out', 'square.geojson'))).toBe(false);
    } finally {
      if (previous !== undefined) process.env.UPDATE = previous;
    }
  });

  it('a ring that starts at another vertex is the same ring', () => {
    expect(canonicalRing(square(2))).toEqual(canonicalRing(square(0)));
    const a = { type: 'Polygon', coordinates: [square(1)] };
    const b = { type: 'Polygon', coordinates: [square(3)] };
    expect(differences(comparable(a), comparable(b))).toEqual([]);
    expect(differences(a, b)).not.toEqual([]); // raw, the start matters
  });

  it('a moved vertex, a changed property or a missing feature is a difference', () => {
    expect(differences(canonicalRing(square(0, 1e-4)), canonicalRing(square(0)))).not.toEqual([]);
    expect(differences({ population: 101 }, { population: 100 })).not.toEqual([]);
    expect(differences({ features: [1] }, { features: [1, 2] })).not.toEqual([]);
    expect(differences({ a: 1 }, { a: 1, b: null })).not.toEqual([]);
    expect(differences(1 + 1e-7, 1)).toEqual([]); // rounding noise below 1e-6 is not a difference
  });

  it('areas are measured and compared', () => {
    const fc = (dx: number) =>
      withAreas({
        type: 'FeatureCollection',
        features: [
          {
            type: 'Feature',
            properties: {},
            geometry: { type: 'Polygon' as const, coordinates: [square(0, dx)] },
          },
        ],
      });
    expect(differences(fc(0.2), fc(0))).not.toEqual([]);
  });
});
