/** The embed feature's own strings (widgets, "Embed this view"). */
import { defineStrings } from '../i18n';

export const s = defineStrings({
  legendToggle: { zh: '图例', en: 'Legend' },
  district: { zh: '全区', en: 'District' },
  rangeShort: { zh: '括号内为估算区间', en: 'in brackets: the range of the estimate' },
  nearbyTitle: { zh: '附近的服务设施', en: 'Services near this place' },
  coverageTitle: { zh: '步行覆盖', en: 'walking coverage' },
  pickPlace: { zh: '点击地图选择一个位置。', en: 'Click the map to choose a place.' },
  outsideCircles: { zh: '不在任何生活圈内', en: 'outside every life circle' },
  colType: { zh: '类型', en: 'Type' },
  colNearest: { zh: '最近设施', en: 'Nearest' },
  colDistance: { zh: '距离', en: 'Distance' },
  straightNote: {
    zh: '直线距离；步行分钟按60米/分钟估算，实际路线更长。✓ 达到标准距离。',
    en: 'Straight-line distance; minutes at 60 m/min, real routes are longer. ✓ within the standard distance.',
  },
  embedView: { zh: '嵌入此视图', en: 'Embed this view' },
  embedSize: { zh: '嵌入尺寸（像素）', en: 'Size (pixels)' },
  embedCode: { zh: '嵌入代码（粘贴到网页 HTML 中）', en: 'Embed code (paste into your page’s HTML)' },
  copyCode: { zh: '复制代码', en: 'Copy code' },
  codeCopied: { zh: '代码已复制', en: 'Code copied' },
  preview: { zh: '预览', en: 'Preview' },
  embedHelp: {
    zh: '嵌入的是当前视图（设施类型、距离、语言、位置）；不含本浏览器中的规划方案。',
    en: 'The embed shows the current view (type, distance, language, place); not the scenarios kept in this browser.',
  },
  'size.large': { zh: '大', en: 'Large' },
  'size.small': { zh: '小', en: 'Small' },
  'size.phone': { zh: '手机', en: 'Phone' },
  'size.narrow': { zh: '窄栏', en: 'Narrow column' },
});
