/**
 * The coverage worker's life: started once, (re)initialised with the data in use (the
 * defaults with the user's imports), so every feature's requests run on the current data.
 */
import { batch, effect, signal } from '@preact/signals';
import { isAbortError } from '../../worker/rpc';
import { analysisError, defaultTables, network, networkError } from '../coverage/state';
import { importsLoaded } from '../import/state';
import { services } from './services';
import { client, data, engineReady, flags, index, riverfrontLines } from './state';

/** Bumped to build the engine again after a failure (see retryEngine). */
const initTick = signal(0);

export function startEngine(): () => void {
  const c = services.startCoverage();
  client.value = c;
  let pending: AbortController | null = null;
  /** engines built so far: each new one is a new generation, never a number seen before */
  let generation = 0;
  const stop = effect(() => {
    const d = data.value;
    const idx = index.value;
    initTick.value;
    if (!d || !idx || !importsLoaded.value) return;
    pending?.abort();
    const ac = new AbortController();
    pending = ac;
    engineReady.value = 0;
    defaultTables.value = null;
    const { district, subdistricts, circles, populationModel, riverEdge } = d.layers;
    c.call(
      'init',
      {
        layers: { district, subdistricts, circles, populationModel, riverEdge },
        facilities: idx.points,
        riverfront: riverfrontLines.value,
        testHooks: flags.test,
        graph: d.walkLines ? undefined : d.walkGraph,
        routeFactors: d.walkLines ? undefined : (d.routeFactors ?? undefined),
        walkLines: d.walkLines ?? undefined,
        networkExtent: d.networkExtent ?? d.layers.osmCoverage,
      },
      { signal: ac.signal },
    )
      .then((answer) => {
        batch(() => {
          network.value = answer.network;
          networkError.value = answer.networkError ?? d.walkGraphError;
          engineReady.value = ++generation;
        });
      })
      .catch((e: Error) => {
        if (!isAbortError(e)) analysisError.value = e.message;
      });
  });
  return () => {
    stop();
    c.terminate();
    client.value = null;
  };
}

/** Build the engine again (after it failed to start). */
export function retryEngine(): void {
  initTick.value++;
}
