/** Small GeoJSON constructors shared by the pipeline's stages. */
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { normaliseGeometry } from '../../src/data/normalise';

export function collection<G extends Geometry, P>(features: Feature<G, P>[]): FeatureCollection<G, P> {
  return { type: 'FeatureCollection', features };
}

/** A feature with its geometry normalised for output (6 decimals, RFC 7946 winding). */
export function feature<G extends Geometry, P>(geometry: G, properties: P): Feature<G, P> {
  return { type: 'Feature', properties, geometry: normaliseGeometry(geometry) };
}

/** `v` rounded to `digits` decimals. */
export const round = (v: number, digits: number) => Math.round(v * 10 ** digits) / 10 ** digits;
