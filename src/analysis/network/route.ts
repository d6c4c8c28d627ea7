/**
 * Walks from one place: the network distance (m) to every facility of a category, the
 * route to the nearest one as a line, and the walking isochrones (the land within 5, 10 and
 * 15 minutes' walk along the network). Null when the place is outside the network.
 */
import type { MultiPolygon, Position } from 'geojson';
import { traceCells } from '../coverage/gapPolygons';
import { WALK_M_PER_MIN } from '../standards';
import type { NetworkContext } from './context';
import {
  distanceAt,
  type GraphOverlay,
  NO_OVERLAY,
  type PreparedOverlay,
  type SearchResult,
  search,
} from './dijkstra';
import { type Snap, snapXY } from './snap';

export interface Walk {
  /** network distance, m (access legs included) */
  distanceM: number;
  /** the route as lon/lat, from the place to the facility */
  route: Position[];
}

/** A search from a place, to be asked about many targets. */
export interface WalkSearch {
  origin: Snap;
  result: SearchResult;
  prepared: PreparedOverlay;
}

/** Start walking from a lon/lat place; null when it is farther than 150 m from any mapped walk. */
export function walkFrom(
  ctx: NetworkContext,
  at: Position,
  overlay: GraphOverlay = NO_OVERLAY,
): WalkSearch | null {
  const origin = ctx.snapLonLat(at);
  if (!origin) return null;
  const prepared = ctx.prepare(overlay);
  return { origin, result: search(ctx.graph, [origin], prepared), prepared };
}

/** The node chain from the search's source to `node` (source side first). */
function chain(r: SearchResult, node: number): number[] {
  const out: number[] = [];
  for (let n = node; n >= 0 && out.length < 1e6; n = r.prev[n]!) out.push(n);
  return out.reverse();
}

/** Distance and route from the walk's place to a target point (lon/lat). */
export function walkTo(ctx: NetworkContext, w: WalkSearch, at: Position, target: Position): Walk | null {
  const [tx, ty] = ctx.model.grid.proj.toXY(target);
  const s = ctx.index.nearest(tx, ty, 3000);
  if (!s) return null;
  const g = ctx.graph;
  const same = new Map([[w.origin.edge, [w.origin]]]);
  const distanceM = distanceAt(g, w.result, w.prepared, same, s);
  if (!Number.isFinite(distanceM)) return null;
  const proj = ctx.model.grid.proj;
  const xy = (n: number): [number, number] =>
    n < g.x.length ? [g.x[n]!, g.y[n]!] : snapXY(g, { ...w.prepared.points[n - g.x.length]!, accessM: 0 });
  // the end of the target's edge (or an extra node on it) the walk arrives through
  const len = g.length[s.edge]!;
  const candidates: [number, number][] = [
    [g.from[s.edge]!, w.result.dist[g.from[s.edge]!]! + s.t * len],
    [g.to[s.edge]!, w.result.dist[g.to[s.edge]!]! + (1 - s.t) * len],
    ...(w.prepared.onEdge.get(s.edge) ?? []).map(
      (v) =>
        [v, w.result.dist[v]! + Math.abs(w.prepared.points[v - g.x.length]!.t - s.t) * len] as [
          number,
          number,
        ],
    ),
  ];
  const direct = w.origin.edge === s.edge ? Math.abs(w.origin.t - s.t) * len : Infinity;
  const [via, viaD] = candidates.reduce((a, b) => (b[1] < a[1] ? b : a));
  const inner = direct <= viaD - w.origin.accessM ? [] : chain(w.result, via).map(xy);
  const route = [proj.toXY(at), snapXY(g, w.origin), ...inner, snapXY(g, s), proj.toXY(target)].map(
    ([x, y]) => proj.toLonLat(x, y) as Position,
  );
  return { distanceM, route };
}

/** Land (in the network) within each walking time (minutes) of the walk's place, as polygons. */
export function isochrones(
  ctx: NetworkContext,
  w: WalkSearch,
  minutes: number[] = [5, 10, 15],
): { minutes: number; metres: number; geometry: MultiPolygon }[] {
  const { grid, landCells } = ctx.model;
  const g = ctx.graph;
  const same = new Map([[w.origin.edge, [w.origin]]]);
  const byCell = new Map<number, number>();
  const s: Snap = { edge: 0, t: 0, accessM: 0 };
  const maxM = Math.max(...minutes) * WALK_M_PER_MIN;
  const box = { i0: Infinity, i1: -Infinity, j0: Infinity, j1: -Infinity };
  landCells.forEach((c, k) => {
    const e = ctx.landSnap.edge[k]!;
    if (e < 0) return;
    s.edge = e;
    s.t = ctx.landSnap.t[k]!;
    s.accessM = ctx.landSnap.access[k]!;
    const d = distanceAt(g, w.result, w.prepared, same, s);
    if (!(d <= maxM)) return;
    byCell.set(c, d);
    const i = c % grid.cols;
    const j = (c - i) / grid.cols;
    box.i0 = Math.min(box.i0, i);
    box.i1 = Math.max(box.i1, i);
    box.j0 = Math.min(box.j0, j);
    box.j1 = Math.max(box.j1, j);
  });
  if (byCell.size === 0) return [];
  return minutes.map((m) => {
    const metres = m * WALK_M_PER_MIN;
    const geometry = traceCells(grid, (i, j) => (byCell.get(j * grid.cols + i) ?? Infinity) <= metres, box);
    return { minutes: m, metres, geometry };
  });
}
