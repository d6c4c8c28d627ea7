/**
 * Check that a set of polygons tiles a region: sample a regular grid and count, per point,
 * how many parts contain it. Gap = region points in no part; overlap = points in two or more.
 */
import type { MultiPolygon, Polygon } from 'geojson';
import { geometryBBox, type LocalProjection, pointInGeometry, yangpuProjection } from '../core/geo';

export interface TilingReport {
  /** share of the region's sample points in no part (0–1) */
  gapShare: number;
  /** share of sample points in more than one part (0–1) */
  overlapShare: number;
  samples: number;
}

/** Sample `region` on a `spacingM` grid (m) and report gaps and overlaps of `parts`. */
export function checkTiling(
  region: Polygon | MultiPolygon,
  parts: (Polygon | MultiPolygon)[],
  spacingM = 40,
  proj: LocalProjection = yangpuProjection,
): TilingReport {
  const [w, s, e, n] = geometryBBox(region);
  const boxes = parts.map(geometryBBox);
  const dLon = spacingM / proj.mPerDegLon;
  const dLat = spacingM / proj.mPerDegLat;
  let samples = 0;
  let gaps = 0;
  let overlaps = 0;
  for (let lat = s + dLat / 2; lat < n; lat += dLat) {
    for (let lon = w + dLon / 2; lon < e; lon += dLon) {
      const p = [lon, lat];
      if (!pointInGeometry(p, region)) continue;
      samples++;
      let count = 0;
      for (let k = 0; k < parts.length && count < 2; k++) {
        const b = boxes[k]!;
        if (lon < b[0] || lon > b[2] || lat < b[1] || lat > b[3]) continue;
        if (pointInGeometry(p, parts[k]!)) count++;
      }
      if (count === 0) gaps++;
      else if (count > 1) overlaps++;
    }
  }
  return { gapShare: gaps / samples, overlapShare: overlaps / samples, samples };
}
