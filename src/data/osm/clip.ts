/**
 * Clip lines and areas to a region (the district plus 1 km, or an extract's extent). Lines are
 * cut exactly where they cross the region's outline; areas that cross it are intersected with
 * @turf/intersect. The outline's edges are indexed in horizontal bands, so features well inside
 * or well outside cost a few edge tests. Planar in lon/lat degrees, like the GeoJSON.
 */
import { feature, featureCollection } from '@turf/helpers';
import { intersect } from '@turf/intersect';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import type { BBox } from '../../core/extent';

type Area = Polygon | MultiPolygon;

/** [west, south, east, north] of a list of positions. */
export function positionsBBox(points: Iterable<Position>): BBox {
  const b: BBox = [Infinity, Infinity, -Infinity, -Infinity];
  for (const p of points) {
    b[0] = Math.min(b[0], p[0]!);
    b[1] = Math.min(b[1], p[1]!);
    b[2] = Math.max(b[2], p[0]!);
    b[3] = Math.max(b[3], p[1]!);
  }
  return b;
}

/** A bounding box as a Polygon (counter-clockwise). */
export const boxPolygon = ([w, s, e, n]: BBox): Polygon => ({
  type: 'Polygon',
  coordinates: [
    [
      [w, s],
      [e, s],
      [e, n],
      [w, n],
      [w, s],
    ],
  ],
});

const areaPositions = (g: Area) => (g.type === 'Polygon' ? g.coordinates.flat() : g.coordinates.flat(2));

/** [west, south, east, north] of a Polygon or MultiPolygon, degrees. */
export const areaBBox = (g: Area): BBox => positionsBBox(areaPositions(g));

export class ClipRegion {
  readonly bbox: BBox;
  /** x1, y1, x2, y2 of every outline edge */
  private readonly edges: number[] = [];
  /** edge indices per horizontal band of the bbox */
  private readonly bands: number[][];
  private readonly bandHeight: number;

  constructor(
    readonly geometry: Area,
    bandCount = 256,
  ) {
    this.bbox = positionsBBox(areaPositions(geometry));
    this.bandHeight = (this.bbox[3] - this.bbox[1]) / bandCount || 1;
    this.bands = Array.from({ length: bandCount }, () => []);
    const polys = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
    for (const ring of polys.flat()) {
      for (let i = 1; i < ring.length; i++) {
        const a = ring[i - 1]!;
        const b = ring[i]!;
        const k = this.edges.length / 4;
        this.edges.push(a[0]!, a[1]!, b[0]!, b[1]!);
        const [lo, hi] = this.bandRange(Math.min(a[1]!, b[1]!), Math.max(a[1]!, b[1]!));
        for (let band = lo; band <= hi; band++) this.bands[band]!.push(k);
      }
    }
  }

  private bandRange(south: number, north: number): [number, number] {
    const last = this.bands.length - 1;
    const at = (y: number) => Math.min(last, Math.max(0, Math.floor((y - this.bbox[1]) / this.bandHeight)));
    return [at(south), at(north)];
  }

  /** Indices of the edges whose bounding box meets `b`. */
  private edgesNear(b: BBox): number[] {
    if (b[2] < this.bbox[0] || b[0] > this.bbox[2] || b[3] < this.bbox[1] || b[1] > this.bbox[3]) return [];
    const [lo, hi] = this.bandRange(b[1], b[3]);
    const found = new Set<number>();
    const e = this.edges;
    for (let band = lo; band <= hi; band++) {
      for (const k of this.bands[band]!) {
        const i = 4 * k;
        if (Math.max(e[i]!, e[i + 2]!) < b[0] || Math.min(e[i]!, e[i + 2]!) > b[2]) continue;
        if (Math.max(e[i + 1]!, e[i + 3]!) < b[1] || Math.min(e[i + 1]!, e[i + 3]!) > b[3]) continue;
        found.add(k);
      }
    }
    return [...found];
  }

  /** True when [lon, lat] is inside the region (even-odd over all rings). */
  contains(p: Position): boolean {
    const x = p[0]!;
    const y = p[1]!;
    if (x < this.bbox[0] || x > this.bbox[2] || y < this.bbox[1] || y > this.bbox[3]) return false;
    const [band] = this.bandRange(y, y);
    let inside = false;
    const e = this.edges;
    for (const k of this.bands[band]!) {
      const i = 4 * k;
      const x1 = e[i]!;
      const y1 = e[i + 1]!;
      const x2 = e[i + 2]!;
      const y2 = e[i + 3]!;
      if (y1 > y !== y2 > y && x < ((x2 - x1) * (y - y1)) / (y2 - y1) + x1) inside = !inside;
    }
    return inside;
  }

  /** Where a box lies: wholly inside, wholly outside, or meeting the outline. */
  relation(b: BBox): 'inside' | 'outside' | 'crossing' {
    if (this.edgesNear(b).length > 0) return 'crossing';
    return this.contains([b[0], b[1]]) ? 'inside' : 'outside';
  }

  /** Parameters t in (0, 1) where segment a→b crosses the outline, sorted. */
  private crossings(a: Position, b: Position): number[] {
    const ts: number[] = [];
    const e = this.edges;
    const dx = b[0]! - a[0]!;
    const dy = b[1]! - a[1]!;
    for (const k of this.edgesNear(positionsBBox([a, b]))) {
      const i = 4 * k;
      const ex = e[i + 2]! - e[i]!;
      const ey = e[i + 3]! - e[i + 1]!;
      const denom = dx * ey - dy * ex;
      if (denom === 0) continue;
      const cx = e[i]! - a[0]!;
      const cy = e[i + 1]! - a[1]!;
      const t = (cx * ey - cy * ex) / denom;
      const u = (cx * dy - cy * dx) / denom;
      if (t > 0 && t < 1 && u >= 0 && u <= 1) ts.push(t);
    }
    return ts.sort((p, q) => p - q);
  }

  /**
   * The parts of a line inside the region, cut exactly at the outline (positions in degrees).
   * A line wholly inside comes back as it is; one wholly outside gives [].
   */
  clipLine(line: Position[]): Position[][] {
    const where = this.relation(positionsBBox(line));
    if (where !== 'crossing') return where === 'inside' ? [line] : [];
    const parts: Position[][] = [];
    let current: Position[] | null = null;
    const at = (a: Position, b: Position, t: number): Position =>
      t === 0 ? a : t === 1 ? b : [a[0]! + t * (b[0]! - a[0]!), a[1]! + t * (b[1]! - a[1]!)];
    for (let s = 1; s < line.length; s++) {
      const a = line[s - 1]!;
      const b = line[s]!;
      const ts = [0, ...this.crossings(a, b), 1];
      for (let j = 1; j < ts.length; j++) {
        const p = at(a, b, ts[j - 1]!);
        const q = at(a, b, ts[j]!);
        if (this.contains(at(a, b, (ts[j - 1]! + ts[j]!) / 2))) {
          if (!current) {
            current = [p];
            parts.push(current);
          }
          current.push(q);
        } else current = null;
      }
    }
    return parts;
  }

  /** The part of an area inside the region (null when none); wholly inside areas come back unchanged. */
  clipArea(g: Area): Area | null {
    const where = this.relation(positionsBBox(areaPositions(g)));
    if (where !== 'crossing') return where === 'inside' ? g : null;
    const clipped = intersect(featureCollection([feature(g), feature(this.geometry)]));
    return clipped ? clipped.geometry : null;
  }
}
