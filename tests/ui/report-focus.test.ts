/**
 * The circle health check leads with the type and distance in force when it was opened
 * (issue 22, item 7): its figures, suggested sites and gaps are for that type at that
 * distance; the weakest of the other types follows, ties (the same printed share) broken by
 * residents left out and said to be ties. Against a fake worker that records what it is
 * asked (tests/fixtures/report/tables.json: canteens' standard distance is 300 m).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CoverageTable } from '../../src/analysis/coverage/engine';
import type { CoverageCategory } from '../../src/core/categories';
import { type CategoryFigures, weakCategories, weakestRanked } from '../../src/ui/report/assemble';
import { circleReport, type Focus, type ReportEnv } from '../../src/ui/report/requests';
import { s } from '../../src/ui/report/strings';
import type { CoverageClient } from '../../src/worker/coverageClient';

const tables = JSON.parse(
  readFileSync(join(__dirname, '..', 'fixtures', 'report', 'tables.json'), 'utf8'),
) as CoverageTable[];
const counts = new Map([
  ['nursing-home', 3],
  ['elder-canteen', 5],
  ['meal-point', 4],
]);

/** A worker answering from the fixture; canteens at another distance get their own table. */
function fakeEnv(focus: Focus) {
  const calls: { method: string; params: Record<string, unknown> }[] = [];
  const client = {
    call(method: string, params: Record<string, unknown>) {
      calls.push({ method, params });
      if (method === 'defaults') return Promise.resolve({ tables, ms: 1 });
      if (method === 'table') {
        const base = tables.find((t) => t.category === params.category)!;
        const table: CoverageTable = {
          ...base,
          radiusM: params.radiusM as number,
          circles: base.circles.map((c) => ({ ...c, populationShare: 0.61, gapPopulation: 4321 })),
        };
        return Promise.resolve({ table, ms: 1 });
      }
      if (method === 'suggest')
        return Promise.resolve({
          result: { suggestions: [{ lonLat: [121.5, 31.3], gain: 10, circleId: 'A-1' }] },
          ms: 1,
        });
      if (method === 'gaps')
        return Promise.resolve({ gaps: { type: 'FeatureCollection', features: [] }, ms: 1 });
      return Promise.reject(new Error(`unexpected ${method}`));
    },
  } as unknown as CoverageClient;
  const env: ReportEnv = {
    client,
    distance: 'straight',
    counts,
    facilities: [],
    circlesOf: () => [],
    elderShare: 0.3178,
    focus,
    signal: new AbortController().signal,
  };
  return { env, calls };
}

describe('the circle health check leads with the type and distance in force', () => {
  it('canteens at 500 m: its figures are for canteens at 500 m, and so are its sites and gaps', async () => {
    const { env, calls } = fakeEnv({ category: 'elder-canteen', radiusM: 500 });
    const data = await circleReport(env, 'A-1');
    expect([data.focus?.category, data.focus?.radiusM, data.focus?.share, data.focus?.gap]).toEqual([
      'elder-canteen',
      500,
      0.61,
      4321,
    ]);
    const asked = calls.filter((c) => c.method === 'suggest' || c.method === 'gaps');
    expect(asked.map((c) => [c.method, c.params.category, c.params.radiusM, c.params.circles])).toEqual([
      ['suggest', 'elder-canteen', 500, ['A-1']],
      ['gaps', 'elder-canteen', 500, ['A-1']],
    ]);
    expect(data.sites).toHaveLength(1);
    // the weakest of the OTHER types (canteens are the focus): meal points, 20 % in A-1
    expect(data.weakest?.row.category).toBe('meal-point');
    // every type at its standard distance is still in the table
    expect(data.rows.map((r) => r.category)).toContain('nursing-home');
  });

  it('at the standard distance no extra table is asked; the focus row is the defaults’ own', async () => {
    const { env, calls } = fakeEnv({ category: 'elder-canteen', radiusM: 300 });
    const data = await circleReport(env, 'A-1');
    expect(calls.some((c) => c.method === 'table')).toBe(false);
    expect([data.focus?.category, data.focus?.radiusM, data.focus?.share]).toEqual([
      'elder-canteen',
      300,
      0.2,
    ]);
  });

  it('a type without sites (the riverfront) leads too, with no sites asked', async () => {
    const { env, calls } = fakeEnv({ category: 'riverfront', radiusM: 1000 });
    const data = await circleReport(env, 'A-1');
    expect(data.focus?.category).toBe('riverfront');
    expect(calls.some((c) => c.method === 'suggest')).toBe(false);
    expect(data.sites).toEqual([]);
    expect(data.weakest?.row.category).toBe('elder-canteen');
  });
});

function row(category: CoverageCategory, share: number, gap: number): CategoryFigures {
  return {
    category,
    radiusM: 300,
    facilities: 5,
    population: 50_000,
    covered: 50_000 - gap,
    gap,
    share,
    low: null,
    high: null,
    group: null,
    target: null,
  };
}

describe('ties', () => {
  it('shares that print the same (0.0 %) are a tie, broken by residents left out, and the others are named', () => {
    const rows = [
      row('care-home', 0, 1_000),
      row('day-care', 0.0004, 40_000), // prints as 0.0 % too
      row('nursery', 0, 12_000),
      row('park', 0.2, 40_000),
    ];
    const ranked = weakestRanked(rows)!;
    expect(ranked.row.category).toBe('day-care');
    expect(ranked.tied.map((r) => r.category)).toEqual(['nursery', 'care-home']);
    expect(weakCategories(rows).map((r) => r.category)).toEqual(['day-care', 'nursery', 'care-home']);
    expect(weakestRanked([row('park', 0.2, 1), row('sports', 0.3, 9)])!.tied).toEqual([]);
  });

  it('the tie sentence names the others and the share, in both languages', () => {
    for (const lang of ['zh', 'en'] as const) {
      const text = s('tied', lang);
      for (const slot of ['{others}', '{share}', '{first}']) expect(text).toContain(slot);
    }
  });
});
