/** FeatureCollections the controller draws from what the app computed (lon/lat). */
import type { FeatureCollection, Geometry, MultiPolygon, Polygon, Position } from 'geojson';
import { labelPoint } from '../analysis/labelPoint';

const feature = (geometry: Geometry, properties: Record<string, unknown> = {}): GeoJSON.Feature => ({
  type: 'Feature',
  properties,
  geometry,
});

/** A straight line's far end: a nearest site, the label drawn on the line, and whether the list picked it. */
export interface ResidentTarget {
  lonLat: Position;
  /** e.g. "长者食堂 · 直线 420 米" (type, distance model, distance) */
  label: string;
  picked?: boolean;
}

/**
 * The resident's point, straight lines (kind "straight", with `label`, `picked` and `rank`:
 * nearer lines first when labels collide) to targets, walking routes (kind "route").
 */
export function residentFeatures(
  point: Position | null,
  targets: ResidentTarget[],
  routes: Position[][],
): FeatureCollection {
  if (!point) return { type: 'FeatureCollection', features: [] };
  return {
    type: 'FeatureCollection',
    features: [
      ...targets.map((t, rank) =>
        feature(
          { type: 'LineString', coordinates: [point, t.lonLat] },
          { kind: 'straight', label: t.label, picked: t.picked === true, rank },
        ),
      ),
      ...routes.map((r) => feature({ type: 'LineString', coordinates: r }, { kind: 'route' })),
      feature({ type: 'Point', coordinates: point }),
    ],
  };
}

/** What setNetworkEdits draws (lon/lat). */
export interface NetworkEdits {
  gates: { id: string; line: Position[] }[];
  closures: { id: string; at: Position }[];
  suggested: { rank: number; line: Position[] }[];
  pending: Position | null;
}

/** Gates (kind "gate"), suggested gates ("suggested-gate"), closures ("closure"), a gate's first end ("pending"). */
export function networkEditFeatures(edits: NetworkEdits): FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: [
      ...edits.gates.map((g) =>
        feature({ type: 'LineString', coordinates: g.line }, { kind: 'gate', id: g.id }),
      ),
      ...edits.suggested.map((g) =>
        feature({ type: 'LineString', coordinates: g.line }, { kind: 'suggested-gate', rank: g.rank }),
      ),
      ...edits.closures.map((x) =>
        feature({ type: 'Point', coordinates: x.at }, { kind: 'closure', id: x.id }),
      ),
      ...(edits.pending ? [feature({ type: 'Point', coordinates: edits.pending }, { kind: 'pending' })] : []),
    ],
  };
}

/** One label point per polygon, well inside it. */
export function labelPoints(fc: FeatureCollection): FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: fc.features.map((f) => ({
      type: 'Feature',
      properties: f.properties,
      geometry: { type: 'Point', coordinates: labelPoint(f.geometry as Polygon | MultiPolygon) },
    })),
  };
}
