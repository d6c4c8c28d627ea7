/**
 * Gap polygons computed with Turf: each circle's resident land (residentLand.ts) minus the
 * area within the walking radius of the category's targets (`@turf/difference`). The reach
 * comes from one of two methods, chosen by measurement (see README, `npm run bench`):
 *
 * - 'contour' (the default): `@turf/isobands` contours of the per-cell distance field at
 *   the radius. Works with any distance model that gives a distance per cell (straight-line
 *   now, a walking network later).
 * - 'exact': the discs (or the line's buffer) of the targets near the circle, bbox-
 *   prefiltered. Straight-line only; slower where many large discs overlap.
 *
 * The raster engine stays the source of the numbers; these polygons are what is drawn and
 * exported. Each carries its area (m², local projection) and residents (its area times the
 * model's density of the resident cells under it).
 */
import { difference } from '@turf/difference';
import { featureCollection } from '@turf/helpers';
import { isobands } from '@turf/isobands';
import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon, Position } from 'geojson';
import { geometryBBox, pointInRing, polygonArea, round6, signedRingArea } from '../../core/geo';
import type { CoverageEngine, GapProps } from './engine';
import { rasterizePolygon } from './grid';
import { type Area, discPolygon, segmentReachPieces } from './residentLand';

export type GapMethod = 'contour' | 'exact';

/** The method the app uses (see the module comment and README for the measurement). */
export const DEFAULT_GAP_METHOD: GapMethod = 'contour';

/** Polygons smaller than this (m²) are clipping dust, not gaps. */
export const MIN_GAP_AREA_M2 = 1;

/** Window of cell indices around a lon/lat bbox, with `margin` cells, clamped to the grid. */
function windowOf(engine: CoverageEngine, bbox: number[], margin: number) {
  const { grid } = engine.model;
  const [x0, y0] = grid.proj.toXY([bbox[0]!, bbox[1]!]);
  const [x1, y1] = grid.proj.toXY([bbox[2]!, bbox[3]!]);
  return {
    i0: Math.max(0, Math.floor((x0 - grid.x0) / grid.cellM) - margin),
    i1: Math.min(grid.cols - 1, Math.ceil((x1 - grid.x0) / grid.cellM) + margin),
    j0: Math.max(0, Math.floor((y0 - grid.y0) / grid.cellM) - margin),
    j1: Math.min(grid.rows - 1, Math.ceil((y1 - grid.y0) / grid.cellM) + margin),
  };
}

/**
 * Nest rings by containment (the outermost are shells, rings inside a shell are its holes,
 * rings inside a hole are shells again): Turf's isobands can leave a hole as a polygon of
 * its own, so the rings of its answer are grouped again here.
 */
export function nestRings(rings: Position[][]): Position[][][] {
  const sorted = rings
    .map((ring) => ({ ring, area: Math.abs(signedRingArea(ring)) }))
    .sort((a, b) => b.area - a.area);
  const depth: number[] = [];
  const polys = new Map<number, Position[][]>();
  sorted.forEach(({ ring }, k) => {
    const [x, y] = ring[0]!;
    let p = -1;
    for (let q = k - 1; q >= 0; q--) {
      if (pointInRing(x!, y!, sorted[q]!.ring)) {
        p = q;
        break;
      }
    }
    depth[k] = p < 0 ? 0 : depth[p]! + 1;
    if (depth[k]! % 2 === 0) polys.set(k, [ring]);
    else polys.get(p)!.push(ring);
  });
  return [...polys.values()];
}

/**
 * The area within `radiusM` of the targets around a bbox, from the distance field sampled
 * at the cell centres: the isoband below the radius (`@turf/isobands`, linear interpolation
 * between centres). The window is framed by one ring of "beyond" samples, so every
 * contour closes inside it. Null when nothing in the window is within reach.
 */
export function reachContour(
  engine: CoverageEngine,
  field: ArrayLike<number>,
  radiusM: number,
  bbox: number[],
): Area | null {
  const { grid } = engine.model;
  const w = windowOf(engine, bbox, 2);
  let near = Infinity;
  let far = radiusM;
  for (let j = w.j0; j <= w.j1; j++) {
    for (let i = w.i0; i <= w.i1; i++) {
      const d = field[j * grid.cols + i]!;
      near = Math.min(near, d);
      far = Math.max(far, d);
    }
  }
  if (near >= radiusM) return null;
  const points: Feature<Point, { d: number }>[] = [];
  for (let j = w.j0 - 1; j <= w.j1 + 1; j++) {
    for (let i = w.i0 - 1; i <= w.i1 + 1; i++) {
      const frame = i < w.i0 || i > w.i1 || j < w.j0 || j > w.j1;
      points.push({
        type: 'Feature',
        properties: { d: frame ? far + 1 : field[j * grid.cols + i]! },
        geometry: {
          type: 'Point',
          coordinates: grid.proj.toLonLat(grid.x0 + i * grid.cellM, grid.y0 + j * grid.cellM),
        },
      });
    }
  }
  const band = isobands(featureCollection(points), [-1, radiusM], { zProperty: 'd' }).features[0];
  const rings = band?.geometry.coordinates.flat(1) ?? [];
  if (rings.length === 0) return null;
  return {
    type: 'Feature',
    properties: {},
    geometry: { type: 'MultiPolygon', coordinates: nestRings(rings) },
  };
}

/** The targets' reach near a bbox as polygons to subtract: discs of nearby points, the line's buffer pieces. */
function reachPieces(engine: CoverageEngine, category: string, radiusM: number, bbox: number[]): Area[] {
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

/** Round to 6 decimals and drop repeated vertices; null when a ring collapses. */
function cleanRing(ring: Position[]): Position[] | null {
  const out: Position[] = [];
  for (const p of ring) {
    const q = [round6(p[0]!), round6(p[1]!)];
    const last = out[out.length - 1];
    if (!last || last[0] !== q[0] || last[1] !== q[1]) out.push(q);
  }
  const first = out[0]!;
  const last = out[out.length - 1]!;
  if (first[0] !== last[0] || first[1] !== last[1]) out.push([...first]);
  return out.length >= 4 ? out : null;
}

/** The polygons of a geometry, rounded, without collapsed rings and dust. */
export function cleanPolygons(geometry: Polygon | MultiPolygon): Position[][][] {
  const polys = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  const out: Position[][][] = [];
  for (const rings of polys) {
    const shell = cleanRing(rings[0]!);
    if (!shell) continue;
    const holes = rings
      .slice(1)
      .map(cleanRing)
      .filter((r): r is Position[] => r !== null && Math.abs(polygonArea([r])) >= MIN_GAP_AREA_M2);
    const cleaned = [shell, ...holes];
    if (polygonArea(cleaned) >= MIN_GAP_AREA_M2) out.push(cleaned);
  }
  return out;
}

/**
 * Residents of each polygon of circle k: its area times the mean density of the resident
 * cells whose centre it contains (the circle's mean density when it contains none).
 */
function residentsOf(engine: CoverageEngine, k: number, polys: Position[][][], areas: number[]): number[] {
  const { grid, population, cellsOfCircle } = engine.model;
  const cells = cellsOfCircle[k]!;
  // cell index → polygon index, for the cells whose centre a polygon contains
  const mark: Record<number, number> = {};
  polys.forEach((rings, p) => {
    rasterizePolygon(grid, { type: 'Polygon', coordinates: rings }, mark, p);
  });
  const pop = new Float64Array(polys.length);
  const count = new Float64Array(polys.length);
  let circlePop = 0;
  let circleCells = 0;
  for (const c of cells) {
    const v = population[c]!;
    if (v <= 0) continue;
    circlePop += v;
    circleCells++;
    const p = mark[c];
    if (p !== undefined) {
      pop[p]! += v;
      count[p]! += 1;
    }
  }
  const cellArea = grid.cellM * grid.cellM;
  const mean = circleCells > 0 ? circlePop / (circleCells * cellArea) : 0;
  return areas.map((a, p) => a * (count[p]! > 0 ? pop[p]! / (count[p]! * cellArea) : mean));
}

/** Resident land `home` minus the area within reach, by `method`; null when nothing is left. */
function gapArea(
  engine: CoverageEngine,
  home: Area,
  category: string,
  radiusM: number,
  method: GapMethod,
): Area | null {
  const bbox = geometryBBox(home.geometry);
  let reach: Area[];
  if (method === 'exact' && engine.distanceKind === 'straight-line')
    reach = reachPieces(engine, category, radiusM, bbox);
  else {
    const field = engine.reachDistance(category, radiusM + 3 * engine.model.grid.cellM);
    const contour = reachContour(engine, field, radiusM, bbox);
    reach = contour ? [contour] : [];
  }
  return reach.length ? difference(featureCollection([home, ...reach])) : home;
}

/**
 * Turf gap polygons of circle k, whose resident land is `home`, for one category at one
 * radius (m). 'exact' applies to straight-line distance only; other models use contours.
 * Should the clipper fail on a near-degenerate configuration (a ring it cannot close), the
 * reach is drawn once more another way — the other method, or contours 1 mm inside — which
 * moves every vertex; a second failure is thrown.
 */
export function circleGaps(
  engine: CoverageEngine,
  home: Area,
  k: number,
  category: string,
  radiusM: number,
  method: GapMethod = DEFAULT_GAP_METHOD,
): Feature<Polygon, GapProps>[] {
  let gap: Area | null;
  try {
    gap = gapArea(engine, home, category, radiusM, method);
  } catch {
    const straight = engine.distanceKind === 'straight-line';
    const other: GapMethod = method === 'exact' || !straight ? 'contour' : 'exact';
    gap = gapArea(engine, home, category, other === method ? radiusM - 0.001 : radiusM, other);
  }
  if (!gap) return [];
  const polys = cleanPolygons(gap.geometry);
  const areas = polys.map((rings) => polygonArea(rings));
  const residents = residentsOf(engine, k, polys, areas);
  const circleId = engine.model.circles[k]!.id;
  const distance = engine.distanceKind;
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
 * given by index), from each circle's resident land (`land`, from residentLand()).
 */
export function turfGaps(
  engine: CoverageEngine,
  land: (Area | null)[],
  category: string,
  radiusM: number,
  options: { circles?: number[]; method?: GapMethod } = {},
): FeatureCollection<Polygon, GapProps> {
  const which = options.circles ?? land.map((_, k) => k);
  const features = which.flatMap((k) => {
    const home = land[k];
    return home ? circleGaps(engine, home, k, category, radiusM, options.method) : [];
  });
  return { type: 'FeatureCollection', features };
}
