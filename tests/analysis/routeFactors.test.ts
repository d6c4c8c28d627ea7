import { describe, expect, it } from 'vitest';
import {
  estimatedWalkM,
  type RouteFactors,
  routeFactorAt,
  straightReachM,
} from '../../src/analysis/network/routeFactors';

const tier = (tierM: number, p25: number, median: number, p75: number) => ({
  tierM,
  minM: tierM * 0.8,
  maxM: tierM * 1.2,
  pairs: 100,
  unconnected: 0,
  p25,
  median,
  p75,
});
const F: RouteFactors = {
  tiers: [tier(300, 1.3, 1.6, 2.0), tier(500, 1.25, 1.45, 1.8), tier(1000, 1.2, 1.35, 1.5)],
  streetKm: 120,
  seed: 1,
  source: 'fixture',
};

describe('route-factor estimate', () => {
  it('applies the tier factor at the tier centre and never goes below the straight line', () => {
    expect(estimatedWalkM(F, 300)).toBeCloseTo(480, 6);
    expect(estimatedWalkM(F, 500)).toBeCloseTo(725, 6);
    expect(estimatedWalkM(F, 1000, 'p75')).toBeCloseTo(1500, 6);
    for (let d = 0; d <= 3000; d += 7) {
      for (const level of ['p25', 'median', 'p75'] as const)
        expect(estimatedWalkM(F, d, level)).toBeGreaterThanOrEqual(d);
    }
  });

  it('is non-decreasing, ordered by level, and straightReachM inverts it', () => {
    let prev = 0;
    for (let d = 0; d <= 3000; d += 3) {
      const g = estimatedWalkM(F, d);
      expect(g).toBeGreaterThanOrEqual(prev);
      prev = g;
      expect(estimatedWalkM(F, d, 'p25')).toBeLessThanOrEqual(g + 1e-9);
      expect(estimatedWalkM(F, d, 'p75')).toBeGreaterThanOrEqual(g - 1e-9);
    }
    for (const w of [100, 300, 480, 500, 600, 725, 1000, 1350, 2000]) {
      const r = straightReachM(F, w);
      expect(r).toBeLessThanOrEqual(w);
      expect(estimatedWalkM(F, r)).toBeCloseTo(w, 6);
    }
  });

  it('keeps a falling factor monotone (a tier whose walk would be shorter than the one below)', () => {
    const odd: RouteFactors = { ...F, tiers: [tier(300, 3, 3, 3), tier(500, 1, 1, 1)] };
    let prev = 0;
    for (let d = 0; d <= 1000; d += 5) {
      const g = estimatedWalkM(odd, d);
      expect(g).toBeGreaterThanOrEqual(prev - 1e-9);
      prev = g;
    }
    expect(routeFactorAt(odd, 0)).toBe(1);
    expect(routeFactorAt(F, 300)).toBeCloseTo(1.6, 9);
  });
});
