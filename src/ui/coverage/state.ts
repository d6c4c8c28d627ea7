/**
 * The coverage feature's state (no JSX): the category and walking distance shown, the
 * selected circle, and what the worker answered (the table, the gaps, an error).
 */
import { computed, signal } from '@preact/signals';
import type { FeatureCollection, MultiLineString, Polygon } from 'geojson';
import type { CoverageTable, DistanceKind, GapProps } from '../../analysis/coverage/engine';
import type { GraphLineProps } from '../../analysis/network/lines';
import { DEFAULT_STANDARDS } from '../../analysis/standards';
import type { CoverageCategory } from '../../core/categories';
import type { NetworkSummary } from '../../worker/coverageApi';

/** The category shown first: elder canteens (长者食堂), a 一老一小 priority. */
export const DEFAULT_CATEGORY: CoverageCategory = 'elder-canteen';
/** Custom walking distances allowed, m. */
export const MIN_RADIUS_M = 50;
export const MAX_RADIUS_M = 3000;

export const category = signal<CoverageCategory>(DEFAULT_CATEGORY);
/** walking radius in m; null = the category's default */
export const radiusM = signal<number | null>(null);
export const selectedCircle = signal<string | null>(null);
/** walking (best available: the default), straight line, or walking on the network only (?dist=) */
export const distance = signal<DistanceKind>('walk');
/** the walking network the worker built (null: none), or why it could not */
export const network = signal<NetworkSummary | null>(null);
export const networkError = signal<string | null>(null);
/** the distance in force: walking (network or best available) only when a network exists, else straight */
export const distanceInForce = computed<DistanceKind>(() =>
  distance.value !== 'straight' && network.value ? distance.value : 'straight',
);
/** true when walking distances use the mapped network (network and walk modes): gates and closures count */
export const onNetwork = (d: DistanceKind) => d === 'network' || d === 'walk';
/** walking (best available): the route factors of the shown table (near me estimates walks with them); else null */
export const walkFactors = computed(() =>
  distanceInForce.value === 'walk' && table.value?.distance === 'walk'
    ? (table.value.routeFactors ?? null)
    : null,
);
/** the walking graph's lines (drawn on the map in network mode), asked once per engine; null until then */
export const networkLines = signal<FeatureCollection<MultiLineString, GraphLineProps> | null>(null);
/** the radius in force, m */
export const radius = computed(() => radiusM.value ?? DEFAULT_STANDARDS[category.value].radiusM);

/** Today's coverage for the category and radius (the dashboard's numbers). */
export const table = signal<CoverageTable | null>(null);
/** Gaps exported: every circle's Turf polygons for the current query (today's, or the active scenario's); null until computed. */
export const gaps = signal<FeatureCollection<Polygon, GapProps> | null>(null);
/** Gaps on the map: the selected circle's first, then every circle's; null while none are computed for the current query. */
export const shownGaps = signal<FeatureCollection<Polygon, GapProps> | null>(null);
export const busy = signal(false);
/** worker ms for the last table */
export const workerMs = signal<number | null>(null);
/** the last analysis failure (text), cleared by a new answer */
export const analysisError = signal<string | null>(null);
/** bumped by "retry": asks for the same analysis again */
export const retryTick = signal(0);
/** every category at its default radius (a circle's profile), once asked for */
export const defaultTables = signal<CoverageTable[] | null>(null);
