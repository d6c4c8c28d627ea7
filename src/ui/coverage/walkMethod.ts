/**
 * The one sentence that says how walking (best available) is estimated where no street is
 * mapped: on how many km of mapped streets the route factors were measured, the factors,
 * and that a district-wide OSM extract replaces the estimate with measured walks. Used by
 * the legend, the reports' method notes and the gate panel. Pure.
 */
import type { DistanceKind } from '../../analysis/coverage/tables';
import type { RouteFactors } from '../../analysis/network/routeFactors';
import type { Lang } from '../../core/lang';
import { distanceModelName } from '../distanceModel';
import { formatNumber } from '../i18n';

/** The name of a distance model (for notes, legends, embeds): the one naming function's short name. */
export function distanceName(kind: DistanceKind, lang: Lang): string {
  return distanceModelName(kind, lang);
}

/** "×1.32 at 300 m, …" / "300 米 ×1.32、…" for the tiers' medians. */
function tiers(f: RouteFactors, lang: Lang): string {
  return f.tiers
    .map((t) =>
      lang === 'zh'
        ? `${formatNumber(t.tierM, lang)} 米 ×${formatNumber(t.median, lang, 2)}`
        : `×${formatNumber(t.median, lang, 2)} at ${formatNumber(t.tierM, lang)} m`,
    )
    .join(lang === 'zh' ? '、' : ', ');
}

/** How the estimate is made, in one sentence; a shorter one without the factors (null). */
export function walkMethodSentence(f: RouteFactors | null | undefined, lang: Lang): string {
  if (!f || f.tiers.length === 0)
    return lang === 'zh'
      ? '已测绘街道之外，步行距离按直线距离乘以在已测绘 OSM 街道上测得的非直线系数估算，并给出区间；导入全区 OSM 数据后将以实测步行距离取代估算。'
      : 'Outside the mapped streets, walking distance is estimated as the straight line times route factors measured on the mapped OSM streets, with a range; a district-wide OSM extract replaces the estimate with measured walks.';
  const km = formatNumber(f.streetKm, lang, 1);
  return lang === 'zh'
    ? `已测绘街道之外，步行距离按直线距离乘以非直线系数估算：系数在 ${km} 公里已测绘 OSM 街道上测得（中位数 ${tiers(f, lang)}；区间取第 25–75 百分位）；导入全区 OSM 数据后将以实测步行距离取代估算。`
    : `Outside the mapped streets, walking distance is estimated as the straight line times route factors measured on ${km} km of mapped OSM streets (median ${tiers(f, lang)}; the range uses the 25th–75th percentiles); a district-wide OSM extract replaces the estimate with measured walks.`;
}
