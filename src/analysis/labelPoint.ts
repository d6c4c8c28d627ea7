/**
 * A point well inside a polygon for its label: the sample point farthest from the
 * boundary on a coarse grid, refined once on a finer grid around it (like polylabel).
 */
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { geometryBBox, pointInGeometry, pointSegmentDistance, yangpuProjection } from '../core/geo';

function distanceToBoundary(p: Position, rings: Position[][]): number {
  const [px, py] = yangpuProjection.toXY(p);
  let best = Infinity;
  for (const ring of rings) {
    for (let i = 1; i < ring.length; i++) {
      const [ax, ay] = yangpuProjection.toXY(ring[i - 1]!);
      const [bx, by] = yangpuProjection.toXY(ring[i]!);
      best = Math.min(best, pointSegmentDistance(px, py, ax, ay, bx, by));
    }
  }
  return best;
}

/** Label point (lon/lat) of a Polygon or the largest part of a MultiPolygon. */
export function labelPoint(geometry: Polygon | MultiPolygon, steps = 24): Position {
  const rings = geometry.type === 'Polygon' ? geometry.coordinates : geometry.coordinates.flat();
  const [w, s, e, n] = geometryBBox(geometry);
  let best: Position = [(w + e) / 2, (s + n) / 2];
  let bestD = -1;
  const search = (x0: number, y0: number, x1: number, y1: number) => {
    for (let i = 0; i <= steps; i++) {
      for (let j = 0; j <= steps; j++) {
        const p = [x0 + ((x1 - x0) * i) / steps, y0 + ((y1 - y0) * j) / steps];
        if (!pointInGeometry(p, geometry)) continue;
        const d = distanceToBoundary(p, rings);
        if (d > bestD) {
          bestD = d;
          best = p;
        }
      }
    }
  };
  search(w, s, e, n);
  const dx = (e - w) / steps;
  const dy = (n - s) / steps;
  search(best[0]! - dx, best[1]! - dy, best[0]! + dx, best[1]! + dy);
  return best;
}
