/**
 * An independent reference for residents on the population-model layer: no grid, no cell
 * overlaps, no engine. Each weighted feature (building, residential area) is sampled with
 * seeded random points carrying its floor area; land beyond the OSM extent carries the floor
 * area per m² observed inside it (areas exact, with Turf); each subdistrict's census total is
 * shared by floor area. Coverage is then a plain distance test per point. Slow by design.
 */
import { area } from '@turf/area';
import { difference } from '@turf/difference';
import { featureCollection } from '@turf/helpers';
import { intersect } from '@turf/intersect';
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import { mulberry32 } from '../../src/analysis/random';
import { distanceM, geometryBBox, pointInGeometry } from '../../src/core/geo';
import type { PopulationModelProps } from '../../src/core/schema';

type Area = Feature<Polygon | MultiPolygon>;

export interface ResidentPoint {
  lonLat: Position;
  /** floor area the point stands for, m² */
  weight: number;
  subdistrict: number;
}

/** `n` seeded random points inside a polygon (rejection sampling in its bounding box). */
function pointsIn(g: Polygon | MultiPolygon, n: number, rand: () => number): Position[] {
  const [w, s, e, north] = geometryBBox(g);
  const out: Position[] = [];
  for (let tries = 0; out.length < n && tries < n * 200; tries++) {
    const p = [w + rand() * (e - w), s + rand() * (north - s)];
    if (pointInGeometry(p, g)) out.push(p);
  }
  return out;
}

const both = (a: Area, b: Area) => intersect(featureCollection([a, b]));

/**
 * Residents as points, for the `within` area (e.g. some circles): its weighted features'
 * points and its land beyond the extent, with each subdistrict's factor (residents per m² of
 * floor area) from the whole subdistrict.
 */
export function residentPoints(input: {
  land: Area;
  subdistricts: Feature<Polygon, { population2020: number }>[];
  features: Feature<Polygon | MultiPolygon, PopulationModelProps>[];
  within: Area;
  /** m² per sample point */
  spacingM2: number;
}): { points: ResidentPoint[]; residentsPerM2: number[] } {
  const rand = mulberry32(7);
  const extent = input.features.find((f) => f.properties.method === 'extent')!;
  const landInExtent = both(input.land, extent)!;
  const subOf = (p: Position) => input.subdistricts.findIndex((s) => pointInGeometry(p, s.geometry));
  const inDetail = (p: Position) => pointInGeometry(p, landInExtent.geometry);
  const weighted: ResidentPoint[] = [];
  for (const f of input.features) {
    if (!(f.properties.weightM2 > 0)) continue;
    const pts = pointsIn(f.geometry, Math.max(8, Math.ceil(area(f) / input.spacingM2)), rand);
    for (const p of pts) {
      if (inDetail(p))
        weighted.push({ lonLat: p, weight: f.properties.weightM2 / pts.length, subdistrict: subOf(p) });
    }
  }
  const detail = weighted.reduce((s, p) => s + p.weight, 0);
  const ratio = detail / area(landInExtent);
  const factor = input.subdistricts.map((s, k) => {
    const landOut = both(input.land, s);
    const beyond = landOut && difference(featureCollection([landOut, extent]));
    const w = weighted.filter((p) => p.subdistrict === k).reduce((t, p) => t + p.weight, 0);
    return s.properties.population2020 / (w + ratio * (beyond ? area(beyond) : 0));
  });
  const points = weighted.filter((p) => pointInGeometry(p.lonLat, input.within.geometry));
  const landWithin = both(input.land, input.within);
  const beyond = landWithin && difference(featureCollection([landWithin, extent]));
  if (beyond) {
    const a = area(beyond);
    const pts = pointsIn(beyond.geometry, Math.ceil(a / input.spacingM2), rand);
    for (const p of pts) points.push({ lonLat: p, weight: (ratio * a) / pts.length, subdistrict: subOf(p) });
  }
  return { points, residentsPerM2: factor };
}

/** Share (0–1) of a circle's residents within `radiusM` of a facility, from the points. */
export function pointShare(
  circle: Area,
  points: ResidentPoint[],
  residentsPerM2: number[],
  facilities: Position[],
  radiusM: number,
): number {
  let all = 0;
  let covered = 0;
  for (const p of points) {
    if (!pointInGeometry(p.lonLat, circle.geometry)) continue;
    const r = p.weight * (residentsPerM2[p.subdistrict] ?? 0);
    all += r;
    if (facilities.some((f) => distanceM(f, p.lonLat) <= radiusM)) covered += r;
  }
  return all > 0 ? covered / all : 0;
}
