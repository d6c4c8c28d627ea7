/**
 * Why suggested sites cluster (pure): greedy maximal coverage places each next site where it
 * newly covers the most modelled residents, so the sites gather where the population model
 * puts residents densely, and a circle with many residents uncovered but spread thin may get
 * none. `clusterFacts` says when the sites cluster and which circle, with the most residents
 * uncovered, got no site; `suggestionNotes` says why, in words. People in residents.
 */
import type { CoverageTable } from '../../analysis/coverage/engine';
import type { Suggestion } from '../../analysis/coverage/siting';
import type { Lang } from '../../core/lang';
import { type DistanceModel, distanceModelName } from '../distanceModel';
import { formatNumber, t } from '../i18n';
import { s } from './strings';

export interface ClusterFacts {
  /** the sites fall in few subdistricts: at most half as many (rounded up) as there are sites */
  clustered: boolean;
  /** the subdistricts (Chinese names) of the sites, in order of first appearance */
  subdistricts: string[];
  /** the circle with the most residents uncovered that got no site (null: every such circle got one) */
  leftOut: { circleId: string; gap: number } | null;
}

/**
 * Do the sites cluster? Two or more sites cluster when they fall in at most ⌈n/2⌉ of the
 * subdistricts (five sites in three subdistricts, three in two). `table` is the coverage the
 * sites were chosen against (today's, or the scenario's).
 */
export function clusterFacts(sites: Suggestion[], table: CoverageTable): ClusterFacts {
  const subOf = new Map(table.circles.map((c) => [c.id, c.subdistrict]));
  const subdistricts: string[] = [];
  for (const site of sites) {
    const sd = site.circleId ? subOf.get(site.circleId) : undefined;
    if (sd && !subdistricts.includes(sd)) subdistricts.push(sd);
  }
  const clustered = sites.length >= 2 && subdistricts.length <= Math.ceil(sites.length / 2);
  const withSite = new Set(sites.map((s) => s.circleId));
  let leftOut: ClusterFacts['leftOut'] = null;
  for (const c of table.circles)
    if (!withSite.has(c.id) && c.gapPopulation > 0 && (!leftOut || c.gapPopulation > leftOut.gap))
      leftOut = { circleId: c.id, gap: c.gapPopulation };
  return { clustered, subdistricts, leftOut };
}

/** What the suggestions' notes need besides the facts: names in the language. */
export interface WhyNames {
  circle(id: string): string;
  subdistrict(name: string): string;
}

/**
 * The suggestions' notes: the model note naming the distance model in force, then (when the
 * sites cluster) why, and the circle left out with what one site there would newly cover.
 */
export function suggestionNotes(
  why: { distance: DistanceModel; facts: ClusterFacts | null; leftOutBest: number | null },
  lang: Lang,
  names: WhyNames,
): string[] {
  const notes = [t('suggestModel', lang).replace('{d}', distanceModelName(why.distance, lang))];
  const f = why.facts;
  if (!f?.clustered) return notes;
  notes.push(s('clustered', lang).replace('{where}', listText(f.subdistricts.map(names.subdistrict), lang)));
  if (f.leftOut && why.leftOutBest !== null)
    notes.push(
      s('leftOut', lang)
        .replace('{circle}', names.circle(f.leftOut.circleId))
        .replace('{gap}', formatNumber(Math.round(f.leftOut.gap), lang))
        .replace('{best}', formatNumber(Math.round(why.leftOutBest), lang)),
    );
  return notes;
}

const listText = (items: string[], lang: Lang) => items.join(lang === 'zh' ? '、' : ', ');
