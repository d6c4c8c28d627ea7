/**
 * Coverage requests: whenever the category, the distance, the data or the active
 * scenario's sites of that category change, ask the worker for the numbers first (today's
 * table; before → after when the scenario adds sites), then the gap polygons (Turf): the
 * selected circle's first, then every circle's. A newer request cancels the older one; a
 * failure is shown with a retry, never a spinner for ever.
 */
import { batch, effect } from '@preact/signals';
import { isAbortError } from '../../worker/rpc';
import { retryEngine } from '../app/engine';
import { client, engineReady } from '../app/state';
import { recordGaps, recordReceived, recordScenario } from '../app/testHooks';
import { active, scenarioResult, sitesOf } from '../scenarios/state';
import {
  analysisError,
  busy,
  category,
  defaultTables,
  gaps,
  radius,
  retryTick,
  selectedCircle,
  shownGaps,
  table,
  workerMs,
} from './state';

export function startCoverage(): () => void {
  let pending: AbortController | null = null;
  const stop = effect(() => {
    const c = client.value;
    const ready = engineReady.value;
    const cat = category.value;
    const r = radius.value;
    const sites = sitesOf(active.value, cat);
    retryTick.value;
    if (!c || !ready) return;
    pending?.abort();
    const ac = new AbortController();
    pending = ac;
    const signal = ac.signal;
    batch(() => {
      busy.value = true;
      gaps.value = null;
      shownGaps.value = null;
    });
    const requestedAt = performance.now();
    const query = { category: cat, radiusM: r, sites };
    const numbers = c.call('table', { category: cat, radiusM: r }, { signal }).then((answer) => {
      recordReceived(answer.table, requestedAt, answer.ms);
      batch(() => {
        table.value = answer.table;
        workerMs.value = answer.ms;
        analysisError.value = null;
        busy.value = false;
        if (!sites.length) scenarioResult.value = null;
      });
    });
    const scenario = sites.length
      ? c.call('scenario', { category: cat, radiusM: r, sites }, { signal }).then((answer) => {
          recordScenario(requestedAt, answer.ms, answer.before, answer.after);
          scenarioResult.value = { before: answer.before, after: answer.after };
        })
      : Promise.resolve();
    const selected = selectedCircle.peek();
    Promise.all([numbers, scenario])
      .then(() =>
        selected
          ? c.call('gaps', { ...query, circles: [selected] }, { signal }).then((answer) => {
              shownGaps.value = answer.gaps;
            })
          : undefined,
      )
      .then(() => c.call('gaps', query, { signal }))
      .then((answer) => {
        recordGaps(requestedAt, answer.ms, answer.gaps.features.length);
        batch(() => {
          gaps.value = answer.gaps;
          shownGaps.value = answer.gaps;
        });
      })
      .catch((e: Error) => {
        if (isAbortError(e)) return;
        batch(() => {
          busy.value = false;
          analysisError.value = e.message;
        });
      });
  });
  return () => {
    pending?.abort();
    stop();
  };
}

/** Ask again after a failure: the same analysis, or the engine itself if it never started. */
export function retryAnalysis(): void {
  analysisError.value = null;
  if (!engineReady.peek()) retryEngine();
  else retryTick.value++;
}

/** A circle's profile needs every category at its default radius: ask once per engine. */
export function startDefaults(): () => void {
  let pending: AbortController | null = null;
  return effect(() => {
    const c = client.value;
    const ready = engineReady.value;
    if (!c || !ready || !selectedCircle.value || defaultTables.peek()) return;
    pending?.abort();
    const ac = new AbortController();
    pending = ac;
    c.call('defaults', null, { signal: ac.signal })
      .then((answer) => {
        defaultTables.value = answer.tables;
      })
      .catch((e: Error) => {
        if (!isAbortError(e)) analysisError.value = e.message;
      });
  });
}
