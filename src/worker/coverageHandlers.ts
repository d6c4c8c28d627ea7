/**
 * The coverage worker's handlers, separate from the worker entry so tests can run them in
 * Node over a MessageChannel. One engine per dataset; a scenario's engine (today's
 * facilities plus proposed sites) is kept while its sites stay the same.
 */

import type { Feature, LineString } from 'geojson';
import { defaultTables } from '../analysis/coverage/defaults';
import { CoverageEngine, type GapProps } from '../analysis/coverage/engine';
import type { GapEntry } from '../analysis/coverage/engineCache';
import { circleGaps } from '../analysis/coverage/gapGeometry';
import { buildPopulationModel, inputsFromCollections } from '../analysis/coverage/model';
import { ResidentLand } from '../analysis/coverage/residentLand';
import { suggestSites } from '../analysis/coverage/siting';
import { NetworkContext } from '../analysis/network/context';
import { decodeGraph } from '../analysis/network/encode';
import { gateEffects } from '../analysis/network/gateEffect';
import { overlayFrom } from '../analysis/network/gates';
import { buildWalkGraph, graphLengthM } from '../analysis/network/graph';
import { graphLines } from '../analysis/network/lines';
import { measureRouteFactors } from '../analysis/network/measureFactors';
import { walksFrom } from '../analysis/network/nearest';
import { parseRouteFactors, type RouteFactors } from '../analysis/network/routeFactors';
import { suggestGates } from '../analysis/network/suggestGates';
import type { Bilingual } from '../core/lang';
import { createAccessHandlers } from './accessHandlers';
import type { CoverageApi, CoverageInit, CoverageQuery, NetworkSummary } from './coverageApi';
import type { Handlers } from './rpc';

type Problem = { id: string; message: Bilingual };
type GapFeature = GeoJSON.Feature<GeoJSON.Polygon, GapProps>;

/** Let messages that arrived meanwhile (a cancel) be seen before the next piece of work. */
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** The network over the model, from the fetched graph; its summary, or why there is none. */
function networkOf(
  model: ReturnType<typeof buildPopulationModel>,
  p: CoverageInit,
): {
  context: NetworkContext | null;
  summary: NetworkSummary | null;
  error: string | null;
  factors: RouteFactors | null;
} {
  if (!p.walkLines && (p.graph === undefined || p.graph === null))
    return { context: null, summary: null, error: null, factors: null };
  try {
    const graph = p.walkLines
      ? buildWalkGraph(p.walkLines.features as Feature<LineString>[], model.grid.proj).graph
      : decodeGraph(p.graph, model.grid.proj);
    const extent = (p.networkExtent?.features ?? [])
      .map((f) => f.geometry)
      .filter(
        (g): g is GeoJSON.Polygon | GeoJSON.MultiPolygon =>
          g?.type === 'Polygon' || g?.type === 'MultiPolygon',
      );
    const context = new NetworkContext(model, graph, extent);
    // the shipped factors were measured on the shipped graph; any other graph is measured here
    const factors =
      (p.walkLines ? null : parseRouteFactors(p.routeFactors)) ??
      measureRouteFactors(graph, { source: p.walkLines ? 'imported network' : 'walking graph' });
    let residents = 0;
    let all = 0;
    model.landCells.forEach((c) => {
      all += model.population[c]!;
      if (context.inNetwork[c]) residents += model.population[c]!;
    });
    return {
      context,
      summary: {
        nodes: graph.x.length,
        edges: graph.from.length,
        lengthKm: graphLengthM(graph) / 1000,
        residents,
        residentsShare: all > 0 ? residents / all : 0,
      },
      error: null,
      factors,
    };
  } catch (e) {
    return { context: null, summary: null, error: (e as Error).message, factors: null };
  }
}

export function createCoverageHandlers(): Handlers<CoverageApi> {
  let engine: CoverageEngine | null = null;
  let testHooks = false;
  const failing = new Set<string>();
  let scenario: {
    key: string;
    engine: CoverageEngine;
    sitesOnly: CoverageEngine;
    problems: Problem[];
  } | null = null;
  let land: ResidentLand | null = null;
  /** gap polygons of one circle, kept in the engine's cache; `traced` = the fallback */
  const gapsOf = (e: CoverageEngine, k: number, q: CoverageQuery): GapEntry => {
    const distance = e.modeFor(q.category, q.distance ?? 'straight');
    return e.cached('gaps', { target: q.category, radiusM: q.radiusM, distance, circle: k }, () => {
      try {
        const home = land!.of(k);
        return {
          features: home ? circleGaps(e, home, k, q.category, q.radiusM, { distance }) : [],
          traced: false,
        };
      } catch (error) {
        // Turf's clipper failed twice for this circle (it has not happened on the real data):
        // draw the raster's own outline of its gap rather than nothing, and say so.
        console.warn(
          `gap polygons of circle ${e.model.circles[k]!.id}: ${(error as Error).message}; cell outline drawn`,
        );
        return { features: e.tracedGaps(q.category, q.radiusM, k, distance).features, traced: true };
      }
    });
  };

  const ready = (method: string): CoverageEngine => {
    if (failing.delete(method)) throw new Error(`test hook: ${method} failed on purpose`);
    if (!engine) throw new Error('the coverage engine is not initialised');
    return engine;
  };
  /** The engine with a scenario's sites, gates and closures (kept while they stay the same). */
  const withSites = (base: CoverageEngine, q: CoverageQuery): CoverageEngine => {
    const { sites = [], gates = [], closures = [] } = q;
    if (!sites.length && !gates.length && !closures.length) return base;
    const key = JSON.stringify([sites, gates, closures]);
    if (scenario?.key !== key) {
      let e = sites.length ? base.withFacilities(sites) : base;
      const sitesOnly = e;
      let problems: Problem[] = [];
      if (base.network && (gates.length || closures.length)) {
        const built = overlayFrom(base.network, gates, closures);
        e = e.withOverlay(built.overlay);
        problems = built.problems;
      }
      scenario = { key, engine: e, sitesOnly, problems };
    }
    return scenario.engine;
  };
  const timed = <T>(work: () => T): T & { ms: number } => {
    const t0 = performance.now();
    const out = work();
    return { ...out, ms: performance.now() - t0 };
  };

  return {
    ...createAccessHandlers({ ready, withSites }),
    init(p) {
      return timed(() => {
        const inputs = inputsFromCollections(p.layers);
        const model = buildPopulationModel(inputs);
        const net = networkOf(model, p);
        engine = new CoverageEngine(model, p.facilities, p.riverfront, {
          network: net.context,
          routeFactors: net.factors,
        });
        land = new ResidentLand(inputs, model.grid);
        testHooks = p.testHooks === true;
        scenario = null;
        return { network: net.summary, networkError: net.error };
      });
    },
    table(q) {
      const e = withSites(ready('table'), q);
      return timed(() => ({ table: e.table(q.category, q.radiusM, q.distance) }));
    },
    async gaps(q, context) {
      const e = withSites(ready('gaps'), q);
      const t0 = performance.now();
      const ids = e.model.circles.map((c) => c.id);
      const which = q.circles
        ? q.circles.map((id) => ids.indexOf(id)).filter((k) => k >= 0)
        : ids.map((_, k) => k);
      const features: GapFeature[] = [];
      const traced: string[] = [];
      for (const k of which) {
        const entry = gapsOf(e, k, q);
        features.push(...entry.features);
        if (entry.traced) traced.push(ids[k]!);
        if (which.length > 1) {
          await nextTask();
          if (context.cancelled) break;
        }
      }
      return { gaps: { type: 'FeatureCollection', features }, traced, ms: performance.now() - t0 };
    },
    scenario(q) {
      const base = ready('scenario');
      const after = withSites(base, q);
      return timed(() => {
        // each placed gate's own gain, and why a gate gains +0
        const effects = scenario
          ? gateEffects(
              scenario.sitesOnly,
              q.gates ?? [],
              q.closures ?? [],
              q.category,
              q.radiusM,
              q.distance ?? 'straight',
            )
          : [];
        return {
          before: base.table(q.category, q.radiusM, q.distance),
          after: after.table(q.category, q.radiusM, q.distance),
          problems: [
            ...(scenario?.problems ?? []),
            ...effects.map((x) => ({ id: x.id, message: x.message })),
          ],
        };
      });
    },
    suggestGates(q) {
      const e = withSites(ready('suggestGates'), q);
      return timed(() => {
        const r = suggestGates(e, { category: q.category, radiusM: q.radiusM, count: q.count });
        return { suggestions: r.suggestions, candidates: r.candidates };
      });
    },
    suggest(q) {
      const e = withSites(ready('suggest'), q);
      return timed(() => ({
        result: suggestSites(e, {
          category: q.category,
          radiusM: q.radiusM,
          count: q.count,
          circles: q.circles,
          distance: q.distance,
        }),
      }));
    },
    defaults(p) {
      const e = ready('defaults');
      return timed(() => ({ tables: defaultTables(e, undefined, p?.distance) }));
    },
    walks(p) {
      const e = ready('walks');
      return timed(() => ({
        walks: e.network ? walksFrom(e.network, p.at, e.facilityPoints, p.categories, e.overlay) : null,
      }));
    },
    networkLines() {
      const e = ready('networkLines');
      return timed(() => ({ lines: e.network ? graphLines(e.network.graph) : null }));
    },
    failNext(p) {
      if (!testHooks) throw new Error('test hooks are off');
      failing.add(p.method);
      return null;
    },
  };
}
