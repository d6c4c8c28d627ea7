/**
 * App state in signals, mirrored in the URL so a link reproduces what is on screen and
 * back/forward work: ?lang=en&cat=…&r=…&layers=…&tab=…&circle=…&f=…&at=lon,lat&v=zoom/lat/lon
 * (&embed=1, &basemap=…). Unknown or malformed values fall back to defaults.
 */
import { signal } from '@preact/signals';
import { type CoverageCategory, DEFAULT_STANDARDS } from '../analysis/standards';
import { LAYER_GROUPS, type LayerGroup } from '../map/style';
import type { Lang } from './i18n';

/** The category shown first: elder canteens (长者食堂), a 一老一小 priority. */
export const DEFAULT_CATEGORY: CoverageCategory = 'elder-canteen';
export const MIN_RADIUS_M = 50;
export const MAX_RADIUS_M = 3000;

export const DEFAULT_VISIBLE: Record<LayerGroup, boolean> = {
  subdistricts: true,
  circles: true,
  gaps: true,
  riverfront: true,
  metro: true,
  roads: true,
  osm: false,
  eldercare: true,
  childcare: true,
  services: false,
};

export type Tab = 'coverage' | 'nearby' | 'layers';
const TABS: Tab[] = ['coverage', 'nearby', 'layers'];

/** Map view: zoom and centre (degrees). */
export interface View {
  zoom: number;
  lon: number;
  lat: number;
}

export interface UrlState {
  lang: Lang;
  /** coverage category (a facility category id or "riverfront") */
  category: CoverageCategory;
  /** walking radius in m; null = the category's default */
  radiusM: number | null;
  visible: Record<LayerGroup, boolean>;
  tab: Tab;
  /** selected life circle id */
  circle: string | null;
  /** selected facility id */
  facility: string | null;
  /** the resident's point, [lon, lat] */
  at: [number, number] | null;
  view: View | null;
  /** minimal chrome for iframes */
  embed: boolean;
  /** online basemap style URL, only from ?basemap= or VITE_BASEMAP_STYLE_URL */
  basemap: string | null;
  test: boolean;
  /** test mode only: keep the WebGL drawing buffer so tests can read pixels */
  pixels: boolean;
}

const GROUPS = Object.keys(LAYER_GROUPS) as LayerGroup[];
const ID = /^[A-Za-z0-9-]{1,40}$/;

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

function parseLonLat(text: string | null): [number, number] | null {
  if (!text) return null;
  const [lon, lat] = text.split(',').map(Number);
  if (!Number.isFinite(lon) || !Number.isFinite(lat)) return null;
  if (lon! < 121.3 || lon! > 121.75 || lat! < 31.15 || lat! > 31.45) return null;
  return [lon!, lat!];
}

function parseView(text: string | null): View | null {
  if (!text) return null;
  const [zoom, lat, lon] = text.split('/').map(Number);
  if (![zoom, lat, lon].every(Number.isFinite)) return null;
  if (zoom! < 10 || zoom! > 18 || lon! < 121.3 || lon! > 121.75 || lat! < 31.15 || lat! > 31.45) return null;
  return { zoom: zoom!, lat: lat!, lon: lon! };
}

export function parseUrlState(search: string, envBasemap?: string): UrlState {
  const params = new URLSearchParams(search);
  const lang: Lang = params.get('lang') === 'en' ? 'en' : 'zh';
  const cat = params.get('cat');
  const category: CoverageCategory =
    cat && Object.hasOwn(DEFAULT_STANDARDS, cat) ? (cat as CoverageCategory) : DEFAULT_CATEGORY;
  const r = Number(params.get('r'));
  const radiusM =
    params.has('r') && Number.isFinite(r) && r >= MIN_RADIUS_M && r <= MAX_RADIUS_M ? Math.round(r) : null;
  const visible = { ...DEFAULT_VISIBLE };
  const layers = params.get('layers');
  if (layers !== null) {
    const on = new Set(layers.split(',').filter(Boolean));
    for (const g of GROUPS) visible[g] = on.has(g);
  }
  const tabParam = params.get('tab') as Tab | null;
  const circle = params.get('circle');
  const facility = params.get('f');
  const basemapParam = params.get('basemap');
  const basemap = basemapParam === 'none' ? null : safeStyleUrl(basemapParam ?? envBasemap);
  const test = params.get('test') === '1';
  return {
    lang,
    category,
    radiusM,
    visible,
    tab: tabParam && TABS.includes(tabParam) ? tabParam : 'coverage',
    circle: circle && ID.test(circle) ? circle : null,
    facility: facility && ID.test(facility) ? facility : null,
    at: parseLonLat(params.get('at')),
    view: parseView(params.get('v')),
    embed: params.get('embed') === '1',
    basemap,
    test,
    pixels: test && params.get('pixels') === '1',
  };
}

const round = (v: number, d: number) => String(Math.round(v * 10 ** d) / 10 ** d);

export function serialiseUrlState(state: UrlState, search: string): string {
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
  const text = params.toString();
  return text ? `?${text}` : '';
}

const initial = parseUrlState(
  typeof location === 'undefined' ? '' : location.search,
  import.meta.env?.VITE_BASEMAP_STYLE_URL,
);
export const lang = signal<Lang>(initial.lang);
export const category = signal<CoverageCategory>(initial.category);
export const radiusM = signal<number | null>(initial.radiusM);
export const visible = signal<Record<LayerGroup, boolean>>(initial.visible);
export const tab = signal<Tab>(initial.tab);
export const selectedCircle = signal<string | null>(initial.circle);
export const selectedFacility = signal<string | null>(initial.facility);
export const residentPoint = signal<[number, number] | null>(initial.at);
export const view = signal<View | null>(initial.view);
export const embedMode = initial.embed;
export const basemapUrl = initial.basemap;
export const testMode = initial.test;
export const readPixels = initial.pixels;
export const panelOpen = signal(!initial.embed);
export const notice = signal<string | null>(null);

function current(): UrlState {
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
    embed: embedMode,
    basemap: basemapUrl,
    test: testMode,
    pixels: readPixels,
  };
}

/** Write the current state into the URL as a new history entry (a user's choice). */
export function pushUrl(): void {
  const next = serialiseUrlState(current(), location.search);
  if (next !== location.search) history.pushState(null, '', `${location.pathname}${next}${location.hash}`);
}

/** Write the current state into the URL in place (map moves: no history entry each). */
export function replaceUrl(): void {
  const next = serialiseUrlState(current(), location.search);
  if (next !== location.search) history.replaceState(null, '', `${location.pathname}${next}${location.hash}`);
}

/** Read the URL back into the state (back/forward). */
export function syncFromUrl(): void {
  const s = parseUrlState(location.search);
  lang.value = s.lang;
  category.value = s.category;
  radiusM.value = s.radiusM;
  visible.value = s.visible;
  tab.value = s.tab;
  selectedCircle.value = s.circle;
  selectedFacility.value = s.facility;
  residentPoint.value = s.at;
}
