/**
 * Gap polygons computed with Turf: each circle's resident land (residentLand.ts) minus the
 * area within the walking radius of the category's targets (`@turf/difference`). The reach
 * comes from one of two methods, chosen by measurement (see README, `npm run bench`):
 *
 * - 'contour' (the default): `@turf/isobands` contours of the per-cell distance field at
 *   the radius (reachField.ts). Works with either distance: straight-line, or in
 *   network mode the walking distance of the cells in the network (straight-line elsewhere,
 *   as in the numbers).
 * - 'exact': the discs (or the line's buffer) of the targets near the circle, bbox-
 *   prefiltered. Straight-line only; slower where many large discs overlap.
 *
 * The raster engine stays the source of the numbers; these polygons are what is drawn and
 * exported. Each carries its area (m², local projection) and residents (its area times the
 * model's density of the resident cells under it).
 */

import { difference } from '@turf/difference';
import { featureCollection } from '@turf/helpers';
import { union } from '@turf/union';
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import type { CoverageCategory } from '../../core/categories';
import { geometryBBox, polygonArea, round6 } from '../../core/geo';
import { polygonIsSimple } from '../../data/validate';
import { cellOverlaps } from '../population/cellAreas';
import { reachContour } from './contours';
import { discPolygon, segmentReachPieces } from './discs';
import type { CoverageEngine, DistanceKind, GapProps } from './engine';
import { reachDistance } from './reachField';
import type { Area } from './residentLand';

export type GapMethod = 'contour' | 'exact';

/** The method the app uses (see the module comment and README for the measurement). */
export const DEFAULT_GAP_METHOD: GapMethod = 'contour';

/** Polygons smaller than this (m²) are clipping dust, not gaps. */
export const MIN_GAP_AREA_M2 = 1;

/** The targets' reach near a bbox as polygons to subtract: discs of nearby points, the line's buffer pieces. */
function reachPieces(
  engine: CoverageEngine,
  category: CoverageCategory,
  radiusM: number,
  bbox: number[],
): Area[] {
  const { proj } = engine.model.grid;
  const [x0, y0] = proj.toXY([bbox[0]!, bbox[1]!]);
  const [x1, y1] = proj.toXY([bbox[2]!, bbox[3]!]);
  const near = (xa: number, ya: number, xb: number, yb: number) =>
    Math.max(xa, xb) + radiusM >= x0 &&
    Math.min(xa, xb) - radiusM <= x1 &&
    Math.max(ya, yb) + radiusM >= y0 &&
    Math.min(ya, yb) - radiusM <= y1;
  const segs = engine.targetSegments(category);
  if (segs.length) {
    const kept: number[] = [];
    for (let k = 0; k + 3 < segs.length; k += 4) {
      if (near(segs[k]!, segs[k + 1]!, segs[k + 2]!, segs[k + 3]!))
        kept.push(segs[k]!, segs[k + 1]!, segs[k + 2]!, segs[k + 3]!);
    }
    return segmentReachPieces(kept, radiusM, proj);
  }
  return engine
    .targetsOf(category)
    .points.filter(([x, y]) => near(x, y, x, y))
    .map(([x, y]) => discPolygon(x, y, radiusM, proj));
}

/** Offset (degrees, ≈ 1 cm) below which a vertex counts as on the line of its neighbours. */
const ON_LINE_DEG = 1e-7;

/**
 * Remove spikes from an open ring (no closing vertex): a vertex where the ring runs back
 * along the edge it came by (its neighbours and it on one line, the direction reversed).
 * Rounding can leave one at the end of a sliver; it makes the ring touch itself.
 */
function dropSpikes(open: Position[]): Position[] {
  const ring = open.slice();
  const at = (k: number) => ring[(k + ring.length) % ring.length]!;
  const isSpike = (a: Position, b: Position, c: Position) => {
    const abx = b[0]! - a[0]!;
    const aby = b[1]! - a[1]!;
    const bcx = c[0]! - b[0]!;
    const bcy = c[1]! - b[1]!;
    if (abx * bcx + aby * bcy >= 0) return false;
    const ac = Math.hypot(c[0]! - a[0]!, c[1]! - a[1]!);
    return Math.abs(abx * bcy - aby * bcx) <= ON_LINE_DEG * Math.max(Math.hypot(abx, aby), ac);
  };
  let changed = true;
  while (changed && ring.length >= 3) {
    changed = false;
    for (let k = 0; k < ring.length && ring.length >= 3; k++) {
      if (!isSpike(at(k - 1), at(k), at(k + 1))) continue;
      ring.splice(k, 1);
      // the spike's two neighbours may now be the same point: keep one
      const a = at(k - 1);
      const c = at(k);
      if (a[0] === c[0] && a[1] === c[1]) ring.splice(k % ring.length, 1);
      changed = true;
      k = Math.max(-1, k - 2);
    }
  }
  return ring;
}

/** Round to 6 decimals, drop repeated vertices and spikes; null when a ring collapses. */
function cleanRing(ring: Position[]): Position[] | null {
  const out: Position[] = [];
  for (const p of ring) {
    const q = [round6(p[0]!), round6(p[1]!)];
    const last = out[out.length - 1];
    if (!last || last[0] !== q[0] || last[1] !== q[1]) out.push(q);
  }
  const first = out[0]!;
  const last = out[out.length - 1]!;
  if (first[0] === last[0] && first[1] === last[1]) out.pop();
  const open = dropSpikes(out);
  if (open.length < 3) return null;
  return [...open, [...open[0]!]];
}

/** A polygon's rings rounded, without collapsed rings and dust; null when nothing is left. */
function roundPolygon(rings: Position[][]): Position[][] | null {
  const shell = cleanRing(rings[0]!);
  if (!shell) return null;
  const holes = rings
    .slice(1)
    .map(cleanRing)
    .filter((r): r is Position[] => r !== null && Math.abs(polygonArea([r])) >= MIN_GAP_AREA_M2);
  const cleaned = [shell, ...holes];
  return polygonArea(cleaned) >= MIN_GAP_AREA_M2 ? cleaned : null;
}

const polygonsOf = (g: Polygon | MultiPolygon): Position[][][] =>
  g.type === 'Polygon' ? [g.coordinates] : g.coordinates;

/**
 * The polygons of a geometry, rounded to 6 decimals, without collapsed rings and dust.
 * Rounding moves vertices by up to 5 cm: should a ring then cross or touch itself or
 * another ring, the polygon goes through the clipper again (`@turf/union` with itself) and
 * is rounded anew (twice at most).
 */
export function cleanPolygons(geometry: Polygon | MultiPolygon): Position[][][] {
  const out: Position[][][] = [];
  let queue = polygonsOf(geometry);
  for (let pass = 0; pass < 3 && queue.length; pass++) {
    const again: Position[][][] = [];
    for (const rings of queue) {
      const cleaned = roundPolygon(rings);
      if (!cleaned) continue;
      if (pass === 2 || polygonIsSimple(cleaned)) out.push(cleaned);
      else {
        const self: Feature<Polygon> = {
          type: 'Feature',
          properties: {},
          geometry: { type: 'Polygon', coordinates: cleaned },
        };
        const fixed = union(featureCollection([self, self]));
        if (fixed) again.push(...polygonsOf(fixed.geometry));
      }
    }
    queue = again;
  }
  return out;
}

/**
 * Residents of each polygon of circle k, from the resident surface: every cell of the
 * circle gives each polygon the share of its residents that the polygon's overlap is of the
 * circle's resident land in that cell (exact overlaps, population/cellAreas.ts). The gaps
 * and the rest of the resident land thus split the circle's residents as the numbers do.
 */
function residentsOf(engine: CoverageEngine, k: number, home: Area, polys: Position[][][]): number[] {
  const { grid, population, circleOf } = engine.model;
  const homeArea = new Map<number, number>();
  const h = cellOverlaps(grid, home.geometry);
  h.cells.forEach((c, i) => {
    if (circleOf[c] === k && population[c]! > 0) homeArea.set(c, (homeArea.get(c) ?? 0) + h.areas[i]!);
  });
  return polys.map((rings) => {
    const o = cellOverlaps(grid, { type: 'Polygon', coordinates: rings });
    let sum = 0;
    o.cells.forEach((c, i) => {
      const a = homeArea.get(c);
      if (a && a > 0) sum += population[c]! * Math.min(1, o.areas[i]! / a);
    });
    return sum;
  });
}

/** What a gap query asks for: a category at a radius (m), measured with a distance. */
interface GapQuery {
  category: CoverageCategory;
  radiusM: number;
  /** 'straight' or 'network' as asked; the engine says which applies (engine.modeFor) */
  distance: DistanceKind;
}

/** Resident land `home` minus the area within reach, by `method`; null when nothing is left. */
function gapArea(engine: CoverageEngine, home: Area, q: GapQuery, method: GapMethod): Area | null {
  const { category, radiusM, distance } = q;
  const bbox = geometryBBox(home.geometry);
  let reach: Area[];
  if (method === 'exact' && distance === 'straight') reach = reachPieces(engine, category, radiusM, bbox);
  else {
    const field = reachDistance(engine, category, radiusM + 3 * engine.model.grid.cellM, distance);
    const contour = reachContour(engine.model.grid, field, radiusM, bbox);
    reach = contour ? [contour] : [];
  }
  return reach.length ? difference(featureCollection([home, ...reach])) : home;
}

/**
 * Turf gap polygons of circle k, whose resident land is `home`, for one category at one
 * radius (m) and distance ('straight' unless given). 'exact' applies to straight-line
 * distance only; network distance always uses contours.
 * Should the clipper fail on a near-degenerate configuration (a ring it cannot close), the
 * reach is drawn once more another way — the other method, or contours 1 mm inside — which
 * moves every vertex; a second failure is thrown.
 */
export function circleGaps(
  engine: CoverageEngine,
  home: Area,
  k: number,
  category: CoverageCategory,
  radiusM: number,
  options: { method?: GapMethod; distance?: DistanceKind } = {},
): Feature<Polygon, GapProps>[] {
  const method = options.method ?? DEFAULT_GAP_METHOD;
  const distance = engine.modeFor(category, options.distance ?? 'straight');
  const q: GapQuery = { category, radiusM, distance };
  let gap: Area | null;
  try {
    gap = gapArea(engine, home, q, method);
  } catch {
    const other: GapMethod = method === 'exact' || distance !== 'straight' ? 'contour' : 'exact';
    gap = gapArea(engine, home, other === method ? { ...q, radiusM: radiusM - 0.001 } : q, other);
  }
  if (!gap) return [];
  const polys = cleanPolygons(gap.geometry);
  const areas = polys.map((rings) => polygonArea(rings));
  const residents = residentsOf(engine, k, home, polys);
  const circleId = engine.model.circles[k]!.id;
  return polys.map((rings, p) => ({
    type: 'Feature',
    properties: {
      circleId,
      category,
      radiusM,
      distance,
      areaM2: Math.round(areas[p]!),
      population: Math.round(residents[p]!),
    },
    geometry: { type: 'Polygon', coordinates: rings },
  }));
}

/**
 * Turf gap polygons of one category at one radius (m) for every circle (or the circles
 * given by index), from each circle's resident land (`land`, from residentLand()), by
 * straight-line (default) or network distance.
 */
export function turfGaps(
  engine: CoverageEngine,
  land: (Area | null)[],
  category: CoverageCategory,
  radiusM: number,
  options: { circles?: number[]; method?: GapMethod; distance?: DistanceKind } = {},
): FeatureCollection<Polygon, GapProps> {
  const which = options.circles ?? land.map((_, k) => k);
  const features = which.flatMap((k) => {
    const home = land[k];
    return home ? circleGaps(engine, home, k, category, radiusM, options) : [];
  });
  return { type: 'FeatureCollection', features };
}
