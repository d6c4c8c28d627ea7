/**
 * The coverage worker's message map: every method with its parameters and result. The
 * engine runs in the worker; the app calls these through RpcClient (coverageClient.ts).
 */
import type { FeatureCollection, MultiLineString, Polygon, Position } from 'geojson';
import type { CoverageTable, DistanceKind, FacilityPoint, GapProps } from '../analysis/coverage/engine';
import type { SitingResult } from '../analysis/coverage/siting';
import type { ClosureSpec, GateSpec } from '../analysis/network/gates';
import type { GraphLineProps } from '../analysis/network/lines';
import type { WalksFrom } from '../analysis/network/nearest';
import type { GateSuggestion } from '../analysis/network/suggestGates';
import type { CoverageCategory } from '../core/categories';
import type { Bilingual } from '../core/lang';
import type { AccessApi } from './accessApi';

/** The layers the population model needs. */
export interface ModelLayers {
  district: FeatureCollection;
  subdistricts: FeatureCollection;
  circles: FeatureCollection;
  /** the derived population-model layer (buildings, residential areas, OSM extent) */
  populationModel: FeatureCollection;
  riverEdge: FeatureCollection;
}

export interface CoverageInit {
  layers: ModelLayers;
  facilities: FacilityPoint[];
  /** the riverfront corridor lines (lon/lat) */
  riverfront: Position[][];
  /** accept the test-only `failNext` call (the app sets this only with ?test=1) */
  testHooks?: boolean;
  /** the walking graph as fetched (geodata/walk-graph.json or an import), checked here */
  graph?: unknown;
  /** or walking lines (an imported network), from which the worker builds the graph */
  walkLines?: FeatureCollection;
  /**
   * the route factors measured on the shipped graph (geodata/route-factors.json), checked
   * here; absent (an imported network, or none shipped): the worker measures them on the graph
   */
  routeFactors?: unknown;
  /** where the graph's data is complete (polygons) */
  networkExtent?: FeatureCollection;
}

/** What the worker knows of the walking network after init. */
export interface NetworkSummary {
  nodes: number;
  edges: number;
  /** km of walkable line */
  lengthKm: number;
  /** residents in the network (inside its extent, within 150 m of a mapped walk) */
  residents: number;
  /** of all residents (0–1) */
  residentsShare: number;
}

/** One category at one walking radius (m), optionally with a scenario's proposed sites added. */
export interface CoverageQuery {
  category: CoverageCategory;
  radiusM: number;
  /** proposed sites added to the existing facilities (a scenario); none = today's facilities */
  sites?: FacilityPoint[];
  /** straight-line (default) or walking distance on the network where it exists */
  distance?: DistanceKind;
  /** a scenario's 睦邻门 gates and closed links (they change walking distances only) */
  gates?: GateSpec[];
  closures?: ClosureSpec[];
}

export type CoverageApi = AccessApi & {
  /** Build the population model and the engine; answers with the time it took (ms). */
  init: {
    params: CoverageInit;
    /** the network when one was given and is usable; `networkError` says why not otherwise */
    result: { ms: number; network: NetworkSummary | null; networkError: string | null };
  };
  /** The numbers: every circle, subdistrict and the district. */
  table: { params: CoverageQuery; result: { table: CoverageTable; ms: number } };
  /**
   * The gap polygons of the same query, computed with Turf (asked after the numbers are
   * shown): every circle's, or only those of `circles` (ids). Circle by circle, so a newer
   * request does not wait behind it.
   */
  gaps: {
    params: CoverageQuery & { circles?: string[] };
    /** `traced`: circles whose gaps are the raster's cell outline (Turf's clipper failed twice; none on the real data) */
    result: { gaps: FeatureCollection<Polygon, GapProps>; traced: string[]; ms: number };
  };
  /** Coverage before (today) and after adding `sites`. */
  scenario: {
    params: CoverageQuery & { sites: FacilityPoint[] };
    /** `problems`: gates or closures that could not be placed, and each placed gate's own gain (why +0), by id, bilingual */
    result: {
      before: CoverageTable;
      after: CoverageTable;
      problems: { id: string; message: Bilingual }[];
      ms: number;
    };
  };
  /** Suggest 睦邻门 gates (network mode) for the category and radius, given the scenario's changes. */
  suggestGates: {
    params: CoverageQuery & { count: number };
    result: { suggestions: GateSuggestion[]; candidates: number; ms: number };
  };
  /** Suggest `count` (1–MAX_SUGGESTED_SITES) new sites given the existing (and proposed) ones. */
  suggest: {
    params: CoverageQuery & { count: number; circles?: string[] };
    result: { result: SitingResult; ms: number };
  };
  /** Every category at its default radius (a circle's profile). */
  defaults: { params: { distance?: DistanceKind }; result: { tables: CoverageTable[]; ms: number } };
  /** Near me on the network: walks to the nearest facility of each category, and isochrones (null outside). */
  walks: {
    params: { at: [number, number]; categories: string[] };
    result: { walks: WalksFrom | null; ms: number };
  };
  /** The walking graph the engine measures on, as lines to draw (null without a network). */
  networkLines: {
    params: Record<string, never>;
    result: { lines: FeatureCollection<MultiLineString, GraphLineProps> | null; ms: number };
  };
  /** Test hook: the next call of `method` throws. Refused unless init had testHooks. */
  failNext: { params: { method: keyof CoverageApi & string }; result: null };
};
