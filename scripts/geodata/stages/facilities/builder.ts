/**
 * One facility family (eldercare, childcare, other services) as it is built: the placed
 * features, the unlocated and excluded records, and the CRS check's tally.
 */
import type { Feature, Point, Position } from 'geojson';
import { type CategoryId, categoryInfo } from '../../../../src/core/categories';
import { pointInGeometry } from '../../../../src/core/geo';
import type {
  ExcludedRecord,
  FacilityFeature,
  FacilityProps,
  SubdistrictLayer,
  UnlocatedFacility,
} from '../../../../src/core/schema';
import { round } from '../../geojson';
import type { ReadCsv } from '../../source-reader';
import { type MergeLog, mergeInto } from './dedupe';
import { REASONS, type Reason } from './lists';
import { type ConversionCheck, locateRow } from './place';
import { implausibility, otherDistrictNamed, otherDistrictReason } from './plausibility';

/** What every facility stage reads. */
export interface FacilitiesInput {
  /** reads a CSV of the raw package */
  readCsv: ReadCsv;
  /** to assign each point its subdistrict (point in polygon) */
  subdistricts: SubdistrictLayer;
}

/** One family's result. */
export interface FamilyOutput {
  /** sorted by id; coordinates WGS84 with 6 decimals; capacity in the unit of capacityUnit */
  features: FacilityFeature[];
  unlocated: UnlocatedFacility[];
  excluded: ExcludedRecord[];
  merges: MergeLog[];
  /** converted points and the largest gap to the raw WGS84 value (m, 2 decimals) */
  conversionCheck: ConversionCheck;
}

/** A located row: [lon, lat] and its subdistrict by point in polygon (null: outside Yangpu). */
export interface Placed {
  coordinates: Position;
  subdistrict: string | null;
}

type Row = Record<string, string>;

const byId = (a: FacilityFeature, b: FacilityFeature) => a.properties.id.localeCompare(b.properties.id);

export class FacilityBuilder {
  readonly features: FacilityFeature[] = [];
  readonly unlocated: UnlocatedFacility[] = [];
  readonly excluded: ExcludedRecord[] = [];
  private readonly check: ConversionCheck = { points: 0, maxGapM: 0 };

  constructor(private readonly subdistricts: SubdistrictLayer) {}

  /** Locate one CSV row (see locateRow) and find its subdistrict; null when it has no coordinate. */
  place(row: Row, file: string, rowNo: number): Placed | null {
    const coordinates = locateRow(row, file, rowNo, this.check);
    if (!coordinates) return null;
    const sub = this.subdistricts.features.find((f) => pointInGeometry(coordinates, f.geometry));
    return { coordinates, subdistrict: sub ? sub.properties.name : null };
  }

  /** `place`, listing the row as unlocated (with `reason`) when it has no coordinate. */
  placeOrUnlocated(
    row: Row,
    file: string,
    rowNo: number,
    category: CategoryId,
    reason: Reason = REASONS.noSourceCoordinate,
  ): Placed | null {
    const placed = this.place(row, file, rowNo);
    if (!placed) this.addUnlocated(row, category, reason);
    return placed;
  }

  add(
    row: Row,
    placed: Placed,
    category: CategoryId,
    extra: Partial<FacilityProps> & { source: string; sourceDate: string },
  ): FacilityFeature | null {
    if (!placed.subdistrict) {
      this.exclude(row, REASONS.outsideDistrict);
      return null;
    }
    const stated = (row.subdistrict ?? '').startsWith('~') ? '' : (row.subdistrict ?? '');
    const implausible = implausibility(
      {
        name: row.name ?? '',
        address: row.address || null,
        subdistrictStated: stated,
        coordinates: placed.coordinates,
        subdistrict: placed.subdistrict,
      },
      this.subdistricts.features.map((f) => ({ name: f.properties.name, geometry: f.geometry })),
    );
    if (implausible) {
      this.exclude(row, implausible);
      return null;
    }
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

  /** Merge the row into `twin`, the place it repeats, logging it in `log`; without a twin, `add` it. */
  addOrMerge(
    row: Row,
    placed: Placed,
    category: CategoryId,
    twin: FacilityFeature | undefined,
    log: string[],
    extra: Partial<FacilityProps> & { source: string; sourceDate: string },
  ): void {
    if (twin) mergeInto(twin, row.id!, log);
    else this.add(row, placed, category, extra);
  }

  addUnlocated(row: Row, category: CategoryId, reason: Reason): void {
    this.unlocated.push({
      id: row.id!,
      name: row.name!,
      category,
      address: row.address || null,
      subdistrictStated: row.subdistrict || null,
      reason: reason.en,
      reasonZh: reason.zh,
      source: row.source ?? '',
      sourceDate: row.source_date ?? '',
    });
  }

  /** Leave the record out, with its reason; a name or address naming another district is said first. */
  exclude(row: Row, reason: Reason): void {
    const district = otherDistrictNamed(row.name ?? '', row.address || null);
    const first = district && !reason.en.startsWith('names another') ? otherDistrictReason(district) : null;
    this.excluded.push({
      id: row.id!,
      name: row.name!,
      reason: first ? `${first.en}; ${reason.en}` : reason.en,
      reasonZh: first ? `${first.zh}；${reason.zh}` : reason.zh,
    });
  }

  /** The place that source record `id` was merged into (or is). */
  byId(id: string): FacilityFeature | undefined {
    return this.features.find((f) => f.properties.sourceIds.includes(id));
  }

  /** The family's result, features sorted by id. */
  finish(merges: MergeLog[]): FamilyOutput {
    return {
      features: this.features.sort(byId),
      unlocated: this.unlocated,
      excluded: this.excluded,
      merges,
      conversionCheck: { points: this.check.points, maxGapM: round(this.check.maxGapM, 2) },
    };
  }
}
