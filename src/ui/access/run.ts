/**
 * The access analysis's requests: after today's table is on screen, ask the worker for the
 * same query's capacity, fairness and basket; with an active scenario that changes anything,
 * its difference against today; and the chosen map layer. A newer request cancels the older
 * one; failures are shown like the coverage's (analysisError).
 */
import { effect } from '@preact/signals';
import { isAbortError } from '../../worker/rpc';
import { client, engineReady } from '../app/state';
import { analysisError, category, distanceInForce, radius, table } from '../coverage/state';
import { report } from '../report/state';
import { active, sitesOf } from '../scenarios/state';
import {
  accessLayer,
  accessLayerKind,
  accessMs,
  accessSummary,
  basketParam,
  decay,
  difference,
  overview,
} from './state';

/** The query of the shown view (today's facilities) and the active scenario's changes. */
function query() {
  const cat = category.value;
  const dist = distanceInForce.value;
  const sc = active.value;
  const sites = sitesOf(sc, cat);
  const gates = dist === 'network' ? (sc?.gates ?? []) : [];
  const closures = dist === 'network' ? (sc?.closures ?? []) : [];
  const base = {
    category: cat,
    radiusM: radius.value,
    distance: dist,
    decay: decay.value,
    basket: basketParam.value ?? undefined,
  };
  const changes = sites.length > 0 || gates.length > 0 || closures.length > 0;
  return { base, scenario: changes ? { ...base, sites, gates, closures } : null };
}

const fail = (e: Error) => {
  if (!isAbortError(e)) analysisError.value = e.message;
};

export function startAccess(): () => void {
  let pending: AbortController | null = null;
  let layerPending: AbortController | null = null;
  const stops = [
    effect(() => {
      const c = client.value;
      const ready = engineReady.value;
      const tb = table.value;
      const { base, scenario } = query();
      pending?.abort();
      // numbers first: wait for today's table of the same query
      if (!c || !ready || !tb || tb.category !== base.category || tb.radiusM !== base.radiusM || report.value)
        return;
      const ac = new AbortController();
      pending = ac;
      c.call('access', base, { signal: ac.signal })
        .then((answer) => {
          accessSummary.value = answer;
          accessMs.value = answer.total;
        })
        .catch(fail);
      if (!scenario) difference.value = null;
      else
        c.call('difference', scenario, { signal: ac.signal })
          .then((answer) => {
            difference.value = { coverage: answer.coverage, capacity: answer.capacity };
          })
          .catch(fail);
    }),
    effect(() => {
      const c = client.value;
      const ready = engineReady.value;
      const kind = accessLayerKind.value;
      const tb = table.value;
      const { base, scenario } = query();
      layerPending?.abort();
      accessLayer.value = null;
      if (!c || !ready || !kind || !tb || report.value) return;
      const diff = kind === 'difference' || kind === 'capacity-difference';
      if (diff && !scenario) return;
      const ac = new AbortController();
      layerPending = ac;
      c.call('accessLayer', { ...(scenario ?? base), layer: kind }, { signal: ac.signal })
        .then((answer) => {
          accessLayer.value = answer.layer;
        })
        .catch(fail);
    }),
  ];
  return () => {
    pending?.abort();
    layerPending?.abort();
    for (const s of stops) s();
  };
}

/** The district overview (every type at its standard), for a report: asked once per engine and distance. */
export function askOverview(signal?: AbortSignal): Promise<void> {
  const c = client.peek();
  if (!c) return Promise.resolve();
  return c
    .call(
      'accessOverview',
      { distance: distanceInForce.peek(), decay: decay.peek(), basket: basketParam.peek() ?? undefined },
      { signal },
    )
    .then((answer) => {
      overview.value = { rows: answer.rows, basket: answer.basket };
    })
    .catch(fail);
}
