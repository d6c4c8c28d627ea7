/**
 * The one owner of the URL. Every parameter is read and written here:
 *   lang=en  cat=<category id>  r=<metres>  layers=a,b,…  tab=nearby|layers  circle=<id>
 *   f=<facility id>  at=<lon>,<lat>  v=<zoom>/<lat>/<lon>  sc=<scenarios>  dist=straight|network|walk
 *   report=circle:<id>|subdistrict:<name>|district
 *   min=<minutes>&pace=adult|elder|<m/s> (the threshold as a walk; r= follows it)  bk=<basket>
 *   acc=capacity|basket-elder|basket-child|difference|capacity-difference  decay=gaussian  (read once:)
 *   embed=1  basemap=<style URL>|none  test=1  pixels=1  debug=1
 * Unknown or malformed values fall back to defaults, never throw. Features only change
 * their signals; `startUrlSync` writes the URL (a user's choice → a history entry; map moves
 * and scenario edits → in place; in an embed always in place, so the host page's back button
 * is not filled with the map's clicks) and reads it back on back/forward. The validators
 * (`validCategory`, `validRadius`, `validLonLat`, `validId`) are shared with the embed API
 * (./embed/messages.ts), so a value is accepted there exactly when a link would accept it.
 *
 * Link versions and `dist`: version 1 links (before walking became the default) wrote
 * `dist=network` or nothing, and nothing meant straight line. Version 2 links (written
 * now) always write `dist=` beside any other state they carry, and a bare address (no state
 * at all) means the default, walking (best available). So a link that carries state but no
 * `dist` is a version-1 link and keeps showing straight-line figures (see `parseDistance`).
 */
import { batch, effect, untracked } from '@preact/signals';
import { DEFAULT_BASKET, parseBasket } from '../analysis/access/basket';
import type { Decay } from '../analysis/access/capacity';
import { ACCESS_LAYER_KINDS, type AccessLayerKind } from '../analysis/access/layers';
import { checkWalkTime, isPaceId, type WalkTime, walkRadiusM } from '../analysis/access/pace';
import type { DistanceKind } from '../analysis/coverage/tables';
import { type CoverageCategory, isCoverageCategory } from '../core/categories';
import { inBBox, MAP_BOUNDS } from '../core/extent';
import type { Lang } from '../core/lang';
import { LAYER_GROUPS, type LayerGroup } from '../map/style';
import { accessLayerKind, basket, basketParam, decay, walkTime } from './access/state';
import { flags, lang, TABS, type Tab, tab, type View, view } from './app/state';
import {
  category,
  DEFAULT_CATEGORY,
  distance,
  MAX_RADIUS_M,
  MIN_RADIUS_M,
  radiusM,
  selectedCircle,
} from './coverage/state';
import { selectedFacility } from './facility/state';
import { DEFAULT_VISIBLE, visible } from './layers/state';
import { residentPoint } from './nearby/state';
import { type ReportRef, reportKey } from './report/ref';
import { report } from './report/state';
import { decodeScenarios, encodeScenarios, type Scenario } from './scenarios/codec';
import { activeScenario, loadStoredScenarios, scenarios } from './scenarios/state';

export interface UrlState {
  lang: Lang;
  category: ReturnType<typeof category.peek>;
  /** walking radius in m; null = the category's default */
  radiusM: number | null;
  visible: Record<LayerGroup, boolean>;
  tab: Tab;
  circle: string | null;
  facility: string | null;
  /** the resident's point, [lon, lat] */
  at: [number, number] | null;
  view: View | null;
  /** scenarios from a share link ([] when none) */
  scenarios: Scenario[];
  /** straight line, walking on the network only, or walking (best available: the default) */
  distance: DistanceKind;
  /** a printable report shown instead of the map (null: the map) */
  report: ReportRef | null;
  /** the access analysis (issue 20): the threshold as a walk, the basket (encoded; null = default), the map layer, the 2SFCA decay */
  walk: WalkTime | null;
  basket: string | null;
  accessLayer: AccessLayerKind | null;
  decay: Decay;
  embed: boolean;
  basemap: string | null;
  test: boolean;
  pixels: boolean;
  /** developer figures (the worker's timing) shown */
  debug: boolean;
}

/** `min=` and `pace=` as a walk time, or null (pure). */
export function parseWalk(min: string | null, pace: string | null): WalkTime | null {
  const minutes = decimal(min);
  if (minutes === null) return null;
  return checkWalkTime(minutes, isPaceId(pace) ? pace : pace === null ? 'adult' : decimal(pace));
}

const GROUPS = Object.keys(LAYER_GROUPS) as LayerGroup[];
const ID = /^[A-Za-z0-9:-]{1,60}$/;

/** Only http(s) style URLs are accepted as a basemap. */
export function safeStyleUrl(value: string | null | undefined): string | null {
  if (!value) return null;
  try {
    const url = new URL(value, 'https://invalid.example/');
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
  } catch {
    return null;
  }
}

/** Strictly a decimal number ("12", "-3.5"): no hex, exponents, blanks or "Infinity". */
function decimal(text: string | undefined | null): number | null {
  if (text === undefined || text === null || !/^-?\d{1,12}(\.\d{1,12})?$/.test(text)) return null;
  return Number(text);
}

/** A point [lon, lat] (degrees) on the map, or null: finite numbers within the map's bounds. */
export function validLonLat(lon: unknown, lat: unknown): [number, number] | null {
  if (typeof lon !== 'number' || typeof lat !== 'number') return null;
  if (!Number.isFinite(lon) || !Number.isFinite(lat)) return null;
  return inBBox([lon, lat], MAP_BOUNDS) ? [lon, lat] : null;
}

function parseLonLat(text: string | null): [number, number] | null {
  const parts = text?.split(',') ?? [];
  if (parts.length !== 2) return null;
  return validLonLat(decimal(parts[0]), decimal(parts[1]));
}

function parseView(text: string | null): View | null {
  const parts = text?.split('/') ?? [];
  if (parts.length !== 3) return null;
  const [zoom, lat, lon] = parts.map(decimal);
  if (
    zoom === null ||
    lat === null ||
    lon === null ||
    zoom === undefined ||
    lat === undefined ||
    lon === undefined
  )
    return null;
  if (zoom < 10 || zoom > 18 || !inBBox([lon, lat], MAP_BOUNDS)) return null;
  return { zoom, lat, lon };
}

/** A custom walking radius (m, rounded) within the allowed range, or null. */
export function validRadius(value: unknown): number | null {
  return typeof value === 'number' && value >= MIN_RADIUS_M && value <= MAX_RADIUS_M
    ? Math.round(value)
    : null;
}

function parseRadius(text: string | null): number | null {
  return validRadius(decimal(text));
}

/** A coverage category id (or the riverfront), or null. */
export function validCategory(value: unknown): CoverageCategory | null {
  return isCoverageCategory(value) ? value : null;
}

function parseLayers(text: string | null): Record<LayerGroup, boolean> {
  const out = { ...DEFAULT_VISIBLE };
  if (text === null) return out;
  const on = new Set(text.split(','));
  for (const g of GROUPS) out[g] = on.has(g);
  return out;
}

/** A circle or facility id: 1–60 letters, digits, ':' or '-'; else null. */
export const validId = (value: unknown): string | null =>
  typeof value === 'string' && ID.test(value) ? value : null;

/** A subdistrict's name as a link may give it (Chinese or English name, or its code). */
const SUBDISTRICT_NAME = /^[\p{Script=Han}A-Za-z0-9][\p{Script=Han}A-Za-z0-9 .'’()（）·-]{0,39}$/u;

/** `circle:<id>`, `subdistrict:<name>` or `district`; anything else is no report (pure). */
export function parseReport(text: string | null): ReportRef | null {
  if (!text) return null;
  if (text === 'district') return { kind: 'district' };
  const colon = text.indexOf(':');
  const kind = text.slice(0, colon);
  const value = text.slice(colon + 1);
  if (colon > 0 && kind === 'circle' && ID.test(value)) return { kind: 'circle', id: value };
  if (colon > 0 && kind === 'subdistrict' && SUBDISTRICT_NAME.test(value) && value.trim() === value)
    return { kind: 'subdistrict', name: value };
  return null;
}

/** The default distance of a link without `dist=` that carries no other state: walking (best available). */
export const DEFAULT_DISTANCE: DistanceKind = 'walk';

/** The state parameters a link carries (not `dist`, nor this page's own: test, pixels, embed, basemap). */
const STATE_KEYS = ['lang', 'cat', 'r', 'layers', 'tab', 'circle', 'f', 'at', 'v', 'sc', 'report'];

/** A distance kind, or null. */
export function validDistance(value: unknown): DistanceKind | null {
  return value === 'straight' || value === 'network' || value === 'walk' ? value : null;
}

/**
 * The distance a link asks for: its `dist=`; without one, straight line for a version-1 link
 * (one carrying other state: before walking became the default, no `dist` meant straight),
 * else the default (walking). A malformed `dist` counts as none.
 */
export function parseDistance(params: URLSearchParams): DistanceKind {
  const given = validDistance(params.get('dist'));
  if (given) return given;
  return STATE_KEYS.some((k) => params.has(k)) ? 'straight' : DEFAULT_DISTANCE;
}

/** The state a query string asks for (pure). */
export function parseUrlState(search: string, envBasemap?: string): UrlState {
  const params = new URLSearchParams(search);
  const cat = params.get('cat');
  const tabParam = params.get('tab');
  const basemapParam = params.get('basemap');
  const test = params.get('test') === '1';
  const walk = parseWalk(params.get('min'), params.get('pace'));
  const bk = params.get('bk');
  return {
    lang: params.get('lang') === 'en' ? 'en' : 'zh',
    category: validCategory(cat) ?? DEFAULT_CATEGORY,
    radiusM: walk ? validRadius(walkRadiusM(walk)) : parseRadius(params.get('r')),
    visible: parseLayers(params.get('layers')),
    tab: TABS.find((t) => t === tabParam) ?? 'coverage',
    circle: validId(params.get('circle')),
    facility: validId(params.get('f')),
    at: parseLonLat(params.get('at')),
    view: parseView(params.get('v')),
    scenarios: decodeScenarios(params.get('sc')),
    walk,
    basket: bk !== null && parseBasket(bk) ? bk : null,
    accessLayer: ACCESS_LAYER_KINDS.find((k) => k === params.get('acc')) ?? null,
    decay: params.get('decay') === 'gaussian' ? 'gaussian' : 'binary',
    distance: parseDistance(params),
    report: parseReport(params.get('report')),
    embed: params.get('embed') === '1',
    basemap: basemapParam === 'none' ? null : safeStyleUrl(basemapParam ?? envBasemap),
    test,
    pixels: test && params.get('pixels') === '1',
    debug: params.get('debug') === '1',
  };
}

const round = (v: number, d: number) => String(Math.round(v * 10 ** d) / 10 ** d);

/** The query string for a state, keeping parameters that are not ours (pure). */
export function serialiseUrlState(
  state: Omit<UrlState, 'embed' | 'basemap' | 'test' | 'pixels' | 'debug'>,
  search: string,
) {
  const params = new URLSearchParams(search);
  const set = (key: string, value: string | null) => {
    if (value === null) params.delete(key);
    else params.set(key, value);
  };
  set('lang', state.lang === 'en' ? 'en' : null);
  set('cat', state.category !== DEFAULT_CATEGORY ? state.category : null);
  set('r', state.radiusM !== null ? String(state.radiusM) : null);
  const isDefault = GROUPS.every((g) => state.visible[g] === DEFAULT_VISIBLE[g]);
  set('layers', isDefault ? null : GROUPS.filter((g) => state.visible[g]).join(','));
  set('tab', state.tab !== 'coverage' ? state.tab : null);
  set('circle', state.circle);
  set('f', state.facility);
  set('at', state.at ? `${round(state.at[0], 6)},${round(state.at[1], 6)}` : null);
  set(
    'v',
    state.view
      ? `${round(state.view.zoom, 2)}/${round(state.view.lat, 5)}/${round(state.view.lon, 5)}`
      : null,
  );
  set('sc', state.scenarios.length ? encodeScenarios(state.scenarios) : null);
  set('report', state.report ? reportKey(state.report) : null);
  set('min', state.walk ? String(state.walk.minutes) : null);
  set('pace', state.walk ? String(state.walk.pace) : null);
  set('bk', state.basket);
  set('acc', state.accessLayer);
  set('decay', state.decay === 'gaussian' ? 'gaussian' : null);
  // version 2: `dist` is written whenever any state is (a link without it is a version-1 one)
  const carriesState = STATE_KEYS.some((k) => params.has(k));
  set('dist', carriesState || state.distance !== DEFAULT_DISTANCE ? state.distance : null);
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** Parameters whose change does not make a history entry. */
const IN_PLACE = ['v', 'sc'];

function currentState() {
  return {
    lang: lang.value,
    category: category.value,
    radiusM: radiusM.value,
    visible: visible.value,
    tab: tab.value,
    circle: selectedCircle.value,
    facility: selectedFacility.value,
    at: residentPoint.value,
    view: view.value,
    scenarios: scenarios.value,
    distance: distance.value,
    report: report.value,
    walk: walkTime.value,
    basket: basketParam.value,
    accessLayer: accessLayerKind.value,
    decay: decay.value,
  };
}

function apply(s: UrlState, withScenarios: boolean): void {
  batch(() => {
    lang.value = s.lang;
    category.value = s.category;
    radiusM.value = s.radiusM;
    visible.value = s.visible;
    tab.value = s.tab;
    selectedCircle.value = s.circle;
    selectedFacility.value = s.facility;
    residentPoint.value = s.at;
    distance.value = s.distance;
    report.value = s.report;
    walkTime.value = s.walk;
    basket.value = (s.basket && parseBasket(s.basket)) || DEFAULT_BASKET;
    accessLayerKind.value = s.accessLayer;
    decay.value = s.decay;
    if (withScenarios) {
      scenarios.value = s.scenarios;
      if (!s.scenarios.some((x) => x.id === activeScenario.peek()))
        activeScenario.value = s.scenarios[0]?.id ?? null;
    }
  });
}

/** Parameters of this page that a link made for someone else never carries. */
const NOT_SHARED = ['test', 'pixels', 'embed', 'debug'];

/**
 * The address of the current view for someone else: the full map, or with `embed` the
 * embeddable one (`embed=1` first; without the planner's scenarios: an embed shows the data
 * as it is, not proposals).
 */
export function viewLink(embed: boolean, href = location.href): string {
  const url = new URL(href);
  const state = embed ? { ...currentState(), scenarios: [] } : currentState();
  const own = new URLSearchParams(serialiseUrlState(state, url.search));
  for (const k of NOT_SHARED) own.delete(k);
  const params = new URLSearchParams(embed ? [['embed', '1'], ...own] : [...own]);
  url.search = params.toString();
  url.hash = '';
  return url.href;
}

/** Read the page's URL into the signals and flags (once, before the app renders). */
export function initFromUrl(search: string, envBasemap?: string): UrlState {
  const s = parseUrlState(search, envBasemap);
  Object.assign(flags, {
    embed: s.embed,
    basemap: s.basemap,
    test: s.test,
    pixels: s.pixels,
    debug: s.debug,
  });
  // A shared link's scenarios win; else what this browser kept (not in an embed: it shows its link).
  const kept = s.scenarios.length || s.embed ? s.scenarios : loadStoredScenarios();
  apply({ ...s, scenarios: kept }, true);
  view.value = s.view;
  return s;
}

/**
 * A link (absolute URL) to this page with the current state and `report` (null: the live map
 * view, with `circle` selected when given). Used by report links and a report's way back;
 * `shared` (a printed report's link to the live view) leaves out what only this page uses
 * (test=1, pixels, embed) and the hash. Reads the state without subscribing (a link is not
 * redrawn for every map move).
 */
export function hrefFor(next: ReportRef | null, circle?: string, shared = false): string {
  const state = untracked(() => ({
    ...currentState(),
    report: next,
    ...(circle ? { circle, tab: 'coverage' as Tab } : {}),
  }));
  const url = new URL(location.href);
  url.search = serialiseUrlState(state, location.search);
  if (shared) {
    for (const k of NOT_SHARED) url.searchParams.delete(k);
    url.hash = '';
  }
  return url.href;
}

/** Keep the URL in step with the signals, and the signals with back/forward. Returns a stop function. */
export function startUrlSync(): () => void {
  let syncing = false;
  const stop = effect(() => {
    const next = serialiseUrlState(currentState(), location.search);
    if (syncing || next === location.search) return;
    const before = new URLSearchParams(location.search);
    const after = new URLSearchParams(next);
    const keys = new Set([...before.keys(), ...after.keys()]);
    const onlyInPlace = [...keys].every((k) => before.get(k) === after.get(k) || IN_PLACE.includes(k));
    const url = `${location.pathname}${next}${location.hash}`;
    if (onlyInPlace || flags.embed) history.replaceState(null, '', url);
    else history.pushState(null, '', url);
  });
  const onPop = () => {
    syncing = true;
    try {
      const s = parseUrlState(location.search);
      apply(s, s.scenarios.length > 0);
    } finally {
      syncing = false;
    }
  };
  window.addEventListener('popstate', onPop);
  return () => {
    stop();
    window.removeEventListener('popstate', onPop);
  };
}
