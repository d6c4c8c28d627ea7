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
