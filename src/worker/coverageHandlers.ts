/**
 * The coverage worker's handlers, separate from the worker entry so tests can run them in
 * Node over a MessageChannel. One engine per dataset; a scenario's engine (today's
 * facilities plus proposed sites) is kept while its sites stay the same.
 */
import { defaultTables } from '../analysis/coverage/defaults';
import { CoverageEngine, type FacilityPoint } from '../analysis/coverage/engine';
import { buildPopulationModel, inputsFromCollections } from '../analysis/coverage/model';
import { suggestSites } from '../analysis/coverage/siting';
import type { CoverageApi } from './coverageApi';
import type { Handlers } from './rpc';

export function createCoverageHandlers(): Handlers<CoverageApi> {
  let engine: CoverageEngine | null = null;
  let testHooks = false;
  const failing = new Set<string>();
  let scenario: { key: string; engine: CoverageEngine } | null = null;

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
        engine = new CoverageEngine(
          buildPopulationModel(inputsFromCollections(p.layers)),
          p.facilities,
          p.riverfront,
        );
        testHooks = p.testHooks === true;
        scenario = null;
        return {};
      });
    },
    table(q) {
      const e = withSites(ready('table'), q.sites);
      return timed(() => ({ table: e.table(q.category, q.radiusM) }));
    },
    gaps(q) {
      const e = withSites(ready('gaps'), q.sites);
      return timed(() => ({ gaps: e.gaps(q.category, q.radiusM) }));
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
