/** The access analysis's strings (issue 20), Chinese and English. */

import type { CapacityUnit } from '../../analysis/access/capacitySpec';
import { AGE_GROUP_INFO, type AgeGroup } from '../../core/ageGroups';
import { defineStrings, type Lang } from '../i18n';

export const s = defineStrings({
  access: { zh: '可达容量与公平', en: 'Capacity in reach and fairness' },
  walkTime: { zh: '按步行时间', en: 'As a walking time' },
  minutes: { zh: '分钟', en: 'min' },
  pace: { zh: '步速', en: 'Pace' },
  siteCapacity: { zh: '规划容量', en: 'planned capacity' },
  siteCapacityUnknown: { zh: '未知（不计入可达容量）', en: 'unknown (not counted in capacity in reach)' },
  paceAdult: { zh: '成人 1.1 米/秒', en: 'adult 1.1 m/s' },
  paceElder: { zh: '老年人 0.8 米/秒', en: 'elder 0.8 m/s' },
  elder15: { zh: '老年人步行15分钟', en: '15 min at an elder’s pace' },
  paceNote: {
    zh: '步速：成人1.1米/秒（GB 50180-2018：15分钟约800–1000米，取上限）；老年人0.8米/秒（Asher等，Age and Ageing 2012：65岁以上平均步速男0.9、女0.8米/秒）。',
    en: 'Paces: adult 1.1 m/s (GB 50180-2018: 15 min ≈ 800–1000 m, upper bound); elder 0.8 m/s (Asher et al., Age and Ageing 2012: mean walking speed aged 65+, men 0.9, women 0.8 m/s).',
  },
  capacityInReach: { zh: '可达容量', en: 'Capacity in reach' },
  perInReach: { zh: '可达', en: 'in reach' },
  unknownCapacity: { zh: '容量不详', en: 'capacity unknown' },
  unknownSites: {
    zh: '无容量数据的设施（不计入，不作假设）',
    en: 'Sites without a known capacity (not counted, never assumed)',
  },
  lowerBound: {
    zh: '下限：部分可达设施容量不详',
    en: 'a lower bound: some sites in reach have no known capacity',
  },
  noneInReach: { zh: '无可达设施', en: 'none in reach' },
  twoStep: {
    zh: '两步移动搜索法（2SFCA）：每处设施的容量 ÷ 其服务范围内的目标人群，再按居民可达的设施求和；服务范围取当前距离与距离模型。',
    en: 'Two-step floating catchment (2SFCA): each site’s capacity ÷ the target group within its catchment, summed over the sites a resident reaches; the catchment is the distance and distance model in force.',
  },
  decay: { zh: '距离衰减', en: 'Distance decay' },
  decayBinary: { zh: '无（范围内全计）', en: 'none (all within reach count)' },
  decayGaussian: { zh: '高斯衰减（E2SFCA）', en: 'Gaussian (enhanced 2SFCA)' },
  decayNote: {
    zh: '高斯衰减：权重随距离按高斯曲线递减，设施处为1、阈值处为0（Luo & Qi 2009；Dai 2010）。',
    en: 'Gaussian: weight (e^(−½(d/d₀)²) − e^(−½)) ÷ (1 − e^(−½)), 0 at the threshold (Luo & Qi 2009; Dai 2010).',
  },
  fairness: { zh: '公平性', en: 'Fairness' },
  gini: { zh: '基尼系数', en: 'Gini' },
  giniDistance: { zh: '基尼系数（至最近设施距离）', en: 'Gini (distance to nearest)' },
  giniCapacity: { zh: '基尼系数（可达容量）', en: 'Gini (capacity in reach)' },
  fairnessNote: {
    zh: '基尼系数：按居民（目标人群）加权，0为人人相同、1为集中于一人；距离取至最近设施的步行距离（40米采样），容量取两步移动搜索法的可达容量（* 为下限）。最差十分之一生活圈：平均距离最远（或可达容量最少）的4个生活圈。估计值。',
    en: 'Gini: weighted by residents (the target group); 0 = everyone alike, 1 = all with one person; distance = the walk to the nearest site (40 m sample), capacity = 2SFCA capacity in reach (* a lower bound). Worst-served tenth: the 4 circles with the longest mean walk (or least capacity in reach). Estimates.',
  },
  worstDecile: { zh: '最差十分之一生活圈', en: 'Worst-served tenth of circles' },
  worstDecileShare: { zh: '其居民占比', en: 'their share of residents' },
  lorenz: { zh: '洛伦兹曲线', en: 'Lorenz curve' },
  lorenzPeople: {
    zh: '居民累计占比（按各指标由小到大）',
    en: 'Cumulative share of residents (each measure ascending)',
  },
  lorenzMeasure: { zh: '累计占比', en: 'Cumulative share' },
  equality: { zh: '完全均等', en: 'equality' },
  curveDistance: { zh: '至最近设施距离', en: 'distance to nearest' },
  curveCapacity: { zh: '可达容量', en: 'capacity in reach' },
  basket: { zh: '“一老一小”清单', en: 'The 一老一小 basket' },
  basketElder: { zh: '一老', en: 'Elders' },
  basketChild: { zh: '一小', en: 'Children' },
  basketWhole: { zh: '全部可达', en: 'whole basket' },
  basketShareElder: { zh: '老年人全部可达', en: 'Elders with the whole basket' },
  basketShareChild: { zh: '6岁以下儿童全部可达', en: 'Children under 6 with the whole basket' },
  basketItems: { zh: '项可达', en: 'items in reach' },
  basketEdit: { zh: '编辑清单', en: 'Edit the basket' },
  basketReset: { zh: '恢复默认清单', en: 'Default basket' },
  basketAdd: { zh: '添加一项', en: 'Add an item' },
  basketRemove: { zh: '移除', en: 'Remove' },
  basketNote: {
    zh: '每项在其标准距离内有任一类设施即算可达；按当前距离模型；估计值。',
    en: 'An item is in reach when any of its types is within its standard distance, in the distance model in force; estimates.',
  },
  layer: { zh: '地图图层', en: 'Map layer' },
  exportLayer: { zh: '导出图层（GeoJSON）', en: 'Export the layer (GeoJSON)' },
  layerNone: { zh: '无', en: 'none' },
  layerCapacity: { zh: '可达容量', en: 'capacity in reach' },
  layerBasketElder: { zh: '一老清单可达项数', en: 'elders’ basket: items in reach' },
  layerBasketChild: { zh: '一小清单可达项数', en: 'children’s basket: items in reach' },
  layerDifference: { zh: '方案新增覆盖', en: 'scenario: newly covered' },
  layerCapacityDifference: { zh: '方案可达容量变化', en: 'scenario: capacity change' },
  gained: { zh: '新增覆盖', en: 'newly covered' },
  lost: { zh: '失去覆盖', en: 'no longer covered' },
  rise: { zh: '上升', en: 'rises' },
  fall: { zh: '下降', en: 'falls' },
  differenceTitle: { zh: '方案与现状之差', en: 'Scenario against today' },
  residentsGained: { zh: '新增覆盖居民', en: 'Residents newly covered' },
  targetGained: { zh: '其中目标人群', en: 'of them, target group' },
  capacityChange: { zh: '可达容量变化', en: 'Capacity in reach' },
  classNone: { zh: '无可达', en: 'none in reach' },
  classUnknown: { zh: '仅容量不详的设施', en: 'only sites of unknown capacity' },
  estimates: { zh: '估计值（人口模型）', en: 'estimates (population model)' },
  dashboardView: { zh: '容量与清单', en: 'Capacity & basket' },
  colCapacity: { zh: '可达容量', en: 'Capacity' },
  colBasket: { zh: '清单', en: 'Basket' },
  districtRef: { zh: '全区', en: 'district' },
});

const UNIT: Record<CapacityUnit, { zh: string; zhLong: string; en: string }> = {
  beds: { zh: '床', zhLong: '床位', en: 'beds' },
  places: { zh: '位', zhLong: '托位/学位', en: 'places' },
  seats: { zh: '座', zhLong: '座位', en: 'seats' },
  'm²': { zh: '平方米', zhLong: '面积（平方米）', en: 'm²' },
};

/** "每百名老年人可达床位" / "beds per 100 elders in reach". */
export function perLabel(unit: CapacityUnit, per: number, group: AgeGroup | null, lang: Lang): string {
  const people = group ? AGE_GROUP_INFO[group] : null;
  if (lang === 'zh') {
    const who = people ? people.peopleZh : '居民';
    const count = per === 1 ? '每名' : per === 100 ? '每百名' : per === 1000 ? '每千名' : `每${per}名`;
    return `${count}${who}可达${UNIT[unit].zhLong}`;
  }
  const who = people ? people.peopleEn : 'residents';
  return `${UNIT[unit].en} per ${per === 1 ? 'resident' : `${per} ${who}`} in reach`;
}

/** Short unit text for a table cell's header. */
export function perShort(unit: CapacityUnit, per: number, group: AgeGroup | null, lang: Lang): string {
  const people = group ? AGE_GROUP_INFO[group] : null;
  if (lang === 'zh')
    return `${UNIT[unit].zh}/${per === 1 ? '人' : `${per}${people ? people.peopleZh : '人'}`}`;
  return `${UNIT[unit].en}/${per === 1 ? 'person' : `${per} ${people ? people.shortEn : 'res.'}`}`;
}

/** A unit's name ("beds" / "床位"), for a capacity input's label. */
export function unitName(unit: CapacityUnit, lang: Lang): string {
  return lang === 'zh' ? UNIT[unit].zhLong : UNIT[unit].en;
}
