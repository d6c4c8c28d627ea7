/** A chosen place in words (pure): "长海路街道 · 五角场-1 生活圈 · 同济新村内 · 最近的地点：…（地铁站）直线 120 米". */
import type { PlaceDescription } from '../../analysis/place';
import { type CoverageCategory, categoryLabel } from '../../core/categories';
import type { Lang } from '../../core/lang';
import { formatNumber, t } from '../i18n';
import { placeStrings as p, s } from './strings';

/** The named area and the nearest named place ("同济新村内 · 最近的地点：…（地铁站）直线 120 米"). */
export function nearbyNamesText(d: PlaceDescription, lang: Lang): string {
  const zh = lang === 'zh';
  const parts: string[] = [];
  if (d.within)
    parts.push(zh ? `${d.within.name}${p('within', lang)}` : `${p('within', lang)}${d.within.name}`);
  const n = d.nearest;
  if (n) {
    const kind = n.kind === 'station' ? p('station', lang) : categoryLabel(n.kind as CoverageCategory, lang);
    // the distance model's existing label ("直线" / "straight"): a straight line from the point
    const distance = `${s('straight', lang)} ${formatNumber(n.distanceM, lang)} ${t('metres', lang)}`;
    parts.push(
      zh
        ? `${p('nearest', lang)}${n.name}（${kind}）${distance}`
        : `${p('nearest', lang)}${n.name} (${kind}), ${distance}`,
    );
  }
  return parts.join(' · ');
}

/** The whole description: subdistrict · circle · named area · nearest named place. */
export function placeText(d: PlaceDescription, lang: Lang): string {
  const local = (x: { name: string; nameEn: string | null }) =>
    lang === 'en' && x.nameEn ? x.nameEn : x.name;
  const parts: string[] = [d.subdistrict ? local(d.subdistrict) : p('outside', lang)];
  if (d.subdistrict)
    parts.push(d.circle ? `${local(d.circle)} ${p('circle', lang)}` : p('outsideCircles', lang));
  const names = nearbyNamesText(d, lang);
  return names ? `${parts.join(' · ')} · ${names}` : parts.join(' · ');
}
