/** Strings of the search's streets, crossings and the place card. */
import { defineStrings } from '../i18n';

export const s = defineStrings({
  street: { zh: '道路', en: 'street' },
  placesOn: { zh: '的地点', en: 'Places on ' },
  facilitiesOnStreet: { zh: '处设施的地址在此路上', en: 'facilities with an address on it' },
  osmLine: { zh: 'OpenStreetMap 街道线', en: 'OpenStreetMap street line' },
  crossing: { zh: '路口', en: 'crossing' },
  crossingFromOsm: {
    zh: '路口位置取自 OpenStreetMap 街道线的交点。',
    en: 'The crossing is where the OpenStreetMap street lines meet.',
  },
  noLine: {
    zh: '只见于官方名单的地址，数据中没有这条路的线（OpenStreetMap 街道只覆盖五角场/复旦/同济一带），所以无法确定路口位置。',
    en: 'appear only in the addresses of the official lists; the data holds no line for them (the OpenStreetMap streets cover only the 五角场/复旦/同济 area), so the crossing cannot be placed.',
  },
  unknownStreet: { zh: '数据中没有这条路：', en: 'The data holds no street named ' },
  apart: {
    zh: '这两条路的 OpenStreetMap 街道线不相交，无法确定路口位置。',
    en: 'The OpenStreetMap lines of these streets do not meet, so the crossing cannot be placed.',
  },
  offerStreets: { zh: '可查看各条路上的地点：', en: 'See the places on each street:' },
  lineShown: {
    zh: '地图上以黄色标出 OpenStreetMap 中这条路的线；橙色圆圈为地址在此路上的设施。',
    en: 'The map shows the street’s OpenStreetMap line in yellow; orange rings mark the facilities with an address on it.',
  },
  noLineShown: {
    zh: '这条路不在已绘制的 OpenStreetMap 街道范围内：地图只以橙色圆圈标出地址在此路上的设施，不标注道路本身的位置。',
    en: 'This street is outside the mapped OpenStreetMap streets: the map rings only the facilities whose address is on it, never a position for the street itself.',
  },
  addressOnly: { zh: '仅有地址，未定位', en: 'address only, not on the map' },
  streetSource: {
    zh: '街道索引是推导出来的：路名取自官方名单地址中的路名（如“控江路1500号”→控江路）和已绘制区域的 OpenStreetMap 街道名。一条路上的地点就是地址写着这条路的设施，不为道路虚构任何位置。',
    en: 'The street index is derived: names come from the street part of the official lists’ addresses (“控江路1500号” → 控江路) and the OpenStreetMap street names where mapped. The places on a street are the facilities whose address names it; no street position is invented.',
  },

  noPlaces: {
    zh: '数据中没有地址在此路上的设施。',
    en: 'No facility in the data has an address on this street.',
  },
});
