/**
 * Eldercare: the official institution list 2024 (养老机构, 长者照护之家), the official canteen
 * list 2024 (长者食堂 and the facilities hosting them) and the Shanghai elder-service platform
 * dataset, which adds the categories the official lists lack. Read in that order: each later
 * source merges into what the earlier ones placed.
 */
import type { CategoryId } from '../../../../src/core/categories';
import { DataError } from '../../../../src/data/errors';
import type { ReadCsv } from '../../source-reader';
import { type FacilitiesInput, FacilityBuilder, type FamilyOutput, type Placed } from './builder';
import {
  canteenOfMealPoint,
  MERGE_RULES,
  type MergeLog,
  mergeInto,
  mergeLog,
  namedNursingHome,
} from './dedupe';
import { REASONS, type Reason, unlocatedOfficialCanteens } from './lists';
import { BASE_COLUMNS, parseNumber, qualityFrom, rowCategory } from './read';

const INSTITUTIONS_FILE = 'facilities/eldercare_institutions_official_2024.csv';
const CANTEENS_FILE = 'facilities/eldercare.csv';
const PLATFORM_FILE = 'facilities/eldercare_sh_platform_yangpu.csv';

type Row = Record<string, string>;

function officialCategory(text: string): CategoryId | null {
  if (text.startsWith('养老机构')) return 'nursing-home';
  if (text.startsWith('长者照护之家')) return 'care-home';
  if (text.startsWith('长者食堂')) return 'elder-canteen';
  if (text.startsWith('社区综合为老服务中心')) return 'elder-service-centre';
  return null;
}

const PLATFORM_CATEGORY: Record<string, CategoryId> = {
  养老机构: 'nursing-home',
  长者照护之家: 'care-home',
  老年日间照护机构: 'day-care',
  助餐服务点: 'meal-point',
  社区综合为老服务中心: 'elder-service-centre',
  社区养老服务组织: 'elder-service-org',
  护理站: 'nursing-station',
  护理院: 'nursing-hospital',
};

/** 1. Official institutions 2024 (养老机构 + 长者照护之家): the authority for those categories. */
function addInstitutions(readCsv: ReadCsv, eb: FacilityBuilder): void {
  const columns = [...BASE_COLUMNS, 'address', 'capacity', 'capacity_unit', 'geocode_quality'];
  readCsv(INSTITUTIONS_FILE, columns).rows.forEach((row, i) => {
    const category = rowCategory(row, INSTITUTIONS_FILE, i + 2, officialCategory);
    const placed = eb.placeOrUnlocated(row, INSTITUTIONS_FILE, i + 2, category);
    if (!placed) return;
    eb.add(row, placed, category, {
      capacity: parseNumber(row.capacity),
      capacityUnit: row.capacity ? row.capacity_unit || 'beds' : null,
      capacityNote: row.capacity ? 'planned 2025 beds (养老服务设施布局专项规划 2022–2035 extract)' : null,
      locationQuality: qualityFrom(row.geocode_quality),
      source: '杨浦区民政局 养老机构名单 (transcribed by github:Zucker-494/P06_Yangpu_Public_Service)',
      sourceDate: row.source_date ?? '',
    });
  });
}

/** 2. Official elder canteens (EC) and the host facilities named by them (ED). */
function addCanteens(readCsv: ReadCsv, eb: FacilityBuilder): MergeLog {
  const hostMerged: string[] = [];
  readCsv(CANTEENS_FILE, [...BASE_COLUMNS, 'address']).rows.forEach((row, i) => {
    const category = rowCategory(row, CANTEENS_FILE, i + 2, officialCategory);
    const placed = eb.placeOrUnlocated(row, CANTEENS_FILE, i + 2, category);
    if (!placed) return;
    // ED rows for homes repeat an official institution: merge by name.
    const host = category === 'nursing-home' ? namedNursingHome(eb.features, row.name ?? '') : undefined;
    eb.addOrMerge(row, placed, category, host, hostMerged, {
      locationQuality: 'medium',
      source:
        category === 'elder-canteen'
          ? '杨浦区人民政府 睦邻社区长者食堂信息表 (geocoded by github:mywork1017/xuexixingqiu)'
          : '杨浦区 睦邻社区长者食堂信息表: host facility named in a canteen entry',
      sourceDate: row.source_date ?? '',
    });
  });
  eb.unlocated.push(...unlocatedOfficialCanteens());
  return mergeLog(MERGE_RULES.hostHome, hostMerged);
}

/** What the platform dataset merged into the official records, by rule ("S4-… → …"). */
interface PlatformMerges {
  institution: string[];
  canteen: string[];
  centre: string[];
}

/** Merge a platform record into the official record its matched_official_id names. */
function mergeMatched(eb: FacilityBuilder, row: Row, rowNo: number, merged: PlatformMerges): void {
  const target = eb.byId(row.matched_official_id!);
  if (!target) {
    throw new DataError(
      PLATFORM_FILE,
      `row ${rowNo}, field matched_official_id`,
      `no record ${row.matched_official_id}`,
    );
  }
  mergeInto(target, row.id!, merged.institution, row.matched_official_id);
}

/** Merge a placed platform centre or meal point into the official one it repeats; false when none. */
function mergePlaced(
  eb: FacilityBuilder,
  row: Row,
  category: CategoryId,
  placed: Placed,
  merged: PlatformMerges,
): boolean {
  const centreOf = /differs_from_(ED\d+)/.exec(row.flags ?? '')?.[1];
  const centre = category === 'elder-service-centre' && centreOf ? eb.byId(centreOf) : undefined;
  if (centre) {
    mergeInto(centre, row.id!, merged.centre, centreOf);
    return true;
  }
  const canteen =
    category === 'meal-point'
      ? canteenOfMealPoint(eb.features, placed.coordinates, row.name ?? '')
      : undefined;
  if (canteen) {
    const shown = `${canteen.target.properties.id} (${Math.round(canteen.distanceM)} m)`;
    mergeInto(canteen.target, row.id!, merged.canteen, shown);
    return true;
  }
  return false;
}

/** Why a platform record that matches no official one is left out before it is placed, or null. */
function platformExclusion(category: CategoryId, flags: string): Reason | null {
  if (category === 'nursing-home' || category === 'care-home') return REASONS.unlistedInstitution;
  if (flags.includes('no_coordinate') || flags.includes('placeholder_coordinate')) {
    return REASONS.unusableCoordinate(flags);
  }
  return null;
}

/** One platform row: merged, excluded or added. */
function addPlatformRow(eb: FacilityBuilder, row: Row, rowNo: number, merged: PlatformMerges): void {
  const category = rowCategory(row, PLATFORM_FILE, rowNo, (text) => PLATFORM_CATEGORY[text]);
  const flags = row.flags ?? '';
  if (row.matched_official_id) {
    mergeMatched(eb, row, rowNo, merged);
    return;
  }
  const exclusion = platformExclusion(category, flags);
  if (exclusion) {
    eb.exclude(row, exclusion);
    return;
  }
  const placed = eb.place(row, PLATFORM_FILE, rowNo);
  if (!placed) {
    eb.exclude(row, REASONS.noCoordinate);
    return;
  }
  if (mergePlaced(eb, row, category, placed, merged)) return;
  eb.add(row, placed, category, {
    locationQuality: flags.includes('name_refers_to_other_district') ? 'low' : 'unrated',
    source:
      'Shanghai elder-service platform agency map (third-party copy: github:duringbug/ipex, origin not stated)',
    sourceDate: '≤ 2024-07',
  });
}

/** 3. Shanghai elder-service platform dataset (S4): adds the categories the official lists lack. */
function addPlatform(readCsv: ReadCsv, eb: FacilityBuilder): MergeLog[] {
  const merged: PlatformMerges = { institution: [], canteen: [], centre: [] };
  readCsv(PLATFORM_FILE, [...BASE_COLUMNS, 'matched_official_id', 'flags']).rows.forEach((row, i) => {
    addPlatformRow(eb, row, i + 2, merged);
  });
  return [
    mergeLog(MERGE_RULES.platformMatched, merged.institution, 5),
    mergeLog(MERGE_RULES.mealPoint, merged.canteen),
    mergeLog(MERGE_RULES.platformCentre, merged.centre),
  ];
}

/**
 * Build the eldercare layer.
 *
 * Input: the raw facility CSVs and the subdistricts. Output: eldercare points (WGS84, capacity
 * in beds where the official list gives planned beds), the unlocated official facilities, the
 * excluded platform records, the merges made and the CRS check (gap in m).
 */
export function buildEldercare({ readCsv, subdistricts }: FacilitiesInput): FamilyOutput {
  const eb = new FacilityBuilder(subdistricts);
  addInstitutions(readCsv, eb);
  const hostHomes = addCanteens(readCsv, eb);
  const platform = addPlatform(readCsv, eb);
  return eb.finish([hostHomes, ...platform]);
}
