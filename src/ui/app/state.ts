/**
 * App-wide state in signals (no JSX): language, tab, map view, the panel, notices, the
 * data in use and the services every feature talks to (the map and the coverage worker).
 * The URL module (../url.ts) reads and writes the URL-bearing ones.
 */
import { computed, signal } from '@preact/signals';
import type { Position } from 'geojson';
import type { Lang } from '../../core/lang';
import type { LoadedData } from '../../data/load';
import type { MapView } from '../../map/MapView';
import type { CoverageClient } from '../../worker/coverageClient';
import { type DataIndex, indexData } from './dataIndex';

export type Tab = 'coverage' | 'nearby' | 'layers';
export const TABS: readonly Tab[] = ['coverage', 'nearby', 'layers'];

/** Map view: zoom and centre (degrees). */
export interface View {
  zoom: number;
  lon: number;
  lat: number;
}

export const lang = signal<Lang>('zh');
export const tab = signal<Tab>('coverage');
export const view = signal<View | null>(null);
export const panelOpen = signal(true);
/** a message for the user (text only), e.g. the basemap fell back */
export const notice = signal<string | null>(null);

/** Fixed for the page's life, read from the URL once (url.ts). */
export const flags = {
  /** minimal chrome for iframes */
  embed: false,
  /** online basemap style URL, only from ?basemap= or VITE_BASEMAP_STYLE_URL */
  basemap: null as string | null,
  /** test hooks on (?test=1) */
  test: false,
  /** test mode only: keep the WebGL drawing buffer so tests can read pixels */
  pixels: false,
  /** developer figures shown (?debug=1): the worker's timing */
  debug: false,
};

/** The data as shipped (geodata/), and with the user's imports applied. */
export const baseData = signal<LoadedData | null>(null);
export const data = signal<LoadedData | null>(null);
export const index = computed<DataIndex | null>(() => (data.value ? indexData(data.value) : null));
/** The corridor lines of the riverfront category (lon/lat). */
export const riverfrontLines = computed<Position[][]>(() =>
  (data.value?.layers.riverfront.features ?? []).map((f) => (f.geometry as GeoJSON.LineString).coordinates),
);

/** The map and the coverage worker, once they exist. */
export const controller = signal<MapView | null>(null);
export const client = signal<CoverageClient | null>(null);
/** 0 while the worker builds its engine; then that engine's generation (1, 2, …: never repeats) */
export const engineReady = signal(0);
