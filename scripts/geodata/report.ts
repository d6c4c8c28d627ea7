/** The build report: what SOURCES.md, the tests and the console say about a build. */
import type { DasymetricSummary } from '../../src/analysis/population/dasymetric';
import type { CircleProps } from '../../src/core/schema';
import type { TilingReport } from '../../src/data/tiling';
import type { BoundariesOutput } from './stages/boundaries';
import type { CircleAllocation, CircleBalance, CirclesOutput } from './stages/circles';
import type { FacilityOutput } from './stages/facilities';
import type { NetworkReport } from './stages/network';
import type { OsmExtractReport } from './stages/osm-extract';
import type { LayerReport } from './write';

export interface BuildReport {
  layers: LayerReport[];
  facilities: FacilityOutput;
  circles: CircleProps[];
  allocation: CircleAllocation[];
  /** residents of every circle against its subdistrict's mean */
  balance: CircleBalance[];
  /** residents placed by each method and the land floor-area ratio */
  surface: CirclesOutput['surface'];
  /** the dasymetric classification of the OSM buildings and residential land */
  populationModel: DasymetricSummary & { invalidBuildings: number };
  /** the district's age groups (residents) and where they come from */
  ageGroups: { counts: Record<string, number>; note: string };
  tilingSubdistricts: TilingReport;
  tilingCircles: TilingReport;
  /** km², 3 decimals */
  districtAreaKm2: number;
  /** residents */
  populationCheck: { subdistrictSum: number; censusTotal: number };
  /** what the OSM extract gave, null when the build used none */
  osm: OsmExtractReport | null;
  /** the pedestrian graph */
  network: NetworkReport;
  /** the street index the app builds at load time from these files (counts of street names) */
  streets?: StreetSummary;
}

/** Street names the app's search finds: from OSM walking lines, from list addresses, or both. */
export interface StreetSummary {
  names: number;
  withOsmLine: number;
  fromAddresses: number;
  /** located facilities and address-only ones whose address names a street, of all with an address */
  addressesNamingStreet: number;
  addresses: number;
}

export interface ReportInput {
  /** the files written */
  layers: LayerReport[];
  boundaries: BoundariesOutput;
  circles: CirclesOutput;
  populationModel: DasymetricSummary & { invalidBuildings: number };
  facilities: FacilityOutput;
  /** the OSM extract's report, null without one */
  osm: OsmExtractReport | null;
  network: NetworkReport;
  streets?: StreetSummary;
}

/**
 * Gather the report from the stages' outputs.
 *
 * Input: the written files and the boundary, circle and facility outputs. Output: the report
 * (district area km², populations in residents, circle areas km², tiling shares 0–1).
 */
export function buildReport({
  layers,
  boundaries,
  circles,
  populationModel,
  facilities,
  network,
  osm,
  streets,
}: ReportInput): BuildReport {
  const d = boundaries.district.features[0]!.properties;
  return {
    layers,
    facilities,
    circles: circles.circles.features.map((f) => f.properties),
    allocation: circles.allocation,
    balance: circles.balance,
    surface: circles.surface,
    populationModel,
    ageGroups: { counts: { ...d.ageGroups2020 } as Record<string, number>, note: d.ageGroupsNote ?? '' },
    tilingSubdistricts: boundaries.tiling,
    tilingCircles: circles.tiling,
    districtAreaKm2: boundaries.district.features[0]!.properties.areaKm2,
    populationCheck: boundaries.populationCheck,
    osm,
    network,
    streets,
  };
}
