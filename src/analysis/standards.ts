/**
 * Walking-distance standards, one row per rule with its citation, and each category's
 * default threshold. Tiers follow GB 50180-2018: 5 min = 300 m, 10 min = 500 m,
 * 15 min = 1000 m (the standard gives 800–1000 m; we use the upper bound by default).
 * Distances are straight-line service radii, as the standards state them.
 */
import { type CoverageCategory, RIVERFRONT } from '../core/categories';

export { type CoverageCategory, RIVERFRONT };

export type TierMinutes = 5 | 10 | 15;

/** Radius (m) of each walking tier. */
export const TIER_RADIUS_M: Record<TierMinutes, number> = { 5: 300, 10: 500, 15: 1000 };

export interface StandardRule {
  id: string;
  zh: string;
  en: string;
  citation: string;
}

export const RULES = {
  'gb50180-5min': {
    id: 'gb50180-5min',
    zh: '5分钟生活圈（步行300米）',
    en: '5-minute tier (300 m walk)',
    citation: 'GB 50180-2018 城市居住区规划设计标准, §2.0.4, Table 3.0.4; Appendix B Table B.0.2',
  },
  'gb50180-10min': {
    id: 'gb50180-10min',
    zh: '10分钟生活圈（步行500米）',
    en: '10-minute tier (500 m walk)',
    citation: 'GB 50180-2018 城市居住区规划设计标准, §2.0.3, Table 3.0.4',
  },
  'gb50180-15min': {
    id: 'gb50180-15min',
    zh: '15分钟生活圈（步行800–1000米）',
    en: '15-minute tier (800–1000 m walk)',
    citation: 'GB 50180-2018 城市居住区规划设计标准, §2.0.2, Table 3.0.4; Appendix B Table B.0.1',
  },
  'sh2016-elder-5min': {
    id: 'sh2016-elder-5min',
    zh: '为老服务设施优先布局在5分钟步行范围内',
    en: 'Elder services within a 5-minute walk',
    citation: '上海市15分钟社区生活圈规划导则（试行）, 2016',
  },
  'sh2016-child-10min': {
    id: 'sh2016-child-10min',
    zh: '0–3岁托育以500米（10分钟）步行范围为基准',
    en: '0–3 childcare within a 10-minute (≈500 m) walk',
    citation: '上海市15分钟社区生活圈规划导则（试行）, 2016',
  },
} as const satisfies Record<string, StandardRule>;

export type RuleId = keyof typeof RULES;

export interface CategoryStandard {
  tier: TierMinutes;
  radiusM: number;
  rule: RuleId;
  /** true when no source states a radius for this category and the tier is our choice */
  chosen: boolean;
  note: { zh: string; en: string };
}

const std = (tier: TierMinutes, rule: RuleId, chosen: boolean, zh: string, en: string): CategoryStandard => ({
  tier,
  radiusM: TIER_RADIUS_M[tier],
  rule,
  chosen,
  note: { zh, en },
});

/** The "category" id used for distance to the riverfront corridor. */

export const DEFAULT_STANDARDS: Record<CoverageCategory, CategoryStandard> = {
  'nursing-home': std(
    15,
    'gb50180-15min',
    false,
    '养老院属15分钟生活圈配套',
    'Nursing homes are 15-minute-tier facilities',
  ),
  'care-home': std(
    15,
    'gb50180-15min',
    true,
    '无明确半径；按养老院所属15分钟层级',
    'No stated radius; the 15-minute tier of nursing homes',
  ),
  'elder-service-centre': std(
    5,
    'sh2016-elder-5min',
    false,
    '综合为老服务中心：5分钟步行',
    'Elder service centres: 5-minute walk',
  ),
  'day-care': std(
    5,
    'gb50180-5min',
    false,
    '老年人日间照料中心属5分钟层级（≤300米）',
    'Elder day care is a 5-minute-tier facility (≤ 300 m)',
  ),
  'elder-canteen': std(
    5,
    'gb50180-5min',
    true,
    '无助餐半径；按社区食堂所属5分钟层级',
    'No meal-service radius; the 5-minute tier of community canteens',
  ),
  'meal-point': std(
    5,
    'gb50180-5min',
    true,
    '无助餐半径；按社区食堂所属5分钟层级',
    'No meal-service radius; the 5-minute tier of community canteens',
  ),
  'nursing-station': std(
    10,
    'gb50180-10min',
    true,
    '无明确半径；取10分钟层级',
    'No stated radius; the 10-minute tier chosen',
  ),
  'nursing-hospital': std(
    15,
    'gb50180-15min',
    true,
    '无明确半径；按养老院所属15分钟层级',
    'No stated radius; the 15-minute tier of nursing homes',
  ),
  'elder-service-org': std(
    15,
    'gb50180-15min',
    true,
    '无明确半径；取15分钟层级',
    'No stated radius; the 15-minute tier chosen',
  ),
  kindergarten: std(
    5,
    'gb50180-5min',
    false,
    '幼儿园属5分钟层级（≤300米；旧标准为500米）',
    'Kindergartens: 5-minute tier (≤ 300 m; older standards 500 m)',
  ),
  nursery: std(5, 'gb50180-5min', false, '托儿所属5分钟层级（≤300米）', 'Nurseries: 5-minute tier (≤ 300 m)'),
  'childcare-centre': std(
    10,
    'sh2016-child-10min',
    false,
    '0–3岁托育：10分钟（约500米）',
    '0–3 childcare: 10 minutes (≈ 500 m)',
  ),
  'baby-room': std(
    10,
    'sh2016-child-10min',
    false,
    '宝宝屋按0–3岁托育：10分钟（约500米）',
    'Baby rooms as 0–3 childcare: 10 minutes (≈ 500 m)',
  ),
  'health-centre': std(
    15,
    'gb50180-15min',
    false,
    '社区卫生服务中心属15分钟层级',
    'Community health centres are 15-minute-tier facilities',
  ),
  'cultural-centre': std(
    15,
    'gb50180-15min',
    false,
    '文化活动中心属15分钟层级',
    'Cultural centres are 15-minute-tier facilities',
  ),
  park: std(
    10,
    'gb50180-10min',
    true,
    '公园为地址点；取10分钟层级',
    'Parks are address points; the 10-minute tier chosen',
  ),
  sports: std(
    15,
    'gb50180-15min',
    true,
    '无明确半径；取15分钟层级',
    'No stated radius; the 15-minute tier chosen',
  ),
  riverfront: std(
    15,
    'gb50180-15min',
    true,
    '滨江可达：取15分钟层级（至推导岸线的直线距离）',
    'Riverfront access: the 15-minute tier (straight line to the derived bank line)',
  ),
};

/** Shanghai's 2025 target for 15-minute coverage of community eldercare, as a share (0–1). */
export const ELDERCARE_TARGET_SHARE = 0.85;
export const ELDERCARE_TARGET_CITATION =
  '上海市养老服务设施布局专项规划（2022–2035）/ 2025 目标：社区养老服务15分钟覆盖约85%';

/** Walking speed (m/min) implied by the tiers' "5 minutes = 300 m"; used for minute estimates. */
export const WALK_M_PER_MIN = 60;
