/**
 * The age groups a facility category serves (its target group), as counted in the
 * population figures: eldercare serves people aged 60+, kindergartens (幼儿园) children aged
 * 3–5 (3 to their 6th birthday, the three kindergarten years), nurseries, 托育 and 宝宝屋
 * children under 3. Other categories serve every resident (no target group).
 */
import type { CoverageCategory } from './categories';
import { categoryInfo, isCategoryId } from './categories';

export const AGE_GROUPS = ['age60plus', 'age3to5', 'under3'] as const;
export type AgeGroup = (typeof AGE_GROUPS)[number];

/** Residents per age group (residents); a group may be missing when its figure is unknown. */
export type AgeGroupCounts = Partial<Record<AgeGroup, number>>;

export interface AgeGroupInfo {
  id: AgeGroup;
  zh: string;
  en: string;
  /** the people it stands for, for "uncovered …" labels */
  peopleZh: string;
  peopleEn: string;
  /** a short label for narrow table headers */
  shortZh: string;
  shortEn: string;
}

export const AGE_GROUP_INFO: Record<AgeGroup, AgeGroupInfo> = {
  age60plus: {
    id: 'age60plus',
    zh: '60岁及以上',
    en: 'aged 60+',
    peopleZh: '老年人',
    peopleEn: 'elders',
    shortZh: '60岁+',
    shortEn: '60+',
  },
  age3to5: {
    id: 'age3to5',
    zh: '3–6岁',
    en: 'aged 3–5',
    peopleZh: '幼儿',
    peopleEn: 'children 3–5',
    shortZh: '3–6岁',
    shortEn: '3–5',
  },
  under3: {
    id: 'under3',
    zh: '0–3岁',
    en: 'under 3',
    peopleZh: '婴幼儿',
    peopleEn: 'children under 3',
    shortZh: '0–3岁',
    shortEn: 'under 3',
  },
};

const UNDER3_CATEGORIES = new Set<string>(['nursery', 'childcare-centre', 'baby-room']);

/** The age group a category serves, or null when it serves every resident. */
export function targetGroupOf(category: CoverageCategory): AgeGroup | null {
  if (!isCategoryId(category)) return null;
  if (categoryInfo(category).family === 'eldercare') return 'age60plus';
  if (category === 'kindergarten') return 'age3to5';
  if (UNDER3_CATEGORIES.has(category)) return 'under3';
  return null;
}
