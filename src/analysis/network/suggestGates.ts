/**
 * Where would a 睦邻门 (a gate through a compound wall) help most? Candidates are pairs of
 * network points less than `maxLinkM` apart in a straight line but far apart along the
 * network (≥ 3× and ≥ 200 m more than the straight distance: a wall, a fence, a rail line
 * between them). A gate's gain is the residents in the network it newly brings within the
 * walking radius of the category; gates are chosen greedily with lazy evaluation, as sites
 * are. Distances in metres.
 */

import FlatQueue from 'flatqueue';
import type { CoverageCategory } from '../../core/categories';
import type { CoverageEngine } from '../coverage/engine';
import type { NetworkContext } from './context';
import { snapTargets } from './coverage';
import { distanceAt, type PreparedOverlay, SearchWorkspace, search, sourcesByEdge } from './dijkstra';
import { MAX_GATE_M } from './gates';
import type { Snap } from './snap';

export interface GateSuggestion {
  /** the gate's ends, [lon, lat] */
  a: [number, number];
  b: [number, number];
  /** length of the new link, m */
  lengthM: number;
  /** the walk between its ends before the gate, minus the gate: m saved */
  walkSavedM: number;
  /** residents newly within the radius, given the gates ranked before it */
  gain: number;
  circleId: string | null;
}

export interface GateOptions {
  category: CoverageCategory;
  radiusM: number;
  count: number;
  /** longest gate considered (straight line), m */
  maxLinkM?: number;
}

interface Candidate {
  a: number;
  b: number;
  lengthM: number;
  walkM: number;
}

/** Pairs of nodes close in a straight line, far apart along the network. */
function candidatePairs(ctx: NetworkContext, prepared: PreparedOverlay, maxLinkM: number): Candidate[] {
  const g = ctx.graph;
  const cell = maxLinkM;
  const buckets = new Map<string, number[]>();
  const key = (i: number, j: number) => `${i},${j}`;
  for (let n = 0; n < g.x.length; n++) {
    const k = key(Math.floor(g.x[n]! / cell), Math.floor(g.y[n]! / cell));
    const list = buckets.get(k);
    if (list) list.push(n);
    else buckets.set(k, [n]);
  }
  const ws = new SearchWorkspace(g.x.length + prepared.points.length);
  const out: Candidate[] = [];
  for (let a = 0; a < g.x.length; a++) {
    const near: [number, number][] = [];
    const ci = Math.floor(g.x[a]! / cell);
    const cj = Math.floor(g.y[a]! / cell);
    for (let dj = -1; dj <= 1; dj++)
      for (let di = -1; di <= 1; di++)
        for (const b of buckets.get(key(ci + di, cj + dj)) ?? []) {
          const d = Math.hypot(g.x[b]! - g.x[a]!, g.y[b]! - g.y[a]!);
          if (b > a && d <= maxLinkM && d > 1) near.push([b, d]);
        }
    if (near.length === 0) continue;
    const limit = Math.max(...near.map(([, d]) => Math.max(3 * d, d + 200)));
    const e = g.adjEdge[g.offset[a]!]!;
    const r = search(g, [{ edge: e, t: g.from[e] === a ? 0 : 1, accessM: 0 }], prepared, limit, ws);
    for (const [b, d] of near) {
      const walk = r.dist[b]!;
      if (walk >= Math.max(3 * d, d + 200)) out.push({ a, b, lengthM: d, walkM: walk });
    }
  }
  return out;
}

/** Land cells (positions in model.landCells) on the edges at a node. */
function cellsAtNodes(ctx: NetworkContext, nodes: Iterable<number>): Set<number> {
  const g = ctx.graph;
  const out = new Set<number>();
  for (const n of nodes) {
    for (let k = g.offset[n]!; k < g.offset[n + 1]!; k++)
      for (const c of ctx.cellsOnEdge(g.adjEdge[k]!)) out.add(c);
  }
  return out;
}

export function suggestGates(
  engine: CoverageEngine,
  o: GateOptions,
): { suggestions: GateSuggestion[]; candidates: number; evaluations: number } {
  const ctx = engine.network;
  if (!ctx) return { suggestions: [], candidates: 0, evaluations: 0 };
  const g = ctx.graph;
  const { model } = engine;
  const prepared = ctx.prepare(engine.overlay);
  const sources = snapTargets(ctx, engine.targetsOf(o.category).points).snaps;
  const base = search(g, sources, prepared);
  const dist = Float64Array.from(base.dist);
  const same = sourcesByEdge(sources);
  const r = o.radiusM + 1e-6;
  // residents in the network still beyond the radius
  const remaining = new Float64Array(model.landCells.length);
  const field = engine.networkField(o.category)!;
  model.landCells.forEach((c, k) => {
    const d = field.land[k]!;
    if (!Number.isNaN(d) && !(d <= r)) remaining[k] = model.population[c]!;
  });
  const candidates = candidatePairs(ctx, prepared, o.maxLinkM ?? MAX_GATE_M);
  /** Node distances a gate would lower (bounded at the radius), without changing `dist`. */
  const improvements = (cand: Candidate): Map<number, number> => {
    const better = new Map<number, number>();
    const queue = new FlatQueue<number>();
    const offer = (n: number, d: number) => {
      if (d <= r && d < (better.get(n) ?? dist[n]!)) {
        better.set(n, d);
        queue.push(n, d);
      }
    };
    offer(cand.b, dist[cand.a]! + cand.lengthM);
    offer(cand.a, dist[cand.b]! + cand.lengthM);
    while (queue.length) {
      const d = queue.peekValue()!;
      const u = queue.pop()!;
      if (d > better.get(u)!) continue;
      for (let k = g.offset[u]!; k < g.offset[u + 1]!; k++) {
        if (!prepared.overlay.closed.has(g.adjEdge[k]!)) offer(g.adjNode[k]!, d + g.length[g.adjEdge[k]!]!);
      }
    }
    return better;
  };
  const s: Snap = { edge: 0, t: 0, accessM: 0 };
  const view = { dist, origin: base.origin, prev: base.prev, reached: [] as number[] };
  /** Residents newly within the radius if the improvements were applied (cells are updated when `apply`). */
  const gainOf = (better: Map<number, number>, apply: boolean): number => {
    if (better.size === 0) return 0;
    const saved = [...better.keys()].map((n) => [n, dist[n]!] as const);
    for (const [n, d] of better) dist[n] = d;
    let gain = 0;
    for (const k of cellsAtNodes(ctx, better.keys())) {
      if (remaining[k]! <= 0) continue;
      s.edge = ctx.landSnap.edge[k]!;
      s.t = ctx.landSnap.t[k]!;
      s.accessM = ctx.landSnap.access[k]!;
      if (distanceAt(g, view, prepared, same, s) <= r) {
        gain += remaining[k]!;
        if (apply) remaining[k] = 0;
      }
    }
    if (!apply) for (const [n, d] of saved) dist[n] = d;
    return gain;
  };
  // lazy greedy
  const heap = new FlatQueue<number>();
  let evaluations = 0;
  candidates.forEach((cand, i) => {
    const gain = gainOf(improvements(cand), false);
    evaluations++;
    if (gain > 0) heap.push(i, -gain);
  });
  const chosen: GateSuggestion[] = [];
  const proj = model.grid.proj;
  while (chosen.length < o.count && heap.length) {
    const i = heap.pop()!;
    const cand = candidates[i]!;
    const better = improvements(cand);
    const fresh = gainOf(better, false);
    evaluations++;
    if (fresh <= 0) continue;
    if (heap.length && fresh < -heap.peekValue()!) {
      heap.push(i, -fresh);
      continue;
    }
    gainOf(better, true);
    const circle =
      model.circleOf[
        Math.round((g.y[cand.a]! - model.grid.y0) / model.grid.cellM) * model.grid.cols +
          Math.round((g.x[cand.a]! - model.grid.x0) / model.grid.cellM)
      ];
    // the walk between the gate's ends without it (the candidate search stopped at its limit)
    const e = g.adjEdge[g.offset[cand.a]!]!;
    const walkM = search(g, [{ edge: e, t: g.from[e] === cand.a ? 0 : 1, accessM: 0 }], prepared).dist[
      cand.b
    ]!;
    chosen.push({
      a: proj.toLonLat(g.x[cand.a]!, g.y[cand.a]!),
      b: proj.toLonLat(g.x[cand.b]!, g.y[cand.b]!),
      lengthM: cand.lengthM,
      walkSavedM: walkM - cand.lengthM,
      gain: fresh,
      circleId: circle !== undefined && circle >= 0 ? model.circles[circle]!.id : null,
    });
  }
  return { suggestions: chosen, candidates: candidates.length, evaluations };
}
