/** Target groups of the categories and the age shares behind target-group counts. */
import type { Feature, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { CoverageEngine } from '../../src/analysis/coverage/engine';
import { buildPopulationModel } from '../../src/analysis/coverage/model';
import { bucketAgeShares, shareOf } from '../../src/analysis/population/ageShares';
import { targetGroupOf } from '../../src/core/ageGroups';
import { yangpuProjection as P } from '../../src/core/geo';

describe('target groups', () => {
  it('eldercare serves 60+, kindergartens 3–5, nurseries/托育/宝宝屋 under 3, the rest everyone', () => {
    for (const c of ['nursing-home', 'elder-canteen', 'meal-point', 'nursing-station'] as const)
      expect(targetGroupOf(c)).toBe('age60plus');
    expect(targetGroupOf('kindergarten')).toBe('age3to5');
    for (const c of ['nursery', 'childcare-centre', 'baby-room'] as const)
      expect(targetGroupOf(c)).toBe('under3');
    for (const c of ['health-centre', 'park', 'sports', 'riverfront'] as const)
      expect(targetGroupOf(c)).toBeNull();
  });
});

describe('age shares', () => {
  it('takes the most local figure: circle, else subdistrict, else district; unknown stays null', () => {
    expect(shareOf({ population: 1000, ageGroups: { age60plus: 300 } }, 'age60plus')).toBe(0.3);
    expect(shareOf({ population: 1000, ageGroups: {} }, 'age60plus')).toBeNull();
    expect(shareOf({ population: 0, ageGroups: { age60plus: 3 } }, 'age60plus')).toBeNull();
    const shares = bucketAgeShares(
      [
        [0, 0],
        [1, 0],
        [1, 1],
      ],
      {
        circles: [{ population: 100, ageGroups: { age60plus: 50 } }, undefined],
        subdistricts: [{ population: 1000, ageGroups: { age60plus: 400 } }, { population: 1000 }],
        district: { population: 10_000, ageGroups: { age60plus: 3178, under3: 162 } },
      },
    );
    expect([...shares.age60plus!]).toEqual([0.5, 0.4, 0.3178]);
    expect([...shares.under3!]).toEqual([0.0162, 0.0162, 0.0162]);
    expect(shares.age3to5).toBeNull();
  });

  it('a group known for only some areas is not counted rather than undercounted', () => {
    const shares = bucketAgeShares(
      [
        [-1, 0],
        [-1, 1],
      ],
      { circles: [], subdistricts: [{ population: 10, ageGroups: { under3: 1 } }, { population: 10 }] },
    );
    expect(shares.under3).toBeNull();
  });
});

describe('target-group counts in the engine', () => {
  const square = (x0: number, x1: number): Polygon => ({
    type: 'Polygon',
    coordinates: [
      [
        [x0, 0],
        [x1, 0],
        [x1, 1000],
        [x0, 1000],
        [x0, 0],
      ].map(([x, y]) => P.toLonLat(x!, y!)),
    ],
  });
  const f = <T>(g: Polygon, props: T): Feature<Polygon, T> => ({
    type: 'Feature',
    properties: props,
    geometry: g,
  });
  const model = buildPopulationModel({
    district: f(square(0, 2000), { population2020: 20_000, ageGroups2020: { age60plus: 6356, under3: 324 } }),
    subdistricts: [
      f(square(0, 1000), { name: 'W', population2020: 10_000, ageGroups: { age60plus: 4000 } }),
      f(square(1000, 2000), { name: 'E', population2020: 10_000 }),
    ],
    circles: [f(square(0, 2000), { id: 'C', name: 'C', subdistrict: 'W' })],
  });
  const facility = { id: 'f', category: 'elder-canteen', lonLat: P.toLonLat(500, 500) };
  const t = new CoverageEngine(model, [facility]).table('elder-canteen', 10_000);

  it('count elders with the subdistrict figure where imported, the district share elsewhere', () => {
    expect(t.targetGroup).toBe('age60plus');
    expect(t.subdistricts[0]!.target!.population).toBeCloseTo(4000, 3);
    expect(t.subdistricts[1]!.target!.population).toBeCloseTo(3178, 3);
    expect(t.district.target!.population).toBeCloseTo(7178, 3);
    expect(t.district.target!.gap).toBeCloseTo(0, 3);
  });

  it('an uncovered circle leaves all its target group uncovered; no group for a park', () => {
    const none = new CoverageEngine(model, []).table('elder-canteen', 300);
    expect(none.circles[0]!.target!.gap).toBeCloseTo(7178, 3);
    const park = new CoverageEngine(model, []).table('park', 300);
    expect(park.targetGroup).toBeNull();
    expect(park.district.target).toBeNull();
  });
});
