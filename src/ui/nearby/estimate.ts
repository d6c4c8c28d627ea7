/**
 * Near me in walk mode: the distance to show for one category — the measured walk where the
 * network reaches the place, else (walking, best available) the estimated walk from the
 * straight line with its range from the route factors' quartiles, else the straight line.
 * The riverfront stays straight-line, as everywhere. Pure.
 */
import { estimatedWalkM, type RouteFactors } from '../../analysis/network/routeFactors';
import type { Lang } from '../../core/lang';
import { formatNumber, t } from '../i18n';
import { s } from './strings';

export interface NearbyDistance {
  kind: 'network' | 'estimate' | 'straight';
  /** the walk (measured or the median estimate) or the straight line, m */
  distanceM: number;
  /** estimate only: with the 25th- and the 75th-percentile factor, m */
  lowM: number | null;
  highM: number | null;
  /** within the standard distance (by the shown figure) */
  meets: boolean;
}

/**
 * The distance shown for a category: `walkM` (measured on the network; null where it does not
 * reach), else the estimate from `straightM` with `factors` (walk mode; null otherwise), else
 * straight. `standardM` the standard distance, m.
 */
export function nearbyDistance(
  category: string,
  straightM: number,
  walkM: number | null,
  factors: RouteFactors | null,
  standardM: number,
): NearbyDistance {
  if (walkM !== null)
    return { kind: 'network', distanceM: walkM, lowM: null, highM: null, meets: walkM <= standardM };
  if (!factors || category === 'riverfront')
    return { kind: 'straight', distanceM: straightM, lowM: null, highM: null, meets: straightM <= standardM };
  const m = estimatedWalkM(factors, straightM, 'median');
  return {
    kind: 'estimate',
    distanceM: m,
    lowM: estimatedWalkM(factors, straightM, 'p25'),
    highM: estimatedWalkM(factors, straightM, 'p75'),
    meets: m <= standardM,
  };
}

/** Metres rounded to 10 (estimates are not metre-precise). */
const tens = (m: number) => Math.round(m / 10) * 10;

/** "walk 540 m" / "est. walk 540 m (490–610 m)" / "straight 420 m" (zh: 步行 / 估算步行 / 直线). */
export function nearbyDistanceText(d: NearbyDistance, lang: Lang): string {
  const m = t('metres', lang);
  if (d.kind !== 'estimate')
    return `${s(d.kind === 'network' ? 'walk' : 'straight', lang)} ${formatNumber(d.distanceM, lang)} ${m}`;
  const range = `${formatNumber(Math.floor(d.lowM! / 10) * 10, lang)}–${formatNumber(Math.ceil(d.highM! / 10) * 10, lang)} ${m}`;
  const main = `${s('estimatedWalk', lang)} ${formatNumber(tens(d.distanceM), lang)} ${m}`;
  return lang === 'zh' ? `${main}（${range}）` : `${main} (${range})`;
}
