/**
 * The dasymetric classification: which OSM features hold how much residential floor area.
 * It produces the features of the derived population-model layer; the resident surface
 * (surface.ts) spreads each subdistrict's census total over them.
 *
 * Hierarchy, inside the OSM extent (where OSM buildings and land use are complete):
 * 1. Residential buildings (building = apartments, residential, dormitory, house and other
 *    house types; `yes` only inside landuse=residential) carry footprint × floors m² of floor
 *    area. Offices, schools, universities, shops, industry etc. carry none.
 * 2. A residential area (landuse=residential) whose counted buildings cover less than
 *    MIN_MAPPED_SHARE of it is taken as "buildings not mapped": it carries its area × the
 *    floor-area ratio observed on the residential areas whose buildings are mapped, spread
 *    evenly over it except the footprints of mapped non-residential buildings (a school in
 *    the compound); its few mapped residential buildings carry nothing of their own.
 * 3. Everything else inside the extent holds no homes.
 * Outside the extent, residents are spread over land (surface.ts).
 */
import { difference } from '@turf/difference';
import { featureCollection } from '@turf/helpers';
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import { geometryArea, geometryBBox, pointInGeometry } from '../../core/geo';
import type { PopulationModelProps } from '../../core/schema';
import {
  type BuildingFeature,
  type BuildingRole,
  buildingLevels,
  buildingRole,
  type LevelsFrom,
} from './buildings';

type Area = Feature<Polygon | MultiPolygon>;

/** A residential area counts as "buildings mapped" from this share of its area covered by counted footprints (0–1). */
export const MIN_MAPPED_SHARE = 0.1;

export interface DasymetricInput {
  /** OSM building polygons with their tags as properties */
  buildings: BuildingFeature[];
  /** landuse=residential polygons */
  residential: Area[];
  /** where the OSM buildings and land use are complete */
  extent: Area[];
}

export interface DasymetricSummary {
  /** buildings whose representative point lies in the extent */
  buildingsInExtent: number;
  /** buildings holding residents */
  counted: number;
  countedByType: Record<string, number>;
  /** buildings holding none, by reason */
  notCounted: Record<string, number>;
  /** counted buildings by where their floor count came from */
  levelsFrom: Record<LevelsFrom, number>;
  /** m² */
  countedFootprintM2: number;
  /** residential floor area of the counted buildings, m² */
  countedFloorAreaM2: number;
  /** residential areas whose buildings are mapped / estimated by land use */
  areasByBuildings: number;
  areasByLanduse: number;
  /** m² */
  landuseAreaM2: number;
  /** floor area per m² of residential land where its buildings are mapped (applied to the others) */
  floorAreaRatio: number;
}

export interface DasymetricResult {
  features: Feature<Polygon | MultiPolygon, PopulationModelProps>[];
  summary: DasymetricSummary;
}

export const NOT_COUNTED_REASONS: Record<
  Exclude<BuildingRole, 'residential' | 'untyped-in-residential'>,
  string
> = {
  'not-residential': 'not a residential building type',
  untyped: 'type unknown (building=yes) outside residential land',
};
export const ABSORBED_REASON = 'inside a residential area estimated by land use';

/** Area-weighted centroid of the largest polygon's exterior (lon/lat): where a building "stands". */
export function representativePoint(g: Polygon | MultiPolygon): Position {
  const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  let best = polys[0]![0]!;
  let bestArea = -1;
  for (const p of polys) {
    const a = Math.abs(geometryArea({ type: 'Polygon', coordinates: [p[0]!] }));
    if (a > bestArea) {
      bestArea = a;
      best = p[0]!;
    }
  }
  let a = 0;
  let cx = 0;
  let cy = 0;
  const [ox, oy] = best[0]!;
  for (let i = 0; i + 1 < best.length; i++) {
    const x0 = best[i]![0]! - ox!;
    const y0 = best[i]![1]! - oy!;
    const x1 = best[i + 1]![0]! - ox!;
    const y1 = best[i + 1]![1]! - oy!;
    const cross = x0 * y1 - x1 * y0;
    a += cross;
    cx += (x0 + x1) * cross;
    cy += (y0 + y1) * cross;
  }
  if (a === 0) return best[0]!;
  return [ox! + cx / (3 * a), oy! + cy / (3 * a)];
}

/** Index of the first area containing `p` (bounding boxes checked first), or -1. */
function locator(areas: Area[]): (p: Position) => number {
  const boxes = areas.map((f) => geometryBBox(f.geometry));
  return (p) => {
    for (let k = 0; k < areas.length; k++) {
      const b = boxes[k]!;
      if (p[0]! < b[0] || p[0]! > b[2] || p[1]! < b[1] || p[1]! > b[3]) continue;
      if (pointInGeometry(p, areas[k]!.geometry)) return k;
    }
    return -1;
  };
}

interface Placed {
  f: BuildingFeature;
  area: number;
  /** residential area index, -1 for none */
  res: number;
  role: BuildingRole;
  levels: number;
  from: LevelsFrom;
}

function placeBuildings(input: DasymetricInput): Placed[] {
  const inExtent = locator(input.extent);
  const inResidential = locator(input.residential);
  const out: Placed[] = [];
  for (const f of input.buildings) {
    if (!f.geometry || (f.geometry.type !== 'Polygon' && f.geometry.type !== 'MultiPolygon')) continue;
    const p = representativePoint(f.geometry);
    if (inExtent(p) < 0) continue;
    const res = inResidential(p);
    const { levels, from } = buildingLevels(f.properties);
    out.push({
      f,
      area: geometryArea(f.geometry),
      res,
      role: buildingRole(f.properties, res >= 0),
      levels,
      from,
    });
  }
  return out;
}

const counts = (b: Placed) => b.role === 'residential' || b.role === 'untyped-in-residential';

/** A residential area without its non-residential buildings' footprints (where residents are spread). */
function withoutNonResidential(area: Area, k: number, placed: Placed[]): Polygon | MultiPolygon {
  const holes = placed.filter((b) => b.res === k && b.role === 'not-residential').map((b) => b.f as Area);
  if (holes.length === 0) return area.geometry;
  return difference(featureCollection([area, ...holes]))?.geometry ?? area.geometry;
}

function buildingFeature(
  b: Placed,
  weightM2: number,
  reason?: string,
): Feature<Polygon | MultiPolygon, PopulationModelProps> {
  const tags = b.f.properties;
  const props: PopulationModelProps = {
    method: reason ? 'other-building' : 'building',
    weightM2,
    building: String(tags?.building ?? 'yes'),
  };
  if (!reason) {
    props.levels = b.levels;
    props.levelsFrom = b.from;
  } else props.reason = reason;
  if (typeof tags?.name === 'string' && tags.name) props.name = tags.name;
  return { type: 'Feature', properties: props, geometry: b.f.geometry };
}

/**
 * Classify buildings and residential areas.
 *
 * Input: building polygons with OSM tags, landuse=residential polygons, the extent where both
 * are complete. Output: the population-model features (extent, residential areas with their
 * method, buildings with the floor area they carry in m²) and a summary of the figures.
 */
export function classifyDasymetric(input: DasymetricInput): DasymetricResult {
  const placed = placeBuildings(input);
  const mappedFootprint = new Float64Array(input.residential.length);
  for (const b of placed) if (b.res >= 0 && counts(b)) mappedFootprint[b.res]! += b.area;
  const resArea = input.residential.map((f) => geometryArea(f.geometry));
  const byBuildings = resArea.map((a, k) => a > 0 && mappedFootprint[k]! / a >= MIN_MAPPED_SHARE);
  let mappedFloor = 0;
  let mappedLand = 0;
  for (const b of placed) if (b.res >= 0 && byBuildings[b.res] && counts(b)) mappedFloor += b.area * b.levels;
  resArea.forEach((a, k) => {
    if (byBuildings[k]) mappedLand += a;
  });
  const far = mappedLand > 0 ? mappedFloor / mappedLand : 1;
  const summary: DasymetricSummary = {
    buildingsInExtent: placed.length,
    counted: 0,
    countedByType: {},
    notCounted: {},
    levelsFrom: { levels: 0, height: 0, default: 0 },
    countedFootprintM2: 0,
    countedFloorAreaM2: 0,
    areasByBuildings: byBuildings.filter(Boolean).length,
    areasByLanduse: byBuildings.filter((x) => !x).length,
    landuseAreaM2: resArea.reduce((s, a, k) => s + (byBuildings[k] ? 0 : a), 0),
    floorAreaRatio: far,
  };
  const features: Feature<Polygon | MultiPolygon, PopulationModelProps>[] = [
    ...input.extent.map((f) => ({ ...f, properties: { method: 'extent' as const, weightM2: 0 } })),
    ...input.residential.map((f, k) => {
      const name = (f.properties as { name?: unknown } | null)?.name;
      const props: PopulationModelProps = byBuildings[k]
        ? { method: 'buildings-area', weightM2: 0 }
        : { method: 'landuse', weightM2: resArea[k]! * far };
      if (typeof name === 'string' && name) props.name = name;
      const geometry = byBuildings[k] ? f.geometry : withoutNonResidential(f, k, placed);
      return { type: 'Feature' as const, properties: props, geometry };
    }),
  ];
  for (const b of placed) {
    const reason = !counts(b)
      ? NOT_COUNTED_REASONS[b.role as keyof typeof NOT_COUNTED_REASONS]
      : b.res >= 0 && !byBuildings[b.res]
        ? ABSORBED_REASON
        : undefined;
    if (reason) {
      summary.notCounted[reason] = (summary.notCounted[reason] ?? 0) + 1;
      features.push(buildingFeature(b, 0, reason));
      continue;
    }
    const type = String(b.f.properties?.building ?? 'yes');
    summary.counted++;
    summary.countedByType[type] = (summary.countedByType[type] ?? 0) + 1;
    summary.levelsFrom[b.from]++;
    summary.countedFootprintM2 += b.area;
    summary.countedFloorAreaM2 += b.area * b.levels;
    features.push(buildingFeature(b, b.area * b.levels));
  }
  return { features, summary };
}
