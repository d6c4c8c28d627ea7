/**
 * The route factors in geodata/route-factors.json come from the walking graph: recomputed
 * here another way on the same seeded pairs — each walk by ngraph.path (an independent A*),
 * the path length summed from the node positions, the quartiles by nearest-rank on the
 * sorted ratios interpolated by hand — and compared with what the pipeline wrote.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FeatureCollection, LineString } from 'geojson';
import createGraph from 'ngraph.graph';
import ngraphPath from 'ngraph.path';
import { beforeAll, describe, expect, it } from 'vitest';
import { GEODATA_DIR } from '../../scripts/geodata/paths';
import { buildWalkGraph, type WalkGraph } from '../../src/analysis/network/graph';
import {
  DEFAULT_PAIRS_PER_TIER,
  FACTOR_TIERS,
  MAX_FACTOR,
  measureRouteFactors,
  routePairs,
} from '../../src/analysis/network/measureFactors';
import type { RouteFactors } from '../../src/analysis/network/routeFactors';
import { LAYER_FILES } from '../../src/core/schema';

let graph: WalkGraph;
let written: RouteFactors;
beforeAll(() => {
  const walk = JSON.parse(
    readFileSync(join(GEODATA_DIR, LAYER_FILES.walkNetwork), 'utf8'),
  ) as FeatureCollection<LineString>;
  graph = buildWalkGraph(walk.features).graph;
  written = JSON.parse(readFileSync(join(GEODATA_DIR, LAYER_FILES.routeFactors), 'utf8')) as RouteFactors;
});

/** The independent recomputation: ngraph.path A* per pair, own percentile arithmetic. */
function recompute(g: WalkGraph, seed: number) {
  const ng = createGraph<{ x: number; y: number }, { length: number }>({ multigraph: true });
  for (let n = 0; n < g.x.length; n++) ng.addNode(n, { x: g.x[n]!, y: g.y[n]! });
  for (let e = 0; e < g.from.length; e++) ng.addLink(g.from[e]!, g.to[e]!, { length: g.length[e]! });
  const finder = ngraphPath.aStar(ng, {
    distance: (_a, _b, link) => link.data.length,
    heuristic: (a, b) => Math.hypot(a.data.x - b.data.x, a.data.y - b.data.y),
  });
  const pairs = routePairs(g, { seed });
  return FACTOR_TIERS.map((_, ti) => {
    const ratios: number[] = [];
    let unconnected = 0;
    for (const p of pairs) {
      if (p.tier !== ti) continue;
      const path = finder.find(p.from, p.to);
      let walk = path.length ? 0 : Infinity;
      for (let i = 1; i < path.length; i++) {
        const a = path[i - 1]!.data;
        const b = path[i]!.data;
        walk += Math.hypot(a.x - b.x, a.y - b.y);
      }
      const straight = Math.hypot(g.x[p.to]! - g.x[p.from]!, g.y[p.to]! - g.y[p.from]!);
      if (walk > straight * MAX_FACTOR) unconnected++;
      else ratios.push(walk / straight);
    }
    ratios.sort((a, b) => a - b);
    const pct = (q: number) => {
      const pos = q * (ratios.length - 1);
      const lo = ratios[Math.floor(pos)]!;
      const hi = ratios[Math.ceil(pos)]!;
      return Math.max(1, lo + (hi - lo) * (pos - Math.floor(pos)));
    };
    return { pairs: ratios.length, unconnected, p25: pct(0.25), median: pct(0.5), p75: pct(0.75) };
  });
}

describe('route factors measured on the walking graph', () => {
  it('geodata/route-factors.json equals an independent recomputation (ngraph.path) on the same seeded pairs', () => {
    const theirs = recompute(graph, written.seed);
    expect(written.tiers.map((t) => t.tierM)).toEqual(FACTOR_TIERS.map((t) => t.tierM));
    written.tiers.forEach((t, i) => {
      console.log(
        `${t.tierM} m: ${t.pairs} pairs (${t.unconnected} unconnected), p25 ×${t.p25.toFixed(3)} median ×${t.median.toFixed(3)} p75 ×${t.p75.toFixed(3)}; ngraph: ×${theirs[i]!.p25.toFixed(3)} ×${theirs[i]!.median.toFixed(3)} ×${theirs[i]!.p75.toFixed(3)}`,
      );
      expect(t.pairs + t.unconnected).toBe(DEFAULT_PAIRS_PER_TIER);
      expect(t.pairs).toBe(theirs[i]!.pairs);
      expect(t.unconnected).toBe(theirs[i]!.unconnected);
      // path lengths summed in another order: agreement to 1e-4 of a factor (< 0.1 m at 1 km)
      for (const level of ['p25', 'median', 'p75'] as const)
        expect(Math.abs(t[level] - theirs[i]![level]), `${t.tierM} m ${level}`).toBeLessThan(1e-4);
    });
    expect(written.streetKm).toBeGreaterThan(100);
  });

  it('are deterministic, ordered p25 ≤ median ≤ p75, and change with the seed', () => {
    const again = measureRouteFactors(graph, { source: written.source, seed: written.seed });
    expect(again).toEqual(written);
    for (const t of written.tiers) {
      expect(t.p25).toBeGreaterThanOrEqual(1);
      expect(t.p25).toBeLessThanOrEqual(t.median);
      expect(t.median).toBeLessThanOrEqual(t.p75);
    }
    const other = measureRouteFactors(graph, { source: written.source, seed: written.seed + 1 });
    expect(other.tiers[0]!.median).not.toBe(written.tiers[0]!.median);
  });
});
