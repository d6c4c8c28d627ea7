/**
 * What the app, the CLI and the reports read of the access analysis for one type and
 * distance model: capacity in reach (without the per-cell arrays), fairness by distance and
 * by capacity, and the basket (without its per-cell counts) — plain data, for a worker's
 * answer or JSON. And the district overview: every type at its standard. Pure.
 */
import { COVERAGE_CATEGORIES, type CoverageCategory } from '../../core/categories';
import type { CoverageEngine } from '../coverage/engine';
import { DEFAULT_STANDARDS } from '../standards';
import { type Basket, type BasketSideResult, basketAccess, DEFAULT_BASKET } from './basket';
import {
  type CapacityResult,
  type CapacityUnavailable,
  capacityAccess,
  type Decay,
  isCapacityResult,
} from './capacity';
import { capacitySpec } from './capacitySpec';
import { type FairnessResult, fairness } from './fairness';
import type { AccessDistance, ReachOptions } from './reach';

export type CapacitySummary = Omit<CapacityResult, 'cellRatio' | 'cellUnknown'>;
export type BasketSideSummary = Omit<BasketSideResult, 'cellCount'>;

export interface BasketSummary {
  distance: AccessDistance;
  sides: Record<'elder' | 'child', BasketSideSummary>;
}

export interface AccessSummary {
  category: CoverageCategory;
  radiusM: number;
  /** null when the type has no capacity spec */
  capacity: CapacitySummary | CapacityUnavailable | null;
  fairness: { distance: FairnessResult | null; capacity: FairnessResult | null };
  basket: BasketSummary;
  /** worker time of each part, ms */
  ms: { capacity: number; fairness: number; basket: number };
}

export interface AccessOptions extends ReachOptions {
  decay?: Decay;
  basket?: Basket;
}

export function capacitySummary(
  r: CapacityResult | CapacityUnavailable,
): CapacitySummary | CapacityUnavailable {
  if (!isCapacityResult(r)) return r;
  const { cellRatio: _r, cellUnknown: _u, ...rest } = r;
  return rest;
}

export function basketSummary(engine: CoverageEngine, options: AccessOptions): BasketSummary {
  const b = basketAccess(engine, options.basket ?? DEFAULT_BASKET, options);
  const side = (s: BasketSideResult): BasketSideSummary => {
    const { cellCount: _c, ...rest } = s;
    return rest;
  };
  return { distance: b.distance, sides: { elder: side(b.sides.elder), child: side(b.sides.child) } };
}

const timed = <T>(work: () => T): [T, number] => {
  const t0 = performance.now();
  const out = work();
  return [out, performance.now() - t0];
};

/** Capacity, fairness and the basket for one type at a radius (m). */
export function accessSummary(
  engine: CoverageEngine,
  category: CoverageCategory,
  radiusM: number,
  options: AccessOptions = {},
): AccessSummary {
  const q = { ...options, category, radiusM };
  const [capacity, capacityMs] = timed(() =>
    capacitySpec(category) ? capacitySummary(capacityAccess(engine, q)) : null,
  );
  const [fair, fairnessMs] = timed(() => ({
    distance: fairness(engine, { ...q, measure: 'distance' }),
    capacity: capacity && 'unit' in capacity ? fairness(engine, { ...q, measure: 'capacity' }) : null,
  }));
  const [basket, basketMs] = timed(() => basketSummary(engine, options));
  return {
    category,
    radiusM,
    capacity,
    fairness: fair,
    basket,
    ms: { capacity: capacityMs, fairness: fairnessMs, basket: basketMs },
  };
}

/** One type's row of the district overview. */
export interface OverviewRow {
  category: CoverageCategory;
  radiusM: number;
  /** the district's capacity figures (null without a spec; `reason` when none can be computed) */
  capacity: Pick<
    CapacitySummary,
    | 'unit'
    | 'per'
    | 'group'
    | 'district'
    | 'circles'
    | 'subdistricts'
    | 'unknownSites'
    | 'knownCapacity'
    | 'reachingCapacity'
  > | null;
  distance: FairnessResult | null;
  capacityFairness: FairnessResult | null;
}

/** Every type at its standard distance: capacity, Gini and Lorenz curves, and the basket. */
export function accessOverview(
  engine: CoverageEngine,
  options: AccessOptions = {},
  categories: readonly CoverageCategory[] = COVERAGE_CATEGORIES,
): { rows: OverviewRow[]; basket: BasketSummary } {
  const rows = categories.map((category): OverviewRow => {
    const radiusM = DEFAULT_STANDARDS[category].radiusM;
    const q = { ...options, category, radiusM };
    const cap = capacitySpec(category) ? capacityAccess(engine, q) : null;
    const capacity =
      cap && isCapacityResult(cap)
        ? {
            unit: cap.unit,
            per: cap.per,
            group: cap.group,
            district: cap.district,
            circles: cap.circles,
            subdistricts: cap.subdistricts,
            unknownSites: cap.unknownSites,
            knownCapacity: cap.knownCapacity,
            reachingCapacity: cap.reachingCapacity,
          }
        : null;
    return {
      category,
      radiusM,
      capacity,
      distance: fairness(engine, { ...q, measure: 'distance' }),
      capacityFairness: capacity ? fairness(engine, { ...q, measure: 'capacity' }) : null,
    };
  });
  return { rows, basket: basketSummary(engine, options) };
}
