/**
 * Polygons of a set of grid cells: the exact outline of the union of the cells' squares,
 * traced along cell edges. Exteriors are counter-clockwise, holes clockwise; cells that
 * touch only at a corner become separate polygons. Area of the result = cells × cellM².
 */
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import { round6 } from '../../core/geo';
import type { GapProps } from './engine';
import type { Grid } from './grid';
import type { PopulationModel } from './model';

type Ring = [number, number][]; // corner-lattice coordinates

/** Trace the outline of cells for which `inside(i, j)` holds, within the index window. */
export function traceCells(
  g: Grid,
  inside: (i: number, j: number) => boolean,
  window: { i0: number; i1: number; j0: number; j1: number },
): MultiPolygon {
  const { i0, i1, j0, j1 } = window;
  const w = i1 - i0 + 3; // corner lattice width with a margin
  const key = (I: number, J: number) => (J - j0 + 1) * w + (I - i0 + 1);
  const filled = (i: number, j: number) => i >= i0 && i <= i1 && j >= j0 && j <= j1 && inside(i, j);
  // outgoing directed edges per start corner: direction codes 0:+x 1:+y 2:-x 3:-y
  const out = new Map<number, number[]>();
  let edgeCount = 0;
  const add = (I: number, J: number, dir: number) => {
    const k = key(I, J);
    const list = out.get(k);
    if (list) list.push(dir);
    else out.set(k, [dir]);
    edgeCount++;
  };
  for (let j = j0; j <= j1; j++) {
    for (let i = i0; i <= i1; i++) {
      if (!filled(i, j)) continue;
      if (!filled(i, j - 1)) add(i, j, 0); // bottom, going +x
      if (!filled(i + 1, j)) add(i + 1, j, 1); // right, going +y
      if (!filled(i, j + 1)) add(i + 1, j + 1, 2); // top, going -x
      if (!filled(i - 1, j)) add(i, j + 1, 3); // left, going -y
    }
  }
  const DX = [1, 0, -1, 0];
  const DY = [0, 1, 0, -1];
  const rings: Ring[] = [];
  const remove = (I: number, J: number, dir: number) => {
    const k = key(I, J);
    const list = out.get(k)!;
    list.splice(list.indexOf(dir), 1);
    if (list.length === 0) out.delete(k);
    edgeCount--;
  };
  // at a corner shared by two diagonal cells prefer the left turn: rings stay simple
  const turn = (dir: number, available: number[]) =>
    [(dir + 1) % 4, dir, (dir + 3) % 4].find((d) => available.includes(d));
  while (edgeCount > 0) {
    const [startKey, dirs] = out.entries().next().value as [number, number[]];
    const sJ = Math.floor(startKey / w) + j0 - 1;
    const sI = (startKey % w) + i0 - 1;
    const d0 = dirs[0]!;
    remove(sI, sJ, d0);
    const ring: Ring = [[sI, sJ]];
    let I = sI + DX[d0]!;
    let J = sJ + DY[d0]!;
    let dir = d0;
    for (;;) {
      const atStart = I === sI && J === sJ;
      const available = [...(out.get(key(I, J)) ?? []), ...(atStart ? [d0] : [])];
      const chosen = turn(dir, available);
      if (chosen === undefined) break; // cannot happen for a closed outline
      if (atStart && chosen === d0) {
        if (dir === d0) ring.shift(); // the start corner lies mid-side
        break;
      }
      if (chosen !== dir) ring.push([I, J]);
      remove(I, J, chosen);
      I += DX[chosen]!;
      J += DY[chosen]!;
      dir = chosen;
    }
    rings.push(ring);
  }
  // classify and nest
  const area = (r: Ring) => {
    let s = 0;
    for (let k = 0; k < r.length; k++) {
      const a = r[k]!;
      const b = r[(k + 1) % r.length]!;
      s += a[0] * b[1] - b[0] * a[1];
    }
    return s / 2;
  };
  const inRing = (x: number, y: number, r: Ring) => {
    let c = false;
    for (let a = 0, b = r.length - 1; a < r.length; b = a++) {
      const [xa, ya] = r[a]!;
      const [xb, yb] = r[b]!;
      if (ya > y !== yb > y && x < ((xb - xa) * (y - ya)) / (yb - ya) + xa) c = !c;
    }
    return c;
  };
  const outers = rings
    .filter((r) => area(r) > 0)
    .map((r) => ({ ring: r, area: area(r), holes: [] as Ring[] }));
  for (const hole of rings.filter((r) => area(r) < 0)) {
    // the filled cell left of the hole's first edge lies inside the polygon that owns the hole
    const a = hole[0]!;
    const b = hole[1]!;
    const dx = Math.sign(b[0] - a[0]);
    const dy = Math.sign(b[1] - a[1]);
    const px = a[0] + dx * 0.5 - dy * 0.5;
    const py = a[1] + dy * 0.5 + dx * 0.5;
    const owner = outers.filter((o) => inRing(px, py, o.ring)).sort((p, q) => p.area - q.area)[0];
    owner?.holes.push(hole);
  }
  outers.sort((p, q) => q.area - p.area);
  const toLonLat = (r: Ring): Position[] => {
    const pts = r.map(([I, J]) => {
      const [lon, lat] = g.proj.toLonLat(g.x0 + (I - 0.5) * g.cellM, g.y0 + (J - 0.5) * g.cellM);
      return [round6(lon), round6(lat)];
    });
    pts.push([...pts[0]!]);
    return pts;
  };
  return {
    type: 'MultiPolygon',
    coordinates: outers.map((o) => [toLonLat(o.ring), ...o.holes.map(toLonLat)]),
  };
}

/**
 * Gap polygons: the resident cells of each circle (or one circle) not in `mask`, one Polygon
 * feature per 4-connected gap with its area (m²) and residents.
 */
export function traceGaps(
  model: PopulationModel,
  mask: Uint8Array,
  { category, radiusM, distance }: Pick<GapProps, 'category' | 'radiusM' | 'distance'>,
  circleIndex?: number,
): FeatureCollection<Polygon, GapProps> {
  const { grid, population, circleOf, windows, circles } = model;
  const features: Feature<Polygon, GapProps>[] = [];
  const which = circleIndex === undefined ? circles.map((_, k) => k) : [circleIndex];
  const cellArea = grid.cellM * grid.cellM;
  for (const k of which) {
    const win = windows[k]!;
    if (win.i0 > win.i1) continue;
    const W = win.i1 - win.i0 + 1;
    const H = win.j1 - win.j0 + 1;
    const label = new Int32Array(W * H).fill(-1);
    const isGap = (i: number, j: number) => {
      const c = j * grid.cols + i;
      return circleOf[c] === k && population[c]! > 0 && mask[c] === 0;
    };
    let next = 0;
    const stack: number[] = [];
    for (let j = win.j0; j <= win.j1; j++) {
      for (let i = win.i0; i <= win.i1; i++) {
        const l = (j - win.j0) * W + (i - win.i0);
        if (label[l]! >= 0 || !isGap(i, j)) continue;
        // flood fill one 4-connected component
        const id = next++;
        let count = 0;
        let pop = 0;
        const box = { i0: i, i1: i, j0: j, j1: j };
        label[l] = id;
        stack.push(i, j);
        while (stack.length) {
          const cj = stack.pop()!;
          const ci = stack.pop()!;
          count++;
          pop += population[cj * grid.cols + ci]!;
          box.i0 = Math.min(box.i0, ci);
          box.i1 = Math.max(box.i1, ci);
          box.j0 = Math.min(box.j0, cj);
          box.j1 = Math.max(box.j1, cj);
          for (const [ni, nj] of [
            [ci + 1, cj],
            [ci - 1, cj],
            [ci, cj + 1],
            [ci, cj - 1],
          ] as const) {
            if (ni < win.i0 || ni > win.i1 || nj < win.j0 || nj > win.j1) continue;
            const nl = (nj - win.j0) * W + (ni - win.i0);
            if (label[nl]! >= 0 || !isGap(ni, nj)) continue;
            label[nl] = id;
            stack.push(ni, nj);
          }
        }
        const outline = traceCells(grid, (a, b) => label[(b - win.j0) * W + (a - win.i0)] === id, box);
        for (const rings of outline.coordinates) {
          features.push({
            type: 'Feature',
            properties: {
              circleId: circles[k]!.id,
              category,
              radiusM,
              distance,
              areaM2: count * cellArea,
              population: Math.round(pop),
            },
            geometry: { type: 'Polygon', coordinates: rings },
          });
        }
      }
    }
  }
  return { type: 'FeatureCollection', features };
}
