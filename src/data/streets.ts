/**
 * The street index, built at load time from what the data holds (and again after an import):
 * the named OpenStreetMap walking lines (walk-network.geojson, only the 五角场/复旦/同济 area)
 * and the street part of the official lists' addresses (located facilities and those with an
 * address only). A street is never given a position of its own: it has OSM lines where mapped,
 * and the points of the facilities whose address names it.
 */
import type { Feature, FeatureCollection, Point, Position } from 'geojson';
import type { FacilityProps, UnlocatedFacility } from '../core/schema';
import { streetOfAddress } from '../core/streets';

export interface Street {
  name: string;
  /** OSM walking lines with this name (lon/lat); empty where OSM holds none */
  lines: Position[][];
  /** located facilities whose address names the street, with their points */
  facilities: { id: string; lonLat: Position }[];
  /** official facilities with an address on the street but no position (never placed) */
  unlocated: string[];
}

export type StreetIndex = Map<string, Street>;

/** Build the index: every street named by an OSM line or an address. */
export function buildStreetIndex(
  walk: FeatureCollection | null | undefined,
  facilities: Iterable<Feature<Point, FacilityProps>>,
  unlocated: readonly UnlocatedFacility[],
): StreetIndex {
  const index: StreetIndex = new Map();
  const get = (name: string) => {
    let s = index.get(name);
    if (!s) {
      s = { name, lines: [], facilities: [], unlocated: [] };
      index.set(name, s);
    }
    return s;
  };
  for (const f of walk?.features ?? []) {
    const name = (f.properties as { name?: unknown } | null)?.name;
    if (typeof name !== 'string' || !name.trim()) continue;
    if (f.geometry.type === 'LineString') get(name.trim()).lines.push(f.geometry.coordinates);
    else if (f.geometry.type === 'MultiLineString') get(name.trim()).lines.push(...f.geometry.coordinates);
  }
  for (const f of facilities) {
    const street = streetOfAddress(f.properties.address);
    if (street) get(street).facilities.push({ id: f.properties.id, lonLat: f.geometry.coordinates });
  }
  for (const u of unlocated) {
    const street = streetOfAddress(u.address);
    if (street) get(street).unlocated.push(u.id);
  }
  return index;
}

/** Crossing points this close (m) are one junction (a dual carriageway's two lines, a slip road). */
export const JUNCTION_M = 80;

/**
 * Where two line sets cross (lon/lat, rounded to 1e-6°): one point per junction (segment
 * intersections within JUNCTION_M of each other are one junction, placed at their mean), in
 * the order met along the first set; empty when they never meet. Two streets meeting twice
 * give two junctions, never a point between them.
 */
export function linesCross(a: Position[][], b: Position[][]): Position[] {
  const clusters: Position[][] = [];
  const near = (p: Position, q: Position) =>
    Math.hypot((p[0]! - q[0]!) * 111_320 * Math.cos((p[1]! * Math.PI) / 180), (p[1]! - q[1]!) * 110_574) <=
    JUNCTION_M;
  for (const la of a)
    for (let i = 1; i < la.length; i++)
      for (const lb of b)
        for (let j = 1; j < lb.length; j++) {
          const p = segmentIntersection(la[i - 1]!, la[i]!, lb[j - 1]!, lb[j]!);
          if (!p) continue;
          const c = clusters.find((k) => k.some((q) => near(p, q)));
          if (c) c.push(p);
          else clusters.push([p]);
        }
  return clusters.map((hits) => {
    const lon = hits.reduce((s, p) => s + p[0]!, 0) / hits.length;
    const lat = hits.reduce((s, p) => s + p[1]!, 0) / hits.length;
    return [Math.round(lon * 1e6) / 1e6, Math.round(lat * 1e6) / 1e6];
  });
}

function segmentIntersection(p: Position, p2: Position, q: Position, q2: Position): Position | null {
  const rx = p2[0]! - p[0]!;
  const ry = p2[1]! - p[1]!;
  const sx = q2[0]! - q[0]!;
  const sy = q2[1]! - q[1]!;
  const den = rx * sy - ry * sx;
  if (den === 0) return null;
  const t = ((q[0]! - p[0]!) * sy - (q[1]! - p[1]!) * sx) / den;
  const u = ((q[0]! - p[0]!) * ry - (q[1]! - p[1]!) * rx) / den;
  if (t < 0 || t > 1 || u < 0 || u > 1) return null;
  return [p[0]! + t * rx, p[1]! + t * ry];
}

/** Why a crossing cannot be placed, or where it is. */
export type CrossingAnswer =
  | { placed: true; streets: Street[] /** one point per junction of the first two streets */; at: Position[] }
  | {
      placed: false;
      /** streets the data holds (offered instead) */
      streets: Street[];
      /** names the data does not hold at all */
      unknown: string[];
      /** held streets with no OSM line (known from addresses only) */
      noLine: string[];
      /** true when every street has OSM lines but they do not meet */
      apart: boolean;
    };

/** A crossing of the named streets: placed only where the OSM lines of the first two meet. */
export function resolveCrossing(names: string[], index: StreetIndex): CrossingAnswer {
  const streets = names.map((n) => index.get(n)).filter((s): s is Street => s !== undefined);
  const unknown = names.filter((n) => !index.has(n));
  const noLine = streets.filter((s) => s.lines.length === 0).map((s) => s.name);
  if (unknown.length === 0 && noLine.length === 0 && streets.length >= 2) {
    const at = linesCross(streets[0]!.lines, streets[1]!.lines);
    if (at.length > 0) return { placed: true, streets, at };
    return { placed: false, streets, unknown, noLine, apart: true };
  }
  return { placed: false, streets, unknown, noLine, apart: false };
}
