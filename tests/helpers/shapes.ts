/** Made-up shapes for tests, drawn in the local metric projection (x east, y north, metres). */
import type { Feature, Polygon } from 'geojson';
import { yangpuProjection as P } from '../../src/core/geo';

/** The rectangle [x0, x1] × [y0, y1] (m) as a lon/lat Polygon, counter-clockwise. */
export function rect(x0: number, y0: number, x1: number, y1: number): Polygon {
  const ring = [
    [x0, y0],
    [x1, y0],
    [x1, y1],
    [x0, y1],
    [x0, y0],
  ].map(([x, y]) => P.toLonLat(x!, y!));
  return { type: 'Polygon', coordinates: [ring] };
}

/** A Feature of a polygon with properties. */
export const feature = <T>(g: Polygon, props: T): Feature<Polygon, T> => ({
  type: 'Feature',
  properties: props,
  geometry: g,
});
