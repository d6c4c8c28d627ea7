/** Messages between the app and the coverage worker. */
import type { FeatureCollection, Polygon, Position } from 'geojson';
import type { CoverageTable, FacilityPoint, GapProps } from './coverage/engine';

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

export type WorkerRequest = InitMessage | CoverageRequest | DefaultsRequest;

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

export type WorkerResponse =
  | CoverageResponse
  | GapsResponse
  | DefaultsResponse
  | ReadyResponse
  | ErrorResponse;
