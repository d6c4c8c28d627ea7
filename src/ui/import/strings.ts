/** The import preview's own strings (zh first, en). */
import { defineStrings } from '../i18n';

export const s = defineStrings({
  networkSummary: { zh: '步行线（条数 · 长度）', en: 'Walking lines (count · length)' },
  crsTitle: { zh: '坐标系判断', en: 'Coordinate system' },
  crsReadAs: { zh: '当前按此坐标系读取：', en: 'Read as:' },
  crsSuggested: { zh: '建议改用', en: 'Suggested:' },
  crsUse: { zh: '改用并重新读取', en: 'Use it and read again' },
  crsNoEvidence: {
    zh: '文件中没有可用于判断坐标系的位置。',
    en: 'The file has no positions to judge the system by.',
  },
  columnsTitle: { zh: '列对应（可修改）', en: 'Columns (change if wrong)' },
  propertiesTitle: { zh: '属性对应（可修改）', en: 'Properties (change if wrong)' },
  columnNone: { zh: '—（无）', en: '— (none)' },
  issuesTitle: { zh: '提示与被拒绝的行', en: 'Warnings and rejected rows' },
  more: { zh: '另有{n}条', en: '{n} more' },
  mapTitle: {
    zh: '导入预览地图：{n}项，其中{out}处在区界外',
    en: 'Preview map of the import: {n} items, {out} outside the district',
  },
  mapInside: { zh: '将导入的设施', en: 'sites to import' },
  mapOutside: { zh: '区界外（{n}处，见下方提示）', en: 'outside the district ({n}, listed below)' },
  mapDistrict: { zh: '杨浦区界', en: 'district outline' },
  notListed: {
    zh: '（另有{n}条未列出：用 npm run import-check 查看全部）',
    en: '({n} more not listed: npm run import-check lists all)',
  },
});

/** The coordinate systems as planners know them (by the services that use them). */
export const CRS_LABEL = {
  WGS84: 'WGS-84 (GPS/OSM)',
  GCJ02: 'GCJ-02 (高德/腾讯)',
  BD09: 'BD-09 (百度)',
} as const;
