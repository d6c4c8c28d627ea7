/**
 * Golden files in the Turf style: tests/fixtures/<suite>/in/*.geojson → out/*.geojson.
 * Run with UPDATE=1 to (re)write the expected outputs; otherwise they are compared.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { round6 } from '../../src/core/geo';

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

export function expectGolden(suite: string, name: string, actual: unknown): void {
  const path = join(FIXTURES, suite, 'out', name);
  const text = `${JSON.stringify(rounded(actual), null, 1)}\n`;
  if (process.env.UPDATE === '1' || !existsSync(path)) {
    if (process.env.UPDATE !== '1' && process.env.CI)
      throw new Error(`golden file ${path} missing (run UPDATE=1)`);
    writeFileSync(path, text);
  }
  expect(JSON.parse(text)).toEqual(JSON.parse(readFileSync(path, 'utf8')));
}
