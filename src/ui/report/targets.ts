/**
 * The district's own 一老一小 figures (facts, not model output), with their source, and the
 * analyses the district report runs for those our data can speak to.
 *
 * The figures are as the district's reports give them: 2022 results and the 2023 plan from
 * the district's 2023 plan report (杨浦区2023年计划报告), 2023 results from the 2024
 * government work report (杨浦区2024年政府工作报告). They were transcribed into this project's
 * issue 13; the reports' page numbers have not been re-checked here.
 */
import type { CoverageCategory } from '../../core/categories';
import type { Bilingual } from '../../core/lang';

export type TargetSource = 'plan2023' | 'gwr2024';

export const TARGET_SOURCES: Record<TargetSource, Bilingual> = {
  plan2023: {
    zh: '杨浦区2023年计划报告（2022年执行情况与2023年计划）',
    en: 'Yangpu District 2023 plan report (2022 results and the 2023 plan)',
  },
  gwr2024: {
    zh: '杨浦区2024年政府工作报告（2023年工作回顾）',
    en: 'Yangpu District 2024 government work report (review of 2023)',
  },
};

export type TargetKind =
  | 'beds'
  | 'elder-service-centre'
  | 'meal-place'
  | 'doorstep-station'
  | 'childcare-point'
  | 'baby-room'
  | 'kindergarten-places';

/** What each kind counts, in both languages. */
export const TARGET_KINDS: Record<TargetKind, Bilingual> = {
  beds: { zh: '养老床位', en: 'Elder-care beds' },
  'elder-service-centre': { zh: '综合为老服务中心', en: 'Elder service centres' },
  'meal-place': { zh: '助餐场所（长者食堂、助餐点）', en: 'Meal places (canteens, meal points)' },
  'doorstep-station': { zh: '家门口养老服务站', en: 'Doorstep elder-service stations' },
  'childcare-point': { zh: '普惠托育点', en: 'Public childcare points (0–3)' },
  'baby-room': { zh: '社区宝宝屋', en: 'Community baby rooms' },
  'kindergarten-places': { zh: '幼儿园托班托位（3岁以下）', en: 'Places for under-3s in kindergartens' },
};

export interface DistrictTarget {
  id: string;
  year: 2022 | 2023;
  status: 'done' | 'planned';
  kind: TargetKind;
  /** beds, sites or places, as `kind` says */
  count: number;
  note?: Bilingual;
  source: TargetSource;
}

const t = (
  id: string,
  year: 2022 | 2023,
  status: 'done' | 'planned',
  kind: TargetKind,
  count: number,
  source: TargetSource,
  note?: Bilingual,
): DistrictTarget => ({ id, year, status, kind, count, source, ...(note ? { note } : {}) });

export const DISTRICT_TARGETS: readonly DistrictTarget[] = [
  t('2022-beds', 2022, 'done', 'beds', 350, 'plan2023', { zh: '新建养老院2家', en: 'two new homes' }),
  t('2022-centres', 2022, 'done', 'elder-service-centre', 3, 'plan2023'),
  t('2022-meals', 2022, 'done', 'meal-place', 13, 'plan2023'),
  t('2022-childcare', 2022, 'done', 'childcare-point', 2, 'plan2023'),
  t('2022-baby', 2022, 'done', 'baby-room', 1, 'plan2023', { zh: '首家', en: 'the first' }),
  t('2022-places', 2022, 'done', 'kindergarten-places', 280, 'plan2023', {
    zh: '12所幼儿园',
    en: 'in 12 kindergartens',
  }),
  t('2023p-beds', 2023, 'planned', 'beds', 250, 'plan2023'),
  t('2023p-centres', 2023, 'planned', 'elder-service-centre', 1, 'plan2023'),
  t('2023p-meals', 2023, 'planned', 'meal-place', 3, 'plan2023'),
  t('2023p-childcare', 2023, 'planned', 'childcare-point', 4, 'plan2023'),
  t('2023p-baby', 2023, 'planned', 'baby-room', 6, 'plan2023'),
  t('2023-beds', 2023, 'done', 'beds', 537, 'gwr2024'),
  t('2023-centres', 2023, 'done', 'elder-service-centre', 2, 'gwr2024'),
  t('2023-meals', 2023, 'done', 'meal-place', 6, 'gwr2024', {
    zh: '社区助餐点',
    en: 'community meal points',
  }),
  t('2023-doorstep', 2023, 'done', 'doorstep-station', 13, 'gwr2024'),
  t('2023-baby', 2023, 'done', 'baby-room', 12, 'gwr2024'),
];

/**
 * A "where would that many new sites cover the most residents" run for one target figure:
 * `count` new sites of `category` at its standard radius, counting the
 * existing sites of `alsoServing` as already serving residents (they are relabelled as
 * `category` for the run). `noList`: the sources hold no list of these sites, so the run
 * starts from none and shows where the first sites would matter most.
 */
export interface TargetAnalysis {
  id: string;
  /** the figure (DISTRICT_TARGETS id) the run stands for */
  target: string;
  /** new sites to place */
  count: number;
  /** run at the category's standard radius (DEFAULT_STANDARDS) */
  category: CoverageCategory;
  alsoServing: CoverageCategory[];
  noList: boolean;
  /** what is measured, in a sentence */
  basis: Bilingual;
  /** the run's title when the figure's own words do not fit (beds → homes) */
  label?: Bilingual;
}

const countOf = (id: string): number => DISTRICT_TARGETS.find((x) => x.id === id)!.count;

export const TARGET_ANALYSES: readonly TargetAnalysis[] = [
  {
    id: 'centres',
    target: '2023-centres',
    count: countOf('2023-centres'),
    category: 'elder-service-centre',
    alsoServing: [],
    noList: false,
    basis: {
      zh: '现有综合为老服务中心，5分钟（300米）。',
      en: 'The elder service centres on our lists, 5 minutes (300 m).',
    },
  },
  {
    id: 'meals',
    target: '2023-meals',
    count: countOf('2023-meals'),
    category: 'meal-point',
    alsoServing: ['elder-canteen'],
    noList: false,
    basis: {
      zh: '现有长者食堂与助餐点合计，5分钟（300米）。',
      en: 'Elder canteens and meal points together, 5 minutes (300 m).',
    },
  },
  {
    id: 'doorstep',
    target: '2023-doorstep',
    count: countOf('2023-doorstep'),
    category: 'elder-service-centre',
    alsoServing: ['day-care'],
    noList: false,
    basis: {
      zh: '无家门口养老服务站名单：以现有综合为老服务中心与日间照护机构（5分钟社区为老服务）为已覆盖，300米。',
      en: 'No list of doorstep stations: residents within 300 m of an elder service centre or day-care site (5-minute community elder services) count as served.',
    },
  },
  {
    id: 'baby-rooms',
    target: '2023-baby',
    count: countOf('2023-baby'),
    category: 'baby-room',
    alsoServing: [],
    noList: true,
    basis: {
      zh: '无宝宝屋名单：从零开始，显示最初几处最能覆盖居民的位置，10分钟（500米）。',
      en: 'No list of baby rooms: starting from none, where the first sites would matter most, 10 minutes (500 m).',
    },
  },
  {
    id: 'childcare',
    target: '2023p-childcare',
    count: countOf('2023p-childcare'),
    category: 'childcare-centre',
    alsoServing: [],
    noList: true,
    basis: {
      zh: '无托育机构名单：从零开始，显示最初几处最能覆盖居民的位置，10分钟（500米）。',
      en: 'No list of childcare centres: starting from none, where the first sites would matter most, 10 minutes (500 m).',
    },
  },
  {
    id: 'homes',
    target: '2022-beds',
    // the 2022 figure: +350 beds in two new homes
    count: 2,
    category: 'nursing-home',
    alsoServing: [],
    noList: false,
    label: { zh: '新建养老院2家（床位）', en: 'Two new nursing homes (beds)' },
    basis: {
      zh: '床位以新建养老院计，按2022年“新增床位350张、新建养老院2家”的方式；现有养老院，15分钟（1000米）。',
      en: 'Beds come as new homes, as in 2022 (+350 beds in two new homes); today’s nursing homes, 15 minutes (1000 m).',
    },
  },
];

/** Beds added in 2023 (a figure the bed ratio is shown with). */
export const BEDS_2023 = DISTRICT_TARGETS.find((x) => x.id === '2023-beds')!.count;
