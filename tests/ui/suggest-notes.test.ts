/**
 * The suggestions' notes (issue 22, item 8): the model note names the distance model in force
 * (not always 直线距离), and when the sites cluster the notes say why (the population model)
 * and name the circle left out with what one site there would newly cover. Pure.
 */
import { describe, expect, it } from 'vitest';
import type { CoverageTable } from '../../src/analysis/coverage/engine';
import type { Suggestion } from '../../src/analysis/coverage/siting';
import type { DistanceKind } from '../../src/analysis/coverage/tables';
import { distanceModelName } from '../../src/ui/distanceModel';
import { clusterFacts, suggestionNotes } from '../../src/ui/scenarios/clustering';

const KINDS: DistanceKind[] = ['straight', 'network', 'walk'];
const names = { circle: (id: string) => `圈${id}`, subdistrict: (n: string) => `${n}街道` };

/** Circles with their subdistrict and residents uncovered (the table the sites were chosen against). */
function table(circles: [id: string, subdistrict: string, gap: number][]): CoverageTable {
  return {
    circles: circles.map(([id, subdistrict, gapPopulation]) => ({ id, subdistrict, gapPopulation })),
  } as unknown as CoverageTable;
}
const site = (circleId: string, gain: number): Suggestion => ({ lonLat: [121.5, 31.3], gain, circleId });

const t = table([
  ['A', '四平路', 9_000],
  ['B', '五角场', 8_000],
  ['C', '控江路', 7_000],
  ['D', '定海路', 43_364],
]);
const five = [site('A', 5_000), site('A', 4_000), site('B', 3_500), site('C', 3_000), site('B', 2_500)];

describe('the suggestions name the distance model in force', () => {
  it('the model note names each model, never a fixed 直线距离 / straight line', () => {
    for (const lang of ['zh', 'en'] as const)
      for (const distance of KINDS) {
        const [note] = suggestionNotes({ distance, facts: null, leftOutBest: null }, lang, names);
        expect(note, `${distance} ${lang}`).toContain(distanceModelName(distance, lang));
        for (const other of KINDS.filter((k) => k !== distance && k !== 'straight'))
          expect(note).not.toContain(distanceModelName(other, lang));
        if (distance !== 'straight') expect(note).not.toMatch(/直线距离|straight-line distance/);
      }
  });
});

describe('clustered suggestions say why', () => {
  it('five sites in three subdistricts cluster; the circle with the most uncovered and no site is named', () => {
    const f = clusterFacts(five, t);
    expect(f.clustered).toBe(true);
    expect(f.subdistricts).toEqual(['四平路', '五角场', '控江路']);
    expect(f.leftOut).toEqual({ circleId: 'D', gap: 43_364 });
    const zh = suggestionNotes({ distance: 'walk', facts: f, leftOutBest: 1_234 }, 'zh', names);
    expect(zh).toHaveLength(3);
    expect(zh[1]).toContain('四平路街道、五角场街道、控江路街道');
    expect(zh[1]).toContain('人口模型');
    expect(zh[2]).toContain('圈D');
    expect(zh[2]).toContain('43,364');
    expect(zh[2]).toContain('1,234');
    const en = suggestionNotes({ distance: 'walk', facts: f, leftOutBest: 1_234 }, 'en', names);
    expect(en[1]).toContain('population model');
    expect(en[2]).toMatch(/圈D has the most residents uncovered \(43,364\).*newly cover 1,234/);
  });

  it('sites spread over as many subdistricts as sites do not cluster: the model note only', () => {
    const spread = [site('A', 5), site('B', 4), site('D', 3)];
    const f = clusterFacts(spread, t);
    expect(f.clustered).toBe(false);
    expect(suggestionNotes({ distance: 'straight', facts: f, leftOutBest: null }, 'en', names)).toHaveLength(
      1,
    );
    // one site never clusters
    expect(clusterFacts([site('A', 5)], t).clustered).toBe(false);
  });

  it('two sites in one subdistrict cluster; every circle with a gap got a site: no circle left out', () => {
    const two = table([
      ['A', '四平路', 10],
      ['B', '四平路', 0],
    ]);
    const f = clusterFacts([site('A', 5), site('A', 3)], two);
    expect(f).toEqual({ clustered: true, subdistricts: ['四平路'], leftOut: null });
    expect(suggestionNotes({ distance: 'network', facts: f, leftOutBest: null }, 'zh', names)).toHaveLength(
      2,
    );
  });
});
