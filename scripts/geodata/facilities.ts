/**
 * Facilities: official lists and the Shanghai elder-service platform dataset → one Point
 * layer per family, de-duplicated, each point converted from its source CRS by us and
 * checked against the WGS84 value the raw file gives.
 */
import type { Feature, Point, Position } from 'geojson';
import { type CategoryId, categoryInfo } from '../../src/core/categories';
import { DATA_BBOX } from '../../src/core/extent';
import { distanceM, pointInGeometry, round6 } from '../../src/core/geo';
import type {
  ExcludedRecord,
  FacilityFeature,
  FacilityProps,
  LocationQuality,
  SubdistrictLayer,
  UnlocatedFacility,
} from '../../src/core/schema';
import { parseCrs, toWgs84 } from '../../src/data/crs';
import { type CsvTable, requireColumns } from '../../src/data/csv';
import { DataError } from '../../src/data/errors';

/** Largest allowed gap (m) between our CRS conversion and the raw file's WGS84 value. */
export const MAX_CONVERSION_GAP_M = 5;

/** Merge rules for the platform dataset's meal points into official canteens (m). */
export const MEAL_POINT_MERGE_ANY_M = 50;
export const MEAL_POINT_MERGE_CANTEEN_M = 200;
/** Merge rule for the old kindergarten list into the current one (m). */
export const CHILDCARE_MERGE_M = 150;

export type ReadCsv = (relativePath: string, required: string[]) => CsvTable;

export interface FacilityOutput {
  eldercare: FacilityFeature[];
  childcare: FacilityFeature[];
  services: FacilityFeature[];
  unlocated: UnlocatedFacility[];
  excluded: ExcludedRecord[];
  /** human-readable facts for SOURCES.md */
  merges: { rule: string; count: number; examples: string[] }[];
  /** converted points checked against the raw WGS84 values, with the largest gap (m) */
  conversionCheck: { points: number; maxGapM: number };
}

interface Placed {
  coordinates: Position;
  subdistrict: string | null;
}

const BASE_COLUMNS = ['id', 'name', 'category', 'lon', 'lat', 'crs_original', 'lon_original', 'lat_original'];

/** Strip administrative prefixes and brackets so names from different sources compare. */
export function normaliseName(name: string): string {
  return name
    .replace(/[（(][^）)]*[）)]/g, '')
    .replace(/^(上海市|上海)?(杨浦区|杨浦)?/, '')
    .replace(/^(上海市|上海)?(杨浦区|杨浦)?/, '')
    .replace(/^民办/, '')
    .replace(/(有限公司|总部|分部)/g, '')
    .replace(/幼稚园$/, '幼儿园')
    .trim();
}

function qualityFrom(text: string | undefined): LocationQuality {
  const t = (text ?? '').toLowerCase();
  if (t.startsWith('high')) return 'high';
  if (t.startsWith('medium')) return 'medium';
  if (t.startsWith('low')) return 'low';
  return 'unrated';
}

function parseNumber(text: string | undefined): number | null {
  if (!text) return null;
  const v = Number(text);
  return Number.isFinite(v) ? v : null;
}

export class FacilityBuilder {
  readonly features: FacilityFeature[] = [];
  readonly unlocated: UnlocatedFacility[] = [];
  readonly excluded: ExcludedRecord[] = [];
  private checked = 0;
  private maxGap = 0;

  constructor(private readonly subdistricts: SubdistrictLayer) {}

  get conversionCheck() {
    return { points: this.checked, maxGapM: Math.round(this.maxGap * 100) / 100 };
  }

  /**
   * Locate one CSV row: convert lon_original/lat_original from crs_original with gcoord
   * and require agreement with the given WGS84 lon/lat. Returns null when the row has no
   * WGS84 coordinate (the source could not locate it honestly).
   */
  place(row: Record<string, string>, file: string, rowNo: number): Placed | null {
    const where = `row ${rowNo} (${row.id})`;
    if (!row.lon || !row.lat) return null;
    const given: Position = [Number(row.lon), Number(row.lat)];
    if (!Number.isFinite(given[0]) || !Number.isFinite(given[1])) {
      throw new DataError(
        file,
        `${where}, field lon/lat`,
        `"${row.lon}, ${row.lat}" is not a pair of numbers`,
      );
    }
    let p: Position = given;
    const crs = parseCrs(row.crs_original ?? '');
    if (!crs)
      throw new DataError(
        file,
        `${where}, field crs_original`,
        `unknown coordinate system "${row.crs_original}"`,
      );
    if (crs !== 'WGS84') {
      const original: Position = [Number(row.lon_original), Number(row.lat_original)];
      if (!Number.isFinite(original[0]) || !Number.isFinite(original[1])) {
        throw new DataError(
          file,
          `${where}, field lon_original/lat_original`,
          `missing or not numeric for ${crs}`,
        );
      }
      p = toWgs84(original, crs);
      const gap = distanceM(p, given);
      this.checked += 1;
      this.maxGap = Math.max(this.maxGap, gap);
      if (gap > MAX_CONVERSION_GAP_M) {
        throw new DataError(
          file,
          `${where}, field lon/lat`,
          `our ${crs}→WGS84 conversion lands ${gap.toFixed(1)} m from the given WGS84 value (limit ${MAX_CONVERSION_GAP_M} m): wrong crs_original?`,
        );
      }
    }
    const [w, s, e, n] = DATA_BBOX;
    if (p[0]! < w || p[0]! > e || p[1]! < s || p[1]! > n) {
      throw new DataError(
        file,
        `${where}, field lon/lat`,
        `[${p[0]}, ${p[1]}] is outside Yangpu's bounding box`,
      );
    }
    const coordinates = [round6(p[0]!), round6(p[1]!)];
    const sub = this.subdistricts.features.find((f) => pointInGeometry(coordinates, f.geometry));
    return { coordinates, subdistrict: sub ? sub.properties.name : null };
  }

  add(
    row: Record<string, string>,
    placed: Placed,
    category: CategoryId,
    extra: Partial<FacilityProps> & { source: string; sourceDate: string },
  ): FacilityFeature | null {
    if (!placed.subdistrict) {
      this.excluded.push({ id: row.id!, name: row.name!, reason: 'point lies outside Yangpu District' });
      return null;
    }
    const stated = (row.subdistrict ?? '').startsWith('~') ? '' : (row.subdistrict ?? '');
    const props: FacilityProps = {
      id: row.id!,
      name: row.name!,
      category,
      family: categoryInfo(category).family,
      address: row.address || null,
      subdistrict: placed.subdistrict,
      subdistrictStated: stated && stated !== placed.subdistrict ? stated : null,
      capacity: null,
      capacityUnit: null,
      capacityNote: null,
      locationQuality: 'unrated',
      sourceIds: [row.id!],
      crsOriginal: row.crs_original ?? '',
      ...extra,
    };
    const feature: Feature<Point, FacilityProps> = {
      type: 'Feature',
      properties: props,
      geometry: { type: 'Point', coordinates: placed.coordinates },
    };
    this.features.push(feature);
    return feature;
  }

  addUnlocated(row: Record<string, string>, category: CategoryId, reason: string): void {
    this.unlocated.push({
      id: row.id!,
      name: row.name!,
      category,
      address: row.address || null,
      subdistrictStated: row.subdistrict || null,
      reason,
      source: row.source ?? '',
      sourceDate: row.source_date ?? '',
    });
  }

  byId(id: string): FacilityFeature | undefined {
    return this.features.find((f) => f.properties.sourceIds.includes(id));
  }
}

function mapInstitutionCategory(text: string): CategoryId | null {
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

/** Build every facility layer from the raw CSVs. */
export function buildFacilities(readCsv: ReadCsv, subdistricts: SubdistrictLayer): FacilityOutput {
  const eb = new FacilityBuilder(subdistricts);
  const merges: FacilityOutput['merges'] = [];
  const merge = (target: FacilityFeature, id: string) => {
    target.properties.sourceIds.push(id);
  };

  // 1. Official institutions 2024 (养老机构 + 长者照护之家): the authority for those categories.
  const instFile = 'facilities/eldercare_institutions_official_2024.csv';
  const inst = readCsv(instFile, [
    ...BASE_COLUMNS,
    'address',
    'capacity',
    'capacity_unit',
    'geocode_quality',
  ]);
  inst.rows.forEach((row, i) => {
    const category = mapInstitutionCategory(row.category ?? '');
    if (!category)
      throw new DataError(instFile, `row ${i + 2}, field category`, `unknown category "${row.category}"`);
    const placed = eb.place(row, instFile, i + 2);
    if (!placed) {
      eb.addUnlocated(row, category, 'no coordinate in the source');
      return;
    }
    eb.add(row, placed, category, {
      capacity: parseNumber(row.capacity),
      capacityUnit: row.capacity ? row.capacity_unit || 'beds' : null,
      capacityNote: row.capacity ? 'planned 2025 beds (养老服务设施布局专项规划 2022–2035 extract)' : null,
      locationQuality: qualityFrom(row.geocode_quality),
      source: '杨浦区民政局 养老机构名单 (transcribed by github:Zucker-494/P06_Yangpu_Public_Service)',
      sourceDate: row.source_date ?? '',
    });
  });

  // 2. Official elder canteens (EC) and the host facilities named by them (ED).
  const canteenFile = 'facilities/eldercare.csv';
  const canteens = readCsv(canteenFile, [...BASE_COLUMNS, 'address']);
  const hostMerged: string[] = [];
  canteens.rows.forEach((row, i) => {
    const category = mapInstitutionCategory(row.category ?? '');
    if (!category)
      throw new DataError(canteenFile, `row ${i + 2}, field category`, `unknown category "${row.category}"`);
    const placed = eb.place(row, canteenFile, i + 2);
    if (!placed) {
      eb.addUnlocated(row, category, 'no coordinate in the source');
      return;
    }
    if (category === 'nursing-home') {
      // ED rows for homes repeat an official institution: merge by name.
      const key = normaliseName(row.name ?? '');
      const target = eb.features.find(
        (f) => f.properties.category === 'nursing-home' && normaliseName(f.properties.name).includes(key),
      );
      if (target) {
        merge(target, row.id!);
        hostMerged.push(`${row.id} → ${target.properties.id}`);
        return;
      }
    }
    eb.add(row, placed, category, {
      locationQuality: 'medium',
      source:
        category === 'elder-canteen'
          ? '杨浦区人民政府 睦邻社区长者食堂信息表 (geocoded by github:mywork1017/xuexixingqiu)'
          : '杨浦区 睦邻社区长者食堂信息表: host facility named in a canteen entry',
      sourceDate: row.source_date ?? '',
    });
  });
  merges.push({
    rule: 'canteen-list host homes merged into the official institution with the same name',
    count: hostMerged.length,
    examples: hostMerged,
  });
  // The four official canteens that could not be located (facilities/NOTES.md §1).
  for (const [id, name, address] of [
    ['EC-U1', '长白新村街道228街坊睦邻社区长者食堂', '上海市杨浦区敦化路62号'],
    ['EC-U2', '四平路街道同叶大厦睦邻社区长者食堂', '上海市杨浦区铁岭路38号'],
    ['EC-U3', '四平路街道中天大厦睦邻社区长者食堂', '上海市杨浦区四平路1115号'],
    ['EC-U4', '殷行街道中原店睦邻社区长者食堂', '上海市杨浦区中原路56号'],
  ] as const) {
    eb.unlocated.push({
      id,
      name,
      category: 'elder-canteen',
      address,
      subdistrictStated: name.slice(0, name.indexOf('街道') + 2),
      reason:
        'on the official list, but the map search by its geocoder did not match the house number (facilities/NOTES.md §1)',
      source: '杨浦区人民政府 睦邻社区长者食堂信息表',
      sourceDate: '2024-09-30',
    });
  }

  // 3. Shanghai elder-service platform dataset (S4): adds the categories the official lists lack.
  const platFile = 'facilities/eldercare_sh_platform_yangpu.csv';
  const plat = readCsv(platFile, [...BASE_COLUMNS, 'matched_official_id', 'flags']);
  const mergedInst: string[] = [];
  const mergedCanteen: string[] = [];
  const mergedCentre: string[] = [];
  plat.rows.forEach((row, i) => {
    const category = PLATFORM_CATEGORY[row.category ?? ''];
    if (!category)
      throw new DataError(platFile, `row ${i + 2}, field category`, `unknown category "${row.category}"`);
    const flags = row.flags ?? '';
    if (row.matched_official_id) {
      const target = eb.byId(row.matched_official_id);
      if (!target) {
        throw new DataError(
          platFile,
          `row ${i + 2}, field matched_official_id`,
          `no record ${row.matched_official_id}`,
        );
      }
      merge(target, row.id!);
      mergedInst.push(`${row.id} → ${row.matched_official_id}`);
      return;
    }
    if (category === 'nursing-home' || category === 'care-home') {
      eb.excluded.push({
        id: row.id!,
        name: row.name!,
        reason:
          'institution not on the 2024 official list (closed, renamed or merged?): the official list is authoritative',
      });
      return;
    }
    if (flags.includes('no_coordinate') || flags.includes('placeholder_coordinate')) {
      eb.excluded.push({ id: row.id!, name: row.name!, reason: `unusable coordinate (${flags})` });
      return;
    }
    const placed = eb.place(row, platFile, i + 2);
    if (!placed) {
      eb.excluded.push({ id: row.id!, name: row.name!, reason: 'no coordinate' });
      return;
    }
    const centreOf = /differs_from_(ED\d+)/.exec(flags)?.[1];
    if (category === 'elder-service-centre' && centreOf) {
      const target = eb.byId(centreOf);
      if (target) {
        merge(target, row.id!);
        mergedCentre.push(`${row.id} → ${centreOf}`);
        return;
      }
    }
    if (category === 'meal-point') {
      let best: FacilityFeature | undefined;
      let bestD = Infinity;
      for (const f of eb.features) {
        if (f.properties.category !== 'elder-canteen') continue;
        const d = distanceM(placed.coordinates, f.geometry.coordinates);
        if (d < bestD) {
          bestD = d;
          best = f;
        }
      }
      const isCanteen = (row.name ?? '').includes('长者食堂');
      if (best && (bestD <= MEAL_POINT_MERGE_ANY_M || (isCanteen && bestD <= MEAL_POINT_MERGE_CANTEEN_M))) {
        merge(best, row.id!);
        mergedCanteen.push(`${row.id} → ${best.properties.id} (${Math.round(bestD)} m)`);
        return;
      }
    }
    eb.add(row, placed, category, {
      locationQuality: flags.includes('name_refers_to_other_district') ? 'low' : 'unrated',
      source:
        'Shanghai elder-service platform agency map (third-party copy: github:duringbug/ipex, origin not stated)',
      sourceDate: '≤ 2024-07',
    });
  });
  merges.push(
    {
      rule: 'platform record with matched_official_id merged into that official institution',
      count: mergedInst.length,
      examples: mergedInst.slice(0, 5),
    },
    {
      rule: `platform meal point merged into the nearest official canteen when ≤ ${MEAL_POINT_MERGE_ANY_M} m, or ≤ ${MEAL_POINT_MERGE_CANTEEN_M} m and its name says 长者食堂`,
      count: mergedCanteen.length,
      examples: mergedCanteen,
    },
    {
      rule: 'platform elder-service centre merged into the centre named by the official canteen list (flag differs_from_ED…)',
      count: mergedCentre.length,
      examples: mergedCentre,
    },
  );

  // 4. Childcare: the current list first, then the older list where it adds a place.
  const cb = new FacilityBuilder(subdistricts);
  const curFile = 'facilities/childcare_current.csv';
  const current = readCsv(curFile, [...BASE_COLUMNS, 'address']);
  current.rows.forEach((row, i) => {
    const placed = cb.place(row, curFile, i + 2);
    if (!placed) {
      cb.addUnlocated(row, 'kindergarten', 'no coordinate in the source');
      return;
    }
    cb.add(row, placed, 'kindergarten', {
      locationQuality: row.match_method === 'osm_feature_centroid' ? 'medium' : 'medium',
      source:
        parseCrs(row.crs_original ?? '') === 'WGS84'
          ? 'OpenStreetMap amenity=kindergarten (© OpenStreetMap contributors)'
          : 'Baidu Place API cache (github:Sa4pphire/15min-LivingCircle)',
      sourceDate: row.source_date ?? '',
    });
  });
  const oldFile = 'facilities/childcare.csv';
  const old = readCsv(oldFile, BASE_COLUMNS);
  const mergedChild: string[] = [];
  old.rows.forEach((row, i) => {
    const category: CategoryId = (row.category ?? '').startsWith('托儿所') ? 'nursery' : 'kindergarten';
    const placed = cb.place(row, oldFile, i + 2);
    if (!placed) {
      cb.addUnlocated(row, category, 'no coordinate in the source');
      return;
    }
    if (category === 'kindergarten') {
      const core = normaliseName(row.name ?? '').replace(/幼儿园$/, '');
      const twin = cb.features.find((f) => {
        if (!f.properties.sourceIds[0]!.startsWith('CN')) return false;
        const other = normaliseName(f.properties.name).replace(/幼儿园$/, '');
        const d = distanceM(placed.coordinates, f.geometry.coordinates);
        const similar =
          other.includes(core) ||
          core.includes(other) ||
          other.replace(/路/g, '') === core.replace(/路/g, '');
        return d <= CHILDCARE_MERGE_M && similar;
      });
      if (twin) {
        merge(twin, row.id!);
        mergedChild.push(`${row.id} → ${twin.properties.id}`);
        return;
      }
    }
    cb.add(row, placed, category, {
      locationQuality: 'low',
      source:
        'older Yangpu school list c. 2017–18 (public GitHub file, repository not recoverable); names not re-verified',
      sourceDate: 'c. 2017–2018',
    });
  });
  merges.push({
    rule: `older kindergarten merged into a current one within ${CHILDCARE_MERGE_M} m with the same core name`,
    count: mergedChild.length,
    examples: mergedChild,
  });

  // 5. Other services.
  const sb = new FacilityBuilder(subdistricts);
  const services: [string, CategoryId, string][] = [
    ['facilities/health_centres.csv', 'health-centre', '杨浦区卫生健康委 community health centres'],
    ['facilities/cultural_centres.csv', 'cultural-centre', '杨浦区 community cultural centres'],
    [
      'facilities/parks.csv',
      'park',
      '杨浦区绿化和市容管理局 park register (address point, not the park polygon)',
    ],
    ['facilities/sports_facilities.csv', 'sports', '杨浦区体育局 public sports facilities'],
  ];
  for (const [file, category, source] of services) {
    const table = readCsv(file, BASE_COLUMNS);
    table.rows.forEach((row, i) => {
      const placed = sb.place(row, file, i + 2);
      if (!placed) {
        sb.addUnlocated(
          row,
          category,
          `not geocoded: ${row.match_method || row.geocode_quality || 'no coordinate'}`,
        );
        return;
      }
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

  const sortById = (a: FacilityFeature, b: FacilityFeature) => a.properties.id.localeCompare(b.properties.id);
  return {
    eldercare: eb.features.sort(sortById),
    childcare: cb.features.sort(sortById),
    services: sb.features.sort(sortById),
    unlocated: [...eb.unlocated, ...cb.unlocated, ...sb.unlocated],
    excluded: [...eb.excluded, ...cb.excluded, ...sb.excluded],
    merges,
    conversionCheck: {
      points: eb.conversionCheck.points + cb.conversionCheck.points + sb.conversionCheck.points,
      maxGapM: Math.max(eb.conversionCheck.maxGapM, cb.conversionCheck.maxGapM, sb.conversionCheck.maxGapM),
    },
  };
}
