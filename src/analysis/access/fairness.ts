/**
 * Fairness of access across residents: the population-weighted Gini coefficient of an access
 * measure, its Lorenz curve, and the worst-served decile of circles.
 *
 * Measures: 'distance' — the walk (m) to the nearest site of a type, on the engine's 40 m
 * distance sample (each sample weighted by the people of its 2×2 block, as the tables'
 * medians are), in the distance model in force; 'capacity' — the 2SFCA capacity in reach per
 * cell (capacity.ts), weighted by the cell's demand. People are the type's target group
 * (60+, 3–5, under 3) or every resident: estimates of the population model.
 *
 * Gini = 1 − Σₖ (Pₖ − Pₖ₋₁)(Lₖ + Lₖ₋₁) over the values sorted ascending, P the cumulative
 * share of people and L of the measure: exact for a weighted discrete distribution (equal to
 * Σᵢⱼ wᵢwⱼ|xᵢ − xⱼ| ÷ 2W²μ). 0 = everyone has the same access; 1 = one person has it all.
 * Pure.
 */
import { targetGroupOf } from '../../core/ageGroups';
import type { CoverageCategory } from '../../core/categories';
import type { CoverageEngine } from '../coverage/engine';
import { estimatedWalkM } from '../network/routeFactors';
import { type CapacityQuery, capacityAccess, isCapacityResult } from './capacity';
import { demandOf } from './demand';
import { type AccessDistance, distanceKey, measuredWith, type ReachOptions } from './reach';

export type FairnessMeasure = 'distance' | 'capacity';

export interface Lorenz {
  /** cumulative share of people (0–1), ascending by the measure; 0 first, 1 last */
  people: number[];
  /** cumulative share of the measure (0–1) */
  measure: number[];
}

export interface WorstDecile {
  /** the worst-served tenth of circles (⌈K/10⌉), worst first: their ids */
  circles: string[];
  /** their people ÷ the district's (0–1) */
  peopleShare: number;
  /** their people-weighted mean of the measure, and the district's */
  mean: number | null;
  districtMean: number | null;
}

export interface FairnessResult {
  category: CoverageCategory;
  measure: FairnessMeasure;
  distance: AccessDistance;
  /** null when nobody is weighed or the mean is 0 */
  gini: number | null;
  lorenz: Lorenz;
  /** people weighed */
  people: number;
  /** people-weighted mean (m, or capacity per `per` people) */
  mean: number | null;
  /** people-weighted mean per circle (null without people) */
  circleMeans: (number | null)[];
  worstDecile: WorstDecile;
  /** capacity: some sites of unknown capacity, so every value is a lower bound */
  lowerBound: boolean;
  /** distance: people beyond any reachable site (no site, or unreached in the network), left out */
  unreached: number;
}

/**
 * Indices of the values with a positive weight and a finite value, ascending by value. For
 * non-negative Float32Array values (the fields here) a native numeric sort of float64 keys
 * that carry the index in the mantissa bits a float32 leaves zero (< 1 ulp: the order of
 * distinct values is kept, ties are broken by index); otherwise a comparator sort.
 */
export function sortedIndices(values: ArrayLike<number>, weights: ArrayLike<number>): ArrayLike<number> {
  const n = values.length;
  let fast = values instanceof Float32Array && n < 1 << 29;
  let m = 0;
  for (let i = 0; i < n; i++) {
    if (weights[i]! > 0 && Number.isFinite(values[i]!)) {
      m++;
      if (values[i]! < 0) fast = false;
    }
  }
  if (!fast) {
    const idx: number[] = [];
    for (let i = 0; i < n; i++) if (weights[i]! > 0 && Number.isFinite(values[i]!)) idx.push(i);
    return idx.sort((a, b) => values[a]! - values[b]!);
  }
  const keys = new Float64Array(m);
  const words = new Uint32Array(keys.buffer);
  const lowWord = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 0 : 1;
  for (let i = 0, t = 0; i < n; i++) {
    if (!(weights[i]! > 0 && Number.isFinite(values[i]!))) continue;
    keys[t] = values[i]!;
    words[2 * t + lowWord] = (words[2 * t + lowWord]! | i) >>> 0;
    t++;
  }
  keys.sort();
  const out = new Int32Array(m);
  for (let t = 0; t < m; t++) out[t] = words[2 * t + lowWord]! & 0x1fffffff;
  return out;
}

/** Weighted Gini and Lorenz curve (`points` + 1 points) of values and weights (weights ≤ 0 skipped). */
export function giniLorenz(
  values: ArrayLike<number>,
  weights: ArrayLike<number>,
  points = 100,
): { gini: number | null; lorenz: Lorenz; total: number; mean: number | null } {
  const idx = sortedIndices(values, weights);
  let W = 0;
  let T = 0;
  for (let q = 0; q < idx.length; q++) {
    const i = idx[q]!;
    W += weights[i]!;
    T += weights[i]! * values[i]!;
  }
  const lorenz: Lorenz = { people: [0], measure: [0] };
  if (!(W > 0)) return { gini: null, lorenz, total: 0, mean: null };
  let sum = 0;
  let P = 0;
  let L = 0;
  let next = 1;
  for (let q = 0; q < idx.length; q++) {
    const i = idx[q]!;
    const w = weights[i]!;
    const p = P + w / W;
    const l = T > 0 ? L + (w * values[i]!) / T : p;
    sum += (p - P) * (l + L);
    // sample the curve at every 1/points of people (linear within a step)
    while (next <= points && next / points <= p + 1e-12) {
      const x = next / points;
      lorenz.people.push(x);
      lorenz.measure.push(p > P ? L + ((l - L) * (x - P)) / (p - P) : l);
      next++;
    }
    P = p;
    L = l;
  }
  while (next <= points) {
    lorenz.people.push(next / points);
    lorenz.measure.push(1);
    next++;
  }
  return { gini: T > 0 ? 1 - sum : null, lorenz, total: W, mean: T / W };
}

/**
 * Nearest-site walk (m) per sample cell in the distance model: straight-line, network where
 * mapped ('network', 'walk'), the straight line's estimated walk elsewhere ('walk').
 */
export function nearestSampleDistance(
  engine: CoverageEngine,
  category: CoverageCategory,
  options: ReachOptions = {},
): Float32Array | null {
  const mode = measuredWith(engine, category, options.distance);
  const straight = engine.sampleField(category);
  if (!straight) return null;
  if (mode === 'straight') return straight;
  const out = Float32Array.from(straight);
  const f = options.routeFactors ?? engine.routeFactors;
  if (mode === 'walk' && f)
    for (let t = 0; t < out.length; t++) out[t] = estimatedWalkM(f, out[t]!, 'median');
  const net = engine.networkField(category);
  net?.sample.forEach((d, t) => {
    if (!Number.isNaN(d)) out[t] = d;
  });
  return out;
}

/** The fairness of one type's access by a measure (cached per engine and query). */
export function fairness(
  engine: CoverageEngine,
  q: CapacityQuery & { measure: FairnessMeasure },
): FairnessResult | null {
  const key = `${q.category}@${q.radiusM}@${q.measure}@${distanceKey(engine, q.category, q)}@${q.decay ?? 'binary'}`;
  let byKey = cache.get(engine);
  if (!byKey) {
    byKey = new Map();
    cache.set(engine, byKey);
  }
  if (byKey.has(key)) return byKey.get(key)!;
  const out = q.measure === 'capacity' ? capacityFairness(engine, q) : distanceFairness(engine, q);
  byKey.set(key, out);
  return out;
}

const cache = new WeakMap<CoverageEngine, Map<string, FairnessResult | null>>();

function distanceFairness(engine: CoverageEngine, q: CapacityQuery): FairnessResult | null {
  const model = engine.model;
  const d = nearestSampleDistance(engine, q.category, q);
  if (!d) return null;
  const group = targetGroupOf(q.category);
  const shares = group ? model.bucketAgeShare[group] : null;
  const w = new Float64Array(d.length);
  let unreached = 0;
  model.sampleCells.forEach((c, t) => {
    const people = model.sampleWeight[t]! * (shares ? shares[model.bucketOf[c]!]! : 1);
    if (Number.isFinite(d[t]!)) w[t] = people;
    else unreached += people;
  });
  const circleOf = (t: number) => model.sampleCircle[t]!;
  return finish(engine, q, 'distance', d, w, circleOf, false, unreached, 'high');
}

function capacityFairness(engine: CoverageEngine, q: CapacityQuery): FairnessResult | null {
  const r = capacityAccess(engine, q);
  // no site with a known capacity: there is no capacity to be unequal about (unknown, not 0)
  if (!isCapacityResult(r) || r.knownCapacity <= 0) return null;
  const model = engine.model;
  const demand = demandOf(model, r.group)!;
  const cells = model.landCells;
  const values = new Float32Array(cells.length);
  const w = new Float64Array(cells.length);
  cells.forEach((c, t) => {
    values[t] = r.cellRatio[c]!;
    w[t] = demand[c]!;
  });
  const circleOf = (t: number) => model.circleOf[cells[t]!]!;
  return finish(engine, q, 'capacity', values, w, circleOf, r.unknownSites.length > 0, 0, 'low');
}

function finish(
  engine: CoverageEngine,
  q: CapacityQuery,
  measure: FairnessMeasure,
  values: ArrayLike<number>,
  w: ArrayLike<number>,
  circleOf: (t: number) => number,
  lowerBound: boolean,
  unreached: number,
  worseIs: 'high' | 'low',
): FairnessResult {
  const { gini, lorenz, total, mean } = giniLorenz(values, w);
  const K = engine.model.circles.length;
  const sumW = new Float64Array(K);
  const sumX = new Float64Array(K);
  for (let t = 0; t < values.length; t++) {
    const k = circleOf(t);
    if (k < 0 || !(w[t]! > 0)) continue;
    sumW[k]! += w[t]!;
    sumX[k]! += w[t]! * values[t]!;
  }
  const circleMeans = Array.from(sumW, (s, k) => (s > 0 ? sumX[k]! / s : null));
  const ranked = circleMeans
    .map((m, k) => ({ m, k }))
    .filter((x): x is { m: number; k: number } => x.m !== null)
    .sort((a, b) => (worseIs === 'high' ? b.m - a.m : a.m - b.m) || a.k - b.k);
  const worst = ranked.slice(0, Math.ceil(K / 10));
  const worstW = worst.reduce((s, x) => s + sumW[x.k]!, 0);
  const worstX = worst.reduce((s, x) => s + sumX[x.k]!, 0);
  return {
    category: q.category,
    measure,
    distance: measuredWith(engine, q.category, q.distance),
    gini,
    lorenz,
    people: total,
    mean,
    circleMeans,
    worstDecile: {
      circles: worst.map((x) => engine.model.circles[x.k]!.id),
      peopleShare: total > 0 ? worstW / total : 0,
      mean: worstW > 0 ? worstX / worstW : null,
      districtMean: mean,
    },
    lowerBound,
    unreached,
  };
}
