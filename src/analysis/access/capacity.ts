/**
 * Capacity in reach: the two-step floating catchment area ratio (2SFCA; Luo & Wang 2003) of
 * a type with a capacity (beds, places, seats, m²), per resident cell, circle, subdistrict
 * and the district.
 *
 * Step 1, per site j with a known capacity Sⱼ: Rⱼ = Sⱼ ÷ Σₖ Dₖ·W(dₖⱼ), the capacity per person
 * of the demand group (60+ for eldercare, 3–5 or under 3 for childcare, every resident for
 * health and parks) living within its catchment. Step 2, per cell i: Aᵢ = Σⱼ Rⱼ·W(dᵢⱼ) over
 * the sites that reach it. Demand Dₖ = the cell's modelled residents × the group's share (the
 * population model's target-group estimate). An area's figure is its demand-weighted mean
 * Σ Aᵢ·Dᵢ ÷ Σ Dᵢ, stated per `per` people ("beds per 100 elders in reach"); for the district,
 * with binary weights, Σ Aᵢ·Dᵢ is the capacity of every site that reaches any demand.
 *
 * Catchment: the type's walking threshold in the distance model in force (reach.ts). Weights:
 * - 'binary': W = 1 within the threshold (the classic 2SFCA);
 * - 'gaussian': W(d) = (e^(−½(d/d₀)²) − e^(−½)) ÷ (1 − e^(−½)) within d₀, 0 beyond — the
 *   Gaussian decay of the enhanced 2SFCA (Luo & Qi 2009 weight their zones by a Gaussian
 *   function; Dai 2010 uses this continuous form). Chosen because it keeps the standard's
 *   threshold as the edge of the catchment (the same sites are "in reach" as with binary),
 *   needs no parameter beyond it, and counts a bed 100 m away almost fully (W ≈ 0.99 at 10 %
 *   of d₀) and one near the edge hardly at all, as a walk's burden grows.
 *
 * Sites without a known capacity are never assumed: they add nothing to the ratio, are listed,
 * and every area they reach says so (its figure is then a lower bound; "unknown" when only
 * such sites reach it; 0 only when no site of the type reaches it). Pure.
 */
import type { CoverageCategory } from '../../core/categories';
import type { CoverageEngine } from '../coverage/engine';
import { type CapacitySpec, type CapacityUnit, capacitySpec } from './capacitySpec';
import { demandOf } from './demand';
import { type AccessDistance, distanceKey, type ReachOptions, siteReach } from './reach';

export type Decay = 'binary' | 'gaussian';

/** How complete an area's figure is. */
export type CapacityStatus =
  /** every site in reach has a known capacity */
  | 'complete'
  /** some sites in reach have no known capacity: the figure is a lower bound */
  | 'partial'
  /** every site in reach has an unknown capacity: no figure */
  | 'unknown'
  /** no site of the type reaches the area's residents: 0 */
  | 'none';

export interface CapacityRow {
  /** residents of the demand group (an estimate of the population model) */
  demand: number;
  /** Σ ratio × demand over the area's cells: the capacity its residents have in reach (unit) */
  capacityInReach: number;
  /** capacity per `per` people of the demand group in reach; null without demand or when status is 'unknown' */
  ratio: number | null;
  /** sites with a known capacity within reach of the area's residents */
  knownInReach: number;
  /** ids of sites of unknown capacity within reach of the area's residents (sorted) */
  unknownInReach: string[];
  status: CapacityStatus;
}

export interface CapacitySite {
  id: string;
  /** null when unknown */
  capacity: number | null;
  /** weighted demand in its catchment (people) */
  demand: number;
  /** capacity per `per` people of the demand in its catchment (step 1 × per); null when unknown or without demand */
  ratio: number | null;
}

export interface CapacityResult {
  category: CoverageCategory;
  radiusM: number;
  distance: AccessDistance;
  decay: Decay;
  unit: CapacityUnit;
  per: number;
  group: CapacitySpec['group'];
  circles: (CapacityRow & { id: string })[];
  subdistricts: (CapacityRow & { name: string })[];
  district: CapacityRow;
  sites: CapacitySite[];
  /** ids of the type's sites whose capacity is unknown (named, never assumed) */
  unknownSites: string[];
  /** capacity of the sites with a known one (unit) */
  knownCapacity: number;
  /** of that, the sites that reach some demand: what Σ ratio × demand over all cells equals (binary) */
  reachingCapacity: number;
  /** per grid cell: capacity per `per` people in reach (NaN off land); known sites only */
  cellRatio: Float32Array;
  /** per grid cell: how many sites of unknown capacity reach it (0 off land) */
  cellUnknown: Uint8Array;
}

/** Why a type has no capacity result. */
export type CapacityUnavailable = { category: CoverageCategory; reason: 'no-spec' | 'no-demand' };

const G_EDGE = Math.exp(-0.5);

/** The weight of a walk of `d` m in a catchment of `d0` m. */
export function decayWeight(decay: Decay, d: number, d0: number): number {
  if (d > d0 + 1e-6) return 0;
  if (decay === 'binary') return 1;
  const u = Math.min(1, d / d0);
  return Math.max(0, (Math.exp(-0.5 * u * u) - G_EDGE) / (1 - G_EDGE));
}

export interface CapacityQuery extends ReachOptions {
  category: CoverageCategory;
  radiusM: number;
  decay?: Decay;
}

const cache = new WeakMap<CoverageEngine, Map<string, CapacityResult | CapacityUnavailable>>();

function emptyRow(): CapacityRow {
  return { demand: 0, capacityInReach: 0, ratio: null, knownInReach: 0, unknownInReach: [], status: 'none' };
}

/** The 2SFCA of one type (cached per engine and query). */
export function capacityAccess(
  engine: CoverageEngine,
  q: CapacityQuery,
): CapacityResult | CapacityUnavailable {
  const decay = q.decay ?? 'binary';
  const spec = capacitySpec(q.category);
  if (!spec) return { category: q.category, reason: 'no-spec' };
  const demand = demandOf(engine.model, spec.group);
  if (!demand) return { category: q.category, reason: 'no-demand' };
  const reach = siteReach(engine, q.category, q.radiusM, q);
  const key = `${q.category}@${q.radiusM}@${distanceKey(engine, q.category, q)}@${decay}`;
  let byKey = cache.get(engine);
  if (!byKey) {
    byKey = new Map();
    cache.set(engine, byKey);
  }
  const hit = byKey.get(key);
  if (hit) return hit;
  const out = compute(engine, spec, demand, reach, decay);
  byKey.set(key, out);
  return out;
}

function compute(
  engine: CoverageEngine,
  spec: CapacitySpec,
  demand: Float64Array,
  reach: ReturnType<typeof siteReach>,
  decay: Decay,
): CapacityResult {
  const model = engine.model;
  const { circles, subdistrictNames, buckets, bucketOf, population, land } = model;
  const capacityById = new Map<string, number | null>();
  for (const f of engine.facilityPoints) {
    if (f.category === reach.category) capacityById.set(f.id, f.capacity ?? null);
  }
  const n = reach.ids.length;
  const d0 = reach.radiusM;
  const cellRatio = new Float32Array(land.length).fill(Number.NaN);
  for (const c of model.landCells) cellRatio[c] = 0;
  const cellUnknown = new Uint8Array(land.length);
  const sites: CapacitySite[] = [];
  const K = circles.length;
  const S = subdistrictNames.length;
  // per site: which rows (circles, subdistricts, district) its catchment holds residents of
  const rowsReached: Set<number>[] = [];
  let knownCapacity = 0;
  let reachingCapacity = 0;
  for (let s = 0; s < n; s++) {
    const capacity = capacityById.get(reach.ids[s]!) ?? null;
    let dem = 0;
    const rows = new Set<number>();
    for (let t = reach.start[s]!; t < reach.start[s + 1]!; t++) {
      const c = reach.cells[t]!;
      dem += demand[c]! * decayWeight(decay, reach.distM[t]!, d0);
      if (population[c]! > 0) {
        const [k, sd] = buckets[bucketOf[c]!]!;
        if (k >= 0) rows.add(k);
        if (sd >= 0) rows.add(K + sd);
        rows.add(K + S);
      }
    }
    rowsReached.push(rows);
    const perPerson = capacity !== null && dem > 0 ? capacity / dem : null;
    if (capacity !== null) {
      knownCapacity += capacity;
      if (dem > 0) reachingCapacity += capacity;
    }
    for (let t = reach.start[s]!; t < reach.start[s + 1]!; t++) {
      const c = reach.cells[t]!;
      if (capacity === null) cellUnknown[c] = Math.min(255, cellUnknown[c]! + 1);
      else if (perPerson !== null) cellRatio[c]! += perPerson * decayWeight(decay, reach.distM[t]!, d0);
    }
    sites.push({
      id: reach.ids[s]!,
      capacity,
      demand: dem,
      ratio: perPerson === null ? null : perPerson * spec.per,
    });
  }
  const rows = Array.from({ length: K + S + 1 }, emptyRow);
  const unknown = rows.map(() => [] as string[]);
  for (let s = 0; s < n; s++) {
    for (const r of rowsReached[s]!) {
      if (sites[s]!.capacity === null) unknown[r]!.push(sites[s]!.id);
      else rows[r]!.knownInReach++;
    }
  }
  for (const c of model.landCells) {
    const dc = demand[c]!;
    if (!(dc > 0)) continue;
    const [k, sd] = buckets[bucketOf[c]!]!;
    const v = dc * cellRatio[c]!;
    for (const row of [k >= 0 ? rows[k] : null, sd >= 0 ? rows[K + sd] : null, rows[K + S]]) {
      if (!row) continue;
      row.demand += dc;
      row.capacityInReach += v;
    }
  }
  rows.forEach((row, r) => {
    row.unknownInReach = unknown[r]!.sort();
    row.status =
      row.knownInReach === 0
        ? row.unknownInReach.length
          ? 'unknown'
          : 'none'
        : row.unknownInReach.length
          ? 'partial'
          : 'complete';
    row.ratio =
      row.demand > 0 && row.status !== 'unknown' ? (row.capacityInReach / row.demand) * spec.per : null;
  });
  for (let c = 0; c < cellRatio.length; c++) if (land[c]) cellRatio[c]! *= spec.per;
  return {
    category: reach.category,
    radiusM: reach.radiusM,
    distance: reach.distance,
    decay,
    unit: spec.unit,
    per: spec.per,
    group: spec.group,
    circles: circles.map((circle, k) => ({ id: circle.id, ...rows[k]! })),
    subdistricts: subdistrictNames.map((name, s) => ({ name, ...rows[K + s]! })),
    district: rows[K + S]!,
    sites,
    unknownSites: sites.filter((s) => s.capacity === null).map((s) => s.id),
    knownCapacity,
    reachingCapacity,
    cellRatio,
    cellUnknown,
  };
}

export function isCapacityResult(r: CapacityResult | CapacityUnavailable): r is CapacityResult {
  return !('reason' in r);
}
