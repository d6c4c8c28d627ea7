/**
 * The walking network on the real OSM data (五角场/复旦/同济, geodata/walk-network.geojson):
 * the graph, snapping onto edges, Dijkstra against an independent shortest-path library,
 * network ≥ straight-line, and known walks that a wall makes long and a gate makes short.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FeatureCollection, LineString, MultiPolygon, Polygon } from 'geojson';
import createGraph from 'ngraph.graph';
import ngraphPath from 'ngraph.path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCoverageData, readLayer } from '../../scripts/bench/coverage-data';
import { GEODATA_DIR } from '../../scripts/geodata/paths';
import { CoverageEngine } from '../../src/analysis/coverage/engine';
import { buildPopulationModel, inputsFromCollections } from '../../src/analysis/coverage/model';
import { NetworkContext } from '../../src/analysis/network/context';
import { NO_OVERLAY, prepareOverlay, search } from '../../src/analysis/network/dijkstra';
import { buildWalkGraph, graphLengthM, type WalkGraph } from '../../src/analysis/network/graph';
import { graphLines } from '../../src/analysis/network/lines';
import { EdgeIndex, type Snap } from '../../src/analysis/network/snap';
import { mulberry32 } from '../../src/analysis/random';
import { DEFAULT_STANDARDS } from '../../src/analysis/standards';
import { COVERAGE_CATEGORIES } from '../../src/core/categories';
import { distanceM, yangpuProjection as P, round6 } from '../../src/core/geo';
import { LAYER_FILES } from '../../src/core/schema';

let graph: WalkGraph;
let dropped: number;
beforeAll(() => {
  const walk = JSON.parse(
    readFileSync(join(GEODATA_DIR, 'walk-network.geojson'), 'utf8'),
  ) as FeatureCollection<LineString>;
  const built = buildWalkGraph(walk.features);
  graph = built.graph;
  dropped = built.report.dropped.length;
});

/** A snap exactly at node n (on its first edge). */
const atNode = (g: WalkGraph, n: number): Snap => {
  const e = g.adjEdge[g.offset[n]!]!;
  return { edge: e, t: g.from[e] === n ? 0 : 1, accessM: 0 };
};

describe('walking graph (real OSM, 五角场/复旦/同济)', () => {
  it('keeps the largest component: 119.7 km, and reports the 28 small ones (as the source documents)', () => {
    expect(graphLengthM(graph) / 1000).toBeCloseTo(119.74, 1);
    expect(dropped).toBe(28);
    expect(graph.x.length).toBeGreaterThan(3000);
  });

  it('draws as lines: every edge once, chained per OSM way, 6 decimals, names kept', () => {
    const fc = graphLines(graph);
    const key = (a: number[], b: number[]) => [a.join(','), b.join(',')].sort().join(' ');
    const drawn = new Map<string, number>();
    for (const f of fc.features) {
      for (const part of f.geometry.coordinates) {
        for (let k = 1; k < part.length; k++) {
          const p = part[k - 1]!;
          expect(p).toEqual([round6(p[0]!), round6(p[1]!)]);
          const id = key(p, part[k]!);
          drawn.set(id, (drawn.get(id) ?? 0) + 1);
        }
      }
    }
    const at = (n: number) => P.toLonLat(graph.x[n]!, graph.y[n]!).map(round6);
    const edges = new Set<string>();
    for (let e = 0; e < graph.from.length; e++) edges.add(key(at(graph.from[e]!), at(graph.to[e]!)));
    expect(drawn.size).toBe(edges.size);
    for (const id of edges) expect(drawn.get(id), id).toBe(1);
    // one part per way here: the edges of a way come in order
    expect(fc.features.reduce((s, f) => s + f.geometry.coordinates.length, 0)).toBe(fc.features.length);
    expect(fc.features.filter((f) => f.properties.name).length).toBeGreaterThan(100);
  });

  it('snaps to the nearest point on an edge, as a brute force over every edge finds it', () => {
    const index = new EdgeIndex(graph);
    const rand = mulberry32(3);
    const [x0, x1] = [Math.min(...graph.x), Math.max(...graph.x)];
    const [y0, y1] = [Math.min(...graph.y), Math.max(...graph.y)];
    for (let k = 0; k < 300; k++) {
      const x = x0 + rand() * (x1 - x0);
      const y = y0 + rand() * (y1 - y0);
      let best = Infinity;
      for (let e = 0; e < graph.from.length; e++) {
        const ax = graph.x[graph.from[e]!]!;
        const ay = graph.y[graph.from[e]!]!;
        const dx = graph.x[graph.to[e]!]! - ax;
        const dy = graph.y[graph.to[e]!]! - ay;
        const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy || 1)));
        best = Math.min(best, Math.hypot(x - ax - t * dx, y - ay - t * dy));
      }
      const s = index.nearest(x, y, 5000);
      expect(s!.accessM).toBeCloseTo(best, 6);
      const near = index.nearest(x, y, 150);
      expect(near === null).toBe(best > 150);
    }
  });

  it('agrees with ngraph.path (an independent A*) on 250 random pairs within 0.5 m', () => {
    const g = createGraph<{ x: number; y: number }, { length: number }>();
    for (let n = 0; n < graph.x.length; n++) g.addNode(n, { x: graph.x[n]!, y: graph.y[n]! });
    for (let e = 0; e < graph.from.length; e++)
      g.addLink(graph.from[e]!, graph.to[e]!, { length: graph.length[e]! });
    const finder = ngraphPath.aStar(g, {
      distance: (_a, _b, link) => link.data.length,
      heuristic: (a, b) => Math.hypot(a.data.x - b.data.x, a.data.y - b.data.y),
    });
    const prepared = prepareOverlay(graph, NO_OVERLAY);
    const rand = mulberry32(11);
    let checked = 0;
    for (let k = 0; k < 250; k++) {
      const a = Math.floor(rand() * graph.x.length);
      const b = Math.floor(rand() * graph.x.length);
      const path = finder.find(a, b);
      let theirs = 0;
      for (let i = 1; i < path.length; i++) {
        const p = path[i - 1]!.data;
        const q = path[i]!.data;
        theirs += Math.hypot(p.x - q.x, p.y - q.y);
      }
      const ours = search(graph, [atNode(graph, a)], prepared).dist[b]!;
      expect(Math.abs(ours - theirs), `${a} → ${b}`).toBeLessThanOrEqual(0.5);
      if (a !== b) checked++;
    }
    expect(checked).toBeGreaterThan(240);
  });
});

/** The coverage engine over the real data with the real walking network and its extent. */
function realNetworkEngine(): { engine: CoverageEngine; ctx: NetworkContext } {
  const { layers, facilities, riverfront } = loadCoverageData();
  const model = buildPopulationModel(inputsFromCollections(layers));
  const ctx = new NetworkContext(
    model,
    graph,
    readLayer(LAYER_FILES.osmCoverage).features.map((f) => f.geometry as Polygon | MultiPolygon),
  );
  return { engine: new CoverageEngine(model, facilities, riverfront, { network: ctx }), ctx };
}

describe('network coverage on the real data', () => {
  let engine: CoverageEngine;
  let ctx: NetworkContext;
  beforeAll(() => {
    ({ engine, ctx } = realNetworkEngine());
  });

  it('network distance is never shorter than straight-line distance (every sample cell, every category)', () => {
    let compared = 0;
    const shorter: string[] = [];
    for (const category of COVERAGE_CATEGORIES) {
      const straight = engine.sampleField(category);
      const net = engine.networkField(category);
      if (!straight || !net) continue;
      net.sample.forEach((d, t) => {
        if (Number.isNaN(d)) return;
        // the straight field picks its nearest point on a 20 m lattice: allow one cell diagonal
        if (d + 29 < straight[t]!) shorter.push(`${category} sample ${t}: ${d} < ${straight[t]}`);
        compared++;
      });
    }
    expect(shorter).toEqual([]);
    expect(compared).toBeGreaterThan(10_000);
  });

  it('network coverage never exceeds straight-line coverage of the same residents (all circles, default radii)', () => {
    let circles = 0;
    for (const category of COVERAGE_CATEGORIES) {
      const table = engine.table(category, DEFAULT_STANDARDS[category].radiusM, 'network');
      // the riverfront is a line, not sites: it stays straight-line, and says so
      expect(table.distance).toBe(category === 'riverfront' ? 'straight' : 'network');
      for (const c of table.circles) {
        if (!c.network) continue;
        expect(c.network.covered).toBeLessThanOrEqual(c.network.straightCovered + 1e-6);
        expect(c.network.detourIndex ?? 1).toBeGreaterThanOrEqual(0.95);
        circles++;
      }
      // outside the network nothing changes
      const straight = engine.table(category, DEFAULT_STANDARDS[category].radiusM);
      for (const [k, c] of table.circles.entries()) {
        if (!c.network) expect(c.coveredPopulation).toBeCloseTo(straight.circles[k]!.coveredPopulation, 6);
      }
    }
    expect(circles).toBeGreaterThan(50);
  });

  it('network mode counts the same residents (the population model) and the target groups on them', () => {
    const fromFile = new Map(
      readLayer(LAYER_FILES.circles).features.map((f) => [f.properties!.id, f.properties!.population]),
    );
    let fewer = 0;
    for (const category of ['elder-canteen', 'kindergarten', 'nursery'] as const) {
      const radiusM = DEFAULT_STANDARDS[category].radiusM;
      const net = engine.table(category, radiusM, 'network');
      const straight = engine.table(category, radiusM);
      expect(net.targetGroup).not.toBeNull();
      expect(net.targetGroup).toBe(straight.targetGroup);
      for (const [k, c] of net.circles.entries()) {
        const s = straight.circles[k]!;
        // one population per circle, whatever the distance
        expect(Math.abs(c.population - fromFile.get(c.id))).toBeLessThanOrEqual(1);
        expect(c.target!.population).toBeCloseTo(s.target!.population, 6);
        // no age figures imported: every cell has the district's share, so the group is
        // covered in the same proportion as all residents — by walking distance here
        const share = c.target!.population / c.population;
        expect(c.target!.covered).toBeCloseTo(c.coveredPopulation * share, 3);
        expect(c.target!.gap).toBeCloseTo(c.target!.population - c.target!.covered, 6);
        if (!c.network) expect(c.target!.covered).toBeCloseTo(s.target!.covered, 6);
        else if (c.target!.covered < s.target!.covered - 1) fewer++;
      }
      expect(net.district.target!.population).toBeCloseTo(straight.district.target!.population, 3);
    }
    expect(fewer).toBeGreaterThan(5); // the walk reaches fewer elders and children than the straight line
  });

  it('a walled compound: from 国福路 (复旦 staff quarter) to 邯郸路 is 31 m straight but ~760 m on foot', () => {
    const a = P.toXY([121.502313, 31.299064]); // 国福路 (service), inside the compound
    const b = P.toXY([121.502282, 31.299338]); // 邯郸路 (primary), outside its wall
    const sa = ctx.index.nearest(a[0], a[1], 5)!;
    const sb = ctx.index.nearest(b[0], b[1], 5)!;
    const walk = search(graph, [sa], prepareOverlay(graph, NO_OVERLAY));
    const straightM = Math.hypot(a[0] - b[0], a[1] - b[1]);
    const nb = graph.from[sb.edge]!;
    const networkM = Math.min(
      walk.dist[graph.from[sb.edge]!]! + sb.t * graph.length[sb.edge]!,
      walk.dist[graph.to[sb.edge]!]! + (1 - sb.t) * graph.length[sb.edge]!,
    );
    expect(straightM).toBeCloseTo(31, 0);
    expect(networkM).toBeGreaterThan(700);
    expect(networkM).toBeLessThan(800);
    expect(nb).toBeGreaterThanOrEqual(0);
    // a 睦邻门: a gate through the wall between the two points makes it a 31 m walk
    const gate = {
      links: [{ a: { edge: sa.edge, t: sa.t }, b: { edge: sb.edge, t: sb.t }, lengthM: straightM }],
      closed: new Set<number>(),
    };
    const prepared = prepareOverlay(graph, gate);
    const through = search(graph, [sa], prepared);
    const gated = Math.min(
      through.dist[graph.from[sb.edge]!]! + sb.t * graph.length[sb.edge]!,
      through.dist[graph.to[sb.edge]!]! + (1 - sb.t) * graph.length[sb.edge]!,
      ...(prepared.onEdge.get(sb.edge) ?? []).map(
        (v) =>
          through.dist[v]! + Math.abs(prepared.points[v - graph.x.length]!.t - sb.t) * graph.length[sb.edge]!,
      ),
    );
    expect(gated).toBeCloseTo(straightM, 0);
  });
});

describe('walk-graph.json', () => {
  it('round-trips: same nodes (±0.1 m), edges and lengths (±0.2 m)', async () => {
    const { encodeGraph, decodeGraph } = await import('../../src/analysis/network/encode');
    const text = JSON.stringify(encodeGraph(graph, { keptNodes: 0, keptLengthM: 0, dropped: [] }));
    const back = decodeGraph(JSON.parse(text));
    expect(back.x.length).toBe(graph.x.length);
    expect(Array.from(back.from)).toEqual(Array.from(graph.from));
    for (let n = 0; n < graph.x.length; n += 7) expect(Math.abs(back.x[n]! - graph.x[n]!)).toBeLessThan(0.1);
    for (let e = 0; e < graph.from.length; e += 5)
      expect(Math.abs(back.length[e]! - graph.length[e]!)).toBeLessThan(0.2);
  });

  it.each([
    ['not an object', 42],
    ['another format', { format: 'x', version: 1 }],
    ['odd node list', { format: 'yangpu-walk-graph', version: 1, nodes: [1], edges: [], lines: [] }],
    [
      'an edge to a missing node',
      { format: 'yangpu-walk-graph', version: 1, nodes: [1, 2], edges: [0, 5, 0], lines: [[null, null]] },
    ],
    [
      'fractional numbers',
      { format: 'yangpu-walk-graph', version: 1, nodes: [1.5, 2], edges: [], lines: [] },
    ],
  ])('refuses %s with a message', async (_what, value) => {
    const { decodeGraph } = await import('../../src/analysis/network/encode');
    expect(() => decodeGraph(value)).toThrow(/graph|nodes|edge|integers/);
  });
});

describe('scenarios on the network (real data)', () => {
  let engine: CoverageEngine;
  let ctx: NetworkContext;
  beforeAll(() => {
    ({ engine, ctx } = realNetworkEngine());
  });

  it('suggested gates: their summed gains equal an exact recompute with the gates in place', async () => {
    const { suggestGates } = await import('../../src/analysis/network/suggestGates');
    const { overlayFrom } = await import('../../src/analysis/network/gates');
    const category = 'kindergarten';
    const r = suggestGates(engine, { category, radiusM: 300, count: 3 });
    expect(r.suggestions.length).toBeGreaterThan(0);
    expect(r.candidates).toBeGreaterThan(100);
    const gains = r.suggestions.map((x) => x.gain);
    expect(gains).toEqual([...gains].sort((a, b) => b - a)); // ranked
    for (const g of r.suggestions) {
      expect(g.lengthM).toBeLessThanOrEqual(60);
      expect(g.walkSavedM).toBeGreaterThan(100);
    }
    const { overlay, problems } = overlayFrom(
      ctx,
      r.suggestions.map((g, i) => ({ id: `g${i}`, a: g.a, b: g.b })),
    );
    expect(problems).toEqual([]);
    const before = engine.table(category, 300, 'network').district.coveredPopulation;
    const after = engine.withOverlay(overlay).table(category, 300, 'network').district.coveredPopulation;
    expect(after - before).toBeCloseTo(
      gains.reduce((a, b) => a + b, 0),
      0,
    );
  });

  it("an engine with gates reuses its base's straight-line work, never its walks: its tables equal a fresh engine's", async () => {
    const { overlayFrom } = await import('../../src/analysis/network/gates');
    const { suggestGates } = await import('../../src/analysis/network/suggestGates');
    const { facilities, riverfront } = loadCoverageData();
    // gates that change kindergarten walks (their gains are > 0: the test above)
    const found = suggestGates(engine, { category: 'kindergarten', radiusM: 300, count: 2 }).suggestions;
    const { overlay } = overlayFrom(
      ctx,
      found.map((g, k) => ({ id: `g${k}`, a: g.a, b: g.b })),
    );
    for (const [category, radiusM] of [
      ['nursing-home', 1000],
      ['kindergarten', 300],
    ] as const) {
      const before = engine.table(category, radiusM, 'network');
      engine.table(category, radiusM, 'straight');
      const gated = engine.withOverlay(overlay).table(category, radiusM, 'network');
      const fresh = new CoverageEngine(engine.model, [...engine.facilityPoints], riverfront, {
        network: ctx,
        overlay,
      }).table(category, radiusM, 'network');
      expect(gated).toEqual(fresh);
      expect(facilities.length).toBe(engine.facilityPoints.length);
      // the gates change kindergarten walks: a network cache shared with the base would hide it
      if (category === 'kindergarten')
        expect(gated.district.coveredPopulation).toBeGreaterThan(before.district.coveredPopulation + 1);
      // and the base engine keeps its own figures
      expect(engine.table(category, radiusM, 'network')).toEqual(before);
    }
  });

  it("gap contours of a gated engine: the straight-line reach field is its base's, the walking one its own", async () => {
    const { overlayFrom } = await import('../../src/analysis/network/gates');
    const { reachDistance } = await import('../../src/analysis/coverage/reachField');
    const { suggestGates } = await import('../../src/analysis/network/suggestGates');
    const found = suggestGates(engine, { category: 'kindergarten', radiusM: 300, count: 1 }).suggestions;
    const gated = engine.withOverlay(overlayFrom(ctx, [{ id: 'g', a: found[0]!.a, b: found[0]!.b }]).overlay);
    expect(reachDistance(gated, 'kindergarten', 360, 'straight')).toBe(
      reachDistance(engine, 'kindergarten', 360, 'straight'),
    );
    const walked = reachDistance(gated, 'kindergarten', 360, 'network');
    const before = reachDistance(engine, 'kindergarten', 360, 'network');
    expect(walked).not.toBe(before);
    // the gate shortens some walks and lengthens none
    let shorter = 0;
    walked.forEach((d, c) => {
      expect(d).toBeLessThanOrEqual(before[c]! + 1e-3);
      if (d < before[c]! - 1) shorter++;
    });
    expect(shorter).toBeGreaterThan(0);
  });

  it('a closed link never shortens a walk, and a gate far from any walk is reported, not placed', async () => {
    const { overlayFrom } = await import('../../src/analysis/network/gates');
    const closure = overlayFrom(ctx, [], [{ id: 'x', at: [121.5025, 31.2992] }]);
    expect(closure.overlay.closed.size).toBe(1);
    const before = engine.table('nursing-home', 1000, 'network');
    const after = engine.withOverlay(closure.overlay).table('nursing-home', 1000, 'network');
    expect(after.district.coveredPopulation).toBeLessThanOrEqual(before.district.coveredPopulation + 1e-6);
    const far = overlayFrom(ctx, [{ id: 'g', a: [121.54, 31.26], b: [121.5401, 31.2601] }]);
    expect(far.overlay.links).toEqual([]);
    expect(far.problems[0]!.message.en).toMatch(/more than 150 m/);
  });

  it('suggested sites in network mode: summed gains equal an exact recompute', async () => {
    const { suggestSites } = await import('../../src/analysis/coverage/siting');
    const r = suggestSites(engine, {
      category: 'elder-canteen',
      radiusM: 300,
      count: 3,
      distance: 'network',
    });
    const sites = r.suggestions.map((x, i) => ({ id: `s${i}`, category: 'elder-canteen', lonLat: x.lonLat }));
    const before = engine.table('elder-canteen', 300, 'network').district.coveredPopulation;
    const after = engine.withFacilities(sites).table('elder-canteen', 300, 'network')
      .district.coveredPopulation;
    expect(after - before).toBeCloseTo(
      r.suggestions.reduce((a, x) => a + x.gain, 0),
      0,
    );
  });

  it('near me: walks follow the network (route starts at the place, ends at the facility) and isochrones nest', async () => {
    const { walksFrom, nearestFrom } = await import('../../src/analysis/network/nearest');
    const at: [number, number] = [121.5095, 31.3005]; // 五角场 (淞沪路/邯郸路)
    const { facilities } = loadCoverageData();
    const w = walksFrom(ctx, at, facilities, ['kindergarten', 'nursing-home'])!;
    expect(w).not.toBeNull();
    for (const c of w.categories) {
      const f = facilities.find((x) => x.id === c.id)!;
      expect(c.route[0]).toEqual(at);
      expect(c.route[c.route.length - 1]).toEqual(f.lonLat.map((v) => Math.round(v * 1e6) / 1e6));
      let length = 0;
      for (let i = 1; i < c.route.length; i++) length += distanceM(c.route[i - 1]!, c.route[i]!);
      expect(length).toBeCloseTo(c.distanceM, -1); // the drawn route is the walk measured
    }
    const areas = w.isochrones.map((i) => i.geometry.coordinates.length);
    expect(w.isochrones.map((i) => i.minutes)).toEqual([5, 10, 15]);
    expect(areas[0]).toBeGreaterThan(0);
    // the CLI's answer for the same place agrees with the walks
    const cli = nearestFrom(ctx, at, facilities, ['kindergarten']);
    expect(cli.categories[0]!.networkM).toBeCloseTo(
      w.categories.find((c) => c.category === 'kindergarten')!.distanceM,
      0,
    );
    // a place far from the mapped walks has no walks
    expect(walksFrom(ctx, [121.54, 31.26], facilities, ['kindergarten'])).toBeNull();
  });
});
