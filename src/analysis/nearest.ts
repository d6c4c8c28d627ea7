/**
 * What is near a point: the nearest facility of each category (and the riverfront line),
 * straight-line distance in m, an estimate of walking minutes, and whether the point meets
 * each category's default standard. Pure; fast enough for the main thread (≈400 points).
 */
import type { Position } from 'geojson';
import { type CoverageCategory, RIVERFRONT } from '../core/categories';
import { distanceM, pointSegmentDistance, yangpuProjection } from '../core/geo';
import type { FacilityPoint } from './coverage/engine';
import { DEFAULT_STANDARDS, WALK_M_PER_MIN } from './standards';

export interface NearestResult {
  category: CoverageCategory;
  /** nearest facility ids with distance (m), closest first (up to `perCategory`) */
  nearest: { id: string; distanceM: number; lonLat: Position }[];
  /** the standard's radius for this category, m */
  standardM: number;
  /** true when the nearest is within the standard's radius */
  meetsStandard: boolean;
}

/** Estimated walking minutes for a straight-line distance (the standards' 5 min = 300 m, i.e. 60 m/min). */
export function walkingMinutes(distanceM: number): number {
  return distanceM / WALK_M_PER_MIN;
}

export function nearestByCategory(
  point: Position,
  facilities: FacilityPoint[],
  categories: readonly CoverageCategory[],
  riverfront: Position[][] = [],
  perCategory = 3,
): NearestResult[] {
  return categories.map((category) => {
    let nearest: NearestResult['nearest'];
    if (category === RIVERFRONT) {
      const [px, py] = yangpuProjection.toXY(point);
      let best = Infinity;
      let at: Position = point;
      for (const line of riverfront) {
        for (let k = 1; k < line.length; k++) {
          const [ax, ay] = yangpuProjection.toXY(line[k - 1]!);
          const [bx, by] = yangpuProjection.toXY(line[k]!);
          const d = pointSegmentDistance(px, py, ax, ay, bx, by);
          if (d < best) {
            best = d;
            const len2 = (bx - ax) ** 2 + (by - ay) ** 2;
            const t = len2
              ? Math.max(0, Math.min(1, ((px - ax) * (bx - ax) + (py - ay) * (by - ay)) / len2))
              : 0;
            at = yangpuProjection.toLonLat(ax + t * (bx - ax), ay + t * (by - ay));
          }
        }
      }
      nearest = Number.isFinite(best) ? [{ id: RIVERFRONT, distanceM: best, lonLat: at }] : [];
    } else {
      nearest = facilities
        .filter((f) => f.category === category)
        .map((f) => ({ id: f.id, distanceM: distanceM(point, f.lonLat), lonLat: f.lonLat }))
        .sort((a, b) => a.distanceM - b.distanceM || a.id.localeCompare(b.id))
        .slice(0, perCategory);
    }
    const standardM = DEFAULT_STANDARDS[category].radiusM;
    return { category, nearest, standardM, meetsStandard: (nearest[0]?.distanceM ?? Infinity) <= standardM };
  });
}
