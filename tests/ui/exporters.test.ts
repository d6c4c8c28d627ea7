/** The CSV exports: what a planner opens in Excel. */
import { describe, expect, it } from 'vitest';
import type { CircleCoverage, CoverageTable } from '../../src/analysis/coverage/engine';
import { beforeAfterCsv, tableCsv } from '../../src/ui/coverage/exporters';

function row(over: Partial<CircleCoverage>): CircleCoverage {
  return {
    id: 'c1',
    name: '定海路-1',
    nameEn: 'Dinghai Rd-1',
    subdistrict: '定海路街道',
    subdistrictEn: 'Dinghai Road Subdistrict',
    population: 30_000.4,
    coveredPopulation: 12_345.6,
    gapPopulation: 17_654.8,
    populationShare: 0.411522,
    landAreaM2: 1_000_000,
    coveredLandAreaM2: 400_000,
    residentialAreaM2: 900_000.3,
    coveredResidentialAreaM2: 300_000.7,
    gapAreaM2: 599_999.6,
    residentialAreaShare: 0.33,
    edgePopulation: 0,
    medianDistanceM: 415,
    maxDistanceM: 1234.56,
    worstPoint: [121.5, 31.3],
    facilitiesInside: ['A', 'B'],
    facilitiesInReach: ['A', 'B', 'C'],
    edgeEffect: false,
    target: { population: 9534.2, covered: 3923.5, gap: 5610.7 },
    network: null,
    ...over,
  };
}

function table(circles: CircleCoverage[]): CoverageTable {
  return {
    category: 'elder-canteen',
    radiusM: 300,
    targetGroup: 'age60plus',
    distance: 'straight',
    network: null,
    circles,
    subdistricts: [],
    district: circles[0]!,
    rankingByGap: circles.map((c) => c.id),
  };
}

const lines = (csv: string) => csv.slice(1).split('\r\n').filter(Boolean);

describe('CSV exports', () => {
  it('start with a UTF-8 byte-order mark and use CRLF, one row per circle', () => {
    const csv = tableCsv(table([row({}), row({ id: 'c2', name: '平凉路-2' })]));
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(lines(csv)).toHaveLength(3);
  });

  it('round residents and areas to whole numbers, shares to 4 decimals, and say yes/no', () => {
    const [header, first] = lines(tableCsv(table([row({ edgeEffect: true })])));
    const cells = (line: string) => line.split(',').map((c) => c.replace(/^"|"$/g, ''));
    const h = cells(header!);
    const v = cells(first!);
    const get = (k: string) => v[h.indexOf(k)];
    expect(get('residents')).toBe('30000');
    expect(get('covered_residents')).toBe('12346');
    expect(get('covered_share')).toBe('0.4115');
    expect(get('max_distance_m')).toBe('1235');
    expect(get('facilities_in_reach')).toBe('3');
    expect(get('edge_effect')).toBe('yes');
    expect(get('circle')).toBe('定海路-1');
    expect(get('target_group')).toBe('age60plus');
    expect(get('target_residents_estimate')).toBe('9534');
    expect(get('uncovered_target_residents_estimate')).toBe('5611');
  });

  it('a category without a target group leaves its target columns empty', () => {
    const tb = { ...table([row({ target: null })]), targetGroup: null };
    const [header, first] = lines(tableCsv(tb));
    const h = header!.split(',');
    const v = first!.split(',');
    expect(v[h.indexOf('"target_residents_estimate"')]).toBe('');
    expect(v[h.indexOf('"target_group"')]).toBe('');
  });

  it('carry both names of each circle and subdistrict (Chinese and English)', () => {
    const [header, first] = lines(tableCsv(table([row({})])));
    const cells = (line: string) => line.split(',').map((c) => c.replace(/^"|"$/g, ''));
    const h = cells(header!);
    const v = cells(first!);
    const get = (k: string) => v[h.indexOf(k)];
    expect([get('circle'), get('circle_en')]).toEqual(['定海路-1', 'Dinghai Rd-1']);
    expect([get('subdistrict'), get('subdistrict_en')]).toEqual(['定海路街道', 'Dinghai Road Subdistrict']);
    const t = table([row({})]);
    const [h2, r2] = lines(beforeAfterCsv(t, t)).map(cells);
    expect(r2![h2!.indexOf('circle')]).toBe('定海路-1');
    expect(r2![h2!.indexOf('circle_en')]).toBe('Dinghai Rd-1');
  });

  it('defuse formulas in English names too', () => {
    const csv = tableCsv(table([row({ nameEn: '@SUM(A1)', subdistrictEn: '-2+3' })]));
    expect(csv).toContain('"\'@SUM(A1)"');
    expect(csv).toContain('"\'-2+3"');
  });

  it('quote every cell, double inner quotes and defuse spreadsheet formulas', () => {
    const csv = tableCsv(table([row({ name: '=HYPERLINK("http://x")' }), row({ id: 'c2', name: '+1"2' })]));
    expect(csv).toContain('"\'=HYPERLINK(""http://x"")"');
    expect(csv).toContain('"\'+1""2"');
  });

  it('an empty share (nobody lives there) is an empty cell, not "null"', () => {
    const csv = tableCsv(table([row({ populationShare: null, maxDistanceM: null, medianDistanceM: null })]));
    expect(csv).not.toContain('null');
  });

  it('before/after gives the newly covered residents per circle', () => {
    const before = table([
      row({
        coveredPopulation: 1000,
        populationShare: 0.1,
        target: { population: 9000, covered: 300, gap: 8700 },
      }),
    ]);
    const after = table([
      row({
        coveredPopulation: 2500.4,
        populationShare: 0.25,
        target: { population: 9000, covered: 777, gap: 8223 },
      }),
    ]);
    const [header, first] = lines(beforeAfterCsv(before, after));
    expect(header).toContain('newly_covered');
    expect(header).toContain('newly_covered_target_estimate');
    expect(first).toContain('"477"');
    expect(first).toContain('"1500"');
    expect(first).toContain('"0.1"');
    expect(first).toContain('"0.25"');
  });
});
