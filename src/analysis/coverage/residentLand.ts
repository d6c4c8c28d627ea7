/**
 * The population model's resident land as exact polygons (lon/lat), computed with Turf: the
 * vector twin of the raster in model.ts. A circle's resident land is the circle inside the
 * district, minus the river strip (within `riverHalfWidthM` of the mid-channel line), minus,
 * inside the OSM land-use coverage, the land that is not `landuse=residential`. The raster
 * counts a 20 m cell when its centre is inside; these polygons are what the cells approximate.
 */
import { difference } from '@turf/difference';
import { featureCollection } from '@turf/helpers';
import { intersect } from '@turf/intersect';
import { union } from '@turf/union';
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import { geometryBBox, type LocalProjection } from '../../core/geo';
import type { Grid } from './grid';
import type { ModelInputs } from './model';

export type Area = Feature<Polygon | MultiPolygon>;

/** Vertices of a disc polygon of radius `radiusM`: enough that it strays ≤ 0.25 m from the circle. */
export function discSteps(radiusM: number): number {
  // an equal-area polygon strays π²r/(3n²) at most (vertices out, chord middles in)
  return Math.max(32, 8 * Math.ceil((Math.PI * Math.sqrt(radiusM / 0.75)) / 8));
}

/**
 * A disc of `radiusM` around projected (x, y) as a lon/lat polygon with the disc's exact
 * area: the vertices lie slightly outside the circle (equal-area polygon), so a union of
 * discs neither gains nor loses area on average against the exact circles.
 */
export function discPolygon(x: number, y: number, radiusM: number, proj: LocalProjection): Feature<Polygon> {
  const n = discSteps(radiusM);
  const a = (2 * Math.PI) / n;
  const r = radiusM * Math.sqrt(a / Math.sin(a));
  const ring: Position[] = [];
  for (let k = 0; k < n; k++) ring.push(proj.toLonLat(x + r * Math.cos(k * a), y + r * Math.sin(k * a)));
  ring.push(ring[0]!);
  return { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [ring] } };
}

/** The rectangle of half-width `radiusM` along the projected segment (ax, ay)-(bx, by), or null when it has no length. */
function segmentBand(
  ax: number,
  ay: number,
  bx: number,
  by: number,
  radiusM: number,
  proj: LocalProjection,
): Feature<Polygon> | null {
  const len = Math.hypot(bx - ax, by - ay);
  if (len === 0) return null;
  const nx = (-(by - ay) / len) * radiusM;
  const ny = ((bx - ax) / len) * radiusM;
  const ring = [
    proj.toLonLat(ax + nx, ay + ny),
    proj.toLonLat(ax - nx, ay - ny),
    proj.toLonLat(bx - nx, by - ny),
    proj.toLonLat(bx + nx, by + ny),
  ];
  ring.push(ring[0]!);
  return { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [ring] } };
}

/**
 * The pieces whose union is the area within `radiusM` of projected segments (ax, ay, bx, by
 * per 4 numbers): a disc at every end and a band along every segment.
 */
export function segmentReachPieces(
  segments: ArrayLike<number>,
  radiusM: number,
  proj: LocalProjection,
): Area[] {
  const pieces: Area[] = [];
  for (let k = 0; k + 3 < segments.length; k += 4) {
    const ax = segments[k]!;
    const ay = segments[k + 1]!;
    const bx = segments[k + 2]!;
    const by = segments[k + 3]!;
    pieces.push(discPolygon(ax, ay, radiusM, proj));
    const band = segmentBand(ax, ay, bx, by, radiusM, proj);
    if (band) pieces.push(band);
    if (k + 4 >= segments.length || segments[k + 4] !== bx || segments[k + 5] !== by)
      pieces.push(discPolygon(bx, by, radiusM, proj));
  }
  return pieces;
}

/** Projected segments of lon/lat lines (4 numbers each). */
export function projectLines(lines: Position[][], proj: LocalProjection): number[] {
  const segs: number[] = [];
  for (const line of lines) {
    for (let k = 1; k < line.length; k++) segs.push(...proj.toXY(line[k - 1]!), ...proj.toXY(line[k]!));
  }
  return segs;
}

/** Do two lon/lat bboxes overlap? */
function overlaps(a: number[], b: number[]): boolean {
  return a[0]! <= b[2]! && b[0]! <= a[2]! && a[1]! <= b[3]! && b[1]! <= a[3]!;
}

/**
 * Move the edges of a ring that run along the grid (within 1 % of an axis) and lie between
 * two rows (columns) of cell centres onto the cell edge between them: where the raster
 * model puts such a boundary. Other edges are unchanged.
 */
export function snapRingToGrid(ring: Position[], grid: Grid): Position[] {
  const xy = ring.map((p) => grid.proj.toXY(p));
  const n = xy.length - 1;
  const out = xy.map((p) => [p[0], p[1]] as [number, number]);
  const origin = [grid.x0, grid.y0];
  const edge = (v: number, axis: number) =>
    origin[axis]! + (Math.floor((v - origin[axis]!) / grid.cellM) + 0.5) * grid.cellM;
  for (let k = 0; k < n; k++) {
    const a = xy[k]!;
    const b = xy[k + 1]!;
    for (const axis of [0, 1]) {
      const across = Math.abs(b[axis]! - a[axis]!);
      const along = Math.abs(b[1 - axis]! - a[1 - axis]!);
      const e = edge(a[axis]!, axis);
      if (along < grid.cellM || across > 0.01 * along || e !== edge(b[axis]!, axis)) continue;
      out[k]![axis] = e;
      out[k + 1]![axis] = e;
    }
  }
  // the closing vertex repeats the first: keep what either of its edges moved
  for (const axis of [0, 1]) if (out[n]![axis] !== xy[n]![axis]) out[0]![axis] = out[n]![axis]!;
  out[n] = [out[0]![0], out[0]![1]];
  return out.map(([x, y]) => grid.proj.toLonLat(x, y));
}

function snapToGrid(f: Area, grid: Grid): Area {
  const g = f.geometry;
  const snap = (rings: Position[][]) => rings.map((r) => snapRingToGrid(r, grid));
  return {
    ...f,
    geometry:
      g.type === 'Polygon'
        ? { type: 'Polygon', coordinates: snap(g.coordinates) }
        : { type: 'MultiPolygon', coordinates: g.coordinates.map(snap) },
  };
}

/**
 * Each circle's resident land for the model's grid, computed on first use and kept (it does
 * not depend on the category or the radius). The OSM coverage extent is a modelling
 * boundary, not a place: its edges that run along the grid are taken where the model's
 * cells put them.
 */
export class ResidentLand {
  private readonly inputs: ModelInputs;
  private readonly grid: Grid;
  private readonly halfWidthM: number;
  private shared: { river: Boxed[]; coverage: Boxed[]; residential: Boxed[] } | null = null;
  private readonly circles = new Map<number, Area | null>();

  constructor(inputs: ModelInputs, grid: Grid, options: { riverHalfWidthM?: number } = {}) {
    this.inputs = inputs;
    this.grid = grid;
    this.halfWidthM = options.riverHalfWidthM ?? 200;
  }

  /** The pieces of the river strip, the (grid-resolved) OSM coverage and the residential polygons, with their bboxes. */
  private common() {
    if (!this.shared) {
      const inputs = this.inputs;
      const grid = this.grid;
      const lines = (inputs.riverEdge ?? []).map((f) => f.geometry.coordinates);
      // One strip, unioned first: subtracting its overlapping pieces one by one can defeat
      // the clipper (a ring it cannot close).
      const pieces = segmentReachPieces(projectLines(lines, grid.proj), this.halfWidthM, grid.proj);
      const strip = pieces.length > 1 ? union(featureCollection(pieces)) : (pieces[0] ?? null);
      this.shared = {
        river: boxed(strip ? [strip] : []),
        coverage: boxed((inputs.osmCoverage ?? []).map((f) => snapToGrid(f, grid))),
        residential: boxed(inputs.residential ?? []),
      };
    }
    return this.shared;
  }

  /** Resident land of circle k (lon/lat), null where it has none. */
  of(k: number): Area | null {
    if (!this.circles.has(k)) this.circles.set(k, this.compute(k));
    return this.circles.get(k)!;
  }

  private compute(k: number): Area | null {
    const { river, coverage, residential } = this.common();
    let home = intersect(featureCollection([this.inputs.circles[k] as Area, this.inputs.district as Area]));
    if (!home) return null;
    const near = (pieces: Boxed[], of: Area) => {
      const box = geometryBBox(of.geometry);
      return pieces.filter((p) => overlaps(box, p.box)).map((p) => p.area);
    };
    const strip = near(river, home);
    if (strip.length) home = difference(featureCollection([home, ...strip]));
    for (const c of coverage) {
      if (!home || !overlaps(geometryBBox(home.geometry), c.box)) continue;
      // Inside the OSM coverage only residential polygons hold homes: the rest is removed.
      const inside = intersect(featureCollection([home, c.area]));
      const homes = inside ? near(residential, inside) : [];
      const notHomes = inside && homes.length ? difference(featureCollection([inside, ...homes])) : inside;
      if (notHomes) home = difference(featureCollection([home, notHomes]));
    }
    return home;
  }

  /** Every circle's resident land, in the order of the circles. */
  all(): (Area | null)[] {
    return this.inputs.circles.map((_, k) => this.of(k));
  }
}

interface Boxed {
  area: Area;
  box: number[];
}

function boxed(areas: Area[]): Boxed[] {
  return areas.map((area) => ({ area, box: geometryBBox(area.geometry) }));
}
