/**
 * The coverage worker's handlers, separate from the worker entry so tests can run them in
 * Node over a MessageChannel. One engine per dataset; a scenario's engine (today's
 * facilities plus proposed sites) is kept while its sites stay the same.
 */

import type { Feature, LineString } from 'geojson';
import { defaultTables } from '../analysis/coverage/defaults';
import { CoverageEngine } from '../analysis/coverage/engine';
import { buildPopulationModel, inputsFromCollections } from '../analysis/coverage/model';
import { suggestSites } from '../analysis/coverage/siting';
import { NetworkContext } from '../analysis/network/context';
import { decodeGraph } from '../analysis/network/encode';
import { overlayFrom } from '../analysis/network/gates';
import { buildWalkGraph, graphLengthM } from '../analysis/network/graph';
import { walksFrom } from '../analysis/network/nearest';
import { suggestGates } from '../analysis/network/suggestGates';
import type { Bilingual } from '../core/lang';

type Problem = { id: string; message: Bilingual };

import type { CoverageApi, CoverageInit, CoverageQuery, NetworkSummary } from './coverageApi';
import type { Handlers } from './rpc';

/** The network over the model, from the fetched graph; its summary, or why there is none. */
function networkOf(
  model: ReturnType<typeof buildPopulationModel>,
  p: CoverageInit,
): { context: NetworkContext | null; summary: NetworkSummary | null; error: string | null } {
  if (!p.walkLines && (p.graph === undefined || p.graph === null))
    return { context: null, summary: null, error: null };
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
    };
  } catch (e) {
    return { context: null, summary: null, error: (e as Error).message };
  }
}

export function createCoverageHandlers(): Handlers<CoverageApi> {
  let engine: CoverageEngine | null = null;
  let testHooks = false;
  const failing = new Set<string>();
  let scenario: { key: string; engine: CoverageEngine; problems: Problem[] } | null = null;

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
      let problems: Problem[] = [];
      if (base.network && (gates.length || closures.length)) {
        const built = overlayFrom(base.network, gates, closures);
        e = e.withOverlay(built.overlay);
        problems = built.problems;
      }
      scenario = { key, engine: e, problems };
    }
    return scenario.engine;
  };
  const timed = <T>(work: () => T): T & { ms: number } => {
    const t0 = performance.now();
    const out = work();
    return { ...out, ms: performance.now() - t0 };
  };

  return {
    init(p) {
      return timed(() => {
        const model = buildPopulationModel(inputsFromCollections(p.layers));
        const net = networkOf(model, p);
        engine = new CoverageEngine(model, p.facilities, p.riverfront, { network: net.context });
        testHooks = p.testHooks === true;
        scenario = null;
        return { network: net.summary, networkError: net.error };
      });
    },
    table(q) {
      const e = withSites(ready('table'), q);
      return timed(() => ({ table: e.table(q.category, q.radiusM, q.distance) }));
    },
    gaps(q) {
      const e = withSites(ready('gaps'), q);
      return timed(() => {
        if (!q.circles) return { gaps: e.gaps(q.category, q.radiusM, undefined, q.distance) };
        const ids = e.model.circles.map((c) => c.id);
        const features = q.circles
          .map((id) => ids.indexOf(id))
          .filter((k) => k >= 0)
          .flatMap((k) => e.gaps(q.category, q.radiusM, k, q.distance).features);
        return { gaps: { type: 'FeatureCollection' as const, features } };
      });
    },
    scenario(q) {
      const base = ready('scenario');
      const after = withSites(base, q);
      return timed(() => ({
        before: base.table(q.category, q.radiusM, q.distance),
        after: after.table(q.category, q.radiusM, q.distance),
        problems: scenario?.problems ?? [],
      }));
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
    failNext(p) {
      if (!testHooks) throw new Error('test hooks are off');
      failing.add(p.method);
      return null;
    },
  };
}
