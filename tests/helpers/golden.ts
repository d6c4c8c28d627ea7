/**
 * Golden files in the Turf style: tests/fixtures/<suite>/in/*.geojson → out/*.geojson.
 * Expected outputs are written only with UPDATE=1; a missing one is a failing test. The
 * comparison is of what matters: feature counts and properties, areas, and geometry equal
 * up to the rotation of each ring's start and 1e-6° of rounding — not the file's bytes.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Geometry, Position } from 'geojson';
import { geometryArea, round6 } from '../../src/core/geo';

export const FIXTURES = join(import.meta.dirname, '..', 'fixtures');

export function fixtureInputs(suite: string): { name: string; json: unknown }[] {
  const dir = join(FIXTURES, suite, 'in');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.geojson'))
    .sort()
    .map((name) => ({ name, json: JSON.parse(readFileSync(join(dir, name), 'utf8')) }));
}

/** Deep copy with every number rounded to 6 decimals. */
export function rounded<T>(value: T): T {
  return JSON.parse(JSON.stringify(value, (_k, v) => (typeof v === 'number' ? round6(v) : v)));
}

/** A closed ring turned to start at its smallest vertex (lexicographic), still closed. */
export function canonicalRing(ring: Position[]): Position[] {
  const open = ring.slice(0, -1);
  let k = 0;
  open.forEach((p, i) => {
    const q = open[k]!;
    if (p[0]! < q[0]! || (p[0] === q[0] && p[1]! < q[1]!)) k = i;
  });
  const turned = [...open.slice(k), ...open.slice(0, k)];
  return [...turned, turned[0]!];
}

function canonicalGeometry(g: Geometry): unknown {
  switch (g.type) {
    case 'Polygon':
      return { type: g.type, coordinates: g.coordinates.map(canonicalRing) };
    case 'MultiPolygon':
      return { type: g.type, coordinates: g.coordinates.map((p) => p.map(canonicalRing)) };
    default:
      return g;
  }
}

/** The differences between two JSON values (numbers within `tolerance`), as paths; [] when equal. */
export function differences(actual: unknown, expected: unknown, tolerance = 2e-6, path = '$'): string[] {
  if (typeof actual === 'number' && typeof expected === 'number') {
    const scale = Math.max(1, Math.abs(expected));
    return Math.abs(actual - expected) <= tolerance * scale ? [] : [`${path}: ${actual} ≠ ${expected}`];
  }
  if (Array.isArray(actual) && Array.isArray(expected)) {
    if (actual.length !== expected.length) return [`${path}: length ${actual.length} ≠ ${expected.length}`];
    return actual.flatMap((a, i) => differences(a, expected[i], tolerance, `${path}[${i}]`));
  }
  if (actual && expected && typeof actual === 'object' && typeof expected === 'object') {
    const keys = new Set([...Object.keys(actual), ...Object.keys(expected)]);
    return [...keys].flatMap((k) =>
      differences(
        (actual as Record<string, unknown>)[k],
        (expected as Record<string, unknown>)[k],
        tolerance,
        `${path}.${k}`,
      ),
    );
  }
  return actual === expected ? [] : [`${path}: ${JSON.stringify(actual)} ≠ ${JSON.stringify(expected)}`];
}

/** Each feature with its measured area (m², 0.1 m²) beside its geometry, so areas are compared too. */
export function withAreas<T extends { features: { geometry: Geometry }[] }>(fc: T): T {
  return {
    ...fc,
    features: fc.features.map((f) => ({
      ...f,
      measuredAreaM2:
        f.geometry.type === 'Polygon' || f.geometry.type === 'MultiPolygon'
          ? Math.round(geometryArea(f.geometry) * 10) / 10
          : null,
    })),
  };
}

/** What a golden compares: geometries with their rings turned to a canonical start. */
export function comparable(value: unknown): unknown {
  if (!value || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(comparable);
  const v = value as Record<string, unknown>;
  if (typeof v.type === 'string' && Array.isArray(v.coordinates))
    return canonicalGeometry(v as unknown as Geometry);
  return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, comparable(x)]));
}

/**
 * Compare `actual` with tests/fixtures/<suite>/out/<name>. UPDATE=1 writes it instead; a
 * missing file throws. Returns the differences found (the caller asserts none).
 */
export function goldenDifferences(
  suite: string,
  name: string,
  actual: unknown,
  fixtures = FIXTURES,
): string[] {
  const path = join(fixtures, suite, 'out', name);
  const value = rounded(actual);
  if (process.env.UPDATE === '1') {
    writeFileSync(path, `${JSON.stringify(value, null, 1)}\n`);
    return [];
  }
  if (!existsSync(path))
    throw new Error(`golden file ${path} is missing: run the tests with UPDATE=1 to write it`);
  const expected = JSON.parse(readFileSync(path, 'utf8')) as unknown;
  return differences(comparable(value), comparable(expected));
}
