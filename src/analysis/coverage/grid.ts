/**
 * A regular grid of square cells in the local metric projection. Cell (i, j) has its
 * centre at (x0 + i·cellM, y0 + j·cellM) metres; index = j·cols + i (row-major, south first).
 */
import type { MultiPolygon, Polygon } from 'geojson';
import { type LocalProjection, yangpuProjection } from '../../core/geo';

export interface Grid {
  /** cell side, m */
  cellM: number;
  cols: number;
  rows: number;
  /** projected x, y (m) of the centre of cell (0, 0) */
  x0: number;
  y0: number;
  proj: LocalProjection;
}

/** A grid covering [west, south, east, north] (degrees) with `cellM` cells and `marginM` around. */
export function createGrid(
  bbox: [number, number, number, number],
  cellM: number,
  marginM = 0,
  proj: LocalProjection = yangpuProjection,
): Grid {
  const [w, s] = proj.toXY([bbox[0], bbox[1]]);
  const [e, n] = proj.toXY([bbox[2], bbox[3]]);
  const x0 = Math.floor((w - marginM) / cellM) * cellM + cellM / 2;
  const y0 = Math.floor((s - marginM) / cellM) * cellM + cellM / 2;
  const cols = Math.ceil((e + marginM - x0) / cellM) + 1;
  const rows = Math.ceil((n + marginM - y0) / cellM) + 1;
  return { cellM, cols, rows, x0, y0, proj };
}

export function cellCount(g: Grid): number {
  return g.cols * g.rows;
}

/** Projected centre (m) of a cell index. */
export function cellCentre(g: Grid, index: number): [number, number] {
  const i = index % g.cols;
  const j = (index - i) / g.cols;
  return [g.x0 + i * g.cellM, g.y0 + j * g.cellM];
}

/** Cell index containing projected point (x, y), or -1 outside the grid. */
export function cellAt(g: Grid, x: number, y: number): number {
  const i = Math.round((x - g.x0) / g.cellM);
  const j = Math.round((y - g.y0) / g.cellM);
  if (i < 0 || j < 0 || i >= g.cols || j >= g.rows) return -1;
  return j * g.cols + i;
}

/**
 * Write `value` into `target` for every cell whose centre lies inside the polygon
 * (even-odd rule over all rings, so holes are respected). Scanline fill: O(rows × edges).
 */
export function rasterizePolygon(
  g: Grid,
  geometry: Polygon | MultiPolygon,
  target: { [index: number]: number },
  value: number,
): void {
  const polys = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  for (const rings of polys) {
    const edges: [number, number, number, number][] = [];
    let minY = Infinity;
    let maxY = -Infinity;
    for (const ring of rings) {
      const xy = ring.map((p) => g.proj.toXY(p));
      for (let k = 0; k + 1 < xy.length; k++) {
        const a = xy[k]!;
        const b = xy[k + 1]!;
        if (a[1] === b[1]) continue;
        edges.push([a[0], a[1], b[0], b[1]]);
        minY = Math.min(minY, a[1], b[1]);
        maxY = Math.max(maxY, a[1], b[1]);
      }
    }
    const j0 = Math.max(0, Math.ceil((minY - g.y0) / g.cellM));
    const j1 = Math.min(g.rows - 1, Math.floor((maxY - g.y0) / g.cellM));
    const xs: number[] = [];
    for (let j = j0; j <= j1; j++) {
      const y = g.y0 + j * g.cellM;
      xs.length = 0;
      for (const [ax, ay, bx, by] of edges) {
        if (ay > y !== by > y) xs.push(ax + ((y - ay) * (bx - ax)) / (by - ay));
      }
      xs.sort((a, b) => a - b);
      for (let k = 0; k + 1 < xs.length; k += 2) {
        const i0 = Math.max(0, Math.ceil((xs[k]! - g.x0) / g.cellM));
        const i1 = Math.min(g.cols - 1, Math.floor((xs[k + 1]! - g.x0) / g.cellM));
        for (let i = i0; i <= i1; i++) target[j * g.cols + i] = value;
      }
    }
  }
}

/**
 * Index of the polygon holding each cell centre (later polygons win where they overlap), -1
 * where none does: the one rule by which cells belong to subdistricts and circles.
 */
export function indexCells(g: Grid, geometries: (Polygon | MultiPolygon)[]): Int16Array {
  const out = new Int16Array(cellCount(g)).fill(-1);
  geometries.forEach((geometry, k) => {
    rasterizePolygon(g, geometry, out, k);
  });
  return out;
}
