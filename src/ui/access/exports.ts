/**
 * The access analysis in the exports (issue 20): CSV columns of the circle table (the walk
 * time, capacity in reach with its status and unknown sites, the basket share) and the
 * walk time on every exported gap polygon. Pure (no DOM).
 */
import type { FeatureCollection } from 'geojson';
import type { BasketSide } from '../../analysis/access/basket';
import { paceSpeed, type WalkTime } from '../../analysis/access/pace';
import type { AccessSummary } from '../../analysis/access/summary';
import type { CircleCoverage, CoverageTable } from '../../analysis/coverage/engine';

export interface CsvColumns {
  header: string[];
  cells(c: CircleCoverage): (string | number | null)[];
}

const r = (v: number | null | undefined, d: number) =>
  v === null || v === undefined ? null : Math.round(v * 10 ** d) / 10 ** d;

/** The access columns for the table's rows (empty figures until the worker answered for the same query). */
export function accessCsvColumns(
  table: CoverageTable,
  a: AccessSummary | null,
  walk: WalkTime | null,
  side: BasketSide,
): CsvColumns {
  const current = a && a.category === table.category && a.radiusM === table.radiusM ? a : null;
  const cap = current?.capacity && 'unit' in current.capacity ? current.capacity : null;
  const capBy = new Map(cap?.circles.map((c) => [c.id, c]) ?? []);
  const basket = current?.basket.sides[side];
  const basketBy = new Map(basket?.circles.map((c) => [c.id, c]) ?? []);
  return {
    header: [
      'walk_minutes',
      'walk_speed_mps',
      'capacity_unit',
      'capacity_per_people',
      'capacity_in_reach_estimate',
      'capacity_status',
      'unknown_capacity_sites_in_reach',
      'basket',
      'basket_whole_share_estimate',
      'basket_mean_items_estimate',
    ],
    cells: (c) => {
      const k = capBy.get(c.id);
      const b = basketBy.get(c.id);
      return [
        walk ? walk.minutes : null,
        walk ? paceSpeed(walk.pace) : null,
        cap ? cap.unit : null,
        cap ? cap.per : null,
        // unknown stays empty, never 0
        k ? r(k.ratio, 4) : null,
        k ? k.status : null,
        k ? k.unknownInReach.join(' ') : null,
        basket ? side : null,
        b ? r(b.share, 4) : null,
        b ? r(b.meanItems, 3) : null,
      ];
    },
  };
}

/** Gap polygons with the walk time they were measured at (minutes, m/s) when the threshold is one. */
export function withWalkTime<T extends FeatureCollection>(fc: T, walk: WalkTime | null): T {
  if (!walk) return fc;
  return {
    ...fc,
    features: fc.features.map((f) => ({
      ...f,
      properties: { ...f.properties, walkMinutes: walk.minutes, walkSpeedMps: paceSpeed(walk.pace) },
    })),
  };
}
