/**
 * The basket, scenario difference maps and fairness on the bundled data, each against an
 * independent count: basket counts from the engine's own coverage masks; difference totals
 * against the scenario tables' gains; Gini against the pairwise definition.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCoverageData, loadNetwork } from '../../scripts/bench/coverage-data';
import {
  basketAccess,
  DEFAULT_BASKET,
  encodeBasket,
  parseBasket,
  standardRadius,
} from '../../src/analysis/access/basket';
import { capacityAccess, isCapacityResult } from '../../src/analysis/access/capacity';
import { classPolygons } from '../../src/analysis/access/cells';
import { capacityDifference, coverageDifference } from '../../src/analysis/access/difference';
import { fairness, giniLorenz } from '../../src/analysis/access/fairness';
import { CoverageEngine, type FacilityPoint } from '../../src/analysis/coverage/engine';
import { buildPopulationModel, inputsFromCollections } from '../../src/analysis/coverage/model';
import { overlayFrom } from '../../src/analysis/network/gates';
import { mulberry32 } from '../../src/analysis/random';

const { layers, facilities, riverfront } = loadCoverageData();
let engine: CoverageEngine;
let netEngine: CoverageEngine;
beforeAll(() => {
  const model = buildPopulationModel(inputsFromCollections(layers));
  engine = new CoverageEngine(model, facilities, riverfront);
  netEngine = new CoverageEngine(model, facilities, riverfront, { network: loadNetwork(model) });
});

describe('the 一老一小 basket', () => {
  it('counts per cell the items whose any type covers the cell (the engine’s masks), and the whole-basket share', () => {
    const b = basketAccess(engine);
    for (const side of ['elder', 'child'] as const) {
      const items = DEFAULT_BASKET[side];
      const masks = items.map((item) => item.map((c) => engine.coveredMask(c, standardRadius(c))));
      let people = 0;
      let whole = 0;
      let differ = 0;
      const groups = side === 'elder' ? (['age60plus'] as const) : (['under3', 'age3to5'] as const);
      for (const c of engine.model.landCells) {
        const n = masks.filter((ms) => ms.some((m) => m[c])).length;
        if (b.sides[side].cellCount[c] !== n) differ++;
        const pop = engine.model.population[c]!;
        const share = groups.reduce(
          (s, g) => s + engine.model.bucketAgeShare[g]![engine.model.bucketOf[c]!]!,
          0,
        );
        people += pop * share;
        if (n === items.length) whole += pop * share;
      }
      expect(differ).toBe(0);
      const d = b.sides[side].district;
      expect(d.people).toBeCloseTo(people, 3);
      expect(d.share).toBeCloseTo(whole / people, 9);
      expect(d.byCount.reduce((s, p) => s + p, 0)).toBeCloseTo(d.people, 3);
      // circles add up to the district
      const circleWhole = b.sides[side].circles.reduce((s, c) => s + c.whole, 0);
      expect(circleWhole).toBeCloseTo(d.whole, 3);
    }
  });

  it('fewer items, more people with the whole basket; network mode changes the figures in the network', () => {
    const full = basketAccess(engine).sides.elder.district.share!;
    const small = parseBasket('o:elder-canteen~meal-point;c:park')!;
    expect(basketAccess(engine, small).sides.elder.district.share!).toBeGreaterThan(full);
    const net = basketAccess(netEngine, DEFAULT_BASKET, { distance: 'network' });
    expect(net.distance).toBe('network');
    expect(net.sides.elder.district.share).not.toBeCloseTo(full, 6);
  });

  it('travels in a link: encode → parse is the identity; bad baskets are refused', () => {
    const text = encodeBasket(DEFAULT_BASKET);
    expect(text).toBe(
      'o:elder-canteen~meal-point,day-care~elder-service-centre,nursing-station~health-centre,care-home;c:kindergarten,nursery~childcare-centre~baby-room,park',
    );
    expect(parseBasket(text)).toEqual(DEFAULT_BASKET);
    expect(parseBasket('o:park;c:')).toEqual({ elder: [['park']], child: [] });
    for (const bad of [
      '',
      'o:',
      'o:;c:',
      'x:park',
      'o:nope',
      'o:park;o:park',
      `o:${Array(9).fill('park').join(',')}`,
    ])
      expect(parseBasket(bad), bad).toBeNull();
  });

  it('draws as polygons that hold exactly each class’s residents', () => {
    const b = basketAccess(engine).sides.child;
    const k = 0;
    const fc = classPolygons(engine.model, (c) => b.cellCount[c]!, [k]);
    let pop = 0;
    for (const c of engine.model.cellsOfCircle[k]!)
      if (engine.model.land[c]) pop += engine.model.population[c]!;
    const drawn = fc.features.reduce((s, f) => s + f.properties.population, 0);
    expect(Math.abs(drawn - pop)).toBeLessThanOrEqual(fc.features.length); // rounded per feature
    expect(new Set(fc.features.map((f) => f.properties.value)).size).toBe(fc.features.length);
  });
});

describe('scenario difference maps', () => {
  const sites: FacilityPoint[] = [
    { id: 'P1', category: 'nursing-home', lonLat: [121.52, 31.3], capacity: 200 },
    { id: 'P2', category: 'nursing-home', lonLat: [121.5, 31.27], capacity: 120 },
  ];

  it('residents and elders gained per circle and in total equal the scenario table’s gains', () => {
    for (const [e, distance] of [
      [engine, 'straight'],
      [netEngine, 'network'],
    ] as const) {
      const after = e.withFacilities(sites);
      const d = coverageDifference(e, after, 'nursing-home', 1000, distance);
      const tb = e.table('nursing-home', 1000, distance);
      const ta = after.table('nursing-home', 1000, distance);
      expect(d.district.residentsLost).toBe(0);
      expect(d.district.cellsGained).toBeGreaterThan(0);
      const gain = ta.district.coveredPopulation - tb.district.coveredPopulation;
      expect(Math.abs(d.district.residentsGained - gain)).toBeLessThan(1e-6);
      expect(
        Math.abs(d.district.targetGained! - (ta.district.target!.covered - tb.district.target!.covered)),
      ).toBeLessThan(1e-6);
      d.circles.forEach((c, k) => {
        const g = ta.circles[k]!.coveredPopulation - tb.circles[k]!.coveredPopulation;
        expect(Math.abs(c.residentsGained - c.residentsLost - g)).toBeLessThan(1e-6);
        const tg = ta.circles[k]!.target!.covered - tb.circles[k]!.target!.covered;
        expect(Math.abs(c.targetGained! - c.targetLost! - tg)).toBeLessThan(1e-6);
      });
    }
  });

  it('a closed link can lose coverage: gained − lost still equals the table change', () => {
    const net = netEngine.network!;
    const g = net.graph;
    // close every link within 150 m of an elder canteen: walks from them get longer
    const sitesXY = facilities
      .filter((f) => f.category === 'elder-canteen')
      .map((f) => netEngine.model.grid.proj.toXY(f.lonLat));
    const closures: { id: string; at: [number, number] }[] = [];
    for (let e = 0; e < g.from.length; e++) {
      const x = (g.x[g.from[e]!]! + g.x[g.to[e]!]!) / 2;
      const y = (g.y[g.from[e]!]! + g.y[g.to[e]!]!) / 2;
      if (sitesXY.some(([sx, sy]) => Math.hypot(sx - x, sy - y) < 150))
        closures.push({ id: `c${e}`, at: netEngine.model.grid.proj.toLonLat(x, y) as [number, number] });
    }
    expect(closures.length).toBeGreaterThan(10);
    const after = netEngine.withOverlay(overlayFrom(net, [], closures).overlay);
    const d = coverageDifference(netEngine, after, 'elder-canteen', 300, 'network');
    const tb = netEngine.table('elder-canteen', 300, 'network');
    const ta = after.table('elder-canteen', 300, 'network');
    expect(d.district.cellsLost).toBeGreaterThan(0);
    const change = ta.district.coveredPopulation - tb.district.coveredPopulation;
    expect(Math.abs(d.district.residentsGained - d.district.residentsLost - change)).toBeLessThan(1e-6);
  });

  it('capacity in reach: the district rises by the new beds ÷ elders; no cell falls (binary)', () => {
    const after = engine.withFacilities(sites);
    const cd = capacityDifference(engine, after, { category: 'nursing-home', radiusM: 1000 })!;
    const a = capacityAccess(engine, { category: 'nursing-home', radiusM: 1000 });
    if (!isCapacityResult(a)) throw new Error('no result');
    expect(cd.district.change!).toBeCloseTo((320 / a.district.demand) * 100, 9);
    expect(cd.district.demandFalling).toBe(0);
    expect(cd.district.demandRising).toBeGreaterThan(0);
    expect(capacityDifference(engine, after, { category: 'sports', radiusM: 1000 })).toBeNull();
  });
});

describe('fairness', () => {
  const pairwise = (x: number[], w: number[]) => {
    let num = 0;
    let W = 0;
    let T = 0;
    for (let i = 0; i < x.length; i++) {
      W += w[i]!;
      T += w[i]! * x[i]!;
      for (let j = 0; j < x.length; j++) num += w[i]! * w[j]! * Math.abs(x[i]! - x[j]!);
    }
    return num / (2 * W * W * (T / W));
  };

  it('the weighted Gini equals the pairwise definition Σ wᵢwⱼ|xᵢ − xⱼ| ÷ 2W²μ', () => {
    const rand = mulberry32(7);
    for (let trial = 0; trial < 20; trial++) {
      const n = 5 + Math.floor(rand() * 300);
      const x = Array.from({ length: n }, () => (rand() < 0.2 ? 0 : rand() * 1000));
      const w = Array.from({ length: n }, () => rand() * 50);
      expect(giniLorenz(x, w).gini!).toBeCloseTo(pairwise(x, w), 10);
      // the fast path of float32 fields (index carried in the key's spare mantissa bits)
      const x32 = Float32Array.from(x);
      expect(giniLorenz(x32, w).gini!).toBeCloseTo(pairwise([...x32], w), 10);
    }
  });

  it('0 for equal access, (n−1)/n when one person has it all; the Lorenz curve runs 0 → 1 under the diagonal', () => {
    expect(giniLorenz([5, 5, 5], [1, 2, 3]).gini).toBeCloseTo(0, 12);
    expect(giniLorenz([0, 0, 0, 4], [1, 1, 1, 1]).gini).toBeCloseTo(0.75, 12);
    expect(giniLorenz([0, 0], [1, 1]).gini).toBeNull();
    const { lorenz } = giniLorenz([1, 2, 3, 10], [4, 3, 2, 1]);
    expect(lorenz.people.length).toBe(101);
    expect(lorenz.people[0]).toBe(0);
    expect(lorenz.measure[100]).toBeCloseTo(1, 12);
    lorenz.measure.forEach((m, i) => {
      expect(m).toBeLessThanOrEqual(lorenz.people[i]! + 1e-12);
      if (i) expect(m).toBeGreaterThanOrEqual(lorenz.measure[i - 1]! - 1e-12);
    });
  });

  it('on the bundled data: a Gini per type, the worst decile of circles (4 of 33) worst first', () => {
    const f = fairness(engine, { category: 'nursing-home', radiusM: 1000, measure: 'distance' })!;
    expect(f.gini!).toBeGreaterThan(0.1);
    expect(f.gini!).toBeLessThan(0.8);
    expect(f.worstDecile.circles.length).toBe(4);
    const means = f.worstDecile.circles.map(
      (id) => f.circleMeans[engine.model.circles.findIndex((c) => c.id === id)]!,
    );
    expect([...means].sort((a, b) => b - a)).toEqual(means);
    expect(Math.min(...means)).toBeGreaterThanOrEqual(
      Math.max(
        ...(f.circleMeans.filter(
          (m, k) => m !== null && !f.worstDecile.circles.includes(engine.model.circles[k]!.id),
        ) as number[]),
      ),
    );
    const cap = fairness(engine, { category: 'nursing-home', radiusM: 1000, measure: 'capacity' })!;
    expect(cap.lowerBound).toBe(true);
    expect(cap.gini!).toBeGreaterThan(f.gini!);
    // the capacity fairness weighs the same elders as the capacity result
    const r = capacityAccess(engine, { category: 'nursing-home', radiusM: 1000 });
    if (!isCapacityResult(r)) throw new Error('no result');
    expect(cap.people).toBeCloseTo(r.district.demand, 3);
    expect(cap.mean! * 1).toBeCloseTo(r.district.ratio!, 6);
    expect(fairness(engine, { category: 'baby-room', radiusM: 500, measure: 'distance' })).toBeNull();
  });
});
