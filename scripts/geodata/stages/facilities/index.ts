/**
 * Stage: facilities. Official lists and the Shanghai elder-service platform dataset → one
 * Point layer per family, de-duplicated, each point converted from its source CRS by us and
 * checked against the WGS84 value the raw file gives; plus the unlocated and excluded lists.
 */
import type { ExcludedRecord, FacilityFeature, UnlocatedFacility } from '../../../../src/core/schema';
import { LAYER_FILES } from '../../../../src/core/schema';
import type { LayerRules } from '../../../../src/data/validate';
import { collection } from '../../geojson';
import { type OutputLayer, type OutputList, POINT_RULES } from '../../stage';
import { flagSharedPoints, type SharedPoint } from './approximate';
import type { FacilitiesInput, FamilyOutput } from './builder';
import { buildChildcare } from './childcare';
import type { MergeLog } from './dedupe';
import { buildEldercare } from './eldercare';
import type { ConversionCheck } from './place';
import { buildServices } from './services';

export type { FacilitiesInput } from './builder';

/** Every facility family and list, as SOURCES.md reports them. */
export interface FacilityOutput {
  eldercare: FacilityFeature[];
  childcare: FacilityFeature[];
  services: FacilityFeature[];
  unlocated: UnlocatedFacility[];
  excluded: ExcludedRecord[];
  /** human-readable facts for SOURCES.md */
  merges: MergeLog[];
  /** points shared by sites of different names (the approximate ones flagged) */
  sharedPoints: SharedPoint[];
  /** converted points checked against the raw WGS84 values, with the largest gap (m) */
  conversionCheck: ConversionCheck;
}

export interface FacilitiesOutput {
  facilities: FacilityOutput;
  /** eldercare.geojson, childcare.geojson, services.geojson */
  layers: OutputLayer[];
  /** unlocated.json and excluded.json */
  lists: OutputList[];
}

const FACILITY_RULES: LayerRules = {
  ...POINT_RULES,
  requiredProps: ['id', 'name', 'category', 'subdistrict', 'source'],
  idProp: 'id',
};

function combine(families: FamilyOutput[]): ConversionCheck {
  return {
    points: families.reduce((s, f) => s + f.conversionCheck.points, 0),
    maxGapM: Math.max(...families.map((f) => f.conversionCheck.maxGapM)),
  };
}

/**
 * Build every facility layer from the raw CSVs.
 *
 * Input: a CSV reader on the raw package and the subdistricts (for point in polygon). Output:
 * the eldercare, childcare and services points (WGS84, 6 decimals; capacity in beds, m² or
 * as the source states), the unlocated and excluded records, the merges made and the CRS
 * conversion check (points, largest gap in m, at most MAX_CONVERSION_GAP_M).
 */
export function buildFacilities(input: FacilitiesInput): FacilitiesOutput {
  const families = [buildEldercare(input), buildChildcare(input), buildServices(input)];
  const [eldercare, childcare, services] = families as [FamilyOutput, FamilyOutput, FamilyOutput];
  const sharedPoints = flagSharedPoints(families.flatMap((f) => f.features));
  const facilities: FacilityOutput = {
    eldercare: eldercare.features,
    childcare: childcare.features,
    services: services.features,
    unlocated: families.flatMap((f) => f.unlocated),
    excluded: families.flatMap((f) => f.excluded),
    merges: families.flatMap((f) => f.merges),
    sharedPoints,
    conversionCheck: combine(families),
  };
  const layer = (file: string, features: FacilityFeature[]): OutputLayer => ({
    file,
    collection: collection(features),
    rules: FACILITY_RULES,
  });
  return {
    facilities,
    layers: [
      layer(LAYER_FILES.eldercare, facilities.eldercare),
      layer(LAYER_FILES.childcare, facilities.childcare),
      layer(LAYER_FILES.services, facilities.services),
    ],
    lists: [
      { file: LAYER_FILES.unlocated, items: facilities.unlocated },
      { file: LAYER_FILES.excluded, items: facilities.excluded },
    ],
  };
}
