/**
 * Smooth outlines from per-cell fields, with Turf: the area where a distance field (m per
 * grid cell) is below a radius, as `@turf/isobands` contours (linear interpolation between
 * cell centres, so arcs of a 300 m disc stray < 0.2 m from the circle with 20 m cells).
 */
import { featureCollection } from '@turf/helpers';
import { isobands } from '@turf/isobands';
import type { Feature, MultiPolygon, Point, Position } from 'geojson';
import { pointInRing, signedRingArea } from '../../core/geo';
import type { Grid } from './grid';

/** Window of cell indices around a lon/lat bbox, with `margin` cells, clamped to the grid. */
function windowOf(grid: Grid, bbox: number[], margin: number) {
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
 * The area within `radiusM` of some targets around a lon/lat bbox, from their distance
 * field (m per cell of `grid`) sampled at the cell centres: the isoband below the radius (`@turf/isobands`, linear interpolation
 * between centres). The window is framed by one ring of "beyond" samples, so every
 * contour closes inside it. Null when nothing in the window is within reach.
 */
export function reachContour(
  grid: Grid,
  field: ArrayLike<number>,
  radiusM: number,
  bbox: number[],
): Feature<MultiPolygon> | null {
  const w = windowOf(grid, bbox, 2);
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
