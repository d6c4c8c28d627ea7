/** The coverage feature's strings for target groups (elders, children) and the population model. */
import { AGE_GROUP_INFO, type AgeGroup } from '../../core/ageGroups';
import { defineStrings, type Lang } from '../i18n';

export const s = defineStrings({
  estimate: { zh: '估计', en: 'estimate' },
  starNote: {
    zh: '* 目标人群（老年人、幼儿、婴幼儿）为估计值，见覆盖分析说明。',
    en: '* Target groups (elders, children) are estimates: see the note under the coverage summary.',
  },
  ageNote: {
    zh: '目标人群为估计值：模型居民 × 年龄占比。占比取导入的生活圈或街道年龄数据，否则取2020年普查全区比例（60岁及以上为普查数；3–6岁、0–3岁由普查5岁组按均匀分布推算）。',
    en: 'Target groups are estimates: modelled residents × the age share — imported circle or subdistrict age figures where given, else the district’s 2020 census share (60+ a census count; 3–5 and under 3 derived from the census 5-year groups assuming an even spread).',
  },
});

/** "60岁及以上" / "aged 60+": the group's name. */
export function groupLabel(group: AgeGroup, lang: Lang): string {
  return AGE_GROUP_INFO[group][lang];
}

/** Short header line for the group's figures in a narrow table: "60岁+*" / "60+*". */
export function targetShort(group: AgeGroup, lang: Lang): string {
  const g = AGE_GROUP_INFO[group];
  return `${lang === 'zh' ? g.shortZh : g.shortEn}*`;
}

/** "未覆盖老年人（60岁及以上）" / "Uncovered elders (60+)". */
export function uncoveredTarget(group: AgeGroup, lang: Lang): string {
  const g = AGE_GROUP_INFO[group];
  return lang === 'zh' ? `未覆盖${g.peopleZh}（${g.zh}）` : `Uncovered ${g.peopleEn}`;
}

/** "未覆盖老年人" / "uncovered elders": short, for lists. */
export function uncoveredPeople(group: AgeGroup, lang: Lang): string {
  const g = AGE_GROUP_INFO[group];
  return lang === 'zh' ? `未覆盖${g.peopleZh}` : `uncovered ${g.peopleEn}`;
}

/** "（估计）" / " (estimate)": the mark of a modelled figure. */
export function estimateTag(lang: Lang): string {
  return lang === 'zh' ? `（${s('estimate', lang)}）` : ` (${s('estimate', lang)})`;
}
