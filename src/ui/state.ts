/**
 * App state in signals, mirrored in the URL (?lang=en&layers=…&basemap=…) so links
 * reproduce the view and back/forward work.
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

export interface UrlState {
  lang: Lang;
  /** coverage category (a facility category id or "riverfront") */
  category: CoverageCategory;
  /** walking radius in m; null = the category's default */
  radiusM: number | null;
  visible: Record<LayerGroup, boolean>;
  /** online basemap style URL, only from ?basemap= or VITE_BASEMAP_STYLE_URL */
  basemap: string | null;
  test: boolean;
  /** test mode only: keep the WebGL drawing buffer so tests can read pixels */
  pixels: boolean;
}

const GROUPS = Object.keys(LAYER_GROUPS) as LayerGroup[];

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

export function parseUrlState(search: string, envBasemap?: string): UrlState {
  const params = new URLSearchParams(search);
  const lang: Lang = params.get('lang') === 'en' ? 'en' : 'zh';
  const cat = params.get('cat');
  const category: CoverageCategory =
    cat && cat in DEFAULT_STANDARDS ? (cat as CoverageCategory) : DEFAULT_CATEGORY;
  const r = Number(params.get('r'));
  const radiusM =
    params.has('r') && Number.isFinite(r) && r >= MIN_RADIUS_M && r <= MAX_RADIUS_M ? Math.round(r) : null;
  const visible = { ...DEFAULT_VISIBLE };
  const layers = params.get('layers');
  if (layers !== null) {
    const on = new Set(layers.split(',').filter(Boolean));
    for (const g of GROUPS) visible[g] = on.has(g);
  }
  const basemapParam = params.get('basemap');
  const basemap = basemapParam === 'none' ? null : safeStyleUrl(basemapParam ?? envBasemap);
  const test = params.get('test') === '1';
  return { lang, category, radiusM, visible, basemap, test, pixels: test && params.get('pixels') === '1' };
}

export function serialiseUrlState(state: UrlState, search: string): string {
  const params = new URLSearchParams(search);
  if (state.lang === 'en') params.set('lang', 'en');
  else params.delete('lang');
  if (state.category !== DEFAULT_CATEGORY) params.set('cat', state.category);
  else params.delete('cat');
  if (state.radiusM !== null) params.set('r', String(state.radiusM));
  else params.delete('r');
  const isDefault = GROUPS.every((g) => state.visible[g] === DEFAULT_VISIBLE[g]);
  if (isDefault) params.delete('layers');
  else params.set('layers', GROUPS.filter((g) => state.visible[g]).join(','));
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
export const basemapUrl = initial.basemap;
export const testMode = initial.test;
export const readPixels = initial.pixels;
export const panelOpen = signal(true);
export const notice = signal<string | null>(null);

/** Write the current state into the URL (a new history entry). */
export function pushUrl(): void {
  const next = serialiseUrlState(
    {
      lang: lang.value,
      category: category.value,
      radiusM: radiusM.value,
      visible: visible.value,
      basemap: basemapUrl,
      test: testMode,
      pixels: readPixels,
    },
    location.search,
  );
  if (next !== location.search) history.pushState(null, '', `${location.pathname}${next}${location.hash}`);
}

/** Read the URL back into the state (back/forward). */
export function syncFromUrl(): void {
  const s = parseUrlState(location.search);
  lang.value = s.lang;
  category.value = s.category;
  radiusM.value = s.radiusM;
  visible.value = s.visible;
}
