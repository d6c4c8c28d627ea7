/**
 * Childcare: the current kindergarten list (Baidu POIs and OSM) first, then the older school
 * list (c. 2017–18) where it adds a place. No 托育机构 or 社区宝宝屋 list exists in the sources.
 */
import type { CategoryId } from '../../../../src/core/categories';
import { parseCrs } from '../../../../src/data/crs';
import type { ReadCsv } from '../../source-reader';
import { type FacilitiesInput, FacilityBuilder, type FamilyOutput } from './builder';
import { currentKindergarten, MERGE_RULES, type MergeLog, mergeLog } from './dedupe';
import { BASE_COLUMNS } from './read';

const CURRENT_FILE = 'facilities/childcare_current.csv';
const OLDER_FILE = 'facilities/childcare.csv';

/** The current list: 22 kindergartens, the authority for their coordinates. */
function addCurrent(readCsv: ReadCsv, cb: FacilityBuilder): void {
  readCsv(CURRENT_FILE, [...BASE_COLUMNS, 'address']).rows.forEach((row, i) => {
    const placed = cb.placeOrUnlocated(row, CURRENT_FILE, i + 2, 'kindergarten');
    if (!placed) return;
    cb.add(row, placed, 'kindergarten', {
      locationQuality: 'medium',
      source:
        parseCrs(row.crs_original ?? '') === 'WGS84'
          ? 'OpenStreetMap amenity=kindergarten (© OpenStreetMap contributors)'
          : 'Baidu Place API cache (github:Sa4pphire/15min-LivingCircle)',
      sourceDate: row.source_date ?? '',
    });
  });
}

/** The older list: kindergartens the current list already has are merged into them. */
function addOlder(readCsv: ReadCsv, cb: FacilityBuilder): MergeLog {
  const merged: string[] = [];
  readCsv(OLDER_FILE, BASE_COLUMNS).rows.forEach((row, i) => {
    const category: CategoryId = (row.category ?? '').startsWith('托儿所') ? 'nursery' : 'kindergarten';
    const placed = cb.placeOrUnlocated(row, OLDER_FILE, i + 2, category);
    if (!placed) return;
    const twin =
      category === 'kindergarten'
        ? currentKindergarten(cb.features, row.name ?? '', placed.coordinates)
        : undefined;
    cb.addOrMerge(row, placed, category, twin, merged, {
      locationQuality: 'low',
      source:
        'older Yangpu school list c. 2017–18 (public GitHub file, repository not recoverable); names not re-verified',
      sourceDate: 'c. 2017–2018',
    });
  });
  return mergeLog(MERGE_RULES.olderKindergarten, merged);
}

/**
 * Build the childcare layer.
 *
 * Input: the raw childcare CSVs and the subdistricts. Output: kindergarten and nursery points
 * (WGS84), the unlocated records, the merges (older into current within CHILDCARE_MERGE_M m)
 * and the CRS check (gap in m).
 */
export function buildChildcare({ readCsv, subdistricts }: FacilitiesInput): FamilyOutput {
  const cb = new FacilityBuilder(subdistricts);
  addCurrent(readCsv, cb);
  const older = addOlder(readCsv, cb);
  return cb.finish([older]);
}
