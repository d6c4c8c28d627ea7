/** Other services: community health and cultural centres, parks (address points) and sports facilities. */
import type { CategoryId } from '../../../../src/core/categories';
import { type FacilitiesInput, FacilityBuilder, type FamilyOutput } from './builder';
import { REASONS } from './lists';
import { BASE_COLUMNS, parseNumber, qualityFrom } from './read';

/** The official lists: file, category, source. */
export const SERVICE_LISTS: [string, CategoryId, string][] = [
  ['facilities/health_centres.csv', 'health-centre', '杨浦区卫生健康委 community health centres'],
  ['facilities/cultural_centres.csv', 'cultural-centre', '杨浦区 community cultural centres'],
  [
    'facilities/parks.csv',
    'park',
    '杨浦区绿化和市容管理局 park register (address point, not the park polygon)',
  ],
  ['facilities/sports_facilities.csv', 'sports', '杨浦区体育局 public sports facilities'],
];

/**
 * Build the services layer.
 *
 * Input: the four official service CSVs and the subdistricts. Output: service points (WGS84;
 * capacity as the source gives it, or a park's area in m²), the records not geocoded
 * (unlocated) and the CRS check (gap in m). No merges.
 */
export function buildServices({ readCsv, subdistricts }: FacilitiesInput): FamilyOutput {
  const sb = new FacilityBuilder(subdistricts);
  for (const [file, category, source] of SERVICE_LISTS) {
    readCsv(file, BASE_COLUMNS).rows.forEach((row, i) => {
      const how = row.match_method || row.geocode_quality || 'no coordinate';
      const placed = sb.placeOrUnlocated(row, file, i + 2, category, REASONS.notGeocoded(how));
      if (!placed) return;
      const capacity = parseNumber(row.capacity ?? row.area_m2);
      sb.add(row, placed, category, {
        capacity,
        capacityUnit: capacity === null ? null : row.capacity_unit || (row.area_m2 ? 'm²' : null),
        capacityNote: capacity === null ? null : row.capacity_type || (row.area_m2 ? 'park area' : null),
        locationQuality: qualityFrom(row.geocode_quality),
        source,
        sourceDate: row.source_date ?? '',
      });
    });
  }
  return sb.finish([]);
}
