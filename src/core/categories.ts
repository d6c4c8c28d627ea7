/**
 * The fixed set of facility categories and the families they belong to. Every
 * facility in geodata/ has exactly one category from this list. Coverage is computed for
 * each of them and for one pseudo-category, the riverfront corridor (a line, not sites).
 */
import type { Lang } from './lang';

export type Family = 'eldercare' | 'childcare' | 'health' | 'culture' | 'parks' | 'sports';

export interface CategoryInfo {
  id: string;
  family: Family;
  zh: string;
  en: string;
}

export const CATEGORIES = [
  { id: 'nursing-home', family: 'eldercare', zh: '养老院/敬老院', en: 'Nursing home' },
  { id: 'care-home', family: 'eldercare', zh: '长者照护之家', en: 'Community care home' },
  { id: 'elder-service-centre', family: 'eldercare', zh: '综合为老服务中心', en: 'Elder service centre' },
  { id: 'day-care', family: 'eldercare', zh: '日间照护机构', en: 'Elder day care' },
  { id: 'elder-canteen', family: 'eldercare', zh: '长者食堂', en: 'Elder canteen' },
  { id: 'meal-point', family: 'eldercare', zh: '助餐点', en: 'Meal point' },
  { id: 'nursing-station', family: 'eldercare', zh: '护理站', en: 'Nursing station' },
  { id: 'nursing-hospital', family: 'eldercare', zh: '护理院', en: 'Nursing hospital' },
  { id: 'elder-service-org', family: 'eldercare', zh: '社区养老服务组织', en: 'Elder service organisation' },
  { id: 'kindergarten', family: 'childcare', zh: '幼儿园', en: 'Kindergarten' },
  { id: 'nursery', family: 'childcare', zh: '托儿所', en: 'Nursery' },
  { id: 'childcare-centre', family: 'childcare', zh: '托育机构', en: 'Childcare centre (0–3)' },
  { id: 'baby-room', family: 'childcare', zh: '社区宝宝屋', en: 'Community baby room' },
  { id: 'health-centre', family: 'health', zh: '社区卫生服务中心', en: 'Community health centre' },
  { id: 'cultural-centre', family: 'culture', zh: '社区文化活动中心', en: 'Community cultural centre' },
  { id: 'park', family: 'parks', zh: '公园', en: 'Park' },
  { id: 'sports', family: 'sports', zh: '体育设施', en: 'Sports facility' },
] as const satisfies readonly CategoryInfo[];

export type CategoryId = (typeof CATEGORIES)[number]['id'];

export const FAMILIES: { id: Family; zh: string; en: string }[] = [
  { id: 'eldercare', zh: '养老', en: 'Eldercare' },
  { id: 'childcare', zh: '托幼', en: 'Childcare' },
  { id: 'health', zh: '卫生', en: 'Health' },
  { id: 'culture', zh: '文化', en: 'Culture' },
  { id: 'parks', zh: '公园', en: 'Parks' },
  { id: 'sports', zh: '体育', en: 'Sports' },
];

const byId = new Map<string, CategoryInfo>(CATEGORIES.map((c) => [c.id, c]));

export function isCategoryId(id: unknown): id is CategoryId {
  return typeof id === 'string' && byId.has(id);
}

export function categoryInfo(id: CategoryId): CategoryInfo {
  return byId.get(id)!;
}

export function categoriesOf(family: Family): CategoryInfo[] {
  return CATEGORIES.filter((c) => c.family === family);
}

/** The riverfront pseudo-category: access to the derived 杨浦滨江 corridor line. */
export const RIVERFRONT = 'riverfront' as const;

/** What coverage can be computed for: a facility category or the riverfront. */
export type CoverageCategory = CategoryId | typeof RIVERFRONT;

/** Every coverage category in display order (facility categories, then the riverfront). */
export const COVERAGE_CATEGORIES: readonly CoverageCategory[] = [...CATEGORIES.map((c) => c.id), RIVERFRONT];

export function isCoverageCategory(id: unknown): id is CoverageCategory {
  return typeof id === 'string' && (id === RIVERFRONT || byId.has(id));
}

/** Name of a coverage category in one language (the riverfront included). */
export function categoryLabel(id: CoverageCategory, lang: Lang): string {
  if (id === RIVERFRONT)
    return lang === 'zh' ? '滨江可达（至推导岸线）' : 'Riverfront access (to the derived line)';
  return byId.get(id)?.[lang] ?? id;
}
