/**
 * The naive exact-geometry reference for coverage, with Turf: discs around facilities
 * (128-gons), their union, then per circle an intersection with the circle's land
 * (covered) and a difference (gap). Slow by design: it exists to check the grid engine
 * and to measure it against (tests, `npm run bench`). Not used by the app.
 *
 * Turf draws discs (`@turf/circle`) and buffers on a sphere of radius 6,371,008.8 m,
 * whose degree of latitude is 0.3% longer than the WGS84 ellipsoid's here: a 1 km disc
 * would be ~3 m short north–south, a difference of Earth model, not of method. So the
 * reference draws them in coordinates stretched about Yangpu's origin until Turf's sphere
 * metric equals the engine's ellipsoid metric, and maps the result back.
 */
import { area } from '@turf/area';
import { buffer } from '@turf/buffer';
import { circle as disc } from '@turf/circle';
import { difference } from '@turf/difference';
import { featureCollection } from '@turf/helpers';
import { intersect } from '@turf/intersect';
import { union } from '@turf/union';
import type { Feature, LineString, MultiPolygon, Polygon, Position } from 'geojson';
import { yangpuProjection } from '../../src/core/geo';

type Area = Feature<Polygon | MultiPolygon>;

const TURF_EARTH_RADIUS_M = 6371008.8;
const turfMPerDeg = (TURF_EARTH_RADIUS_M * Math.PI) / 180;
const [LON0, LAT0] = yangpuProjection.origin as [number, number];
const stretchLat = yangpuProjection.mPerDegLat / turfMPerDeg;
const stretchLon = yangpuProjection.mPerDegLon / (turfMPerDeg * Math.cos((LAT0 * Math.PI) / 180));

/** lon/lat → coordinates in which Turf's sphere metric equals the engine's metric (near Yangpu). */
function toTurfMetric(p: Position): Position {
  return [LON0 + (p[0]! - LON0) * stretchLon, LAT0 + (p[1]! - LAT0) * stretchLat];
}

function fromTurfMetric<T extends Area>(f: T): T {
  const back = (p: Position) => [LON0 + (p[0]! - LON0) / stretchLon, LAT0 + (p[1]! - LAT0) / stretchLat];
  const g = f.geometry;
  const coordinates =
    g.type === 'Polygon'
      ? g.coordinates.map((r) => r.map(back))
      : g.coordinates.map((poly) => poly.map((r) => r.map(back)));
  return { ...f, geometry: { type: g.type, coordinates } as Polygon | MultiPolygon };
}

export interface NaiveCircleResult {
  /** covered land / land of the circle (0–1) */
  landShare: number;
  /** uncovered land polygons */
  gap: Area | null;
}

/** District land: the district minus a strip of `halfWidthM` on each side of the river's mid-channel line. */
export function naiveLand(district: Area, riverEdge: Feature<LineString>[], halfWidthM: number): Area {
  const strip = naiveLineBuffer(
    riverEdge.map((f) => f.geometry.coordinates),
    halfWidthM,
  );
  const land = strip ? difference(featureCollection([district, strip])) : district;
  if (!land) throw new Error('no land left');
  return land;
}

/** Union of discs of `radiusM` around each point, or null without points. */
export function naiveDiscUnion(points: Position[], radiusM: number): Area | null {
  if (points.length === 0) return null;
  const discs = points.map((p) =>
    fromTurfMetric(disc(toTurfMetric(p), radiusM / 1000, { units: 'kilometers', steps: 128 })),
  );
  if (discs.length === 1) return discs[0]!;
  return union(featureCollection(discs));
}

/** Coverage of one circle's land by a disc union (both exact polygons). */
export function naiveCircle(circle: Area, land: Area, discs: Area | null): NaiveCircleResult {
  const circleLand = intersect(featureCollection([circle, land]));
  if (!circleLand) return { landShare: 0, gap: null };
  const total = area(circleLand);
  if (!discs) return { landShare: 0, gap: circleLand };
  const covered = intersect(featureCollection([circleLand, discs]));
  const gap = difference(featureCollection([circleLand, discs]));
  return { landShare: covered ? area(covered) / total : 0, gap };
}

/**
 * Union of `radiusM` buffers around lines (the riverfront's reachable area), or null.
 * Turf buffers in an azimuthal projection centred on each feature, which is off by a few
 * metres 6 km from its centre; so each line is buffered in pieces of ≤ 300 m.
 */
export function naiveLineBuffer(lines: Position[][], radiusM: number): Area | null {
  const pieces: Position[][] = [];
  for (const line of lines) {
    let piece: Position[] = [line[0]!];
    let length = 0;
    for (let k = 1; k < line.length; k++) {
      const [ax, ay] = yangpuProjection.toXY(line[k - 1]!);
      const [bx, by] = yangpuProjection.toXY(line[k]!);
      length += Math.hypot(bx - ax, by - ay);
      piece.push(line[k]!);
      if (length >= 300 && k < line.length - 1) {
        pieces.push(piece);
        piece = [line[k]!];
        length = 0;
      }
    }
    if (piece.length > 1) pieces.push(piece);
  }
  const parts = pieces
    .map((coordinates) =>
      buffer(
        {
          type: 'Feature',
          properties: {},
          geometry: { type: 'LineString', coordinates: coordinates.map(toTurfMetric) },
        },
        radiusM / 1000,
        { units: 'kilometers', steps: 64 },
      ),
    )
    .filter((f): f is Area => Boolean(f))
    .map(fromTurfMetric);
  if (parts.length === 0) return null;
  return parts.length === 1 ? parts[0]! : union(featureCollection(parts));
}

/** The area within `radiusM` of a category's targets: discs around facilities, or the riverfront buffer. */
export function naiveReach(
  category: string,
  facilities: { category: string; lonLat: Position }[],
  riverfront: Position[][],
  radiusM: number,
): Area | null {
  return category === 'riverfront'
    ? naiveLineBuffer(riverfront, radiusM)
    : naiveDiscUnion(
        facilities.filter((f) => f.category === category).map((f) => f.lonLat),
        radiusM,
      );
}
