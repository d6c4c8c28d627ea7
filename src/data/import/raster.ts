/**
 * Polygons as runs of 25 m cells (scanline, even-odd), for overlap measures that never
 * fail on odd geometry: area, intersection, union and IoU by counting cells. Only the
 * window around Yangpu (the district and 3 km around) is rasterised; anything outside it
 * has no cells. Pure.
 */
import type { Position } from 'geojson';
import { DISTRICT_BBOX, expandBBox } from '../../core/extent';
import { yangpuProjection } from '../../core/geo';

/** Cell size (m). */
export const CELL_M = 25;

const WINDOW = expandBBox(DISTRICT_BBOX, 3_000);
const [WX0, WY0] = yangpuProjection.toXY([WINDOW[0], WINDOW[1]]);
const [WX1, WY1] = yangpuProjection.toXY([WINDOW[2], WINDOW[3]]);
const ROW_MIN = Math.floor(WY0 / CELL_M);
const ROW_MAX = Math.ceil(WY1 / CELL_M);
const COL_MIN = Math.floor(WX0 / CELL_M);
const COL_MAX = Math.ceil(WX1 / CELL_M);

/** Cells of a shape: for each row from `row0`, sorted half-open column intervals [c0, c1, c0, c1, …]. */
export interface Shape {
  row0: number;
  rows: number[][];
  cells: number;
}

const EMPTY: Shape = { row0: 0, rows: [], cells: 0 };

/** Rasterise lon/lat polygons (each a list of rings) together, even-odd: holes are holes. */
export function rasterise(polygons: Position[][][]): Shape {
  const rings = polygons.flat().map((ring) => ring.map((p) => yangpuProjection.toXY(p)));
  let yMin = Number.POSITIVE_INFINITY;
  let yMax = Number.NEGATIVE_INFINITY;
  for (const ring of rings)
    for (const [, y] of ring) {
      if (y < yMin) yMin = y;
      if (y > yMax) yMax = y;
    }
  const r0 = Math.max(ROW_MIN, Math.ceil(yMin / CELL_M - 0.5));
  const r1 = Math.min(ROW_MAX, Math.floor(yMax / CELL_M - 0.5));
  if (!(r1 >= r0)) return EMPTY;
  const crossings: number[][] = Array.from({ length: r1 - r0 + 1 }, () => []);
  for (const ring of rings) {
    for (let i = 0; i + 1 < ring.length; i++) {
      const [xa, ya] = ring[i]!;
      const [xb, yb] = ring[i + 1]!;
      if (ya === yb) continue;
      const lo = Math.max(r0, Math.ceil(Math.min(ya, yb) / CELL_M - 0.5));
      // rows whose centre y satisfies min ≤ y < max
      const hiY = Math.max(ya, yb);
      let hi = Math.min(r1, Math.floor(hiY / CELL_M - 0.5));
      if ((hi + 0.5) * CELL_M >= hiY) hi--;
      for (let r = lo; r <= hi; r++) {
        const y = (r + 0.5) * CELL_M;
        crossings[r - r0]!.push(xa + ((y - ya) * (xb - xa)) / (yb - ya));
      }
    }
  }
  let cells = 0;
  const rows = crossings.map((xs) => {
    xs.sort((a, b) => a - b);
    const out: number[] = [];
    for (let k = 0; k + 1 < xs.length; k += 2) {
      const c0 = Math.max(COL_MIN, Math.ceil(xs[k]! / CELL_M - 0.5));
      const c1 = Math.min(COL_MAX, Math.ceil(xs[k + 1]! / CELL_M - 0.5));
      if (c1 > c0) {
        out.push(c0, c1);
        cells += c1 - c0;
      }
    }
    return out;
  });
  return { row0: r0, rows, cells };
}

/** Cells two sorted interval lists share. */
function overlapRow(a: number[], b: number[]): number {
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.length && j < b.length) {
    const lo = Math.max(a[i]!, b[j]!);
    const hi = Math.min(a[i + 1]!, b[j + 1]!);
    if (hi > lo) n += hi - lo;
    if (a[i + 1]! < b[j + 1]!) i += 2;
    else j += 2;
  }
  return n;
}

/** Cells in both shapes. */
export function intersectCells(a: Shape, b: Shape): number {
  const lo = Math.max(a.row0, b.row0);
  const hi = Math.min(a.row0 + a.rows.length, b.row0 + b.rows.length);
  let n = 0;
  for (let r = lo; r < hi; r++) n += overlapRow(a.rows[r - a.row0]!, b.rows[r - b.row0]!);
  return n;
}

/** Intersection over union of two shapes (0 when both are empty). */
export function iou(a: Shape, b: Shape): number {
  const inter = intersectCells(a, b);
  const union = a.cells + b.cells - inter;
  return union > 0 ? inter / union : 0;
}

/** The union of shapes (overlaps counted once). */
export function unionShapes(shapes: Shape[]): Shape {
  const live = shapes.filter((s) => s.rows.length > 0);
  if (live.length === 0) return EMPTY;
  const row0 = Math.min(...live.map((s) => s.row0));
  const end = Math.max(...live.map((s) => s.row0 + s.rows.length));
  let cells = 0;
  const rows: number[][] = [];
  for (let r = row0; r < end; r++) {
    const spans: [number, number][] = [];
    for (const s of live) {
      const row = s.rows[r - s.row0];
      if (row) for (let k = 0; k < row.length; k += 2) spans.push([row[k]!, row[k + 1]!]);
    }
    spans.sort((p, q) => p[0] - q[0]);
    const out: number[] = [];
    for (const [c0, c1] of spans) {
      const last = out.length - 1;
      if (last > 0 && c0 <= out[last]!) out[last] = Math.max(out[last]!, c1);
      else out.push(c0, c1);
    }
    for (let k = 0; k < out.length; k += 2) cells += out[k + 1]! - out[k]!;
    rows.push(out);
  }
  return { row0, rows, cells };
}
