/**
 * From one place: each category's nearest facility with its straight-line and network
 * distances (m). The nearest is by network distance where the place is in the network,
 * else by straight-line distance (networkM is then null).
 */
import type { MultiPolygon, Position } from 'geojson';
import { distanceM } from '../../core/geo';
import type { FacilityPoint } from '../coverage/engine';
import type { NetworkContext } from './context';
import { type GraphOverlay, NO_OVERLAY } from './dijkstra';
import { isochrones, walkFrom, walkTo } from './route';

export interface NearestByNetwork {
  at: [number, number];
  categories: {
    category: string;
    /** the nearest facility (by network where the place is in the network) */
    nearestId: string | null;
    straightM: number | null;
    networkM: number | null;
    /** the nearest by straight line, when it differs */
    nearestStraightId: string | null;
  }[];
}

export function nearestFrom(
  ctx: NetworkContext | null,
  at: [number, number],
  facilities: readonly FacilityPoint[],
  categories: readonly string[],
  overlay: GraphOverlay = NO_OVERLAY,
): NearestByNetwork {
  const walk = ctx ? walkFrom(ctx, at, overlay) : null;
  const round = (v: number | null) => (v === null ? null : Math.round(v * 10) / 10);
  return {
    at,
    categories: categories.map((category) => {
      const list = facilities.filter((f) => f.category === category);
      let byStraight: FacilityPoint | null = null;
      let best: { f: FacilityPoint; net: number } | null = null;
      for (const f of list) {
        if (!byStraight || distanceM(at, f.lonLat) < distanceM(at, byStraight.lonLat)) byStraight = f;
        const w = walk && ctx ? walkTo(ctx, walk, at, f.lonLat as Position) : null;
        if (w && (!best || w.distanceM < best.net)) best = { f, net: w.distanceM };
      }
      const nearest = best?.f ?? byStraight;
      return {
        category,
        nearestId: nearest?.id ?? null,
        straightM: round(nearest ? distanceM(at, nearest.lonLat) : null),
        networkM: round(best ? best.net : null),
        nearestStraightId: byStraight && byStraight !== nearest ? byStraight.id : null,
      };
    }),
  };
}

/** Near me on the network: per category the nearest facility along it with the route, and isochrones. */
export interface WalksFrom {
  at: [number, number];
  categories: { category: string; id: string; distanceM: number; route: Position[] }[];
  isochrones: { minutes: number; metres: number; geometry: MultiPolygon }[];
}

/** Walks from a place to the nearest facility of each category; null when the place is outside the network. */
export function walksFrom(
  ctx: NetworkContext,
  at: [number, number],
  facilities: readonly FacilityPoint[],
  categories: readonly string[],
  overlay: GraphOverlay = NO_OVERLAY,
): WalksFrom | null {
  const walk = walkFrom(ctx, at, overlay);
  if (!walk) return null;
  const out: WalksFrom['categories'] = [];
  for (const category of categories) {
    let best: { id: string; distanceM: number; route: Position[] } | null = null;
    for (const f of facilities) {
      if (f.category !== category) continue;
      const w = walkTo(ctx, walk, at, f.lonLat);
      if (w && (!best || w.distanceM < best.distanceM)) best = { id: f.id, ...w };
    }
    if (best) out.push({ category, ...best });
  }
  const round = (p: Position) => [Math.round(p[0]! * 1e6) / 1e6, Math.round(p[1]! * 1e6) / 1e6];
  return {
    at,
    categories: out.map((c) => ({
      ...c,
      distanceM: Math.round(c.distanceM * 10) / 10,
      route: c.route.map(round),
    })),
    isochrones: isochrones(ctx, walk),
  };
}
