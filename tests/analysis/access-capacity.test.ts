/**
 * Capacity in reach (2SFCA) on the bundled data: the ratio × demand sums to the capacity of
 * the sites that reach any demand; an independent reference from the formula agrees per
 * circle; unknown capacities stay unknown (never 0, never assumed); the catchments are the
 * engine's coverage; network and walking-estimate modes follow the distance model.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCoverageData, loadNetwork } from '../../scripts/bench/coverage-data';
import {
  type CapacityResult,
  capacityAccess,
  decayWeight,
  isCapacityResult,
} from '../../src/analysis/access/capacity';
import { capacityInUnit, capacitySpec } from '../../src/analysis/access/capacitySpec';
import { offNetworkDistance, siteReach } from '../../src/analysis/access/reach';
import { CoverageEngine, type FacilityPoint } from '../../src/analysis/coverage/engine';
import { buildPopulationModel, inputsFromCollections } from '../../src/analysis/coverage/model';
import type { RouteFactors } from '../../src/analysis/network/routeFactors';
import type { CoverageCategory } from '../../src/core/categories';
import { reachingCapacityReference, referenceCells, twoStepReference } from '../oracles/twoStepReference';

const { layers, facilities, riverfront } = loadCoverageData();
let engine: CoverageEngine;
let netEngine: CoverageEngine;
beforeAll(() => {
  const model = buildPopulationModel(inputsFromCollections(layers));
  engine = new CoverageEngine(model, facilities, riverfront);
  netEngine = new CoverageEngine(model, facilities, riverfront, { network: loadNetwork(model) });
});

const result = (
  e: CoverageEngine,
  category: CoverageCategory,
  radiusM: number,
  extra = {},
): CapacityResult => {
  const r = capacityAccess(e, { category, radiusM, ...extra });
  if (!isCapacityResult(r)) throw new Error(`no capacity result for ${category}: ${r.reason}`);
  return r;
};

/** Σ over resident cells of ratio × demand, in the type's unit; demand from the model's fields (the oracle), not the engine's. */
function attributed(e: CoverageEngine, r: CapacityResult): number {
  const { cell, people } = referenceCells(e.model, r.group);
  let sum = 0;
  cell.forEach((c, i) => {
    sum += (r.cellRatio[c]! / r.per) * people[i]!;
  });
  return sum;
}

/** The sites of a type as the oracle sees them: straight from the facility list. */
const listed = (category: CoverageCategory) =>
  facilities
    .filter((f) => f.category === category)
    .map((f) => ({ lonLat: f.lonLat, capacity: f.capacity ?? null }));

const CASES = [
  ['nursing-home', 1000],
  ['health-centre', 1000],
  ['park', 500],
] as const;

describe('2SFCA on the bundled data', () => {
  it('carries the official list’s planned 2025 beds: 35 of 51 nursing homes, 5,253 beds; none for care homes', () => {
    const beds = facilities.filter((f) => f.category === 'nursing-home' && f.capacity != null);
    expect(beds.length).toBe(35);
    expect(beds.reduce((s, f) => s + f.capacity!, 0)).toBe(5253);
    expect(facilities.filter((f) => f.category === 'care-home' && f.capacity != null)).toEqual([]);
  });

  it.each(
    CASES,
  )('binary, straight: Σ ratio × demand = capacity of the sites reaching demand (%s @ %d m)', (category, radiusM) => {
    const r = result(engine, category, radiusM);
    // the capacity to hand out, counted independently from the list and the model's cells
    const want = reachingCapacityReference(
      engine.model,
      listed(category),
      capacitySpec(category)!.group,
      radiusM,
    );
    expect(want).toBeGreaterThan(0);
    expect(Math.abs(attributed(engine, r) / want - 1)).toBeLessThan(0.001);
    // and the engine's own totals say the same
    expect(Math.abs(r.reachingCapacity / want - 1)).toBeLessThan(0.001);
    expect(Math.abs(r.district.capacityInReach / want - 1)).toBeLessThan(0.001);
  });

  it.each(CASES)('binary, network: the same conservation (%s @ %d m)', (category, radiusM) => {
    const r = result(netEngine, category, radiusM, { distance: 'network' });
    expect(r.distance).toBe('network');
    expect(Math.abs(attributed(netEngine, r) / r.reachingCapacity - 1)).toBeLessThan(0.001);
  });

  it.each([
    'binary',
    'gaussian',
  ] as const)('agrees per circle within 1 percent with an independent computation from the formula: %s', (decay) => {
    for (const [category, radiusM] of CASES) {
      const r = result(engine, category, radiusM, { decay });
      const spec = capacitySpec(category)!;
      const ref = twoStepReference(engine.model, listed(category), spec.group, radiusM, spec.per, decay);
      r.circles.forEach((c, k) => {
        const want = ref.circles[k]!;
        if (c.status === 'unknown') return; // the reference has no notion of unknown; covered below
        expect(c.ratio).not.toBeNull();
        if (want === 0) expect(c.ratio).toBe(0);
        else expect(Math.abs(c.ratio! / want - 1), `${category} ${c.id}`).toBeLessThan(0.01);
      });
      expect(Math.abs(r.district.ratio! / ref.district! - 1)).toBeLessThan(0.01);
    }
  });

  it('district: 1.33 beds per 100 elders (planned 2025 beds of 35 homes), and circles spread around it', () => {
    const r = result(engine, 'nursing-home', 1000);
    expect(r.district.ratio).toBeCloseTo((5253 / r.district.demand) * 100, 6);
    const ratios = r.circles.map((c) => c.ratio ?? 0);
    expect(Math.max(...ratios)).toBeGreaterThan(2 * r.district.ratio!);
    expect(Math.min(...ratios)).toBeLessThan(0.5 * r.district.ratio!);
  });

  it('the Gaussian decay is 1 at the site, 0 at the threshold, falls in between', () => {
    expect(decayWeight('gaussian', 0, 1000)).toBeCloseTo(1, 12);
    expect(decayWeight('gaussian', 1000, 1000)).toBeCloseTo(0, 12);
    expect(decayWeight('gaussian', 1001, 1000)).toBe(0);
    expect(decayWeight('binary', 1000, 1000)).toBe(1);
    let last = 1;
    for (let d = 100; d <= 1000; d += 100) {
      const w = decayWeight('gaussian', d, 1000);
      expect(w).toBeLessThan(last);
      last = w;
    }
  });
});

describe('unknown capacity is counted and named, never assumed', () => {
  it('nursing homes: the 16 without beds are listed; areas they reach are lower bounds', () => {
    const r = result(engine, 'nursing-home', 1000);
    const without = facilities
      .filter((f) => f.category === 'nursing-home' && f.capacity == null)
      .map((f) => f.id)
      .sort();
    expect([...r.unknownSites].sort()).toEqual(without);
    expect(without.length).toBe(16);
    for (const c of r.circles) {
      if (c.unknownInReach.length) expect(c.status === 'partial' || c.status === 'unknown').toBe(true);
      for (const id of c.unknownInReach) expect(without).toContain(id);
    }
    expect(r.district.status).toBe('partial');
  });

  it('care homes: no capacity on the list, so every circle they reach is "unknown" (null), never 0', () => {
    const r = result(engine, 'care-home', 1000);
    expect(r.knownCapacity).toBe(0);
    expect(r.unknownSites.length).toBe(14);
    expect(r.district.status).toBe('unknown');
    expect(r.district.ratio).toBeNull();
    for (const c of r.circles) {
      // a circle no care home reaches has 0 in reach; one that some reach has an unknown figure
      expect(['unknown', 'none']).toContain(c.status);
      expect(c.ratio).toBe(c.status === 'none' ? 0 : null);
    }
    expect(r.circles.filter((c) => c.status === 'unknown').length).toBeGreaterThan(20);
  });

  it('no site in reach is 0 ("none"); a proposed site of unknown capacity changes no figure', () => {
    const base = result(engine, 'nursing-home', 300);
    const none = base.circles.filter((c) => c.status === 'none');
    expect(none.length).toBeGreaterThan(0);
    for (const c of none) expect(c.ratio).toBe(0);
    const site: FacilityPoint = { id: 'P', category: 'nursing-home', lonLat: [121.52, 31.3] };
    const after = result(engine.withFacilities([site]), 'nursing-home', 300);
    expect(after.district.ratio).toBeCloseTo(base.district.ratio!, 12);
    expect(after.unknownSites).toContain('P');
  });

  it('reads a capacity only in the type’s unit (a park area is not beds)', () => {
    expect(capacityInUnit('nursing-home', 120, 'beds')).toBe(120);
    expect(capacityInUnit('nursing-home', 120, null)).toBe(120);
    expect(capacityInUnit('nursing-home', 120, 'm²')).toBeNull();
    expect(capacityInUnit('nursing-home', null, 'beds')).toBeNull();
    expect(capacityInUnit('nursing-home', 0, 'beds')).toBe(0);
    expect(capacityInUnit('sports', 10, null)).toBeNull();
    expect(capacityInUnit('kindergarten', 180, '托位')).toBe(180);
  });
});

describe('catchments follow the distance model', () => {
  it.each(['straight', 'network'] as const)('their union is the engine’s covered mask (%s)', (distance) => {
    const e = distance === 'network' ? netEngine : engine;
    for (const [category, radiusM] of [...CASES, ['elder-canteen', 300]] as const) {
      const r = siteReach(e, category, radiusM, { distance });
      const union = new Uint8Array(e.model.land.length);
      for (const c of r.cells) union[c] = 1;
      const mask = e.coveredMask(category, radiusM, distance);
      let differ = 0;
      for (const c of e.model.landCells) if (union[c] !== mask[c]) differ++;
      expect(differ, `${category} ${distance}`).toBe(0);
    }
  });

  it('network mode changes the figures of circles in the network only', () => {
    const s = result(engine, 'nursing-home', 1000);
    const n = result(netEngine, 'nursing-home', 1000, { distance: 'network' });
    const changed = n.circles.filter((c, k) => Math.abs((c.ratio ?? 0) - (s.circles[k]!.ratio ?? 0)) > 1e-9);
    expect(changed.length).toBeGreaterThan(0);
    const inNet = new Set<number>();
    for (const c of netEngine.model.landCells)
      if (netEngine.network!.inNetwork[c]) inNet.add(netEngine.model.circleOf[c]!);
    // a circle changes only through a site whose catchment reaches into the network; most outside stay
    expect(changed.length).toBeLessThan(n.circles.length);
    expect(changed.some((c) => inNet.has(netEngine.model.circles.findIndex((x) => x.id === c.id)))).toBe(
      true,
    );
  });

  it('walk mode: off the network a walk of W m is a straight line of straightReachM(W); factor 1 = network mode', () => {
    const flat: RouteFactors = {
      tiers: [300, 500, 1000].map((tierM) => ({
        tierM,
        minM: 0,
        maxM: 0,
        pairs: 1,
        unconnected: 0,
        p25: 1,
        median: 1,
        p75: 1,
      })),
      streetKm: 1,
      seed: 1,
      source: 'test',
    };
    const detour: RouteFactors = {
      ...flat,
      tiers: flat.tiers.map((t) => ({ ...t, p25: 1.2, median: 1.3, p75: 1.4 })),
    };
    const net = siteReach(netEngine, 'nursing-home', 1000, { distance: 'network' });
    const walkFlat = siteReach(netEngine, 'nursing-home', 1000, { distance: 'walk', routeFactors: flat });
    expect(walkFlat.cells.length).toBe(net.cells.length);
    // a fresh engine: the cache is per engine, type, radius and model (not per factor set)
    const e2 = new CoverageEngine(netEngine.model, facilities, riverfront, { network: netEngine.network });
    const walk = siteReach(e2, 'nursing-home', 1000, { distance: 'walk', routeFactors: detour });
    expect(walk.distance).toBe('walk');
    expect(walk.cells.length).toBeLessThan(net.cells.length);
    expect(walk.distM.reduce((m, d) => Math.max(m, d), 0)).toBeLessThanOrEqual(1000 + 1e-3);
    const off = offNetworkDistance('walk', detour);
    expect(off.reachM(1000)).toBeCloseTo(1000 / 1.3, 6);
    expect(off.distM(off.reachM(1000))).toBeCloseTo(1000, 6);
  });
});
