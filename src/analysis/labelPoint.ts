/**
 * A point well inside a polygon for its label: the pole of inaccessibility (the interior
 * point farthest from the outline), found by mapbox's polylabel in projected metres with a
 * 1 m precision. For a MultiPolygon, the pole of its largest part.
 */
import type { MultiPolygon, Polygon, Position } from 'geojson';
import polylabel from 'polylabel';
import { polygonArea, yangpuProjection } from '../core/geo';

/** Label point (lon/lat) of a Polygon or the largest part of a MultiPolygon. */
export function labelPoint(geometry: Polygon | MultiPolygon): Position {
  const parts = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  let largest = parts[0]!;
  for (const part of parts) if (polygonArea(part) > polygonArea(largest)) largest = part;
  const projected = largest.map((ring) => ring.map((p) => yangpuProjection.toXY(p)));
  const [x, y] = polylabel(projected, 1);
  const [lon, lat] = yangpuProjection.toLonLat(x!, y!);
  return [Math.round(lon * 1e6) / 1e6, Math.round(lat * 1e6) / 1e6];
}
