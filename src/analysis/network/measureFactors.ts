/**
 * Measuring route factors (非直线系数) on a walking graph: seeded origin–destination pairs of
 * graph nodes per straight-line distance tier, each walked by Dijkstra (stopped at its
 * destination or at the search limit), the ratio walk ÷ straight kept per tier as its
 * median and quartiles. Deterministic: the same graph and seed give the same factors. Pure.
 *
 * Pairs: an origin is a node drawn uniformly (so streets count by how densely they are
 * noded); for each tier a destination is drawn among the nodes whose straight-line distance
 * from the origin lies in the tier's band. A pair whose walk exceeds MAX_FACTOR × straight
 * (or that the graph does not join) is "unconnected": counted, not used.
 */
import FlatQueue from 'flatqueue';
import { mulberry32 } from '../random';
import { graphLengthM, type WalkGraph } from './graph';
import type { RouteFactors, RouteFactorTier } from './routeFactors';

/** The standard's walks (m) and the straight-line bands their pairs are drawn from: ±15 %. */
export const FACTOR_TIERS: readonly { tierM: number; minM: number; maxM: number }[] = [300, 500, 1000].map(
  (t) => ({ tierM: t, minM: t * 0.85, maxM: t * 1.15 }),
);

/** A walk longer than this multiple of the straight line counts as not connected. */
export const MAX_FACTOR = 4;

export const DEFAULT_FACTOR_SEED = 19;
/** Pairs drawn per tier. */
export const DEFAULT_PAIRS_PER_TIER = 500;

export interface RoutePair {
  tier: number;
  from: number;
  to: number;
  straightM: number;
}

export interface MeasureOptions {
  seed?: number;
  pairsPerTier?: number;
  /** what the graph is, for the method notes */
  source: string;
  /** nodes that may not be an end of a pair (the leave-one-circle-out validation) */
  exclude?: (node: number) => boolean;
}

/** The seeded pairs (node indices), tier by tier in draw order. */
export function routePairs(g: WalkGraph, o: Omit<MeasureOptions, 'source'> = {}): RoutePair[] {
  const rand = mulberry32(o.seed ?? DEFAULT_FACTOR_SEED);
  const per = o.pairsPerTier ?? DEFAULT_PAIRS_PER_TIER;
  const n = g.x.length;
  const allowed: number[] = [];
  for (let i = 0; i < n; i++) if (!o.exclude?.(i)) allowed.push(i);
  const pairs: RoutePair[] = [];
  if (allowed.length < 2) return pairs;
  FACTOR_TIERS.forEach((tier, ti) => {
    const lo2 = tier.minM * tier.minM;
    const hi2 = tier.maxM * tier.maxM;
    let drawn = 0;
    for (let attempt = 0; drawn < per && attempt < per * 20; attempt++) {
      const a = allowed[Math.floor(rand() * allowed.length)]!;
      const ax = g.x[a]!;
      const ay = g.y[a]!;
      const band: number[] = [];
      for (const b of allowed) {
        const d2 = (g.x[b]! - ax) ** 2 + (g.y[b]! - ay) ** 2;
        if (d2 >= lo2 && d2 < hi2) band.push(b);
      }
      if (!band.length) continue;
      const b = band[Math.floor(rand() * band.length)]!;
      pairs.push({ tier: ti, from: a, to: b, straightM: Math.hypot(g.x[b]! - ax, g.y[b]! - ay) });
      drawn++;
    }
  });
  return pairs;
}

/** Shortest walk (m) from node `a` to node `b`, or Infinity beyond `limitM`. */
export function walkBetween(g: WalkGraph, a: number, b: number, limitM: number, dist?: Float64Array): number {
  const d = dist ?? new Float64Array(g.x.length);
  d.fill(Infinity);
  const q = new FlatQueue<number>();
  d[a] = 0;
  q.push(a, 0);
  while (q.length) {
    const du = q.peekValue()!;
    const u = q.pop()!;
    if (du > d[u]!) continue;
    if (u === b) return du;
    if (du > limitM) return Infinity;
    for (let k = g.offset[u]!; k < g.offset[u + 1]!; k++) {
      const v = g.adjNode[k]!;
      const nd = du + g.length[g.adjEdge[k]!]!;
      if (nd < d[v]!) {
        d[v] = nd;
        q.push(v, nd);
      }
    }
  }
  return Infinity;
}

/** Quantile q (0–1) of ascending values, linear between order statistics; NaN when empty. */
export function quantile(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length;
  if (!n) return Number.NaN;
  const h = (n - 1) * q;
  const i = Math.floor(h);
  return i + 1 < n ? sorted[i]! + (h - i) * (sorted[i + 1]! - sorted[i]!) : sorted[i]!;
}

/** Walk ÷ straight of each pair (Infinity for an unconnected one). */
export function pairFactors(g: WalkGraph, pairs: RoutePair[]): number[] {
  const dist = new Float64Array(g.x.length);
  return pairs.map((p) => {
    const w = walkBetween(g, p.from, p.to, p.straightM * MAX_FACTOR, dist);
    return w <= p.straightM * MAX_FACTOR ? w / p.straightM : Infinity;
  });
}

/** The factors per tier from each pair's ratio (Infinity = unconnected). */
export function summariseFactors(
  pairs: RoutePair[],
  ratios: number[],
  meta: { streetKm: number; seed: number; source: string },
): RouteFactors {
  const tiers: RouteFactorTier[] = FACTOR_TIERS.map((t, ti) => {
    const r: number[] = [];
    let unconnected = 0;
    pairs.forEach((p, k) => {
      if (p.tier !== ti) return;
      if (Number.isFinite(ratios[k]!)) r.push(ratios[k]!);
      else unconnected++;
    });
    r.sort((a, b) => a - b);
    const at = (q: number) => (r.length ? Math.max(1, quantile(r, q)) : 1);
    return { ...t, pairs: r.length, unconnected, p25: at(0.25), median: at(0.5), p75: at(0.75) };
  }).filter((t) => t.pairs > 0);
  return { tiers, ...meta };
}

/** Route factors measured on graph `g` (see the module comment). */
export function measureRouteFactors(g: WalkGraph, o: MeasureOptions): RouteFactors {
  const seed = o.seed ?? DEFAULT_FACTOR_SEED;
  const pairs = routePairs(g, { ...o, seed });
  return summariseFactors(pairs, pairFactors(g, pairs), {
    streetKm: Math.round(graphLengthM(g) / 100) / 10,
    seed,
    source: o.source,
  });
}
