/** The coverage feature's own strings: target groups (elders, children) and the population model. */
import { AGE_GROUP_INFO, type AgeGroup } from '../../core/ageGroups';
import { defineStrings, formatNumber, type Lang } from '../i18n';

export const s = defineStrings({
  estimate: { zh: '估计', en: 'estimate' },
  targetOf: { zh: '其中', en: 'of them' },
  ageNote: {
    zh: '目标人群为估计值：模型居民 × 年龄占比。占比取导入的生活圈或街道年龄数据，否则取2020年普查全区比例（60岁及以上为普查数；3–6岁、0–3岁由普查5岁组按均匀分布推算）。',
    en: 'Target groups are estimates: modelled residents × the age share — imported circle or subdistrict age figures where given, else the district’s 2020 census share (60+ a census count; 3–5 and under 3 derived from the census 5-year groups assuming an even spread).',
  },
});

/** "60岁及以上" / "aged 60+": the group's name. */
export function groupLabel(group: AgeGroup, lang: Lang): string {
  return AGE_GROUP_INFO[group][lang];
}

/** Column header for the group's residents: "60岁及以上人口" / "Aged 60+". */
export function targetColumn(group: AgeGroup, lang: Lang): string {
  const g = AGE_GROUP_INFO[group];
  return lang === 'zh' ? `${g.zh}人口` : g.en.replace(/^./, (c) => c.toUpperCase());
}

/** "未覆盖老年人（60岁及以上）" / "Uncovered elders (60+)". */
export function uncoveredTarget(group: AgeGroup, lang: Lang): string {
  const g = AGE_GROUP_INFO[group];
  return lang === 'zh' ? `未覆盖${g.peopleZh}（${g.zh}）` : `Uncovered ${g.peopleEn}`;
}

/** The group's district share as text, e.g. "31.8%". */
export function shareText(share: number, lang: Lang): string {
  return `${formatNumber(share * 100, lang, share < 0.1 ? 2 : 1)}%`;
}
