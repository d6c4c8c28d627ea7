/**
 * Exact reach polygons for straight-line distance (the 'exact' gap method and its tests):
 * equal-area disc polygons around points and the pieces of a buffer around line segments,
 * in lon/lat from projected metres.
 */
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import type { LocalProjection } from '../../core/geo';

type Area = Feature<Polygon | MultiPolygon>;

/** Vertices of a disc polygon of radius `radiusM`: enough that it strays ≤ 0.25 m from the circle. */
export function discSteps(radiusM: number): number {
  // an equal-area polygon strays π²r/(3n²) at most (vertices out, chord middles in)
  return Math.max(32, 8 * Math.ceil((Math.PI * Math.sqrt(radiusM / 0.75)) / 8));
}

/**
 * A disc of `radiusM` around projected (x, y) as a lon/lat polygon with the disc's exact
 * area: the vertices lie slightly outside the circle (equal-area polygon), so a union of
 * discs neither gains nor loses area on average against the exact circles.
 */
export function discPolygon(x: number, y: number, radiusM: number, proj: LocalProjection): Feature<Polygon> {
  const n = discSteps(radiusM);
  const a = (2 * Math.PI) / n;
  const r = radiusM * Math.sqrt(a / Math.sin(a));
  const ring: Position[] = [];
  for (let k = 0; k < n; k++) ring.push(proj.toLonLat(x + r * Math.cos(k * a), y + r * Math.sin(k * a)));
  ring.push(ring[0]!);
  return { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [ring] } };
}

/** The rectangle of half-width `radiusM` along the projected segment (ax, ay)-(bx, by), or null when it has no length. */
function segmentBand(
  ax: number,
  ay: number,
  bx: number,
  by: number,
  radiusM: number,
  proj: LocalProjection,
): Feature<Polygon> | null {
  const len = Math.hypot(bx - ax, by - ay);
  if (len === 0) return null;
  const nx = (-(by - ay) / len) * radiusM;
  const ny = ((bx - ax) / len) * radiusM;
  const ring = [
    proj.toLonLat(ax + nx, ay + ny),
    proj.toLonLat(ax - nx, ay - ny),
    proj.toLonLat(bx - nx, by - ny),
    proj.toLonLat(bx + nx, by + ny),
  ];
  ring.push(ring[0]!);
  return { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [ring] } };
}

/**
 * The pieces whose union is the area within `radiusM` of projected segments (ax, ay, bx, by
 * per 4 numbers): a disc at every end and a band along every segment.
 */
export function segmentReachPieces(
  segments: ArrayLike<number>,
  radiusM: number,
  proj: LocalProjection,
): Area[] {
  const pieces: Area[] = [];
  for (let k = 0; k + 3 < segments.length; k += 4) {
    const ax = segments[k]!;
    const ay = segments[k + 1]!;
    const bx = segments[k + 2]!;
    const by = segments[k + 3]!;
    pieces.push(discPolygon(ax, ay, radiusM, proj));
    const band = segmentBand(ax, ay, bx, by, radiusM, proj);
    if (band) pieces.push(band);
    if (k + 4 >= segments.length || segments[k + 4] !== bx || segments[k + 5] !== by)
      pieces.push(discPolygon(bx, by, radiusM, proj));
  }
  return pieces;
}

/** Projected segments of lon/lat lines (4 numbers each). */
export function projectLines(lines: Position[][], proj: LocalProjection): number[] {
  const segs: number[] = [];
  for (const line of lines) {
    for (let k = 1; k < line.length; k++) segs.push(...proj.toXY(line[k - 1]!), ...proj.toXY(line[k]!));
  }
  return segs;
}
