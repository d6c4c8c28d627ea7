/**
 * The coverage worker's handlers, separate from the worker entry so tests can run them in
 * Node over a MessageChannel. One engine per dataset; a scenario's engine (today's
 * facilities plus proposed sites) is kept while its sites stay the same.
 */
import { defaultTables } from '../analysis/coverage/defaults';
import { CoverageEngine, type FacilityPoint, type GapProps } from '../analysis/coverage/engine';
import { circleGaps } from '../analysis/coverage/gapGeometry';
import { buildPopulationModel, inputsFromCollections } from '../analysis/coverage/model';
import { ResidentLand } from '../analysis/coverage/residentLand';
import { suggestSites } from '../analysis/coverage/siting';
import type { CoverageApi } from './coverageApi';
import type { Handlers } from './rpc';

type GapFeature = GeoJSON.Feature<GeoJSON.Polygon, GapProps>;

/** Let messages that arrived meanwhile (a cancel) be seen before the next piece of work. */
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export function createCoverageHandlers(): Handlers<CoverageApi> {
  let engine: CoverageEngine | null = null;
  let testHooks = false;
  const failing = new Set<string>();
  let scenario: { key: string; engine: CoverageEngine } | null = null;
  let land: ResidentLand | null = null;
  /** gap polygons per engine, by category, radius and circle index */
  let gapCache = new WeakMap<CoverageEngine, Map<string, GapFeature[]>>();
  const gapsOf = (e: CoverageEngine, k: number, category: string, radiusM: number): GapFeature[] => {
    let cache = gapCache.get(e);
    if (!cache) {
      cache = new Map();
      gapCache.set(e, cache);
    }
    const key = `${category}@${radiusM}#${k}`;
    let features = cache.get(key);
    if (!features) {
      try {
        const home = land!.of(k);
        features = home ? circleGaps(e, home, k, category, radiusM) : [];
      } catch (error) {
        // Turf's clipper failed twice for this circle (it has not happened on the real data):
        // draw the raster's own outline of its gap rather than nothing, and say so.
        console.warn(
          `gap polygons of circle ${e.model.circles[k]!.id}: ${(error as Error).message}; cell outline drawn`,
        );
        features = e.tracedGaps(category, radiusM, k).features;
      }
      cache.set(key, features);
    }
    return features;
  };

  const ready = (method: string): CoverageEngine => {
    if (failing.delete(method)) throw new Error(`test hook: ${method} failed on purpose`);
    if (!engine) throw new Error('the coverage engine is not initialised');
    return engine;
  };
  const withSites = (base: CoverageEngine, sites: FacilityPoint[] | undefined): CoverageEngine => {
    if (!sites?.length) return base;
    const key = JSON.stringify(sites);
    if (scenario?.key !== key) scenario = { key, engine: base.withFacilities(sites) };
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
        const inputs = inputsFromCollections(p.layers);
        engine = new CoverageEngine(buildPopulationModel(inputs), p.facilities, p.riverfront);
        land = new ResidentLand(inputs, engine.model.grid);
        gapCache = new WeakMap();
        testHooks = p.testHooks === true;
        scenario = null;
        return {};
      });
    },
    table(q) {
      const e = withSites(ready('table'), q.sites);
      return timed(() => ({ table: e.table(q.category, q.radiusM) }));
    },
    async gaps(q, context) {
      const e = withSites(ready('gaps'), q.sites);
      const t0 = performance.now();
      const ids = e.model.circles.map((c) => c.id);
      const which = q.circles
        ? q.circles.map((id) => ids.indexOf(id)).filter((k) => k >= 0)
        : ids.map((_, k) => k);
      const features: GapFeature[] = [];
      for (const k of which) {
        features.push(...gapsOf(e, k, q.category, q.radiusM));
        if (which.length > 1) {
          await nextTask();
          if (context.cancelled) break;
        }
      }
      return { gaps: { type: 'FeatureCollection', features }, ms: performance.now() - t0 };
    },
    scenario(q) {
      const base = ready('scenario');
      const after = withSites(base, q.sites);
      return timed(() => ({
        before: base.table(q.category, q.radiusM),
        after: after.table(q.category, q.radiusM),
      }));
    },
    suggest(q) {
      const e = withSites(ready('suggest'), q.sites);
      return timed(() => ({
        result: suggestSites(e, {
          category: q.category,
          radiusM: q.radiusM,
          count: q.count,
          circles: q.circles,
        }),
      }));
    },
    defaults() {
      const e = ready('defaults');
      return timed(() => ({ tables: defaultTables(e) }));
    },
    failNext(p) {
      if (!testHooks) throw new Error('test hooks are off');
      failing.add(p.method);
      return null;
    },
  };
}
