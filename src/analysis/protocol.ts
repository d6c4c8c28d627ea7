/** Messages between the app and the coverage worker. */
import type { FeatureCollection, Polygon, Position } from 'geojson';
import type { CoverageTable, FacilityPoint, GapProps } from './coverage/engine';
import type { SitingResult } from './coverage/siting';

export interface InitMessage {
  type: 'init';
  layers: {
    district: FeatureCollection;
    subdistricts: FeatureCollection;
    circles: FeatureCollection;
    residential: FeatureCollection;
    osmCoverage: FeatureCollection;
    riverEdge: FeatureCollection;
  };
  facilities: FacilityPoint[];
  riverfront: Position[][];
}

export interface CoverageRequest {
  type: 'coverage';
  id: number;
  category: string;
  radiusM: number;
}

/** Every category at its default radius (for a circle's profile); answered once, then cached. */
export interface DefaultsRequest {
  type: 'defaults';
  id: number;
}

/** Coverage before and after adding proposed sites. */
export interface ScenarioRequest {
  type: 'scenario';
  id: number;
  category: string;
  radiusM: number;
  sites: FacilityPoint[];
}

/** Suggest new sites (greedy maximal coverage) given the existing and proposed sites. */
export interface SuggestRequest {
  type: 'suggest';
  id: number;
  category: string;
  radiusM: number;
  sites: FacilityPoint[];
  count: number;
  circles?: string[];
}

export type WorkerRequest =
  | InitMessage
  | CoverageRequest
  | DefaultsRequest
  | ScenarioRequest
  | SuggestRequest;

/** The numbers first ... */
export interface CoverageResponse {
  type: 'coverage';
  id: number;
  table: CoverageTable;
  /** time spent in the worker, ms */
  ms: number;
}

/** ... then the gap polygons of the same request. */
export interface GapsResponse {
  type: 'gaps';
  id: number;
  gaps: FeatureCollection<Polygon, GapProps>;
  ms: number;
}

export interface ReadyResponse {
  type: 'ready';
  ms: number;
}

export interface ErrorResponse {
  type: 'error';
  id: number | null;
  message: string;
}

export interface DefaultsResponse {
  type: 'defaults';
  id: number;
  tables: CoverageTable[];
  ms: number;
}

/** Numbers first (ms = worker time for them) ... */
export interface ScenarioResponse {
  type: 'scenario';
  id: number;
  before: CoverageTable;
  after: CoverageTable;
  ms: number;
}

/** ... then the scenario's gap polygons. */
export interface ScenarioGapsResponse {
  type: 'scenarioGaps';
  id: number;
  gaps: FeatureCollection<Polygon, GapProps>;
}

export interface SuggestResponse {
  type: 'suggest';
  id: number;
  result: SitingResult;
  ms: number;
}

export type WorkerResponse =
  | CoverageResponse
  | GapsResponse
  | DefaultsResponse
  | ScenarioResponse
  | ScenarioGapsResponse
  | SuggestResponse
  | ReadyResponse
  | ErrorResponse;
