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
import { report } from '../report/state';
import { active, scenarioProblems, scenarioResult, sitesOf } from '../scenarios/state';
import {
  analysisError,
  busy,
  category,
  defaultTables,
  distanceInForce,
  gaps,
  networkLines,
  onNetwork,
  radius,
  retryTick,
  selectedCircle,
  shownGaps,
  table,
  workerMs,
} from './state';

export function startCoverage(): () => void {
  let pending: AbortController | null = null;
  /** what the shown table answers (engine generation, category, radius, distance, retry) */
  let shownKey = '';
  const stop = effect(() => {
    const c = client.value;
    const ready = engineReady.value;
    const cat = category.value;
    const r = radius.value;
    const dist = distanceInForce.value;
    const sc = active.value;
    const sites = sitesOf(sc, cat);
    // gates and closures change walking distances on the mapped network only: they count in network and walk modes
    const gates = onNetwork(dist) ? (sc?.gates ?? []) : [];
    const closures = onNetwork(dist) ? (sc?.closures ?? []) : [];
    const changes = sites.length > 0 || gates.length > 0 || closures.length > 0;
    const tick = retryTick.value;
    // a report open instead of the map asks for its own figures: do not queue the map's before them
    if (!c || !ready || report.value) return;
    pending?.abort();
    const ac = new AbortController();
    pending = ac;
    const signal = ac.signal;
    // A scenario edit (a site, a gate) leaves today's table as it is: ask only for the scenario.
    const key = `${ready}:${cat}:${r}:${dist}:${tick}`;
    const keep = key === shownKey && table.peek() !== null;
    batch(() => {
      busy.value = !keep;
      gaps.value = null;
      shownGaps.value = null;
      if (keep && !changes) {
        scenarioResult.value = null;
        scenarioProblems.value = [];
      }
    });
    const requestedAt = performance.now();
    const query = { category: cat, radiusM: r, sites, gates, closures, distance: dist };
    const numbers = keep
      ? Promise.resolve()
      : c.call('table', { category: cat, radiusM: r, distance: dist }, { signal }).then((answer) => {
          recordReceived(answer.table, requestedAt, answer.ms);
          shownKey = key;
          batch(() => {
            table.value = answer.table;
            workerMs.value = answer.ms;
            analysisError.value = null;
            busy.value = false;
            if (!changes) {
              scenarioResult.value = null;
              scenarioProblems.value = [];
            }
          });
        });
    const scenario = changes
      ? c.call('scenario', query, { signal }).then((answer) => {
          recordScenario(requestedAt, answer.ms, answer.before, answer.after);
          batch(() => {
            scenarioResult.value = { before: answer.before, after: answer.after };
            scenarioProblems.value = answer.problems;
          });
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
        recordGaps(requestedAt, answer.ms, answer.gaps.features.length, answer.traced);
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

/** A circle's profile needs every category at its default radius: ask once per engine and distance. */
export function startDefaults(): () => void {
  let pending: AbortController | null = null;
  let asked = '';
  return effect(() => {
    const c = client.value;
    const ready = engineReady.value;
    const dist = distanceInForce.value;
    const key = `${ready}:${dist}`;
    if (!c || !ready || !selectedCircle.value || (asked === key && defaultTables.peek())) return;
    asked = key;
    pending?.abort();
    const ac = new AbortController();
    pending = ac;
    defaultTables.value = null;
    c.call('defaults', { distance: dist }, { signal: ac.signal })
      .then((answer) => {
        defaultTables.value = answer.tables;
      })
      .catch((e: Error) => {
        if (!isAbortError(e)) analysisError.value = e.message;
      });
  });
}

/** In network mode, ask once per engine for the walking graph's lines (the map draws them). */
export function startNetworkLines(): () => void {
  let asked = 0;
  return effect(() => {
    const c = client.value;
    const ready = engineReady.value;
    if (ready !== asked) networkLines.value = null;
    if (!c || !ready || !onNetwork(distanceInForce.value) || asked === ready) return;
    asked = ready;
    c.call('networkLines', {})
      .then((answer) => {
        if (engineReady.peek() === ready) networkLines.value = answer.lines;
      })
      .catch((e: Error) => {
        if (!isAbortError(e)) analysisError.value = e.message;
      });
  });
}
