/** Fitting the view: to a set of points, or to the square around one point (at once, no animation). */
import type { Position } from 'geojson';
import type { Map as MapLibreMap } from 'maplibre-gl';

/** Fit to points (lon/lat), no closer than `maxZoom`; padding scales with the map and leaves room for the controls. */
export function fitPoints(map: MapLibreMap, points: Position[], maxZoom = 16): void {
  if (points.length === 0) return;
  const lons = points.map((p) => p[0]!);
  const lats = points.map((p) => p[1]!);
  const { clientWidth: w, clientHeight: h } = map.getContainer();
  const pad = Math.max(8, Math.min(48, Math.round(Math.min(w, h) / 8)));
  map.fitBounds(
    [
      [Math.min(...lons), Math.min(...lats)],
      [Math.max(...lons), Math.max(...lats)],
    ],
    { padding: { top: pad, left: pad, right: pad + 24, bottom: pad + 24 }, maxZoom, duration: 0 },
  );
}

/** Show the square of `radiusM` metres around a point. */
export function fitAround(map: MapLibreMap, center: Position, radiusM: number): void {
  const dLat = radiusM / 111_320;
  const dLon = dLat / Math.cos((center[1]! * Math.PI) / 180);
  const [lon, lat] = [center[0]!, center[1]!];
  map.fitBounds(
    [
      [lon - dLon, lat - dLat],
      [lon + dLon, lat + dLat],
    ],
    { padding: 10, duration: 0 },
  );
}
