/** The coverage feature's own strings: the legend, and the walking-network parts. */
import { defineStrings, type Lang } from '../i18n';

export const legendText = defineStrings({
  ramp: {
    zh: '各生活圈按步行距离内居民占比着色',
    en: 'Each circle coloured by its share of residents within the distance',
  },
  reference: { zh: '参考线 85%', en: '85 % reference' },
  facilities: { zh: '所选类型的设施', en: 'Facilities of the chosen type' },
  streets: { zh: '街道与街区（OSM，放大后显示）', en: 'Streets and blocks (OSM, when zoomed in)' },
  classes: { zh: '覆盖率分级', en: 'Coverage classes' },
  walk: { zh: '步行距离（最佳可得）', en: 'Walking (best available)' },
  network: {
    zh: '步行网络（按其计算步行距离）',
    en: 'Walking network (walking distance is measured along it)',
  },
});

const profile = defineStrings({
  inside: { zh: '圈内的{type}（仅所选类型）', en: '{type} inside (the selected type only)' },
  inReach: {
    zh: '步行范围内可达的{type}（含圈外；仅所选类型）',
    en: '{type} within reach (inside or outside; the selected type only)',
  },
  noneOfType: {
    zh: '无（仅指所选类型，其他类型见上方各类覆盖率）',
    en: 'none (of the selected type; every type’s coverage is above)',
  },
});

/**
 * The circle profile's facility headings and their "none": they list the selected type only
 * (the table's), and say so — "无" next to another type's coverage would read as "nothing".
 */
export function profileText(key: 'inside' | 'inReach' | 'noneOfType', type: string, lang: Lang): string {
  return profile(key, lang).replace('{type}', type);
}

export const s = defineStrings({
  distanceModel: { zh: '距离', en: 'Distance' },
  walkWhere: {
    zh: '网络内居民按实测步行距离，其余按估算步行距离（带区间）。',
    en: 'Residents in the network by measured walks, the others by an estimated walk (with its range).',
  },
  rangeNote: {
    zh: '括号内为区间：部分居民的步行距离为估算（非直线系数第 25–75 百分位）。',
    en: 'In brackets, the range: the walks of some residents are estimated (25th–75th percentiles of the route factors).',
  },
  measured: { zh: '实测', en: 'measured' },
  estimated: { zh: '估算', en: 'estimated' },
  networkWhere: {
    zh: '步行网络仅覆盖五角场/复旦/同济一带（OSM）；网络之外仍按直线距离计算并标注。',
    en: 'The walking network covers only the 五角场/复旦/同济 area (OSM); elsewhere straight-line distance is used, and labelled.',
  },
  networkCovers: { zh: '网络覆盖居民', en: 'Network covers' },
  ofResidents: { zh: '的居民', en: 'of residents' },
  networkUnavailable: { zh: '步行网络不可用：', en: 'The walking network is not available:' },
  sideBySide: {
    zh: '直线与步行对比（网络内居民）',
    en: 'Straight line and walking, side by side (residents in the network)',
  },
  colInNetwork: { zh: '网络内居民', en: 'In network' },
  colWalking: { zh: '步行覆盖', en: 'Walking' },
  colStraight: { zh: '直线覆盖', en: 'Straight' },
  colDetour: { zh: '绕行系数', en: 'Detour' },
  detourNote: {
    zh: '绕行系数 = 网络距离中位数 ÷ 直线距离中位数（同一批居民）。',
    en: 'Detour index = median walking distance ÷ median straight-line distance (same residents).',
  },
  mixedNote: {
    zh: '网络模式：网络内居民按步行距离，其余按直线距离。',
    en: 'Network mode: residents in the network by walking distance, the others by straight-line distance.',
  },
});
