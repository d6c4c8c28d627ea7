/**
 * App state in signals, mirrored in the URL (?lang=en&layers=…&basemap=…) so links
 * reproduce the view and back/forward work.
 */
import { signal } from '@preact/signals';
import { LAYER_GROUPS, type LayerGroup } from '../map/style';
import type { Lang } from './i18n';

export const DEFAULT_VISIBLE: Record<LayerGroup, boolean> = {
  subdistricts: true,
  circles: true,
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
  visible: Record<LayerGroup, boolean>;
  /** online basemap style URL, only from ?basemap= or VITE_BASEMAP_STYLE_URL */
  basemap: string | null;
  test: boolean;
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
  const visible = { ...DEFAULT_VISIBLE };
  const layers = params.get('layers');
  if (layers !== null) {
    const on = new Set(layers.split(',').filter(Boolean));
    for (const g of GROUPS) visible[g] = on.has(g);
  }
  const basemapParam = params.get('basemap');
  const basemap = basemapParam === 'none' ? null : safeStyleUrl(basemapParam ?? envBasemap);
  return { lang, visible, basemap, test: params.get('test') === '1' };
}

export function serialiseUrlState(state: UrlState, search: string): string {
  const params = new URLSearchParams(search);
  if (state.lang === 'en') params.set('lang', 'en');
  else params.delete('lang');
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
export const visible = signal<Record<LayerGroup, boolean>>(initial.visible);
export const basemapUrl = initial.basemap;
export const testMode = initial.test;
export const panelOpen = signal(true);
export const notice = signal<string | null>(null);

/** Write the current state into the URL (a new history entry). */
export function pushUrl(): void {
  const next = serialiseUrlState(
    { lang: lang.value, visible: visible.value, basemap: basemapUrl, test: testMode },
    location.search,
  );
  if (next !== location.search) history.pushState(null, '', `${location.pathname}${next}${location.hash}`);
}

/** Read the URL back into the state (back/forward). */
export function syncFromUrl(): void {
  const s = parseUrlState(location.search);
  lang.value = s.lang;
  visible.value = s.visible;
}
