/** Every UI string, in Chinese (default) and English. */
export type Lang = 'zh' | 'en';

const STRINGS = {
  title: { zh: '杨浦15分钟社区生活圈', en: 'Yangpu 15-minute life circles' },
  subtitle: {
    zh: '一老一小设施与步行覆盖 · 12个街道 · 33个生活圈',
    en: 'Eldercare & childcare access · 12 subdistricts · 33 circles',
  },
  layers: { zh: '图层', en: 'Layers' },
  legend: { zh: '图例', en: 'Legend' },
  'group.subdistricts': { zh: '街道', en: 'Subdistricts' },
  'group.circles': { zh: '生活圈（推导边界）', en: 'Life circles (derived)' },
  'group.riverfront': { zh: '杨浦滨江（推导线）', en: 'Riverfront (derived line)' },
  'group.metro': { zh: '地铁', en: 'Metro' },
  'group.roads': { zh: '高架道路', en: 'Elevated roads' },
  'group.osm': { zh: 'OSM 街区细节（五角场一带）', en: 'OSM detail (Wujiaochang area)' },
  'group.gaps': { zh: '覆盖缺口', en: 'Coverage gaps' },
  'group.eldercare': { zh: '养老设施', en: 'Eldercare' },
  'group.childcare': { zh: '托幼设施', en: 'Childcare' },
  'group.services': { zh: '其他公共服务', en: 'Other services' },
  derivedNotice: {
    zh: '33个生活圈的官方边界尚未公开：图中边界由本项目按人口与面积推导，仅供参考。',
    en: 'The 33 official circle boundaries are not public: the boundaries shown are derived by this project.',
  },
  loading: { zh: '正在加载地图数据…', en: 'Loading map data…' },
  loadError: { zh: '地图数据加载失败', en: 'Map data failed to load' },
  language: { zh: 'English', en: '中文' },
  languageLabel: { zh: '切换到英文', en: 'Switch to Chinese' },
  sources: { zh: '数据来源', en: 'Data sources' },
  facilities: { zh: '处', en: 'sites' },
  basemapFailed: {
    zh: '在线底图无法加载，已改用内置底图。',
    en: 'The online basemap could not be loaded; using the built-in basemap.',
  },
  coverage: { zh: '步行覆盖', en: 'Walking coverage' },
  category: { zh: '设施类型', en: 'Facility type' },
  riverfrontAccess: { zh: '滨江可达（至推导岸线）', en: 'Riverfront access (to the derived line)' },
  threshold: { zh: '步行距离', en: 'Walking distance' },
  tier5: { zh: '5分钟（300米）', en: '5 min (300 m)' },
  tier10: { zh: '10分钟（500米）', en: '10 min (500 m)' },
  tier15: { zh: '15分钟（1000米）', en: '15 min (1000 m)' },
  custom: { zh: '自定义', en: 'Custom' },
  customMetres: { zh: '自定义距离（米）', en: 'Custom distance (m)' },
  straightLine: {
    zh: '直线距离：5分钟=300米，10分钟=500米，15分钟=1000米（按标准分级）。',
    en: 'Straight-line distance: 5 min = 300 m, 10 min = 500 m, 15 min = 1000 m (the standard’s tiers).',
  },
  standard: { zh: '标准', en: 'Standard' },
  chosenTier: { zh: '（标准未给半径，本项目选定）', en: '(no radius in the standards: our choice)' },
  districtCoverage: { zh: '全区覆盖居民', en: 'District residents covered' },
  residents: { zh: '人', en: 'residents' },
  of: { zh: '/', en: 'of' },
  landShare: { zh: '居住用地覆盖', en: 'Residential land covered' },
  target85: {
    zh: '参考线：上海2025年社区养老15分钟覆盖约85%',
    en: 'Reference: Shanghai 2025 target ≈ 85% (community eldercare)',
  },
  worstCircles: { zh: '未覆盖居民最多的生活圈', en: 'Circles with most uncovered residents' },
  uncovered: { zh: '未覆盖', en: 'uncovered' },
  computing: { zh: '计算中…', en: 'Computing…' },
  computedIn: { zh: '计算用时', en: 'computed in' },
  coverageLegend: { zh: '生活圈覆盖率（居民）', en: 'Circle coverage (residents)' },
  gapLegend: { zh: '缺口：步行范围外的居住用地', en: 'Gap: residential land beyond the distance' },
  populationModel: {
    zh: '人口模型：2020年街道普查人口按居住用地均匀分布（五角场一带按OSM居住用地）；覆盖率为模型估计。',
    en: 'Population model: 2020 census by subdistrict, spread evenly over residential land (OSM residential areas around Wujiaochang); shares are model estimates.',
  },
  edgeNote: {
    zh: '靠近区界：邻区设施（未收录）可能服务部分居民',
    en: 'Near the district border: facilities in neighbouring districts (not included) may serve some residents',
  },
  childcareCaveat: {
    zh: '托幼数据不全：现行幼儿园名单只覆盖新江湾城、殷行、长海路、五角场；其余街道用约2017年的旧名单；托育机构、宝宝屋暂无名单。',
    en: 'Childcare data are incomplete: the current kindergarten list covers only Xinjiangwancheng, Yinhang, Changhai Rd and Wujiaochang; elsewhere an older list (c. 2017) is used; no 0–3 childcare or baby-room list exists yet.',
  },
  noFacilities: { zh: '数据源中没有此类设施的名单', en: 'The sources hold no list of this facility type' },
  hidePanel: { zh: '收起面板', en: 'Hide panel' },
  showPanel: { zh: '展开面板', en: 'Show panel' },
} satisfies Record<string, Record<Lang, string>>;

export type StringKey = keyof typeof STRINGS;

export function t(key: StringKey, lang: Lang): string {
  return STRINGS[key][lang];
}

/** Format a number for the language's locale (zh-CN or en-GB). */
export function formatNumber(value: number, lang: Lang, digits = 0): string {
  return value.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-GB', {
    maximumFractionDigits: digits,
    minimumFractionDigits: digits,
  });
}
