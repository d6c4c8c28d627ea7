/**
 * The scenarios feature's state (no JSX): named sets of proposed sites, which one is
 * active, what the worker answered for it, and suggested sites. Kept in localStorage so
 * they survive reloads; the URL module carries them in share links (?sc=).
 */

import { batch, computed, signal } from '@preact/signals';
import type { Position } from 'geojson';
import type { CoverageTable, DistanceKind, FacilityPoint } from '../../analysis/coverage/engine';
import type { SitingResult } from '../../analysis/coverage/siting';
import type { GateSuggestion } from '../../analysis/network/suggestGates';
import { type CategoryId, type CoverageCategory, categoryLabel, isCategoryId } from '../../core/categories';
import type { Bilingual, Lang } from '../../core/lang';
import type { ShareWithRange } from '../coverage/range';
import type { ClusterFacts } from './clustering';
import { decodeScenarios, encodeScenarios, type ProposedSite, type Scenario } from './codec';

export type { ProposedClosure, ProposedGate } from './codec';

export type { ProposedSite, Scenario };

const STORE = 'yangpu.scenarios.v1';

export const scenarios = signal<Scenario[]>([]);
export const activeScenario = signal<string | null>(null);
export const active = computed(() => scenarios.value.find((x) => x.id === activeScenario.value) ?? null);
/** coverage before → after of the active scenario's sites of the shown category */
export const scenarioResult = signal<{ before: CoverageTable; after: CoverageTable } | null>(null);
/** A circle row of the comparison: its names and its share today and with each scenario. */
export interface ComparisonRow {
  id: string;
  name: string;
  nameEn: string;
  shares: (number | null)[];
  /** the same shares with their ranges (walk mode: where some residents are estimated) */
  ranges?: ShareWithRange[];
}
export const comparison = signal<{ names: string[]; rows: ComparisonRow[] } | null>(null);
export const suggestion = signal<SitingResult | null>(null);
/**
 * The last suggestion's context: the distance model it used, whether its sites cluster, and
 * (when they do) the most a site could newly cover in the circle left out (residents).
 */
export const suggestionWhy = signal<{
  distance: DistanceKind;
  facts: ClusterFacts;
  leftOutBest: number | null;
} | null>(null);
export const suggesting = signal(false);

let counter = 0;
export function newId(prefix: string): string {
  counter += 1;
  return `${prefix}${Date.now().toString(36)}${counter}`;
}

/** The sites of a scenario of one category, as the engine takes them. */
export function sitesOf(sc: Scenario | null, category: CoverageCategory): FacilityPoint[] {
  return (sc?.sites ?? [])
    .filter((x) => x.category === category)
    .map((x) => ({
      id: x.id,
      category: x.category,
      lonLat: x.lonLat,
      ...(x.capacity != null ? { capacity: x.capacity } : {}),
    }));
}

/** Add a scenario and make it the active one. */
export function createScenario(name: string): Scenario {
  const created: Scenario = { id: newId('S'), name: name.slice(0, 60), sites: [] };
  batch(() => {
    scenarios.value = [...scenarios.value, created];
    activeScenario.value = created.id;
  });
  return created;
}

/** Change the active scenario's sites (creating a scenario named `nameIfNew` when there is none). */
export function updateSites(change: (sites: ProposedSite[]) => ProposedSite[], nameIfNew: string): void {
  updateScenario((sc) => ({ ...sc, sites: change(sc.sites) }), nameIfNew);
}

/** Add sites of a category at these points to the active scenario (or a new one). */
export function addSites(
  points: Position[],
  category: CoverageCategory,
  lang: Lang,
  nameIfNew: string,
): void {
  if (!isCategoryId(category)) return;
  const cat: CategoryId = category;
  updateSites(
    (sites) => [
      ...sites,
      ...points.map((p, i) => ({
        id: newId('P'),
        name: `${categoryLabel(cat, lang)} #${sites.length + i + 1}`,
        category: cat,
        lonLat: [p[0]!, p[1]!] as [number, number],
      })),
    ],
    nameIfNew,
  );
}

export function renameActive(name: string): void {
  const id = active.value?.id;
  scenarios.value = scenarios.value.map((x) => (x.id === id ? { ...x, name: name.slice(0, 60) } : x));
}

export function deleteActive(): void {
  batch(() => {
    const id = active.value?.id;
    scenarios.value = scenarios.value.filter((x) => x.id !== id);
    activeScenario.value = scenarios.value[0]?.id ?? null;
  });
}

/** Scenarios kept in this browser ([] when storage is unavailable). */
export function loadStoredScenarios(): Scenario[] {
  try {
    return decodeScenarios(localStorage.getItem(STORE));
  } catch {
    return [];
  }
}

export function storeScenarios(list: Scenario[]): void {
  try {
    localStorage.setItem(STORE, encodeScenarios(list));
  } catch {
    // storage full or disabled: the URL still carries the scenarios
  }
}

/** true while the next map click adds a proposed site */
export const addingSite = signal(false);

/** Walking-network edits by map click: a gate (two clicks) or a closed link (one click). */
export const networkEdit = signal<'gate' | 'closure' | null>(null);
/** the first end of a gate being drawn, [lon, lat] */
export const gateStart = signal<[number, number] | null>(null);
/** suggested gates (network mode) */
export const gateSuggestion = signal<GateSuggestion[] | null>(null);
export const suggestingGates = signal(false);
/** gates or closures of the active scenario that could not be placed (bilingual) */
export const scenarioProblems = signal<{ id: string; message: Bilingual }[]>([]);

/** Change the active scenario (creating one named `nameIfNew` when there is none). */
export function updateScenario(change: (sc: Scenario) => Scenario, nameIfNew: string): void {
  batch(() => {
    const id = active.value?.id ?? createScenario(nameIfNew).id;
    scenarios.value = scenarios.value.map((x) => (x.id === id ? change(x) : x));
  });
}

export function addGate(a: [number, number], b: [number, number], nameIfNew: string): void {
  updateScenario((sc) => ({ ...sc, gates: [...(sc.gates ?? []), { id: newId('G'), a, b }] }), nameIfNew);
}

export function addClosure(at: [number, number], nameIfNew: string): void {
  updateScenario((sc) => ({ ...sc, closures: [...(sc.closures ?? []), { id: newId('X'), at }] }), nameIfNew);
}

export function removeNetworkEdit(id: string): void {
  updateScenario(
    (sc) => ({
      ...sc,
      gates: (sc.gates ?? []).filter((g) => g.id !== id),
      closures: (sc.closures ?? []).filter((c) => c.id !== id),
    }),
    '',
  );
}
