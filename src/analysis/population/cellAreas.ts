/**
 * Exact overlap of a polygon with the cells of a grid: each ring is clipped to every row
 * strip, then to every cell of the strip (Sutherland–Hodgman against axis-aligned
 * half-planes, exact for the convex cell), and the clipped rings' areas are summed (holes
 * subtract). Small buildings that hold no cell centre still land in the cells they overlap;
 * an amount (floor area) is spread over the cells in proportion to the overlaps.
 */
import type { MultiPolygon, Polygon } from 'geojson';
import type { Grid } from '../coverage/grid';

/** A ring as flat projected coordinates [x0, y0, x1, y1, …] (open: last ≠ first), m. */
type Flat = number[];

/** Keep the part of a ring with coordinate `axis` (0 = x, 1 = y) ≥ bound (keepAbove) or ≤ bound. */
function clipAxis(ring: Flat, axis: 0 | 1, bound: number, keepAbove: boolean): Flat {
  const out: Flat = [];
  const n = ring.length / 2;
  if (n === 0) return out;
  const inside = (v: number) => (keepAbove ? v >= bound : v <= bound);
  let px = ring[2 * (n - 1)]!;
  let py = ring[2 * (n - 1) + 1]!;
  let pIn = inside(axis === 0 ? px : py);
  for (let k = 0; k < n; k++) {
    const x = ring[2 * k]!;
    const y = ring[2 * k + 1]!;
    const qIn = inside(axis === 0 ? x : y);
    if (qIn !== pIn) {
      const pv = axis === 0 ? px : py;
      const qv = axis === 0 ? x : y;
      const t = (bound - pv) / (qv - pv);
      out.push(px + t * (x - px), py + t * (y - py));
    }
    if (qIn) out.push(x, y);
    px = x;
    py = y;
    pIn = qIn;
  }
  return out;
}

function flatArea(ring: Flat): number {
  let s = 0;
  const n = ring.length / 2;
  for (let k = 0; k < n; k++) {
    const j = (k + 1) % n;
    s += ring[2 * k]! * ring[2 * j + 1]! - ring[2 * j]! * ring[2 * k + 1]!;
  }
  return Math.abs(s) / 2;
}

/** The cells a polygon overlaps and the overlap areas (m²); parts outside the grid are dropped. */
export interface CellOverlaps {
  cells: number[];
  areas: number[];
}

/** Overlap area (m²) of the polygon with every cell it touches, in the order met. */
export function cellOverlaps(g: Grid, geometry: Polygon | MultiPolygon): CellOverlaps {
  const out: CellOverlaps = { cells: [], areas: [] };
  const polys = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  const half = g.cellM / 2;
  for (const rings of polys) {
    const flats: Flat[] = rings.map((ring) => {
      const flat: Flat = [];
      const n =
        ring.length > 1 &&
        ring[0]![0] === ring[ring.length - 1]![0] &&
        ring[0]![1] === ring[ring.length - 1]![1]
          ? ring.length - 1
          : ring.length;
      for (let k = 0; k < n; k++) flat.push(...g.proj.toXY(ring[k]!));
      return flat;
    });
    const outer = flats[0];
    if (!outer || outer.length < 6) continue;
    let minX = Infinity;
    let maxX = -Infinity;
    let minY = Infinity;
    let maxY = -Infinity;
    for (let k = 0; k < outer.length; k += 2) {
      minX = Math.min(minX, outer[k]!);
      maxX = Math.max(maxX, outer[k]!);
      minY = Math.min(minY, outer[k + 1]!);
      maxY = Math.max(maxY, outer[k + 1]!);
    }
    const i0 = Math.max(0, Math.round((minX - g.x0) / g.cellM));
    const i1 = Math.min(g.cols - 1, Math.round((maxX - g.x0) / g.cellM));
    const j0 = Math.max(0, Math.round((minY - g.y0) / g.cellM));
    const j1 = Math.min(g.rows - 1, Math.round((maxY - g.y0) / g.cellM));
    for (let j = j0; j <= j1; j++) {
      const yc = g.y0 + j * g.cellM;
      const strips = flats.map((f) => clipAxis(clipAxis(f, 1, yc - half, true), 1, yc + half, false));
      if (strips[0]!.length < 6) continue;
      for (let i = i0; i <= i1; i++) {
        const xc = g.x0 + i * g.cellM;
        let a = 0;
        strips.forEach((s, r) => {
          if (s.length < 6) return;
          const piece = flatArea(clipAxis(clipAxis(s, 0, xc - half, true), 0, xc + half, false));
          a += r === 0 ? piece : -piece;
        });
        if (a > 0) {
          out.cells.push(j * g.cols + i);
          out.areas.push(a);
        }
      }
    }
  }
  return out;
}

/**
 * Spread `amount` over the cells a polygon overlaps, in proportion to the overlap areas,
 * adding into `target`. Slivers narrower than `minWidthM` along a cell side (overlap <
 * minWidthM × cellM m², e.g. from coordinates rounded to 6 decimals ≈ 0.1 m) are left out and
 * their share goes to the other cells, unless nothing else remains. Returns the cells used.
 */
export function spreadOverCells(
  g: Grid,
  geometry: Polygon | MultiPolygon,
  amount: number,
  target: Float64Array | Float32Array,
  minWidthM = 0.25,
): number {
  const { cells, areas } = cellOverlaps(g, geometry);
  const floor = minWidthM * g.cellM;
  let kept = 0;
  for (const a of areas) if (a >= floor) kept += a;
  const all = kept === 0;
  if (all) for (const a of areas) kept += a;
  if (!(kept > 0)) return 0;
  let used = 0;
  cells.forEach((c, k) => {
    if (!all && areas[k]! < floor) return;
    target[c]! += (amount * areas[k]!) / kept;
    used++;
  });
  return used;
}
