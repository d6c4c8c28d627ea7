/** Strings of the near-me feature's walking parts. */
import { defineStrings } from '../i18n';

export const s = defineStrings({
  walkingNote: {
    zh: '步行距离沿 OpenStreetMap 步行网络计算（五角场/复旦/同济一带），地图上画出步行路线和5/10/15分钟步行范围。',
    en: 'Walking distances along the OpenStreetMap walking network (五角场/复旦/同济 area); the map shows the routes and the 5/10/15-minute walking areas.',
  },
  outsideNetwork: {
    zh: '此处不在已绘制的步行网络内：以下为直线距离。',
    en: 'This place is outside the mapped walking network: straight-line distances below.',
  },
  walk: { zh: '步行', en: 'walk' },
  estimatedWalk: { zh: '估算步行', en: 'est. walk' },
  estimateNote: {
    zh: '此处不在已测绘的步行网络内：步行距离为直线距离乘以非直线系数的估算，括号内为区间；步行路线只在已测绘网络内画出。',
    en: 'This place is outside the mapped walking network: walks are estimated from the straight line with route factors, the range in brackets; routes are drawn only where the network is mapped.',
  },
  straight: { zh: '直线', en: 'straight' },
});

/** Strings of a place's description (subdistrict, circle, named area, nearest named place). */
export const placeStrings = defineStrings({
  circle: { zh: '生活圈', en: 'circle' },
  outside: { zh: '不在杨浦区的街道内', en: 'outside Yangpu’s subdistricts' },
  outsideCircles: { zh: '不在任何生活圈内', en: 'in no life circle' },
  within: { zh: '内', en: 'in ' },
  nearest: { zh: '最近的地点：', en: 'nearest named place: ' },
  station: { zh: '地铁站', en: 'metro station' },
});
