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
  /** also compute the table of every category at its default radius (for circle details) */
  withDefaults?: boolean;
}

export type WorkerRequest = InitMessage | CoverageRequest;

/** The numbers first ... */
export interface CoverageResponse {
  type: 'coverage';
  id: number;
  table: CoverageTable;
  defaults?: CoverageTable[];
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

export type WorkerResponse = CoverageResponse | GapsResponse | ReadyResponse | ErrorResponse;
