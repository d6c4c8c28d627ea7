/**
 * The coverage worker's message map: every method with its parameters and result. The
 * engine runs in the worker; the app calls these through RpcClient (coverageClient.ts).
 */
import type { FeatureCollection, Polygon, Position } from 'geojson';
import type { CoverageTable, FacilityPoint, GapProps } from '../analysis/coverage/engine';
import type { SitingResult } from '../analysis/coverage/siting';
import type { CoverageCategory } from '../core/categories';

/** The layers the population model needs. */
export interface ModelLayers {
  district: FeatureCollection;
  subdistricts: FeatureCollection;
  circles: FeatureCollection;
  residential: FeatureCollection;
  osmCoverage: FeatureCollection;
  riverEdge: FeatureCollection;
}

export interface CoverageInit {
  layers: ModelLayers;
  facilities: FacilityPoint[];
  /** the riverfront corridor lines (lon/lat) */
  riverfront: Position[][];
  /** accept the test-only `failNext` call (the app sets this only with ?test=1) */
  testHooks?: boolean;
}

/** One category at one walking radius (m), optionally with a scenario's proposed sites added. */
export interface CoverageQuery {
  category: CoverageCategory;
  radiusM: number;
  /** proposed sites added to the existing facilities (a scenario); none = today's facilities */
  sites?: FacilityPoint[];
}

export type CoverageApi = {
  /** Build the population model and the engine; answers with the time it took (ms). */
  init: { params: CoverageInit; result: { ms: number } };
  /** The numbers: every circle, subdistrict and the district. */
  table: { params: CoverageQuery; result: { table: CoverageTable; ms: number } };
  /**
   * The gap polygons of the same query, computed with Turf (asked after the numbers are
   * shown): every circle's, or only those of `circles` (ids). Circle by circle, so a newer
   * request does not wait behind it.
   */
  gaps: {
    params: CoverageQuery & { circles?: string[] };
    result: { gaps: FeatureCollection<Polygon, GapProps>; ms: number };
  };
  /** Coverage before (today) and after adding `sites`. */
  scenario: {
    params: CoverageQuery & { sites: FacilityPoint[] };
    result: { before: CoverageTable; after: CoverageTable; ms: number };
  };
  /** Suggest `count` new sites given the existing (and proposed) ones. */
  suggest: {
    params: CoverageQuery & { count: number; circles?: string[] };
    result: { result: SitingResult; ms: number };
  };
  /** Every category at its default radius (a circle's profile). */
  defaults: { params: null; result: { tables: CoverageTable[]; ms: number } };
  /** Test hook: the next call of `method` throws. Refused unless init had testHooks. */
  failNext: { params: { method: keyof CoverageApi & string }; result: null };
};
