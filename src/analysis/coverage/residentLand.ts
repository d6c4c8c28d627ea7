/**
 * The population model's resident land as exact polygons (lon/lat), computed with Turf: the
 * vector twin of the resident surface (population/surface.ts). A circle's resident land is
 * the circle inside the district, minus the river strip (within `riverHalfWidthM` of the
 * mid-channel line: the contour of the distance to that line), minus, inside the OSM extent,
 * everything but the features that hold homes (residential buildings; residential areas
 * without mapped buildings). The surface puts each feature's residents in the cells it
 * overlaps; these polygons are where they live.
 */
import { difference } from '@turf/difference';
import { featureCollection } from '@turf/helpers';
import { intersect } from '@turf/intersect';
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import { geometryBBox } from '../../core/geo';
import type { PopulationModelFeature } from '../population/surface';
import { reachContour } from './contours';
import { projectLines } from './discs';
import { cappedDistance } from './distanceField';
import type { Grid } from './grid';
import type { ModelInputs } from './model';

export type Area = Feature<Polygon | MultiPolygon>;

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
  private shared: { river: Float32Array | null; notHomes: Boxed[] } | null = null;
  private readonly circles = new Map<number, Area | null>();

  constructor(inputs: ModelInputs, grid: Grid, options: { riverHalfWidthM?: number } = {}) {
    this.inputs = inputs;
    this.grid = grid;
    this.halfWidthM = options.riverHalfWidthM ?? 200;
  }

  /**
   * Distance to the river's mid-channel line per cell, and the land inside the (grid-resolved)
   * OSM extent that holds no homes in the model.
   */
  private common() {
    if (!this.shared) {
      const inputs = this.inputs;
      const grid = this.grid;
      const segments = projectLines(
        (inputs.riverEdge ?? []).map((f) => f.geometry.coordinates),
        grid.proj,
      );
      const features = inputs.populationModel ?? [];
      const homes = features.filter(holdsHomes);
      this.shared = {
        river: segments.length ? cappedDistance(grid, [], segments, this.halfWidthM + 3 * grid.cellM) : null,
        notHomes: boxed(
          features
            .filter((f) => f.properties.method === 'extent')
            .map((f) => difference(featureCollection([snapToGrid(f, grid), ...homes])))
            .filter((a): a is Area => a !== null),
        ),
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
    const { river, notHomes } = this.common();
    let home = intersect(featureCollection([this.inputs.circles[k] as Area, this.inputs.district as Area]));
    if (!home) return null;
    // The river strip: the contour of the distance to the mid-channel line at the half-width.
    const strip = river && reachContour(this.grid, river, this.halfWidthM, geometryBBox(home.geometry));
    if (strip) home = difference(featureCollection([home, strip]));
    // Inside the OSM extent only the features that hold homes do: the rest is removed.
    const near = home && notHomes.filter((n) => overlaps(geometryBBox(home!.geometry), n.box));
    if (home && near?.length) home = difference(featureCollection([home, ...near.map((n) => n.area)]));
    return home;
  }

  /** Every circle's resident land, in the order of the circles. */
  all(): (Area | null)[] {
    return this.inputs.circles.map((_, k) => this.of(k));
  }
}

/** A population-model feature that holds residents (a residential building or area with floor area). */
export function holdsHomes(f: PopulationModelFeature): boolean {
  const { method, weightM2 } = f.properties;
  return (method === 'building' || method === 'landuse') && weightM2 > 0;
}

interface Boxed {
  area: Area;
  box: number[];
}

function boxed(areas: Area[]): Boxed[] {
  return areas.map((area) => ({ area, box: geometryBBox(area.geometry) }));
}
