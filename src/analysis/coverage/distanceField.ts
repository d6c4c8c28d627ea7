/**
 * Straight-line distance from every grid cell centre to the nearest of a set of points,
 * with the index of that point. Exact Euclidean distance transform (Felzenszwalb &
 * Huttenlocher 2012) over the cells holding a point, then the distance is recomputed to
 * the chosen point's exact position. The chosen point is at most one cell diagonal
 * (cellM·√2) farther than the true nearest; callers that need exactness settle that band
 * with an exact check (see the riverfront in engine.ts).
 *
 * This is the straight-line DistanceModel. A network model can implement the same
 * interface (distance + nearest per cell) without changing callers.
 */
import { pointSegmentDistance } from '../../core/geo';
import { cellAt, cellCount, type Grid } from './grid';

export interface DistanceField {
  /** metres from each cell centre to `points[nearest[cell]]`; Infinity when there are no points */
  distance: Float32Array;
  /** index into the points array, -1 when there are none */
  nearest: Int32Array;
}

export interface DistanceModel {
  /**
   * Distance field of `points` (projected m) on `grid`. With `only`, distances are
   * computed for the cells where only[c] is 1 (others stay Infinity, nearest -1).
   */
  field(grid: Grid, points: [number, number][], only?: Uint8Array): DistanceField;
  /** Distance (m) from each of `cells` (ascending indices) to the nearest point; Infinity without points. */
  distancesAt(grid: Grid, points: [number, number][], cells: Int32Array): Float32Array;
}

/**
 * Lower envelope of parabolas y = (q - p)² + f(p) over the finite sample positions
 * `pos[0..m)` (sorted). Returns the number of parabolas kept in `v` (indices into pos)
 * with their boundaries in `z`.
 */
function buildEnvelope(
  pos: Int32Array,
  val: Float64Array,
  m: number,
  v: Int32Array,
  z: Float64Array,
): number {
  let k = 0;
  v[0] = 0;
  z[0] = -Infinity;
  z[1] = Infinity;
  for (let t = 1; t < m; t++) {
    const q = pos[t]!;
    const fq = val[t]! + q * q;
    let p = pos[v[k]!]!;
    let s = (fq - (val[v[k]!]! + p * p)) / (2 * (q - p));
    while (s <= z[k]!) {
      k--;
      p = pos[v[k]!]!;
      s = (fq - (val[v[k]!]! + p * p)) / (2 * (q - p));
    }
    k++;
    v[k] = t;
    z[k] = s;
    z[k + 1] = Infinity;
  }
  return k + 1;
}

/** Evaluate the envelope at ascending positions qs[0..count): squared distance and tag of the argmin. */
function evaluateEnvelope(
  pos: Int32Array,
  val: Float64Array,
  tag: Int32Array,
  v: Int32Array,
  z: Float64Array,
  qs: Int32Array,
  count: number,
  outSq: Float64Array,
  outArg: Int32Array,
): void {
  let k = 0;
  for (let t = 0; t < count; t++) {
    const q = qs[t]!;
    while (z[k + 1]! < q) k++;
    const p = v[k]!;
    const d = q - pos[p]!;
    outSq[t] = d * d + val[p]!;
    outArg[t] = tag[p]!;
  }
}

/**
 * For each cell of `cells` (ascending indices), the nearest point: calls
 * write(t, distance in m, point index) with t the position in `cells`.
 */
function nearestAt(
  grid: Grid,
  points: [number, number][],
  cells: Int32Array,
  write: (t: number, distance: number, k: number) => void,
): void {
  const { cols, rows, cellM } = grid;
  if (points.length === 0 || cells.length === 0) return;
  // Seed cells: the first point in a cell wins (any other is within one cell of it).
  const seedOf = new Map<number, number>();
  points.forEach(([x, y], k) => {
    // Points off the grid are clamped onto its edge cell (they still seed nearby cells).
    const i = Math.min(cols - 1, Math.max(0, Math.round((x - grid.x0) / cellM)));
    const j = Math.min(rows - 1, Math.max(0, Math.round((y - grid.y0) / cellM)));
    const c = cellAt(grid, grid.x0 + i * cellM, grid.y0 + j * cellM);
    if (!seedOf.has(c)) seedOf.set(c, k);
  });
  // Pass 1, along each column that holds a seed: squared distance in cells to the nearest seed.
  const seedsByColumn = new Map<number, number[]>();
  for (const c of seedOf.keys()) {
    const i = c % cols;
    const list = seedsByColumn.get(i);
    if (list) list.push(c);
    else seedsByColumn.set(i, [c]);
  }
  const columns = [...seedsByColumn.keys()].sort((a, b) => a - b);
  const m = columns.length;
  // Only the rows that hold a wanted cell need the column pass's values.
  const wanted: number[] = [];
  for (let t = 0; t < cells.length; t++) {
    const j = Math.floor(cells[t]! / cols);
    if (wanted[wanted.length - 1] !== j) wanted.push(j);
  }
  const rowList = Int32Array.from(wanted);
  const nr = rowList.length;
  const colSq = new Float64Array(m * nr);
  const colArg = new Int32Array(m * nr);
  const len = Math.max(cols, rows) + 1;
  const pos = new Int32Array(len);
  const val = new Float64Array(len);
  const tag = new Int32Array(len);
  const v = new Int32Array(len);
  const z = new Float64Array(len + 1);
  const outSq = new Float64Array(len);
  const outArg = new Int32Array(len);
  columns.forEach((i, ci) => {
    const seeds = seedsByColumn.get(i)!.sort((a, b) => a - b);
    seeds.forEach((c, t) => {
      pos[t] = (c - i) / cols;
      val[t] = 0;
      tag[t] = seedOf.get(c)!;
    });
    buildEnvelope(pos, val, seeds.length, v, z);
    evaluateEnvelope(pos, val, tag, v, z, rowList, nr, outSq, outArg);
    colSq.set(outSq.subarray(0, nr), ci * nr);
    colArg.set(outArg.subarray(0, nr), ci * nr);
  });
  // Pass 2, row by row: envelope over the seeded columns, evaluated at the row's wanted
  // cells; then the exact distance to the chosen point.
  const qs = new Int32Array(cols);
  let t0 = 0;
  let r = 0;
  while (t0 < cells.length) {
    const j = Math.floor(cells[t0]! / cols);
    while (rowList[r] !== j) r++;
    let t1 = t0;
    while (t1 < cells.length && Math.floor(cells[t1]! / cols) === j) {
      qs[t1 - t0] = cells[t1]! - j * cols;
      t1++;
    }
    const count = t1 - t0;
    for (let t = 0; t < m; t++) {
      pos[t] = columns[t]!;
      val[t] = colSq[t * nr + r]!;
      tag[t] = colArg[t * nr + r]!;
    }
    buildEnvelope(pos, val, m, v, z);
    evaluateEnvelope(pos, val, tag, v, z, qs, count, outSq, outArg);
    const y = grid.y0 + j * cellM;
    for (let t = 0; t < count; t++) {
      const k = outArg[t]!;
      const p = points[k]!;
      const dx = grid.x0 + qs[t]! * cellM - p[0];
      const dy = y - p[1];
      write(t0 + t, Math.sqrt(dx * dx + dy * dy), k);
    }
    t0 = t1;
  }
}

export const straightLineDistance: DistanceModel = {
  field(grid: Grid, points: [number, number][], only?: Uint8Array): DistanceField {
    const n = cellCount(grid);
    const distance = new Float32Array(n).fill(Infinity);
    const nearest = new Int32Array(n).fill(-1);
    let count = 0;
    for (let c = 0; c < n; c++) if (!only || only[c]) count++;
    const cells = new Int32Array(count);
    for (let c = 0, t = 0; c < n; c++) if (!only || only[c]) cells[t++] = c;
    nearestAt(grid, points, cells, (t, d, k) => {
      distance[cells[t]!] = d;
      nearest[cells[t]!] = k;
    });
    return { distance, nearest };
  },
  distancesAt(grid: Grid, points: [number, number][], cells: Int32Array): Float32Array {
    const out = new Float32Array(cells.length).fill(Infinity);
    nearestAt(grid, points, cells, (t, d) => {
      out[t] = d;
    });
    return out;
  },
};

/**
 * Exact straight-line distance (m) from every cell centre to the nearest of `points` and
 * `segments` (projected m; segments 4 numbers each), capped at `capM`: each target stamps
 * only the cells within `capM`, so the cost is in proportion to the area within reach. The
 * field that gap contours are drawn from (values beyond the cap only need to be "beyond").
 */
export function cappedDistance(
  grid: Grid,
  points: [number, number][],
  segments: ArrayLike<number>,
  capM: number,
): Float32Array {
  const { cols, rows, cellM, x0, y0 } = grid;
  const out = new Float32Array(cellCount(grid)).fill(capM);
  const stamp = (xa: number, ya: number, xb: number, yb: number, dist: (x: number, y: number) => number) => {
    const i0 = Math.max(0, Math.floor((Math.min(xa, xb) - capM - x0) / cellM));
    const i1 = Math.min(cols - 1, Math.ceil((Math.max(xa, xb) + capM - x0) / cellM));
    const j0 = Math.max(0, Math.floor((Math.min(ya, yb) - capM - y0) / cellM));
    const j1 = Math.min(rows - 1, Math.ceil((Math.max(ya, yb) + capM - y0) / cellM));
    for (let j = j0; j <= j1; j++) {
      const y = y0 + j * cellM;
      for (let i = i0; i <= i1; i++) {
        const d = dist(x0 + i * cellM, y);
        const c = j * cols + i;
        if (d < out[c]!) out[c] = d;
      }
    }
  };
  for (const [px, py] of points) stamp(px, py, px, py, (x, y) => Math.hypot(x - px, y - py));
  for (let k = 0; k + 3 < segments.length; k += 4) {
    const ax = segments[k]!;
    const ay = segments[k + 1]!;
    const bx = segments[k + 2]!;
    const by = segments[k + 3]!;
    stamp(ax, ay, bx, by, (x, y) => pointSegmentDistance(x, y, ax, ay, bx, by));
  }
  return out;
}
