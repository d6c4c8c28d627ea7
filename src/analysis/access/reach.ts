/**
 * Which resident cells each site of a type reaches, and how far each walk is (m): the
 * per-site catchments that floating-catchment ratios need (the coverage engine keeps only
 * the nearest site per cell). Measured with the distance model in force, exactly as the
 * engine's coverage is: the union of the catchments is the engine's covered mask.
 *
 * - 'straight': the straight line from the cell's centre to the site (≤ radius + ε).
 * - 'network': cells in the mapped walking network by their walk along it from the site
 *   (snapped as the engine snaps facilities), the others by the straight line.
 * - 'walk': as 'network' in the network; elsewhere the straight line's estimated walk
 *   (route factors, median): see {@link offNetworkDistance}.
 *
 * Pure; built from the engine's public API (model, network, overlay, targets). Cached per
 * engine, type, radius and distance model.
 */
import type { CoverageCategory } from '../../core/categories';
import type { CoverageEngine } from '../coverage/engine';
import type { NetworkContext } from '../network/context';
import { FACILITY_SNAP_M } from '../network/coverage';
import { distanceAt, type GraphOverlay, SearchWorkspace, search, sourcesByEdge } from '../network/dijkstra';
import { estimatedWalkM, type RouteFactors, straightReachM } from '../network/routeFactors';
import type { Snap } from '../network/snap';

/** How distance is measured (the contract of issue 19: 'walk' = walking, best available). */
export type AccessDistance = 'straight' | 'network' | 'walk';

export interface ReachOptions {
  distance?: AccessDistance;
  /** walk mode: the route factors of the estimate (none: the straight line is used off the network) */
  routeFactors?: RouteFactors | null;
}

/** Per site (the engine's `targetsOf` order): the land cells it reaches and the distance to each. */
export interface SiteReach {
  category: CoverageCategory;
  radiusM: number;
  /** the distance model measured with (the riverfront and an engine without a network stay straight) */
  distance: AccessDistance;
  ids: string[];
  /** CSR offsets: site s reaches cells[start[s] … start[s+1]) */
  start: Int32Array;
  /** grid cell indices (land cells only) */
  cells: Int32Array;
  /** distance (m) from the site to each of those cells */
  distM: Float32Array;
}

/**
 * Off the mapped network: the straight-line radius (m) to stamp for a walking threshold and
 * the distance a straight line counts as. Straight and network modes count the straight line;
 * walk mode counts its estimated walk (median route factor), so a cell is within W m on foot
 * when its straight line is within straightReachM(W).
 */
export function offNetworkDistance(
  distance: AccessDistance,
  factors: RouteFactors | null | undefined,
): { reachM: (walkM: number) => number; distM: (straightM: number) => number } {
  if (distance !== 'walk' || !factors) return { reachM: (w) => w, distM: (d) => d };
  // the estimate is piecewise linear: tabulate it every 0.25 m, read it by interpolation
  const step = 0.25;
  const table: number[] = [];
  const at = (k: number) => {
    for (let i = table.length; i <= k; i++) table.push(estimatedWalkM(factors, i * step, 'median'));
    return table[k]!;
  };
  return {
    reachM: (w) => straightReachM(factors, w, 'median'),
    distM: (d) => {
      const k = Math.floor(d / step);
      const u = d / step - k;
      return at(k) + u * (at(k + 1) - at(k));
    },
  };
}

const EPS = 1e-6;

const factorIds = new WeakMap<RouteFactors, number>();
let nextFactorId = 1;

/** A cache key of the distance model: 'straight', 'network', or 'walk#n' for walk mode's factor set. */
export function distanceKey(
  engine: CoverageEngine,
  category: CoverageCategory,
  options: ReachOptions,
): string {
  const d = measuredWith(engine, category, options.distance);
  const f = options.routeFactors ?? engine.routeFactors;
  if (d !== 'walk' || !f) return d;
  let id = factorIds.get(f);
  if (id === undefined) {
    id = nextFactorId++;
    factorIds.set(f, id);
  }
  return `walk#${id}`;
}

/** Land cells within `limitM` of one snapped source along the network, with their walk (m). */
function networkCells(
  ctx: NetworkContext,
  source: Snap,
  limitM: number,
  overlay: GraphOverlay,
  ws: SearchWorkspace,
  visit: (landIndex: number, d: number) => void,
): void {
  const g = ctx.graph;
  const prepared = ctx.prepare(overlay);
  const r = search(g, [source], prepared, limitM, ws);
  const same = sourcesByEdge([source]);
  const touched = new Set<number>([source.edge]);
  for (const n of r.reached) {
    if (n >= g.x.length) touched.add(prepared.points[n - g.x.length]!.edge);
    else for (let k = g.offset[n]!; k < g.offset[n + 1]!; k++) touched.add(g.adjEdge[k]!);
  }
  const s: Snap = { edge: 0, t: 0, accessM: 0 };
  for (const e of touched) {
    for (const k of ctx.cellsOnEdge(e)) {
      s.edge = e;
      s.t = ctx.landSnap.t[k]!;
      s.accessM = ctx.landSnap.access[k]!;
      const d = distanceAt(g, r, prepared, same, s);
      if (d <= limitM + EPS) visit(k, d);
    }
  }
}

/**
 * The distance model a type is measured with: the one asked for, except that an engine
 * without a network and the riverfront (a line, not sites) stay straight-line.
 */
export function measuredWith(
  engine: CoverageEngine,
  category: CoverageCategory,
  distance: AccessDistance = 'straight',
): AccessDistance {
  return distance !== 'straight' && category !== 'riverfront' && engine.network ? distance : 'straight';
}

/** One site's catchment: land cells and their distances (m). */
interface OneSite {
  cells: Int32Array;
  distM: Float32Array;
}

/**
 * Catchments per site, kept by what decides them: the model, the network and its overlay
 * (walks), the route factors (walk mode), the site's position, radius and model. A
 * scenario's engine shares today's sites' catchments and measures only its new sites.
 */
let siteCache = new WeakMap<object, WeakMap<object, WeakMap<object, Map<string, OneSite>>>>();

/** Forget every kept catchment (the bench measures cold queries with it). */
export function resetSiteCache(): void {
  siteCache = new WeakMap();
}
const NO_FACTORS = {};
/** Sites kept per (model, network, overlay, factors) before the store is emptied (memory bound). */
const MAX_KEPT = 5000;

function siteStore(
  engine: CoverageEngine,
  distance: AccessDistance,
  factors: RouteFactors | null | undefined,
) {
  const netKey: object = distance === 'straight' || !engine.network ? engine.model : engine.network;
  const overlayKey: object = distance === 'straight' ? NO_FACTORS : engine.overlay;
  const factorKey: object = distance === 'walk' && factors ? factors : NO_FACTORS;
  let a = siteCache.get(netKey);
  if (!a) {
    a = new WeakMap();
    siteCache.set(netKey, a);
  }
  let b = a.get(overlayKey);
  if (!b) {
    b = new WeakMap();
    a.set(overlayKey, b);
  }
  let c = b.get(factorKey);
  if (!c) {
    c = new Map();
    b.set(factorKey, c);
  }
  if (c.size > MAX_KEPT) c.clear();
  return c;
}

const reachCache = new WeakMap<
  CoverageEngine,
  Map<string, { reach: SiteReach; factors: RouteFactors | null }>
>();

/** The catchment of every site of `category` at `radiusM` (m) under the distance model (cached). */
export function siteReach(
  engine: CoverageEngine,
  category: CoverageCategory,
  radiusM: number,
  options: ReachOptions = {},
): SiteReach {
  const distance = measuredWith(engine, category, options.distance);
  const factors = distance === 'walk' ? (options.routeFactors ?? engine.routeFactors) : null;
  const key = `${category}@${radiusM}@${distance}`;
  let byKey = reachCache.get(engine);
  if (!byKey) {
    byKey = new Map();
    reachCache.set(engine, byKey);
  }
  const hit = byKey.get(key);
  if (hit && hit.factors === factors) return hit.reach;
  const store = siteStore(engine, distance, factors);
  const { points, ids } = engine.targetsOf(category);
  const measure = siteMeasurer(engine, radiusM, distance, factors);
  const parts = points.map(([x, y]) => {
    const k = `${x},${y}@${radiusM}@${distance}`;
    let one = store.get(k);
    if (!one) {
      one = measure(x, y);
      store.set(k, one);
    }
    return one;
  });
  const start = new Int32Array(points.length + 1);
  parts.forEach((p, f) => {
    start[f + 1] = start[f]! + p.cells.length;
  });
  const cells = new Int32Array(start[points.length]!);
  const distM = new Float32Array(cells.length);
  parts.forEach((p, f) => {
    cells.set(p.cells, start[f]!);
    distM.set(p.distM, start[f]!);
  });
  const out: SiteReach = { category, radiusM, distance, ids: [...ids], start, cells, distM };
  byKey.set(key, { reach: out, factors });
  return out;
}

/** Measures one site's catchment at (x, y) (projected m). */
function siteMeasurer(
  engine: CoverageEngine,
  radiusM: number,
  distance: AccessDistance,
  factors: RouteFactors | null,
): (x: number, y: number) => OneSite {
  const { grid, land, landCells } = engine.model;
  const net = distance === 'straight' ? null : engine.network;
  const off = offNetworkDistance(distance, factors);
  const stampM = off.reachM(radiusM);
  const r2 = stampM * stampM + EPS;
  const rc = Math.ceil(stampM / grid.cellM);
  const skip = net ? net.inNetwork : null;
  let ws: SearchWorkspace | null = null;
  return (x, y) => {
    const cells: number[] = [];
    const dists: number[] = [];
    const ci = Math.round((x - grid.x0) / grid.cellM);
    const cj = Math.round((y - grid.y0) / grid.cellM);
    for (let j = Math.max(0, cj - rc); j <= Math.min(grid.rows - 1, cj + rc); j++) {
      const dy = grid.y0 + j * grid.cellM - y;
      const row = j * grid.cols;
      for (let i = Math.max(0, ci - rc); i <= Math.min(grid.cols - 1, ci + rc); i++) {
        const c = row + i;
        if (!land[c] || skip?.[c]) continue;
        const dx = grid.x0 + i * grid.cellM - x;
        const d2 = dx * dx + dy * dy;
        if (d2 > r2) continue;
        cells.push(c);
        dists.push(off.distM(Math.sqrt(d2)));
      }
    }
    if (net) {
      const snap = net.index.nearest(x, y, FACILITY_SNAP_M);
      if (snap && snap.accessM <= radiusM) {
        ws ??= new SearchWorkspace(net.graph.x.length + net.prepare(engine.overlay).points.length);
        networkCells(net, snap, radiusM, engine.overlay, ws, (k, d) => {
          cells.push(landCells[k]!);
          dists.push(d);
        });
      }
    }
    return { cells: Int32Array.from(cells), distM: Float32Array.from(dists) };
  };
}
