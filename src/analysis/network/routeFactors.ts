/**
 * Route factors (非直线系数): walking distance ÷ straight-line distance, measured on the
 * walking graph the app holds, per straight-line distance tier, and the estimate of a
 * walking distance from a straight-line one where no street is mapped. Pure.
 *
 * The estimate is a piecewise-linear function of the straight-line distance d (m):
 * g(d) = d · f₁ below the first tier's centre, linear between the tiers' centres
 * (through tᵢ · fᵢ), d · fₙ beyond the last. Factors are clamped to ≥ 1 and the knots to a
 * non-decreasing sequence, so g(d) ≥ d and g never decreases: "within W m on foot" is
 * "within straightReachM(W) m in a straight line", one radius per threshold and level.
 */

/** One straight-line distance tier of measured pairs. */
export interface RouteFactorTier {
  /** the tier's nominal straight-line distance, m (300, 500, 1000: the standard's walks) */
  tierM: number;
  /** the straight-line band the tier's pairs were drawn from: [minM, maxM), m */
  minM: number;
  maxM: number;
  /** connected pairs measured */
  pairs: number;
  /** pairs drawn whose ends are not connected within the search limit (counted, not used) */
  unconnected: number;
  /** walking ÷ straight-line distance: 25th percentile, median, 75th percentile (≥ 1) */
  p25: number;
  median: number;
  p75: number;
}

export interface RouteFactors {
  /** ascending by tierM */
  tiers: RouteFactorTier[];
  /** km of street in the graph the pairs were measured on */
  streetKm: number;
  /** seed of the pair sample */
  seed: number;
  /** what the graph was: e.g. "OSM 五角场/复旦/同济 (bundled)" or an extract's file name */
  source: string;
}

/** Which factor of a tier: the median (the estimate) or a quartile (its range). */
export type FactorLevel = 'p25' | 'median' | 'p75';

/** The knots (tᵢ, gᵢ) of the estimate at one level: tᵢ ascending, gᵢ non-decreasing and ≥ tᵢ. */
function knots(f: RouteFactors, level: FactorLevel): { t: number[]; g: number[] } {
  const t: number[] = [];
  const g: number[] = [];
  let last = 0;
  for (const tier of f.tiers) {
    const v = Math.max(last, tier.tierM * Math.max(1, tier[level]));
    t.push(tier.tierM);
    g.push(v);
    last = v;
  }
  return { t, g };
}

/**
 * Estimated walking distance (m) for a straight-line distance `straightM` (m), at `level`.
 * Never shorter than the straight line; non-decreasing in `straightM`.
 */
export function estimatedWalkM(f: RouteFactors, straightM: number, level: FactorLevel = 'median'): number {
  if (!(straightM > 0)) return straightM;
  if (!Number.isFinite(straightM)) return straightM;
  const { t, g } = knots(f, level);
  const n = t.length;
  if (n === 0) return straightM;
  if (straightM <= t[0]!) return straightM * (g[0]! / t[0]!);
  for (let i = 1; i < n; i++) {
    if (straightM <= t[i]!) {
      const u = (straightM - t[i - 1]!) / (t[i]! - t[i - 1]!);
      return Math.max(straightM, g[i - 1]! + u * (g[i]! - g[i - 1]!));
    }
  }
  return straightM * (g[n - 1]! / t[n - 1]!);
}

/**
 * The largest straight-line distance (m) whose estimated walk at `level` is ≤ `walkM` (m):
 * the inverse of {@link estimatedWalkM}. Never longer than `walkM`.
 */
export function straightReachM(f: RouteFactors, walkM: number, level: FactorLevel = 'median'): number {
  if (!(walkM > 0)) return walkM;
  const { t, g } = knots(f, level);
  const n = t.length;
  if (n === 0) return walkM;
  if (walkM <= g[0]!) return walkM * (t[0]! / g[0]!);
  for (let i = 1; i < n; i++) {
    if (walkM <= g[i]!) {
      if (g[i]! === g[i - 1]!) return t[i - 1]!;
      const u = (walkM - g[i - 1]!) / (g[i]! - g[i - 1]!);
      return Math.min(walkM, t[i - 1]! + u * (t[i]! - t[i - 1]!));
    }
  }
  return walkM * (t[n - 1]! / g[n - 1]!);
}

/**
 * Route factors from untrusted JSON (a fetched geodata/route-factors.json), or null when the
 * value is not exactly that shape (ascending tiers of finite numbers, factors ≥ 1).
 */
export function parseRouteFactors(value: unknown): RouteFactors | null {
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Record<string, unknown>;
  if (!Array.isArray(v.tiers) || v.tiers.length === 0) return null;
  const num = (x: unknown) => typeof x === 'number' && Number.isFinite(x);
  let last = 0;
  for (const t of v.tiers as Record<string, unknown>[]) {
    if (typeof t !== 'object' || t === null) return null;
    for (const k of ['tierM', 'minM', 'maxM', 'pairs', 'unconnected', 'p25', 'median', 'p75'])
      if (!num(t[k])) return null;
    const tier = t as unknown as RouteFactorTier;
    if (tier.tierM <= last || tier.p25 < 1 || tier.p25 > tier.median || tier.median > tier.p75) return null;
    last = tier.tierM;
  }
  if (!num(v.streetKm) || !num(v.seed) || typeof v.source !== 'string') return null;
  return value as RouteFactors;
}

/** The factor (walk ÷ straight) the estimate applies at `straightM` (m); 1 at 0. */
export function routeFactorAt(f: RouteFactors, straightM: number, level: FactorLevel = 'median'): number {
  return straightM > 0 ? estimatedWalkM(f, straightM, level) / straightM : 1;
}
