/** The access columns of the CSV export and the walk time on exported gaps (issue 20). */
import { describe, expect, it } from 'vitest';
import type { AccessSummary } from '../../src/analysis/access/summary';
import type { CoverageTable } from '../../src/analysis/coverage/engine';
import { accessCsvColumns, withWalkTime } from '../../src/ui/access/exports';
import { tableCsv } from '../../src/ui/coverage/exporters';

const circle = (id: string) => ({
  id,
  name: `圈${id}`,
  nameEn: `C${id}`,
  subdistrict: '定海路街道',
  subdistrictEn: 'Dinghai Road',
  population: 100,
  coveredPopulation: 50,
  gapPopulation: 50,
  populationShare: 0.5,
  landAreaM2: 1,
  coveredLandAreaM2: 1,
  residentialAreaM2: 1,
  coveredResidentialAreaM2: 1,
  gapAreaM2: 0,
  residentialAreaShare: 1,
  edgePopulation: 0,
  target: null,
  medianDistanceM: 100,
  maxDistanceM: 200,
  worstPoint: null,
  facilitiesInside: [],
  facilitiesInReach: [],
  edgeEffect: false,
  network: null,
});
const table = {
  category: 'nursing-home',
  radiusM: 720,
  circles: [circle('a'), circle('b')],
} as unknown as CoverageTable;
const row = (ratio: number | null, status: string, unknownInReach: string[] = []) => ({
  demand: 30,
  capacityInReach: 0,
  ratio,
  knownInReach: 1,
  unknownInReach,
  status,
});
const summary = {
  category: 'nursing-home',
  radiusM: 720,
  capacity: {
    unit: 'beds',
    per: 100,
    circles: [
      { id: 'a', ...row(1.234567, 'partial', ['EI003']) },
      { id: 'b', ...row(null, 'unknown', ['EI010']) },
    ],
  },
  basket: {
    sides: {
      elder: {
        circles: [
          { id: 'a', share: 0.25, meanItems: 2.5 },
          { id: 'b', share: 0, meanItems: 1 },
        ],
      },
    },
  },
} as unknown as AccessSummary;

describe('access columns in the CSV', () => {
  it('adds the walk time, capacity (unknown left empty, never 0) and the basket share', () => {
    const csv = tableCsv(table, accessCsvColumns(table, summary, { minutes: 15, pace: 'elder' }, 'elder'));
    const [header, a, b] = csv.replace('\ufeff', '').trim().split('\r\n');
    expect(header).toContain(
      '"capacity_in_reach_estimate","capacity_status","unknown_capacity_sites_in_reach"',
    );
    expect(a).toContain('"15","0.8","beds","100","1.2346","partial","EI003","elder","0.25","2.5"');
    expect(b).toContain('"15","0.8","beds","100",,"unknown","EI010","elder","0","1"');
  });

  it('leaves the columns empty until the worker answered for the same query', () => {
    const other = { ...summary, radiusM: 1000 } as AccessSummary;
    const cols = accessCsvColumns(table, other, null, 'elder');
    expect(cols.cells(table.circles[0]!)).toEqual(new Array(10).fill(null));
  });

  it('stamps exported gaps with the walk time', () => {
    const fc = {
      type: 'FeatureCollection' as const,
      features: [
        {
          type: 'Feature' as const,
          properties: { circleId: 'a' },
          geometry: { type: 'Point' as const, coordinates: [0, 0] },
        },
      ],
    };
    expect(withWalkTime(fc, null)).toBe(fc);
    expect(withWalkTime(fc, { minutes: 15, pace: 'elder' }).features[0]!.properties).toEqual({
      circleId: 'a',
      walkMinutes: 15,
      walkSpeedMps: 0.8,
    });
  });
});
