/// <reference lib="webworker" />
/** The coverage engine in a Web Worker: the main thread never runs the analysis. */
import { defaultTables } from './coverage/defaults';
import { CoverageEngine } from './coverage/engine';
import { buildPopulationModel, inputsFromCollections } from './coverage/model';
import { suggestSites } from './coverage/siting';
import type { WorkerRequest, WorkerResponse } from './protocol';

let engine: CoverageEngine | null = null;
const post = (m: WorkerResponse) => (self as unknown as DedicatedWorkerGlobalScope).postMessage(m);

self.onmessage = (event: MessageEvent<WorkerRequest>) => {
  const m = event.data;
  const t0 = performance.now();
  try {
    if (m.type === 'init') {
      engine = new CoverageEngine(
        buildPopulationModel(inputsFromCollections(m.layers)),
        m.facilities,
        m.riverfront,
      );
      post({ type: 'ready', ms: performance.now() - t0 });
      return;
    }
    if (!engine) throw new Error('coverage worker used before init');
    if (m.type === 'scenario') {
      const scenario = engine.withFacilities(m.sites);
      post({
        type: 'scenario',
        id: m.id,
        before: engine.table(m.category, m.radiusM),
        after: scenario.table(m.category, m.radiusM),
        ms: performance.now() - t0,
      });
      post({ type: 'scenarioGaps', id: m.id, gaps: scenario.gaps(m.category, m.radiusM) });
      return;
    }
    if (m.type === 'suggest') {
      const result = suggestSites(engine.withFacilities(m.sites), {
        category: m.category,
        radiusM: m.radiusM,
        count: m.count,
        circles: m.circles,
      });
      post({ type: 'suggest', id: m.id, result, ms: performance.now() - t0 });
      return;
    }
    if (m.type === 'defaults') {
      post({ type: 'defaults', id: m.id, tables: defaultTables(engine), ms: performance.now() - t0 });
      return;
    }
    // Numbers first, so the panel updates at once; the polygons follow.
    const table = engine.table(m.category, m.radiusM);
    post({ type: 'coverage', id: m.id, table, ms: performance.now() - t0 });
    const t1 = performance.now();
    post({ type: 'gaps', id: m.id, gaps: engine.gaps(m.category, m.radiusM), ms: performance.now() - t1 });
  } catch (e) {
    post({ type: 'error', id: m.type === 'init' ? null : m.id, message: (e as Error).message });
  }
};
