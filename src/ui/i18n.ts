/**
 * UI strings in Chinese (default) and English. Shared strings live here; a feature keeps
 * its own in its folder (`strings.ts`) with `defineStrings`, so features do not all edit
 * one file.
 */
import type { Lang } from '../core/lang';

export type { Lang };

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
  'group.population': { zh: '人口模型（推导）', en: 'Population model (derived)' },
  derivedNotice: {
    zh: '33个生活圈的官方边界尚未公开：图中边界由本项目按模型人口均分推导，仅供参考。',
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
  analysisFailed: { zh: '分析失败：', en: 'The analysis failed:' },
  retry: { zh: '重试', en: 'Retry' },
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
  tiersNote: {
    zh: '距离按{d}计：5分钟=300米，10分钟=500米，15分钟=1000米（按标准分级）。',
    en: 'Distance as {d}: 5 min = 300 m, 10 min = 500 m, 15 min = 1000 m (the standard’s tiers).',
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
    zh: '人口模型（推导）：2020年街道普查人口按住宅建筑面积分布——五角场/复旦/同济一带按OSM住宅楼（占地×层数），只有居住用地处按居住用地，其余按陆地均匀分布；覆盖率为模型估计。图层“人口模型”显示各处所用方法。',
    en: 'Population model (derived): 2020 census by subdistrict, spread by residential floor area — OSM residential buildings (footprint × floors) around Wujiaochang/Fudan/Tongji, residential land use where only that is mapped, land elsewhere; shares are model estimates. The “Population model” layer shows which method applies where.',
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
  tabCoverage: { zh: '覆盖分析', en: 'Coverage' },
  tabNearby: { zh: '我家附近', en: 'Near me' },
  tabLayers: { zh: '图层与数据', en: 'Layers & data' },
  dashboard: { zh: '生活圈一览', en: 'All circles' },
  colCircle: { zh: '生活圈', en: 'Circle' },
  colSubdistrict: { zh: '街道', en: 'Subdistrict' },
  colPopulation: { zh: '人口', en: 'Residents' },
  colCoverage: { zh: '覆盖率', en: 'Covered' },
  colUncovered: { zh: '未覆盖居民', en: 'Uncovered' },
  district: { zh: '全区', en: 'District' },
  sortBy: { zh: '排序：', en: 'Sort by ' },
  circleDetail: { zh: '生活圈详情', en: 'Circle details' },
  close: { zh: '关闭', en: 'Close' },
  area: { zh: '面积', en: 'Area' },
  km2: { zh: '平方公里', en: 'km²' },
  populationModelled: { zh: '居民（模型）', en: 'Residents (model)' },
  allCategories: { zh: '各类设施覆盖率（默认步行距离）', en: 'Coverage of every type (default distances)' },
  worstPoint: { zh: '最远居民点', en: 'Worst-served point' },
  showOnMap: { zh: '在地图上显示', en: 'Show on map' },
  none: { zh: '无', en: 'none' },
  derivedCircle: {
    zh: '此生活圈边界由本项目推导（官方边界未公开），人口为人口模型的计数，与覆盖表一致。',
    en: 'This circle’s boundary is derived by this project (the official one is not public); its population is the population model’s count, the same number the coverage table uses.',
  },
  facility: { zh: '设施', en: 'Facility' },
  address: { zh: '地址', en: 'Address' },
  capacity: { zh: '规模', en: 'Capacity' },
  source: { zh: '来源', en: 'Source' },
  sourceDate: { zh: '日期', en: 'Date' },
  locationQuality: { zh: '定位质量', en: 'Location quality' },
  'quality.high': { zh: '高（两个独立来源一致）', en: 'high (two independent sources agree)' },
  'quality.medium': { zh: '中', en: 'medium' },
  'quality.low': { zh: '低（来源不一致或地址不精确）', en: 'low (sources disagree or address imprecise)' },
  'quality.unrated': { zh: '未评级', en: 'unrated' },
  statedSubdistrict: { zh: '来源所标街道', en: 'Subdistrict stated by the source' },
  unlocated: {
    zh: '仅有地址（无法准确定位）的官方设施',
    en: 'Official facilities with an address only (not located)',
  },
  addressOnly: { zh: '仅地址', en: 'address only' },
  nearbyHelp: {
    zh: '在地图上点击任意位置（或使用我的位置），查看各类设施的最近距离。',
    en: 'Click anywhere on the map (or use your location) to see the nearest facility of each type.',
  },
  useLocation: { zh: '使用我的位置', en: 'Use my location' },
  locationUnavailable: { zh: '无法获取位置', en: 'Location unavailable' },
  locationOutside: { zh: '您的位置不在杨浦区内', en: 'Your location is outside Yangpu' },
  clearPoint: { zh: '清除', en: 'Clear' },
  minutes: { zh: '分钟', en: 'min' },
  metres: { zh: '米', en: 'm' },
  meets: { zh: '达标', en: 'meets' },
  misses: { zh: '未达标', en: 'misses' },
  walkEstimate: {
    zh: '步行分钟按直线距离÷60米/分钟估算（即标准“5分钟=300米”）；实际路线更长。',
    en: 'Minutes = straight-line distance ÷ 60 m/min (the standards’ “5 min = 300 m”); real routes are longer.',
  },
  search: { zh: '搜索设施、地址、生活圈、街道', en: 'Search facilities, addresses, circles, subdistricts' },
  noResults: { zh: '无结果', en: 'No results' },
  share: { zh: '复制链接', en: 'Copy link' },
  copied: { zh: '链接已复制', en: 'Link copied' },
  exportCsv: { zh: '导出表格 CSV', en: 'Export table (CSV)' },
  exportGaps: { zh: '导出缺口 GeoJSON', en: 'Export gaps (GeoJSON)' },
  exportPng: { zh: '导出地图 PNG', en: 'Export map (PNG)' },
  openFull: { zh: '打开完整地图', en: 'Open the full map' },
  scenario: { zh: '规划方案（拟建点）', en: 'Scenarios (proposed sites)' },
  scenarioName: { zh: '方案名称', en: 'Scenario name' },
  newScenario: { zh: '新方案', en: 'New scenario' },
  deleteScenario: { zh: '删除方案', en: 'Delete scenario' },
  addSite: { zh: '添加拟建点：点击地图', en: 'Add proposed site: click the map' },
  addingSite: { zh: '请在地图上点击放置…（Esc 取消）', en: 'Click the map to place it… (Esc cancels)' },
  siteName: { zh: '拟建点名称', en: 'Site name' },
  remove: { zh: '删除', en: 'Remove' },
  before: { zh: '现状', en: 'Before' },
  after: { zh: '方案', en: 'After' },
  newlyCovered: { zh: '新增覆盖居民', en: 'Newly covered residents' },
  circlesGaining: { zh: '受益生活圈', en: 'Circles that gain' },
  compare: { zh: '方案对比', en: 'Compare scenarios' },
  exportSites: { zh: '导出拟建点 GeoJSON', en: 'Export sites (GeoJSON)' },
  exportBeforeAfter: { zh: '导出前后对比 CSV', en: 'Export before/after (CSV)' },
  suggest: { zh: '建议选址', en: 'Suggest sites' },
  suggestCount: { zh: '建议个数', en: 'Number of sites' },
  onlySelected: { zh: '仅在所选生活圈内', en: 'Only in the selected circle' },
  suggestRun: { zh: '计算建议', en: 'Suggest' },
  addAll: { zh: '全部加入方案', en: 'Add all to the scenario' },
  add: { zh: '加入', en: 'Add' },
  gain: { zh: '新增覆盖', en: 'newly covers' },
  suggestModel: {
    zh: '建议为模型结果：距离按{d}计，人口按模型分布（住宅楼、居住用地或陆地）、数据截至各来源日期；候选点为区内陆地规则网格（不含江面），用贪心最大覆盖法（不劣于最优解的63%）。',
    en: 'Suggestions are a model: distance as {d}, residents as the population model places them (residential buildings, land use or land), data as of their sources’ dates; candidates are a regular lattice of district land (no river), chosen by greedy maximal coverage (within 63% of optimal).',
  },
  riverfrontNoSites: {
    zh: '滨江可达不能添加拟建点',
    en: 'Proposed sites cannot be added for riverfront access',
  },
  importData: { zh: '导入数据', en: 'Import data' },
  importKind: { zh: '数据类型', en: 'Data type' },
  importFacilities: { zh: '设施点（CSV 或 GeoJSON）', en: 'Facilities (CSV or GeoJSON)' },
  importCircles: {
    zh: '生活圈边界（GeoJSON，替换推导边界）',
    en: 'Life-circle boundaries (GeoJSON, replace the derived ones)',
  },
  importPopulation: {
    zh: '人口（CSV：生活圈或街道名称/编号 + 人口）',
    en: 'Population (CSV: circle or subdistrict name/id + residents)',
  },
  importMode: { zh: '导入方式', en: 'How to import' },
  importModeAdd: { zh: '加入该类设施', en: 'Add to the family' },
  importModeReplace: { zh: '替换该类默认设施', en: 'Replace the family’s default facilities' },
  importCrs: { zh: '文件坐标系', en: 'Coordinate system of the file' },
  importCategory: { zh: '缺省设施类型', en: 'Default facility type' },
  importFile: { zh: '选择文件或拖放到此处（≤ 50 MB）', en: 'Choose a file or drop it here (≤ 50 MB)' },
  importReading: { zh: '读取中…', en: 'Reading…' },
  importAccepted: { zh: '可导入', en: 'accepted' },
  importRejected: { zh: '被拒绝', en: 'rejected' },
  importEncoding: { zh: '编码', en: 'Encoding' },
  importAccept: { zh: '确认导入', en: 'Accept the import' },
  importCancel: { zh: '取消', en: 'Cancel' },
  importedLayers: { zh: '已导入的图层（保存在本浏览器）', en: 'Imported layers (kept in this browser)' },
  importReset: { zh: '恢复默认数据', en: 'Reset to the default data' },
  importExport: { zh: '导出当前数据 GeoJSON', en: 'Export the current data (GeoJSON)' },
  officialCircles: {
    zh: '生活圈边界：已导入（官方/自备）',
    en: 'Circle boundaries: imported (official/own)',
  },
  hidePanel: { zh: '收起面板', en: 'Hide panel' },
  showPanel: { zh: '展开面板', en: 'Show panel' },
} satisfies Record<string, Record<Lang, string>>;

export type StringKey = keyof typeof STRINGS;

export function t(key: StringKey, lang: Lang): string {
  return STRINGS[key][lang];
}

const TABLES: Record<string, Record<Lang, string>>[] = [STRINGS];

/** A feature's own strings: `const s = defineStrings({ key: { zh, en } }); s('key', lang)`. */
export function defineStrings<K extends string>(strings: Record<K, Record<Lang, string>>) {
  TABLES.push(strings);
  return (key: K, lang: Lang): string => strings[key][lang];
}

/** Every string table loaded so far (the shared one first): for the test that walks every message. */
export function stringTables(): readonly Record<string, Record<Lang, string>>[] {
  return TABLES;
}

/** A name in the language: in English the English name when the data has one, else the Chinese name. */
export function localName(item: { name: string; nameEn?: string | null }, lang: Lang): string {
  return lang === 'en' && item.nameEn ? item.nameEn : item.name;
}

/** A circle's subdistrict (from a coverage row) in the language. */
export function subdistrictName(row: { subdistrict: string; subdistrictEn?: string }, lang: Lang): string {
  return localName({ name: row.subdistrict, nameEn: row.subdistrictEn }, lang);
}

const numberFormats = new Map<string, Intl.NumberFormat>();

/**
 * Format a number for the language's locale (zh-CN or en-GB). One Intl.NumberFormat per
 * language and digits, kept: `toLocaleString` with options builds a new one on every call,
 * which cost ~60 ms of main thread per dashboard render.
 */
export function formatNumber(value: number, lang: Lang, digits = 0): string {
  const key = `${lang}:${digits}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(lang === 'zh' ? 'zh-CN' : 'en-GB', {
      maximumFractionDigits: digits,
      minimumFractionDigits: digits,
    });
    numberFormats.set(key, format);
  }
  return format.format(value);
}
