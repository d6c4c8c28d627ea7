/**
 * The coverage tables' shapes (totals per circle, subdistrict and district; the table of one
 * category and radius) and the row helpers the engine fills them with: totals, and the
 * nearest-facility distance statistics of each circle from a sample field (m). Pure.
 */
import type { Position } from 'geojson';
import type { AgeGroup } from '../../core/ageGroups';
import type { NetworkFigures } from '../network/coverage';
import type { RouteFactors } from '../network/routeFactors';
import type { PopulationModel } from './model';
import type { TargetCounts } from './targets';

/**
 * How distance is measured: straight line; walking along the network where it exists
 * (straight elsewhere); or walking (best available): the network where mapped, the
 * route-factor estimate elsewhere.
 */
export type DistanceKind = 'straight' | 'network' | 'walk';

/** Walk mode: how much of a share is measured on the network, and its range from the route factors' quartiles. */
export interface WalkEstimate {
  /** residents counted by a measured network walk (in the network) */
  measuredPopulation: number;
  /** measured ÷ population (0–1); null when nobody lives there */
  measuredShare: number | null;
  /** covered residents with the 75th-percentile factor (longer walks: the low end) and with the 25th-percentile factor (the high end) */
  coveredPopulationLow: number;
  coveredPopulationHigh: number;
  /** the share range (0–1), null when nobody lives there; equal to populationShare when measuredShare is 1 */
  shareLow: number | null;
  shareHigh: number | null;
}

export interface FacilityPoint {
  id: string;
  category: string;
  lonLat: Position;
  /** capacity in the type's unit (access/capacitySpec.ts); null or absent = unknown, never assumed */
  capacity?: number | null;
}

/** Totals for an area (a circle, a subdistrict or the district). Areas in m², people in residents. */
export interface CoverageTotals {
  population: number;
  coveredPopulation: number;
  gapPopulation: number;
  /** covered / population (0–1); null when nobody lives there */
  populationShare: number | null;
  /** land inside the area (excludes the river), m² */
  landAreaM2: number;
  coveredLandAreaM2: number;
  /** land where residents live in the model, m² */
  residentialAreaM2: number;
  coveredResidentialAreaM2: number;
  gapAreaM2: number;
  /** covered / residential area (0–1) */
  residentialAreaShare: number | null;
  /** residents within the radius of the district's land border (neighbouring districts' facilities, which we lack, might serve them) */
  edgePopulation: number;
  /** the category's target group (see CoverageTable.targetGroup); null when it has none or its figures are unknown */
  target: TargetCounts | null;
  /** walk mode only (else null or absent): measured vs estimated residents and the share's range */
  estimate?: WalkEstimate | null;
}

export interface CircleCoverage extends CoverageTotals {
  id: string;
  name: string;
  /** the English name (the Chinese one where the data has none) */
  nameEn: string;
  subdistrict: string;
  /** the subdistrict's English name (the Chinese one where the data has none) */
  subdistrictEn: string;
  /** population-weighted median distance to the nearest facility, m (40 m sample, 10 m bins); null without facilities */
  medianDistanceM: number | null;
  /** largest distance from a resident cell to the nearest facility, m */
  maxDistanceM: number | null;
  /** where that worst-served cell is (lon/lat) */
  worstPoint: Position | null;
  /** ids of facilities inside the circle */
  facilitiesInside: string[];
  /** ids of facilities (inside or outside) within the radius of some resident of the circle */
  facilitiesInReach: string[];
  /** true when ≥ 10% of residents live within the radius of the land border */
  edgeEffect: boolean;
  /** network mode only: the circle's residents in the network, by walking and by straight-line distance */
  network: NetworkFigures | null;
}

export interface CoverageTable {
  category: string;
  radiusM: number;
  /** the age group the category serves (60+, 3–5, under 3), or null for every resident */
  targetGroup: AgeGroup | null;
  /**
   * 'network': residents in the network are counted by walking distance, the others by
   * straight-line distance (each circle's `network` says how many are which)
   */
  distance: DistanceKind;
  /** network mode only: the district's residents in the network */
  network: NetworkFigures | null;
  /** walk mode only (else null or absent): the route factors the estimate used */
  routeFactors?: RouteFactors | null;
  circles: CircleCoverage[];
  subdistricts: (CoverageTotals & { name: string; nameEn: string })[];
  district: CoverageTotals;
  /** circle ids by uncovered population, largest first */
  rankingByGap: string[];
}

export interface GapProps {
  circleId: string;
  category: string;
  radiusM: number;
  /** how distance was measured for this gap (the riverfront stays straight in network mode) */
  distance: DistanceKind;
  /** m² */
  areaM2: number;
  population: number;
}

const BIN_M = 10;
const BINS = 1500; // 15 km

export function emptyTotals(): CoverageTotals {
  return {
    population: 0,
    coveredPopulation: 0,
    gapPopulation: 0,
    populationShare: null,
    landAreaM2: 0,
    coveredLandAreaM2: 0,
    residentialAreaM2: 0,
    coveredResidentialAreaM2: 0,
    gapAreaM2: 0,
    residentialAreaShare: null,
    edgePopulation: 0,
    target: null,
  };
}

export function finish(t: CoverageTotals): CoverageTotals {
  t.gapPopulation = t.population - t.coveredPopulation;
  t.gapAreaM2 = t.residentialAreaM2 - t.coveredResidentialAreaM2;
  t.populationShare = t.population > 0 ? t.coveredPopulation / t.population : null;
  t.residentialAreaShare = t.residentialAreaM2 > 0 ? t.coveredResidentialAreaM2 / t.residentialAreaM2 : null;
  return t;
}

/** A circle's nearest-facility distances: median and worst (m), and where the worst is. */
export type DistanceStats = Pick<CircleCoverage, 'medianDistanceM' | 'maxDistanceM' | 'worstPoint'>;

/**
 * Per circle: the population-weighted median (10 m bins) and the largest nearest-facility
 * distance over its sample cells (m), and the worst cell's position; nulls without a field.
 */
export function distanceStats(model: PopulationModel, field: Float32Array | null): DistanceStats[] {
  const { grid, circles, sampleCells, sampleWeight, sampleCircle } = model;
  const K = circles.length;
  const hist = new Float64Array(K * BINS);
  const weightOf = new Float64Array(K);
  const maxD = new Float64Array(K).fill(-1);
  const worst = new Int32Array(K).fill(-1);
  for (let t = 0; field && t < sampleCells.length; t++) {
    const w = sampleWeight[t]!;
    const k = sampleCircle[t]!;
    const d = field[t]!;
    if (w <= 0 || k < 0 || !Number.isFinite(d)) continue;
    hist[k * BINS + (d >= BINS * BIN_M ? BINS - 1 : Math.floor(d / BIN_M))]! += w;
    weightOf[k]! += w;
    if (d > maxD[k]!) {
      maxD[k] = d;
      worst[k] = sampleCells[t]!;
    }
  }
  return circles.map((_, k) => {
    let median: number | null = null;
    for (let b = 0, sum = 0; weightOf[k]! > 0 && b < BINS; b++) {
      sum += hist[k * BINS + b]!;
      if (sum >= weightOf[k]! / 2) {
        median = (b + 0.5) * BIN_M;
        break;
      }
    }
    const w = worst[k]!;
    return {
      medianDistanceM: median,
      maxDistanceM: w >= 0 ? maxD[k]! : null,
      worstPoint:
        w >= 0
          ? grid.proj.toLonLat(
              grid.x0 + (w % grid.cols) * grid.cellM,
              grid.y0 + Math.floor(w / grid.cols) * grid.cellM,
            )
          : null,
    };
  });
}
