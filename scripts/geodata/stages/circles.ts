/**
 * Stage: the derived life circles. No official circle boundaries are published, so the
 * district's CIRCLE_COUNT circles are allocated to subdistricts by population and each
 * subdistrict is split into that many parts holding the same number of modelled residents
 * (the resident surface the coverage engine counts on). Each circle's `population` is the
 * engine's count of it.
 */
import type { Feature, FeatureCollection, LineString, MultiPolygon, Polygon } from 'geojson';
import { largestRemainder, roundPreservingSum } from '../../../src/analysis/allocate';
import { indexCells } from '../../../src/analysis/coverage/grid';
import { buildResidentGrid, type ResidentGrid } from '../../../src/analysis/coverage/model';
import { partitionWeighted, type WeightedSample } from '../../../src/analysis/partition';
import { METHOD as PLACED_BY } from '../../../src/analysis/population/surface';
import { geometryArea } from '../../../src/core/geo';
import {
  type CircleLayer,
  type CircleProps,
  type DistrictLayer,
  LAYER_FILES,
  type PopulationModelLayer,
  type SubdistrictLayer,
} from '../../../src/core/schema';
import { normaliseGeometry } from '../../../src/data/normalise';
import { checkTiling, type TilingReport } from '../../../src/data/tiling';
import { collection, feature, round } from '../geojson';
import { type OutputLayer, POLY_RULES } from '../stage';

/** Number of life circles the district has drawn. */
export const CIRCLE_COUNT = 33;
/** Seed of the circle partition (changing it redraws every derived boundary). */
export const CIRCLE_SEED = 1;
/** Cell side of the resident surface the partition balances on, m (the coverage engine's grid). */
export const CIRCLE_GRID_M = 20;
/** A circle whose residents differ from its subdistrict's mean by more than this share is reported. */
export const BALANCE_TOLERANCE = 0.2;

const METHOD =
  `derived by this project: ${CIRCLE_COUNT} circles allocated to subdistricts by 2020 population (largest remainder, ≥ 1 each); ` +
  `each subdistrict split into parts of equal modelled residents by a balanced power diagram (seeded k-means++ on the ${CIRCLE_GRID_M} m resident surface, seed ${CIRCLE_SEED}) clipped to the subdistrict; ` +
  'population = the population model’s count of the circle (residents by floor area where OSM buildings are mapped, residential land use, else land). Not an official boundary.';

/** How many circles one subdistrict gets. */
export interface CircleAllocation {
  subdistrict: string;
  /** residents (2020) */
  population: number;
  /** the unrounded share of CIRCLE_COUNT, 3 decimals */
  quota: number;
  circles: number;
}

export interface CirclesInput {
  district: DistrictLayer;
  /** with population2020 in residents */
  subdistricts: SubdistrictLayer;
  /** the derived population-model layer (floor areas in m²) */
  populationModel: PopulationModelLayer;
  /** the Huangpu's mid-channel line (land within its half-width is river) */
  riverEdge: FeatureCollection<LineString>;
}

/** How evenly one circle's residents match its subdistrict's mean. */
export interface CircleBalance {
  id: string;
  subdistrict: string;
  /** residents (the engine's count) */
  population: number;
  /** (population − subdistrict mean) ÷ mean */
  deviation: number;
}

export interface CirclesOutput {
  /** CIRCLE_COUNT circles: areaKm2 in km², population in residents */
  circles: CircleLayer;
  /** one row per subdistrict, in the subdistricts' order */
  allocation: CircleAllocation[];
  /** gap and overlap shares of the circles against the district outline (0–1) */
  tiling: TilingReport;
  /** per circle: residents and deviation from its subdistrict's mean */
  balance: CircleBalance[];
  /** residents placed by each method of the population model (buildings, land use, land), and the land floor-area ratio */
  surface: { byBuildings: number; byLanduse: number; byLand: number; landFloorAreaRatio: number };
  /** circles.geojson */
  layers: OutputLayer[];
}

function shortName(zh: string): string {
  return zh.replace(/街道$/, '');
}

function shortNameEn(en: string): string {
  return en.replace(/ Subdistrict$/, '').replace(/ Road$/, ' Rd');
}

/** Area-weighted centroid of a polygon's exterior (lon/lat), for ordering only. */
function centroidOf(g: Polygon | MultiPolygon): [number, number] {
  const ring = g.type === 'Polygon' ? g.coordinates[0]! : g.coordinates[0]![0]!;
  let a = 0;
  let cx = 0;
  let cy = 0;
  for (let i = 0; i < ring.length - 1; i++) {
    const p = ring[i]!;
    const q = ring[i + 1]!;
    const cross = p[0]! * q[1]! - q[0]! * p[1]!;
    a += cross;
    cx += (p[0]! + q[0]!) * cross;
    cy += (p[1]! + q[1]!) * cross;
  }
  return [cx / (3 * a), cy / (3 * a)];
}

/** CIRCLE_COUNT circles shared among the subdistricts by population, at least one each. */
function allocate(subdistricts: SubdistrictLayer): CircleAllocation[] {
  const pops = subdistricts.features.map((f) => f.properties.population2020);
  const perSub = largestRemainder(pops, CIRCLE_COUNT, 1);
  const popTotal = pops.reduce((a, b) => a + b, 0);
  return subdistricts.features.map((f, i) => ({
    subdistrict: f.properties.name,
    population: f.properties.population2020,
    quota: round((pops[i]! / popTotal) * CIRCLE_COUNT, 3),
    circles: perSub[i]!,
  }));
}

/** The resident surface's cells of every subdistrict (projected centres, residents), in one pass. */
function subdistrictSamples(model: ResidentGrid, count: number): WeightedSample[] {
  const { grid, subdistrictOf, population } = model;
  const cells: number[][] = Array.from({ length: count }, () => []);
  for (let c = 0; c < population.length; c++) {
    if (subdistrictOf[c]! >= 0 && population[c]! > 0) cells[subdistrictOf[c]!]!.push(c);
  }
  return cells.map((list) => ({
    x: Float64Array.from(list, (c) => grid.x0 + (c % grid.cols) * grid.cellM),
    y: Float64Array.from(list, (c) => grid.y0 + Math.floor(c / grid.cols) * grid.cellM),
    mass: Float64Array.from(list, (c) => population[c]!),
    cellAreaM2: grid.cellM * grid.cellM,
  }));
}

/** The same residents on 2 × 2 blocks of cells (at their residents' centroid): the partition's first pass. */
function blockSample(fine: WeightedSample, grid: ResidentGrid['grid']): WeightedSample {
  const blocks = new Map<number, [number, number, number]>();
  for (let i = 0; i < fine.mass.length; i++) {
    const bi = Math.floor((fine.x[i]! - grid.x0) / (2 * grid.cellM) + 0.25);
    const bj = Math.floor((fine.y[i]! - grid.y0) / (2 * grid.cellM) + 0.25);
    const key = bj * grid.cols + bi;
    const b = blocks.get(key) ?? [0, 0, 0];
    const m = fine.mass[i]!;
    blocks.set(key, [b[0] + fine.x[i]! * m, b[1] + fine.y[i]! * m, b[2] + m]);
  }
  const list = [...blocks.values()];
  return {
    x: Float64Array.from(list, (b) => b[0] / b[2]),
    y: Float64Array.from(list, (b) => b[1] / b[2]),
    mass: Float64Array.from(list, (b) => b[2]),
    cellAreaM2: 4 * fine.cellAreaM2,
  };
}

/** One subdistrict split into `k` circles of equal modelled residents, numbered north to south, then west to east. */
function splitSubdistrict(
  sub: SubdistrictLayer['features'][number],
  k: number,
  sample: WeightedSample,
  coarse: WeightedSample,
): Feature<Polygon | MultiPolygon, CircleProps>[] {
  const { parts } = partitionWeighted(sub as Feature<Polygon>, k, sample, { seed: CIRCLE_SEED, coarse });
  const withArea = parts.map((part) => {
    const g = normaliseGeometry(part.geometry);
    return { g, area: geometryArea(g), centre: centroidOf(g) };
  });
  withArea.sort((a, b) => b.centre[1] - a.centre[1] || a.centre[0] - b.centre[0]);
  const short = shortName(sub.properties.name);
  return withArea.map((x, j) =>
    feature(x.g, {
      id: `${sub.properties.code}-${j + 1}`,
      name: `${short}-${j + 1}`,
      nameEn: `${shortNameEn(sub.properties.nameEn)}-${j + 1}`,
      subdistrict: sub.properties.name,
      areaKm2: round(x.area / 1e6, 3),
      population: 0,
      derived: true,
      method: METHOD,
    }),
  );
}

/**
 * Set each circle's population to the model's count of it (cells whose centre it holds, as
 * the coverage engine counts), rounded so each subdistrict's circles sum to the rounded count
 * of their cells. Returns the balance of every circle against its subdistrict's mean.
 */
function countResidents(model: ResidentGrid, circles: CircleLayer): CircleBalance[] {
  const circleOf = indexCells(
    model.grid,
    circles.features.map((f) => f.geometry),
  );
  const sums = new Float64Array(circles.features.length);
  for (let c = 0; c < circleOf.length; c++)
    if (circleOf[c]! >= 0) sums[circleOf[c]!]! += model.population[c]!;
  const bySub = new Map<string, number[]>();
  circles.features.forEach((f, k) => {
    bySub.set(f.properties.subdistrict, [...(bySub.get(f.properties.subdistrict) ?? []), k]);
  });
  const balance: CircleBalance[] = [];
  for (const [subdistrict, ks] of bySub) {
    const rounded = roundPreservingSum(ks.map((k) => sums[k]!));
    const mean = ks.reduce((t, k) => t + sums[k]!, 0) / ks.length;
    ks.forEach((k, j) => {
      const props = circles.features[k]!.properties;
      props.population = rounded[j]!;
      balance.push({ id: props.id, subdistrict, population: rounded[j]!, deviation: sums[k]! / mean - 1 });
    });
  }
  return balance;
}

/**
 * Derive the life circles.
 *
 * Input: the district and its subdistricts (population in residents), the population-model
 * layer and the river edge. Output: CIRCLE_COUNT circle polygons (area km², population
 * residents = the model's count), the allocation per subdistrict, the balance of every circle
 * and their tiling of the district. The partition is seeded (CIRCLE_SEED), so the same input
 * gives the same circles.
 */
export function buildCircles({
  district,
  subdistricts,
  populationModel,
  riverEdge,
}: CirclesInput): CirclesOutput {
  const allocation = allocate(subdistricts);
  const model = buildResidentGrid({
    district: district.features[0]!,
    subdistricts: subdistricts.features,
    populationModel: populationModel.features,
    riverEdge: riverEdge.features,
  });
  const samples = subdistrictSamples(model, subdistricts.features.length);
  const circles: CircleLayer = collection(
    subdistricts.features.flatMap((sub, i) =>
      splitSubdistrict(sub, allocation[i]!.circles, samples[i]!, blockSample(samples[i]!, model.grid)),
    ),
  );
  const balance = countResidents(model, circles);
  const by = new Float64Array(4);
  model.population.forEach((v, c) => {
    by[model.method[c]!]! += v;
  });
  const tiling = checkTiling(
    district.features[0]!.geometry,
    circles.features.map((f) => f.geometry),
  );
  const rules = { ...POLY_RULES, requiredProps: ['id', 'name', 'subdistrict', 'population'], idProp: 'id' };
  return {
    circles,
    allocation,
    tiling,
    balance,
    surface: {
      byBuildings: by[PLACED_BY.buildings]!,
      byLanduse: by[PLACED_BY.landuse]!,
      byLand: by[PLACED_BY.land]!,
      landFloorAreaRatio: model.landFloorAreaRatio,
    },
    layers: [{ file: LAYER_FILES.circles, collection: circles, rules }],
  };
}
