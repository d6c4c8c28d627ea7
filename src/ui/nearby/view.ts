/**
 * Near me on the map, as pure functions: the straight lines to draw (one per type not reached
 * by a walk, labelled with its type, distance model and distance; the one picked in the list
 * marked), the points the view fits (the place and its nearest sites), and where a page opens.
 */
import type { Position } from 'geojson';
import type { NearestResult } from '../../analysis/nearest';
import { categoryLabel } from '../../core/categories';
import type { Lang } from '../../core/lang';
import type { ResidentTarget } from '../../map/drawings';
import type { View } from '../app/state';
import { formatNumber, t } from '../i18n';
import { s } from './strings';

/**
 * One straight line per type with a nearest site (not the riverfront, not a type a walk reaches),
 * nearest first, labelled "长者食堂 · 直线 420 米"; `picked` is the facility chosen in the list.
 */
export function straightTargets(
  results: NearestResult[],
  walked: ReadonlySet<string>,
  picked: string | null,
  lang: Lang,
): ResidentTarget[] {
  return results
    .filter((r) => r.nearest[0] && r.category !== 'riverfront' && !walked.has(r.category))
    .map((r) => ({ r, n: r.nearest[0]! }))
    .sort((a, b) => a.n.distanceM - b.n.distanceM)
    .map(({ r, n }) => ({
      lonLat: n.lonLat,
      label: `${categoryLabel(r.category, lang)} · ${s('straight', lang)} ${formatNumber(n.distanceM, lang)} ${t('metres', lang)}`,
      picked: picked !== null && n.id === picked,
    }));
}

/**
 * The points a near-me view fits: the place and the nearest site of every type within
 * `withinM` (m; the 15-minute walk), and at least the `atLeast` nearest whatever their distance.
 */
export function nearbyFitPoints(
  point: Position,
  results: NearestResult[],
  withinM = 1000,
  atLeast = 3,
): Position[] {
  const sites = results
    .filter((r) => r.category !== 'riverfront' && r.nearest[0])
    .map((r) => r.nearest[0]!)
    .sort((a, b) => a.distanceM - b.distanceM);
  const kept = sites.filter((x, i) => i < atLeast || x.distanceM <= withinM);
  return [point, ...kept.map((x) => x.lonLat)];
}

/** How the map opens: the view in the link (v=), else a resident's place (at=), else the whole district. */
export type OpeningView =
  | { kind: 'view'; view: View }
  | { kind: 'around'; at: [number, number] }
  | { kind: 'fit'; points: Position[] }
  | { kind: 'district' };

/**
 * Where the page opens. A link with v= opens there; with at= (and no v=) on the place: the
 * resident widget on the 15-minute square around it, the app on the place and its nearest sites.
 */
export function openingView(p: {
  view: View | null;
  at: [number, number] | null;
  embedNearby: boolean;
  results: NearestResult[];
}): OpeningView {
  if (p.view) return { kind: 'view', view: p.view };
  if (!p.at) return { kind: 'district' };
  if (p.embedNearby) return { kind: 'around', at: p.at };
  return { kind: 'fit', points: nearbyFitPoints(p.at, p.results) };
}
