/**
 * The reports' small maps are SVG drawn from our own layers (no tiles, no WebGL): vector
 * shapes print sharply and reliably. Pure helpers: a frame fitting an area into a box
 * (local metric projection, north up), SVG paths for GeoJSON geometries, a scale bar.
 */
import type { Geometry, Position } from 'geojson';
import type { BBox } from '../../core/extent';
import { yangpuProjection } from '../../core/geo';

/** A view: SVG user units (px) for a piece of the ground. */
export interface Frame {
  width: number;
  height: number;
  /** metres per SVG unit */
  metresPerUnit: number;
  project(p: Position): [number, number];
}

/** Projected (m) bounds of lon/lat bounds. */
function metricBounds(bbox: BBox): [number, number, number, number] {
  const [x0, y0] = yangpuProjection.toXY([bbox[0], bbox[1]]);
  const [x1, y1] = yangpuProjection.toXY([bbox[2], bbox[3]]);
  return [x0, y0, x1, y1];
}

/**
 * Fit `bbox` (lon/lat) into `width` units with `padding` units on every side; the height
 * follows the area's shape, kept within [minHeight, maxHeight] (the area is centred).
 */
export function frameFor(bbox: BBox, width: number, maxHeight: number, padding = 8, minHeight = 0): Frame {
  const [x0, y0, x1, y1] = metricBounds(bbox);
  const w = Math.max(x1 - x0, 1);
  const h = Math.max(y1 - y0, 1);
  const inner = width - 2 * padding;
  let scale = w / inner; // m per unit
  let height = h / scale + 2 * padding;
  if (height > maxHeight) {
    scale = h / (maxHeight - 2 * padding);
    height = maxHeight;
  }
  height = Math.max(height, minHeight);
  const cx = (x0 + x1) / 2;
  const cy = (y0 + y1) / 2;
  return {
    width,
    height,
    metresPerUnit: scale,
    project: (p) => {
      const [x, y] = yangpuProjection.toXY(p);
      return [round1(width / 2 + (x - cx) / scale), round1(height / 2 - (y - cy) / scale)];
    },
  };
}

const round1 = (v: number) => Math.round(v * 10) / 10;

/** Bounds (lon/lat) of geometries; null when there are no coordinates. */
export function boundsOf(geometries: (Geometry | null | undefined)[]): BBox | null {
  let b: BBox | null = null;
  const add = (p: Position) => {
    const [x, y] = [p[0]!, p[1]!];
    if (!b) b = [x, y, x, y];
    else b = [Math.min(b[0], x), Math.min(b[1], y), Math.max(b[2], x), Math.max(b[3], y)];
  };
  const walk = (c: unknown): void => {
    if (Array.isArray(c) && typeof c[0] === 'number') add(c as Position);
    else if (Array.isArray(c)) for (const x of c) walk(x);
  };
  for (const g of geometries) {
    if (!g) continue;
    if (g.type === 'GeometryCollection') for (const x of g.geometries) walk(coordinatesOf(x));
    else walk(g.coordinates);
  }
  return b;
}

const coordinatesOf = (g: Geometry): unknown => (g.type === 'GeometryCollection' ? [] : g.coordinates);

/** Grow lon/lat bounds by a margin in metres. */
export function padBounds(b: BBox, marginM: number): BBox {
  const dLon = marginM / yangpuProjection.mPerDegLon;
  const dLat = marginM / yangpuProjection.mPerDegLat;
  return [b[0] - dLon, b[1] - dLat, b[2] + dLon, b[3] + dLat];
}

function ringPath(ring: Position[], f: Frame, close: boolean): string {
  if (ring.length === 0) return '';
  const pts = ring.map((p) => f.project(p));
  const head = `M${pts[0]![0]} ${pts[0]![1]}`;
  const rest = pts.slice(1).map(([x, y]) => `L${x} ${y}`);
  return head + rest.join('') + (close ? 'Z' : '');
}

/** An SVG path for a (multi)polygon or (multi)line; '' for points and collections. */
export function pathOf(g: Geometry | null | undefined, f: Frame): string {
  if (!g) return '';
  switch (g.type) {
    case 'Polygon':
      return g.coordinates.map((r) => ringPath(r, f, true)).join('');
    case 'MultiPolygon':
      return g.coordinates.flatMap((poly) => poly.map((r) => ringPath(r, f, true))).join('');
    case 'LineString':
      return ringPath(g.coordinates, f, false);
    case 'MultiLineString':
      return g.coordinates.map((l) => ringPath(l, f, false)).join('');
    default:
      return '';
  }
}

const NICE_M = [50, 100, 200, 250, 500, 1000, 2000, 2500, 5000];

/** A scale bar of a round length (m) not longer than `maxUnits`. */
export function scaleBar(f: Frame, maxUnits: number): { metres: number; units: number } {
  const maxM = maxUnits * f.metresPerUnit;
  const metres = [...NICE_M].reverse().find((m) => m <= maxM) ?? NICE_M[0]!;
  return { metres, units: metres / f.metresPerUnit };
}
