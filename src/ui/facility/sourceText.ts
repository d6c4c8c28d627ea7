/**
 * A facility's source, date and capacity note as the card shows them, in the UI's language.
 * The pipeline writes them in English (geodata/ is read by people and tools too); the Chinese
 * UI says them in Chinese. A text with no translation here is shown as written (the test over
 * geodata/ fails when the pipeline adds one).
 */
import type { FacilityProps } from '../../core/schema';
import type { Lang } from '../i18n';

const SOURCE_ZH: Record<string, string> = {
  '杨浦区人民政府 睦邻社区长者食堂信息表 (geocoded by github:mywork1017/xuexixingqiu)':
    '杨浦区人民政府 睦邻社区长者食堂信息表（由 github:mywork1017/xuexixingqiu 定位）',
  '杨浦区 睦邻社区长者食堂信息表: host facility named in a canteen entry':
    '杨浦区 睦邻社区长者食堂信息表：食堂条目中所列的所在设施',
  '杨浦区民政局 养老机构名单 (transcribed by github:Zucker-494/P06_Yangpu_Public_Service)':
    '杨浦区民政局 养老机构名单（由 github:Zucker-494/P06_Yangpu_Public_Service 转录）',
  'Shanghai elder-service platform agency map (third-party copy: github:duringbug/ipex, origin not stated)':
    '上海市养老服务平台机构地图（第三方副本：github:duringbug/ipex，未注明出处）',
  'older Yangpu school list c. 2017–18 (public GitHub file, repository not recoverable); names not re-verified':
    '约2017–18年的杨浦学校旧名单（公开的 GitHub 文件，仓库无法追溯）；名称未经复核',
  'Baidu Place API cache (github:Sa4pphire/15min-LivingCircle)':
    '百度地点检索缓存（github:Sa4pphire/15min-LivingCircle）',
  'OpenStreetMap amenity=kindergarten (© OpenStreetMap contributors)':
    'OpenStreetMap 幼儿园要素（© OpenStreetMap contributors）',
  '杨浦区 community cultural centres': '杨浦区 社区文化活动中心名单',
  '杨浦区卫生健康委 community health centres': '杨浦区卫生健康委 社区卫生服务中心名单',
  '杨浦区绿化和市容管理局 park register (address point, not the park polygon)':
    '杨浦区绿化和市容管理局 公园名录（地址点，非公园范围）',
  '杨浦区体育局 public sports facilities': '杨浦区体育局 公共体育设施名单',
};

const NOTE_ZH: Record<string, string> = {
  'planned 2025 beds (养老服务设施布局专项规划 2022–2035 extract)':
    '2025年规划床位（养老服务设施布局专项规划2022–2035摘录）',
  'park area': '公园面积',
  licensed_beds: '核定床位',
};

const UNIT_ZH: Record<string, string> = { beds: '张床位', 'm²': 'm²' };

/** "c. 2017–2018" → "约2017–2018年", "2026-10-09 (Baidu fetch)" → "2026-10-09（百度抓取）". */
function dateZh(date: string): string {
  return date
    .replace(/^c\. (.*)$/, '约$1年')
    .replace(' (Baidu fetch)', '（百度抓取）')
    .replace(' (OSM object last edit)', '（OSM要素最后编辑）')
    .replace(' (see capacity_reference_date)', '（各床位数日期不一）');
}

export const sourceText = (f: FacilityProps, lang: Lang) =>
  lang === 'zh' ? (SOURCE_ZH[f.source] ?? f.source) : f.source;
export const dateText = (f: FacilityProps, lang: Lang) =>
  lang === 'zh' ? dateZh(f.sourceDate) : f.sourceDate;
export const unitText = (unit: string | null, lang: Lang) =>
  unit && lang === 'zh' ? (UNIT_ZH[unit] ?? unit) : (unit ?? '');
export const noteText = (note: string | null, lang: Lang) =>
  note && lang === 'zh' ? (NOTE_ZH[note] ?? note) : note;
