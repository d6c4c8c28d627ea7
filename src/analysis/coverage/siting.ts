/**
 * Where should the next sites go? Greedy maximal coverage with lazy evaluation: pick, one
 * at a time, the candidate site that newly covers the most residents not yet within the
 * radius of a facility; a classic result (Nemhauser, Wolsey & Fisher 1978) puts the greedy
 * total within (1 − 1/e) ≈ 63% of the optimum, and lazy evaluation (gains only shrink)
 * re-scores few candidates after the first round.
 *
 * Model, stated in the UI: straight-line distance, or in network mode walking distance for
 * residents in the network (a site's walk reaches them along the network; the others by
 * straight line; in walk mode by the straight line's estimated walk, i.e. within the
 * straight-line radius whose estimated walk is the radius); residents as in the population model;
 * candidates on a regular lattice of district land (never the river, never outside the
 * district). For radii ≤ 400 m demand is the 20 m cells and candidates are 40 m apart; for
 * larger radii demand is aggregated to 40 m and candidates are 80 m apart (a site's position
 * is then uncertain by ≤ 40 m, small against the radius).
 */

import type { Position } from 'geojson';
import type { CoverageCategory } from '../../core/categories';
import { snapTargets } from '../network/coverage';
import type { CoverageEngine, DistanceKind } from './engine';

export interface SitingOptions {
  category: CoverageCategory;
  /** walking radius, m */
  radiusM: number;
  /** number of sites to suggest (1–MAX_SUGGESTED_SITES) */
  count: number;
  /** restrict candidates and the residents counted to these circles (ids); all when absent */
  circles?: string[];
  /** straight-line (default) or walking distance for residents in the network */
  distance?: DistanceKind;
}

export interface Suggestion {
  lonLat: Position;
  /** residents newly covered by this site, given the sites ranked before it */
  gain: number;
  circleId: string | null;
}

export interface SitingResult {
  suggestions: Suggestion[];
  /** candidate sites considered */
  candidates: number;
  /** candidate spacing, m */
  spacingM: number;
  /** gain evaluations done (initial round + lazy re-scores) */
  evaluations: number;
}

/** The demand lattice and candidates for a siting problem (exposed for tests and the bench). */
export interface SitingProblem {
  /** lattice step in fine cells (1 or 2) */
  step: number;
  cols: number;
  rows: number;
  /**
   * uncovered residents per lattice node: [0, N) those reached in a straight line, [N, 2N)
   * those in the walking network (network mode only; zero otherwise), N = cols × rows
   */
  demand: Float64Array;
  /** candidate lattice nodes */
  candidates: Int32Array;
  /** disc offsets (lattice units) within the radius */
  offsets: Int32Array;
  spacingM: number;
  toLonLat(node: number): Position;
  circleOfNode(node: number): number;
  /** network mode: the lattice nodes whose network residents a site at `node` reaches (cached) */
  networkCover?: (node: number) => Int32Array;
}

export function sitingProblem(engine: CoverageEngine, o: SitingOptions): SitingProblem {
  const { grid, land, population, circleOf, circles } = engine.model;
  const mode = engine.modeFor(o.category, o.distance ?? 'straight');
  const net = mode === 'network' || mode === 'walk' ? engine.network : null;
  const covered = engine.coveredMask(o.category, o.radiusM, mode);
  // residents outside the network are reached within this straight line (walk: the estimate's inverse)
  const discM = engine.straightRadius(o.radiusM, mode);
  const allowed = o.circles ? new Set(o.circles.map((id) => circles.findIndex((c) => c.id === id))) : null;
  const step = o.radiusM <= 400 ? 1 : 2;
  const cols = Math.ceil(grid.cols / step);
  const rows = Math.ceil(grid.rows / step);
  const N = cols * rows;
  const demand = new Float64Array(2 * N);
  const nodeCell = (n: number) => {
    const i = (n % cols) * step;
    const j = Math.floor(n / cols) * step;
    return j * grid.cols + i;
  };
  for (let j = 0; j < grid.rows; j++) {
    for (let i = 0; i < grid.cols; i++) {
      const c = j * grid.cols + i;
      if (!land[c] || covered[c] || population[c]! <= 0) continue;
      if (allowed && !allowed.has(circleOf[c]!)) continue;
      demand[(net?.inNetwork[c] ? N : 0) + Math.floor(j / step) * cols + Math.floor(i / step)]! +=
        population[c]!;
    }
  }
  const candidateList: number[] = [];
  for (let J = 0; J < rows; J += 2) {
    for (let I = 0; I < cols; I += 2) {
      const n = J * cols + I;
      const c = nodeCell(n);
      if (!land[c]) continue;
      if (allowed && !allowed.has(circleOf[c]!)) continue;
      candidateList.push(n);
    }
  }
  const unit = grid.cellM * step;
  const R = Math.floor(discM / unit);
  const offsets: number[] = [];
  for (let dj = -R; dj <= R; dj++) {
    for (let di = -R; di <= R; di++) {
      if ((di * di + dj * dj) * unit * unit <= discM * discM) offsets.push(di, dj);
    }
  }
  return {
    step,
    cols,
    rows,
    demand,
    candidates: Int32Array.from(candidateList),
    offsets: Int32Array.from(offsets),
    spacingM: unit * 2,
    toLonLat: (n) => {
      const c = nodeCell(n);
      const i = c % grid.cols;
      const j = (c - i) / grid.cols;
      return grid.proj.toLonLat(grid.x0 + i * grid.cellM, grid.y0 + j * grid.cellM);
    },
    circleOfNode: (n) => circleOf[nodeCell(n)]!,
    networkCover: net ? networkCoverOf(engine, o.radiusM, nodeCell, cols, step) : undefined,
  };
}

/** Per candidate node: the lattice nodes of the network residents its site reaches along the network. */
function networkCoverOf(
  engine: CoverageEngine,
  radiusM: number,
  nodeCell: (n: number) => number,
  cols: number,
  step: number,
): (n: number) => Int32Array {
  const net = engine.network!;
  const { grid, landCells } = engine.model;
  const cache = new Map<number, Int32Array>();
  return (n) => {
    let out = cache.get(n);
    if (!out) {
      const c = nodeCell(n);
      const i = c % grid.cols;
      const j = (c - i) / grid.cols;
      const { snaps } = snapTargets(net, [[grid.x0 + i * grid.cellM, grid.y0 + j * grid.cellM]]);
      const nodes = new Set<number>();
      if (snaps[0] && snaps[0].accessM <= radiusM) {
        for (const k of net.cellsWithin(snaps[0], radiusM, engine.overlay)) {
          const cell = landCells[k]!;
          const ci = cell % grid.cols;
          const cj = (cell - ci) / grid.cols;
          nodes.add(Math.floor(cj / step) * cols + Math.floor(ci / step));
        }
      }
      out = Int32Array.from(nodes);
      cache.set(n, out);
    }
    return out;
  };
}

/** Residents within the radius of node n that are still uncovered in `remaining`. */
export function gainAt(p: SitingProblem, remaining: Float64Array, n: number): number {
  const I = n % p.cols;
  const J = (n - I) / p.cols;
  let sum = 0;
  const off = p.offsets;
  for (let k = 0; k < off.length; k += 2) {
    const i = I + off[k]!;
    const j = J + off[k + 1]!;
    if (i < 0 || j < 0 || i >= p.cols || j >= p.rows) continue;
    sum += remaining[j * p.cols + i]!;
  }
  if (p.networkCover) {
    const N = p.cols * p.rows;
    for (const m of p.networkCover(n)) sum += remaining[N + m]!;
  }
  return sum;
}

function coverAt(p: SitingProblem, remaining: Float64Array, n: number): void {
  const I = n % p.cols;
  const J = (n - I) / p.cols;
  const off = p.offsets;
  for (let k = 0; k < off.length; k += 2) {
    const i = I + off[k]!;
    const j = J + off[k + 1]!;
    if (i < 0 || j < 0 || i >= p.cols || j >= p.rows) continue;
    remaining[j * p.cols + i] = 0;
  }
  if (p.networkCover) {
    const N = p.cols * p.rows;
    for (const m of p.networkCover(n)) remaining[N + m] = 0;
  }
}

/** A max-heap of (gain, candidate index) pairs. */
class MaxHeap {
  private gains: number[] = [];
  private items: number[] = [];
  get size() {
    return this.items.length;
  }
  push(gain: number, item: number): void {
    this.gains.push(gain);
    this.items.push(item);
    let k = this.items.length - 1;
    while (k > 0) {
      const parent = (k - 1) >> 1;
      if (!this.before(k, parent)) break;
      this.swap(k, parent);
      k = parent;
    }
  }
  peekGain(): number {
    return this.gains[0] ?? -Infinity;
  }
  pop(): { gain: number; item: number } {
    const top = { gain: this.gains[0]!, item: this.items[0]! };
    const lastGain = this.gains.pop()!;
    const lastItem = this.items.pop()!;
    if (this.items.length > 0) {
      this.gains[0] = lastGain;
      this.items[0] = lastItem;
      let k = 0;
      for (;;) {
        const l = 2 * k + 1;
        const r = l + 1;
        let m = k;
        if (l < this.items.length && this.before(l, m)) m = l;
        if (r < this.items.length && this.before(r, m)) m = r;
        if (m === k) break;
        this.swap(k, m);
        k = m;
      }
    }
    return top;
  }
  /** higher gain first; ties to the lower item (deterministic) */
  private before(a: number, b: number): boolean {
    return (
      this.gains[a]! > this.gains[b]! || (this.gains[a] === this.gains[b] && this.items[a]! < this.items[b]!)
    );
  }
  private swap(a: number, b: number): void {
    [this.gains[a], this.gains[b]] = [this.gains[b]!, this.gains[a]!];
    [this.items[a], this.items[b]] = [this.items[b]!, this.items[a]!];
  }
}

/** Greedy choice on a prepared problem; returns chosen nodes with their marginal gains. */
export function greedyOnProblem(
  p: SitingProblem,
  count: number,
): { nodes: number[]; gains: number[]; evaluations: number } {
  const remaining = Float64Array.from(p.demand);
  const heap = new MaxHeap();
  let evaluations = 0;
  for (let t = 0; t < p.candidates.length; t++) {
    const g = gainAt(p, remaining, p.candidates[t]!);
    evaluations++;
    if (g > 0) heap.push(g, t);
  }
  const nodes: number[] = [];
  const gains: number[] = [];
  while (nodes.length < count && heap.size > 0) {
    const top = heap.pop();
    const n = p.candidates[top.item]!;
    const fresh = gainAt(p, remaining, n);
    evaluations++;
    if (fresh <= 0) continue;
    if (fresh >= heap.peekGain()) {
      nodes.push(n);
      gains.push(fresh);
      coverAt(p, remaining, n);
    } else heap.push(fresh, top.item);
  }
  return { nodes, gains, evaluations };
}

/** The most sites one suggestion places (the planner's picker offers 1–10; district targets need up to 13). */
export const MAX_SUGGESTED_SITES = 20;

/** Suggest up to `count` new sites for a category and radius. */
export function suggestSites(engine: CoverageEngine, o: SitingOptions): SitingResult {
  const count = Math.max(1, Math.min(MAX_SUGGESTED_SITES, Math.round(o.count)));
  const p = sitingProblem(engine, o);
  const { nodes, gains, evaluations } = greedyOnProblem(p, count);
  const circles = engine.model.circles;
  return {
    suggestions: nodes.map((n, k) => {
      const ci = p.circleOfNode(n);
      return { lonLat: p.toLonLat(n), gain: gains[k]!, circleId: ci >= 0 ? circles[ci]!.id : null };
    }),
    candidates: p.candidates.length,
    spacingM: p.spacingM,
    evaluations,
  };
}

/** Total residents covered by a set of nodes (for brute-force comparisons). */
export function coveredBy(p: SitingProblem, nodes: number[]): number {
  const remaining = Float64Array.from(p.demand);
  let total = 0;
  for (const n of nodes) {
    total += gainAt(p, remaining, n);
    coverAt(p, remaining, n);
  }
  return total;
}

/** The best set of `count` candidates by exhaustive search (small problems only). */
export function bruteForceBest(p: SitingProblem, count: number): { nodes: number[]; total: number } {
  const n = p.candidates.length;
  let best = { nodes: [] as number[], total: -1 };
  const chosen: number[] = [];
  const visit = (start: number) => {
    if (chosen.length === count) {
      const total = coveredBy(
        p,
        chosen.map((t) => p.candidates[t]!),
      );
      if (total > best.total) best = { nodes: chosen.map((t) => p.candidates[t]!), total };
      return;
    }
    for (let t = start; t < n; t++) {
      chosen.push(t);
      visit(t + 1);
      chosen.pop();
    }
  };
  visit(0);
  return best;
}
