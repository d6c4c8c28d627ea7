/**
 * The unlocated and excluded lists: official facilities that cannot be placed honestly
 * (geodata/unlocated.json, shown "address only") and source records left out of the map
 * layers (geodata/excluded.json), each with its reason.
 */
import type { UnlocatedFacility } from '../../../../src/core/schema';

/** Why a record is unlocated or excluded. */
export const REASONS = {
  noSourceCoordinate: 'no coordinate in the source',
  noCoordinate: 'no coordinate',
  outsideDistrict: 'point lies outside Yangpu District',
  unlistedInstitution:
    'institution not on the 2024 official list (closed, renamed or merged?): the official list is authoritative',
  unusableCoordinate: (flags: string) => `unusable coordinate (${flags})`,
  notGeocoded: (how: string) => `not geocoded: ${how}`,
};

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
      source: '杨浦区人民政府 睦邻社区长者食堂信息表',
      sourceDate: '2024-09-30',
    }),
  );
}
