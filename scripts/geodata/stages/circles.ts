/**
 * Stage: the derived life circles. No official circle boundaries are published, so the
 * district's CIRCLE_COUNT circles are allocated to subdistricts by population and each
 * subdistrict is split into that many equal-area parts.
 */
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { largestRemainder, roundPreservingSum } from '../../../src/analysis/allocate';
import { partitionPolygon } from '../../../src/analysis/partition';
import { geometryArea } from '../../../src/core/geo';
import {
  type CircleLayer,
  type CircleProps,
  type DistrictLayer,
  LAYER_FILES,
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
/** Grid spacing of the partition's area sample, m. */
export const CIRCLE_GRID_M = 25;

const METHOD =
  `derived by this project: ${CIRCLE_COUNT} circles allocated to subdistricts by 2020 population (largest remainder, ≥ 1 each); ` +
  `each subdistrict split into equal-area parts by a balanced power diagram (seeded k-means++ on a ${CIRCLE_GRID_M} m grid, seed ${CIRCLE_SEED}) clipped to the subdistrict; ` +
  'population = subdistrict density × area. Not an official boundary.';

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
}

export interface CirclesOutput {
  /** CIRCLE_COUNT circles: areaKm2 in km², population in residents */
  circles: CircleLayer;
  /** one row per subdistrict, in the subdistricts' order */
  allocation: CircleAllocation[];
  /** gap and overlap shares of the circles against the district outline (0–1) */
  tiling: TilingReport;
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

/** One subdistrict split into `k` equal-area circles, numbered north to south, then west to east. */
function splitSubdistrict(
  sub: SubdistrictLayer['features'][number],
  k: number,
): Feature<Polygon | MultiPolygon, CircleProps>[] {
  const { parts } = partitionPolygon(sub as Feature<Polygon>, k, {
    seed: CIRCLE_SEED,
    spacingM: CIRCLE_GRID_M,
  });
  const withArea = parts.map((part) => {
    const g = normaliseGeometry(part.geometry);
    return { g, area: geometryArea(g), centre: centroidOf(g) };
  });
  withArea.sort((a, b) => b.centre[1] - a.centre[1] || a.centre[0] - b.centre[0]);
  const subArea = withArea.reduce((s, x) => s + x.area, 0);
  const populations = roundPreservingSum(
    withArea.map((x) => (x.area / subArea) * sub.properties.population2020),
  );
  const short = shortName(sub.properties.name);
  return withArea.map((x, j) =>
    feature(x.g, {
      id: `${sub.properties.code}-${j + 1}`,
      name: `${short}-${j + 1}`,
      nameEn: `${shortNameEn(sub.properties.nameEn)}-${j + 1}`,
      subdistrict: sub.properties.name,
      areaKm2: round(x.area / 1e6, 3),
      population: populations[j]!,
      derived: true,
      method: METHOD,
    }),
  );
}

/**
 * Derive the life circles.
 *
 * Input: the district and its subdistricts (population in residents). Output: CIRCLE_COUNT
 * circle polygons (area km², population residents = subdistrict density × area), the
 * allocation per subdistrict, and their tiling of the district. The partition samples area on
 * a CIRCLE_GRID_M (m) grid with seed CIRCLE_SEED, so the same input gives the same circles.
 */
export function buildCircles({ district, subdistricts }: CirclesInput): CirclesOutput {
  const allocation = allocate(subdistricts);
  const circles: CircleLayer = collection(
    subdistricts.features.flatMap((sub, i) => splitSubdistrict(sub, allocation[i]!.circles)),
  );
  const tiling = checkTiling(
    district.features[0]!.geometry,
    circles.features.map((f) => f.geometry),
  );
  const rules = { ...POLY_RULES, requiredProps: ['id', 'name', 'subdistrict', 'population'], idProp: 'id' };
  return { circles, allocation, tiling, layers: [{ file: LAYER_FILES.circles, collection: circles, rules }] };
}
