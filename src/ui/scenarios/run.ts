/**
 * Scenario effects and actions: keep scenarios in this browser, and ask the worker to
 * compare scenarios or suggest sites (each call cancels the one it replaces).
 */
import { batch, effect } from '@preact/signals';
import type { CoverageTable } from '../../analysis/coverage/engine';
import { categoryLabel } from '../../core/categories';
import { isAbortError } from '../../worker/rpc';
import { client, flags, lang, notice } from '../app/state';
import { recordSuggest } from '../app/testHooks';
import { shareRange } from '../coverage/range';
import { category, distanceInForce, radius, selectedCircle, table } from '../coverage/state';
import { t } from '../i18n';
import { clusterFacts } from './clustering';
import {
  active,
  addGate,
  addSites,
  comparison,
  gateSuggestion,
  scenarioResult,
  scenarios,
  sitesOf,
  storeScenarios,
  suggesting,
  suggestingGates,
  suggestion,
  suggestionWhy,
} from './state';

export function startScenarios(): () => void {
  return effect(() => {
    const list = scenarios.value;
    // An embed neither reads nor writes this browser's scenarios (url.ts).
    if (!flags.embed) storeScenarios(list);
    comparison.value = null;
  });
}

/** The name of a scenario made for a category and distance ("长者食堂 · 300 米"); the shown ones by default. */
export function scenarioNameFor(l = lang.peek(), cat = category.peek(), radiusM = radius.peek()): string {
  return `${categoryLabel(cat, l)} · ${radiusM} ${t('metres', l)}`;
}

let suggestCall: AbortController | null = null;

/** Suggest `count` sites for the shown category and distance (optionally in the selected circle). */
export async function suggest(count: number, onlySelected: boolean): Promise<void> {
  const c = client.peek();
  if (!c) return;
  suggestCall?.abort();
  const ac = new AbortController();
  suggestCall = ac;
  suggesting.value = true;
  try {
    const circle = selectedCircle.peek();
    const query = {
      category: category.peek(),
      radiusM: radius.peek(),
      sites: sitesOf(active.peek(), category.peek()),
      gates: active.peek()?.gates ?? [],
      closures: active.peek()?.closures ?? [],
      distance: distanceInForce.peek(),
    };
    const r = await c.call(
      'suggest',
      { ...query, count, circles: onlySelected && circle ? [circle] : undefined },
      { signal: ac.signal },
    );
    // Against the coverage the sites were chosen for: the scenario's when one is active.
    const against = (active.peek() && scenarioResult.peek()?.after) || table.peek();
    const facts = against ? clusterFacts(r.result.suggestions, against) : null;
    let leftOutBest: number | null = null;
    if (facts?.clustered && facts.leftOut) {
      const there = await c.call(
        'suggest',
        { ...query, count: 1, circles: [facts.leftOut.circleId] },
        { signal: ac.signal },
      );
      leftOutBest = there.result.suggestions[0]?.gain ?? 0;
    }
    batch(() => {
      suggestion.value = r.result;
      suggestionWhy.value = facts ? { distance: query.distance, facts, leftOutBest } : null;
    });
    recordSuggest(r.ms);
  } catch (e) {
    if (!isAbortError(e)) notice.value = (e as Error).message;
  } finally {
    if (suggestCall === ac) suggesting.value = false;
  }
}

/** Add some of the suggested sites (by rank) to the active scenario, or to a new one. */
export function acceptSuggestions(ranks: number[]): void {
  const s = suggestion.peek();
  if (!s) return;
  addSites(
    ranks.map((i) => s.suggestions[i]!.lonLat),
    category.peek(),
    lang.peek(),
    scenarioNameFor(),
  );
  suggestion.value = null;
}

/** Coverage per circle today and with each scenario's sites, side by side. */
export async function compareScenarios(): Promise<void> {
  const c = client.peek();
  const today = table.peek();
  if (!c || !today) return;
  const cat = category.peek();
  const r = radius.peek();
  try {
    const results: { table: CoverageTable }[] = [];
    for (const sc of scenarios.peek()) {
      results.push(
        await c.call('table', {
          category: cat,
          radiusM: r,
          sites: sitesOf(sc, cat),
          distance: distanceInForce.peek(),
        }),
      );
    }
    comparison.value = {
      names: scenarios.peek().map((x) => x.name),
      rows: today.circles.map((row, k) => ({
        id: row.id,
        name: row.name,
        nameEn: row.nameEn,
        shares: [row.populationShare, ...results.map((x) => x.table.circles[k]!.populationShare)],
        ranges: [shareRange(row), ...results.map((x) => shareRange(x.table.circles[k]!))],
      })),
    };
  } catch (e) {
    notice.value = (e as Error).message;
  }
}

let gateCall: AbortController | null = null;

/** Suggest `count` gates for the shown category and distance (network mode), given the scenario. */
export async function suggestGateSites(count: number): Promise<void> {
  const c = client.peek();
  if (!c) return;
  gateCall?.abort();
  const ac = new AbortController();
  gateCall = ac;
  suggestingGates.value = true;
  const sc = active.peek();
  try {
    const r = await c.call(
      'suggestGates',
      {
        category: category.peek(),
        radiusM: radius.peek(),
        sites: sitesOf(sc, category.peek()),
        gates: sc?.gates ?? [],
        closures: sc?.closures ?? [],
        distance: 'network',
        count,
      },
      { signal: ac.signal },
    );
    gateSuggestion.value = r.suggestions;
  } catch (e) {
    if (!isAbortError(e)) notice.value = (e as Error).message;
  } finally {
    if (gateCall === ac) suggestingGates.value = false;
  }
}

/** Add suggested gates (by rank) to the active scenario, or to a new one named after the type and distance. */
export function acceptGates(ranks: number[]): void {
  const list = gateSuggestion.peek();
  if (!list) return;
  for (const i of ranks) addGate(list[i]!.a, list[i]!.b, scenarioNameFor());
  gateSuggestion.value = null;
}
