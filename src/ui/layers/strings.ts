/** The layers feature's own strings: the population-model legend. */
import { defineStrings } from '../i18n';

export const s = defineStrings({
  importedSites: {
    zh: '导入的设施（黑色描边，来自您的文件）',
    en: 'Imported sites (dark ring: from your file)',
  },
  populationLegend: { zh: '人口模型：各处居民的分布方法', en: 'Population model: how residents are placed' },
  'method.building': {
    zh: '住宅楼：按建筑面积（占地×层数，缺层数时按6层、独立住宅2层）',
    en: 'Residential building: by floor area (footprint × floors; 6 floors, 2 for houses, where not tagged)',
  },
  'method.buildings-area': {
    zh: '居住用地（楼已测绘）：居民在其住宅楼内',
    en: 'Residential land with mapped buildings: residents are in its buildings',
  },
  'method.landuse': {
    zh: '居住用地（楼未测绘）：按用地面积均匀分布',
    en: 'Residential land, buildings not mapped: spread over the area',
  },
  'method.other-building': {
    zh: '非住宅楼（校园教学楼、办公、商业等）：无居民',
    en: 'Other building (campus, office, shop…): no residents',
  },
  'method.land': {
    zh: 'OSM细节范围外：按陆地均匀分布',
    en: 'Beyond the OSM detail: spread evenly over land',
  },
  'method.extent': {
    zh: 'OSM建筑与用地完整的范围（五角场/复旦/同济）：其余用地无居民',
    en: 'Where OSM buildings and land use are complete (Wujiaochang/Fudan/Tongji): no homes elsewhere in it',
  },
  populationNote: {
    zh: '每个街道的2020年普查人口按上述权重分配，街道总数不变。推导结果，非实测。© OpenStreetMap 贡献者',
    en: 'Each subdistrict’s 2020 census total is shared by these weights; totals are unchanged. Derived, not observed. © OpenStreetMap contributors',
  },
});
