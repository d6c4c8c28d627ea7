/**
 * Planar geometry helpers on a local projection. Yangpu spans about 10 km, so an
 * equirectangular projection scaled by the WGS84 ellipsoid's radii of curvature at the
 * district's mid-latitude keeps distances and areas within 0.05% of UTM 51N here.
 * Pure functions, no DOM: usable in Node, a Web Worker and at build time.
 */
import type { Position } from 'geojson';
import { type BBox, PROJECTION_ORIGIN } from './extent';

/** WGS84 semi-major axis (m) and first eccentricity squared. */
const WGS84_A = 6378137;
const WGS84_E2 = 0.00669437999014;

/** A local metric projection: x east and y north, in metres from `origin`. */
export interface LocalProjection {
  origin: Position;
  /** metres per degree of longitude */
  mPerDegLon: number;
  /** metres per degree of latitude */
  mPerDegLat: number;
  toXY(p: Position): [number, number];
  toLonLat(x: number, y: number): [number, number];
}

export function createProjection(origin: Position = PROJECTION_ORIGIN): LocalProjection {
  const phi = ((origin[1] ?? 0) * Math.PI) / 180;
  const s = Math.sin(phi);
  const w = 1 - WGS84_E2 * s * s;
  const meridional = (WGS84_A * (1 - WGS84_E2)) / w ** 1.5;
  const primeVertical = WGS84_A / Math.sqrt(w);
  const mPerDegLat = (meridional * Math.PI) / 180;
  const mPerDegLon = (primeVertical * Math.cos(phi) * Math.PI) / 180;
  const lon0 = origin[0] ?? 0;
  const lat0 = origin[1] ?? 0;
  return {
    origin,
    mPerDegLon,
    mPerDegLat,
    toXY: (p) => [((p[0] ?? 0) - lon0) * mPerDegLon, ((p[1] ?? 0) - lat0) * mPerDegLat],
    toLonLat: (x, y) => [lon0 + x / mPerDegLon, lat0 + y / mPerDegLat],
  };
}

/** The shared projection for everything in Yangpu. */
export const yangpuProjection = createProjection();

/** Signed area of a ring in projected metres (m²): positive when counter-clockwise. */
export function signedRingAreaXY(ring: ArrayLike<number>[]): number {
  let sum = 0;
  for (let i = 0, n = ring.length; i < n; i++) {
    const a = ring[i]!;
    const b = ring[(i + 1) % n]!;
    sum += a[0]! * b[1]! - b[0]! * a[1]!;
  }
  return sum / 2;
}

/** Signed area of a lon/lat ring (m²), positive when counter-clockwise. */
export function signedRingArea(ring: Position[], proj: LocalProjection = yangpuProjection): number {
  return signedRingAreaXY(ring.map((p) => proj.toXY(p)));
}

/** Area of a Polygon's coordinates (m²): exterior minus holes. */
export function polygonArea(rings: Position[][], proj: LocalProjection = yangpuProjection): number {
  let area = 0;
  rings.forEach((ring, i) => {
    const a = Math.abs(signedRingArea(ring, proj));
    area += i === 0 ? a : -a;
  });
  return area;
}

/** Area of a Polygon or MultiPolygon geometry (m²). */
export function geometryArea(
  geometry: GeoJSON.Polygon | GeoJSON.MultiPolygon,
  proj: LocalProjection = yangpuProjection,
): number {
  if (geometry.type === 'Polygon') return polygonArea(geometry.coordinates, proj);
  return geometry.coordinates.reduce((sum, poly) => sum + polygonArea(poly, proj), 0);
}

/** Even-odd test of a point against one ring (any coordinate space). */
export function pointInRing(x: number, y: number, ring: ArrayLike<number>[]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const xi = ring[i]![0]!;
    const yi = ring[i]![1]!;
    const xj = ring[j]![0]!;
    const yj = ring[j]![1]!;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Point in a Polygon or MultiPolygon (holes respected), lon/lat. */
export function pointInGeometry(p: Position, geometry: GeoJSON.Polygon | GeoJSON.MultiPolygon): boolean {
  const polys = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  const x = p[0] ?? Number.NaN;
  const y = p[1] ?? Number.NaN;
  return polys.some(
    (rings) => pointInRing(x, y, rings[0] ?? []) && !rings.slice(1).some((hole) => pointInRing(x, y, hole)),
  );
}

/**
 * The one distance metric of the project: straight-line distance (m) between two lon/lat
 * points on the local projection (WGS84 ellipsoid radii at the district's latitude). The
 * coverage engine, near-me distances and the pipeline all measure with it.
 */
export function distanceM(a: Position, b: Position, proj: LocalProjection = yangpuProjection): number {
  const [ax, ay] = proj.toXY(a);
  const [bx, by] = proj.toXY(b);
  return Math.hypot(bx - ax, by - ay);
}

/** Round a coordinate value to 6 decimals (≈ 0.1 m), the precision of every output layer. */
export function round6(v: number): number {
  return Math.round(v * 1e6) / 1e6 + 0; // + 0 turns -0 into 0
}

/** Distance (m) from point (px,py) to the segment (ax,ay)-(bx,by), all in projected metres. */
export function pointSegmentDistance(
  px: number,
  py: number,
  ax: number,
  ay: number,
  bx: number,
  by: number,
): number {
  const dx = bx - ax;
  const dy = by - ay;
  const len2 = dx * dx + dy * dy;
  let t = len2 === 0 ? 0 : ((px - ax) * dx + (py - ay) * dy) / len2;
  t = Math.max(0, Math.min(1, t));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

/** Length of a line in metres. */
export function lineLength(coords: Position[], proj: LocalProjection = yangpuProjection): number {
  let len = 0;
  for (let i = 1; i < coords.length; i++) {
    const a = proj.toXY(coords[i - 1]!);
    const b = proj.toXY(coords[i]!);
    len += Math.hypot(b[0] - a[0], b[1] - a[1]);
  }
  return len;
}

/** [west, south, east, north] (degrees) of a Polygon or MultiPolygon's exterior rings. */
export function geometryBBox(g: GeoJSON.Polygon | GeoJSON.MultiPolygon): BBox {
  const rings = g.type === 'Polygon' ? [g.coordinates[0]!] : g.coordinates.map((p) => p[0]!);
  let w = Infinity;
  let s = Infinity;
  let e = -Infinity;
  let n = -Infinity;
  for (const ring of rings) {
    for (const p of ring) {
      w = Math.min(w, p[0]!);
      e = Math.max(e, p[0]!);
      s = Math.min(s, p[1]!);
      n = Math.max(n, p[1]!);
    }
  }
  return [w, s, e, n];
}
