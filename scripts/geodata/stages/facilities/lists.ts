/**
 * The unlocated and excluded lists: official facilities that cannot be placed honestly
 * (geodata/unlocated.json, shown "address only") and source records left out of the map
 * layers (geodata/excluded.json), each with its reason.
 */
import type { UnlocatedFacility } from '../../../../src/core/schema';

/** A reason in both languages: `en` is written to the lists' `reason`, `zh` to `reasonZh` (the UI shows either). */
export interface Reason {
  en: string;
  zh: string;
}

/** "not geocoded: …" from a source's match method ("not_geocoded", "not_geocoded (Baidu returned road level only)"). */
function notGeocoded(how: string): Reason {
  if (/road level/i.test(how)) {
    return {
      en: 'not geocoded: the geocoder found only the road, not the address',
      zh: '未能定位：地理编码只找到道路，未找到门牌地址',
    };
  }
  if (/^not_geocoded$|^no coordinate$/i.test(how.trim())) {
    return {
      en: 'not geocoded: the source gives an address but no coordinate',
      zh: '未能定位：来源只有地址，没有坐标',
    };
  }
  return { en: `not geocoded: ${how}`, zh: `未能定位（${how}）` };
}

/** The platform dataset's flags in Chinese ("placeholder_coordinate_shared_by_3plus_homes;conflicts_with_EI015_by_1336m"). */
function flagsZh(flags: string): string {
  return flags
    .split(';')
    .map((f) => {
      if (f === 'no_coordinate') return '无坐标';
      if (f === 'placeholder_coordinate_shared_by_3plus_homes') return '三家以上机构共用的占位坐标';
      const conflict = /^conflicts_with_(\w+)_by_(\d+)m$/.exec(f);
      if (conflict) return `与${conflict[1]}的官方坐标相差${conflict[2]}米`;
      return f;
    })
    .join('；');
}

/** Why a record is unlocated or excluded. */
export const REASONS = {
  noSourceCoordinate: { en: 'no coordinate in the source', zh: '来源中没有坐标' },
  noCoordinate: { en: 'no coordinate', zh: '没有坐标' },
  outsideDistrict: { en: 'point lies outside Yangpu District', zh: '坐标在杨浦区以外' },
  unlistedInstitution: {
    en: 'institution not on the 2024 official list (closed, renamed or merged?): the official list is authoritative',
    zh: '不在2024年官方养老机构名单中（已关闭、更名或合并？）：以官方名单为准',
  },
  unusableCoordinate: (flags: string): Reason => ({
    en: `unusable coordinate (${flags})`,
    zh: `坐标不可用（${flagsZh(flags)}）`,
  }),
  notGeocoded,
} satisfies Record<string, Reason | ((s: string) => Reason)>;

/** The four official canteens that could not be located (facilities/NOTES.md §1). */
export function unlocatedOfficialCanteens(): UnlocatedFacility[] {
  return (
    [
      ['EC-U1', '长白新村街道228街坊睦邻社区长者食堂', '上海市杨浦区敦化路62号'],
      ['EC-U2', '四平路街道同叶大厦睦邻社区长者食堂', '上海市杨浦区铁岭路38号'],
      ['EC-U3', '四平路街道中天大厦睦邻社区长者食堂', '上海市杨浦区四平路1115号'],
      ['EC-U4', '殷行街道中原店睦邻社区长者食堂', '上海市杨浦区中原路56号'],
    ] as const
  ).map(
    ([id, name, address]): UnlocatedFacility => ({
      id,
      name,
      category: 'elder-canteen',
      address,
      subdistrictStated: name.slice(0, name.indexOf('街道') + 2),
      reason:
        'on the official list, but the map search by its geocoder did not match the house number (facilities/NOTES.md §1)',
      reasonZh: '在官方名单上，但地图检索未能匹配门牌号（facilities/NOTES.md §1）',
      source: '杨浦区人民政府 睦邻社区长者食堂信息表',
      sourceDate: '2024-09-30',
    }),
  );
}
