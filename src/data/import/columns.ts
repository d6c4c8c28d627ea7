/** Which CSV column holds which field: common English and Chinese headers. */
import type { AgeGroup } from '../../core/ageGroups';

export const LON_NAMES = ['lon', 'lng', 'long', 'longitude', 'x', '经度'];
export const LAT_NAMES = ['lat', 'latitude', 'y', '纬度'];
export const NAME_NAMES = ['name', '名称', '机构名称', '设施名称', 'title'];
export const ADDRESS_NAMES = ['address', '地址', 'addr'];
export const CATEGORY_NAMES = ['category', '类型', '类别', 'type'];
export const ID_NAMES = ['id', '编号', 'code'];
export const POPULATION_NAMES = ['population', '人口', '常住人口', 'residents', 'pop'];
/** Residents per age group (counts, not shares). */
export const AGE_NAMES: Record<AgeGroup, string[]> = {
  age60plus: ['age60plus', 'age_60_plus', '60+', '60岁及以上', '60岁以上', '老年人口'],
  age3to5: ['age3to5', 'age_3_5', 'age3to6', '3-6岁', '3～6岁', '3–6岁', '幼儿园适龄儿童'],
  under3: ['under3', 'age0to2', 'age_0_2', 'age0to3', '0-3岁', '0～3岁', '0–3岁', '3岁以下', '婴幼儿'],
};

/** The first header matching one of `names` (case-insensitive), or null. */
export function pick(header: string[], names: string[]): string | null {
  const lower = header.map((h) => h.toLowerCase());
  for (const n of names) {
    const i = lower.indexOf(n.toLowerCase());
    if (i >= 0) return header[i]!;
  }
  return null;
}
