/**
 * The one cache of a coverage engine: every result it keeps between queries (targets,
 * sample fields, coverages, border bands, reach fields, network fields, gap polygons) under
 * a typed query — what is asked (`kind`), of which target, at which radius (m), with which
 * distance model and estimate level, under which scenario overlay. Keys are built here and
 * nowhere else.
 *
 * Results measured in straight lines depend only on the model, the facilities and the
 * corridor, never on a scenario's gates: they are kept once for an engine and the engines
 * `withOverlay` makes from it (they share this cache). Results that walk the network are
 * kept per overlay (a WeakMap: an overlay dropped by the app frees its results).
 */
import type { Position } from 'geojson';
import type { CoverageCategory } from '../../core/categories';
import type { NetworkField } from '../network/context';
import type { GraphOverlay } from '../network/dijkstra';
import type { FactorLevel } from '../network/routeFactors';
import { type PopulationModel, sampleLines } from './model';
import type { DistanceKind, GapProps } from './tables';

export interface Coverage {
  /** 1 where a land cell is covered */
  mask: Uint8Array;
  /** per bucket: covered land m², covered residents, covered residential m² */
  coveredLand: Float64Array;
  coveredPop: Float64Array;
  coveredRes: Float64Array;
  /** per circle: indices (into the category's points) of facilities within reach of residents */
  reach: Set<number>[];
}

/**
 * What a query is measured to: a category's sites (points, with ids), or the riverfront
 * corridor (a line: points every half cell for fields, its segments for exact distances).
 */
export type Target =
  | { kind: 'sites'; category: CoverageCategory; points: [number, number][]; ids: string[] }
  | {
      kind: 'line';
      category: CoverageCategory;
      points: [number, number][];
      ids: string[];
      /** projected segments, 4 numbers each (ax, ay, bx, by), m */
      segments: Float64Array;
    };

/** Gap polygons of one circle; `traced` = the raster outline drawn when Turf failed. */
export interface GapEntry {
  features: GeoJSON.Feature<GeoJSON.Polygon, GapProps>[];
  traced: boolean;
}

/** What each kind of query yields. */
export interface CachedResults {
  target: Target;
  /** nearest-target distance (m) at each sample cell */
  sample: Float32Array | null;
  coverage: Coverage;
  /** residents per bucket within the radius of the land border */
  edge: Float64Array;
  /** residents per bucket in the mapped network */
  measured: Float64Array;
  /** capped per-cell distance field (m) of the gap contours */
  reach: Float32Array;
  netField: NetworkField;
  gaps: GapEntry;
}

export type CachedKind = keyof CachedResults;

/** A typed query: the fields that decide a result (absent = does not apply). */
export interface CacheQuery {
  target?: CoverageCategory;
  /** radius or cap, m */
  radiusM?: number;
  /** the distance model the result is measured with ('straight' results are shared across overlays) */
  distance?: DistanceKind;
  /** walk mode: the route-factor level of the estimate */
  level?: FactorLevel;
  /** a circle's index (gap polygons) */
  circle?: number;
}

const STRAIGHT_OVERLAY: GraphOverlay = { links: [], closed: new Set() };

export class EngineCache {
  private readonly byOverlay = new WeakMap<GraphOverlay, Map<string, unknown>>();
  /** projected corridor segments, 4 numbers each (ax, ay, bx, by), m */
  readonly riverfrontSegments: Float64Array;
  /** corridor points every half cell, projected (m) */
  readonly riverfrontPoints: [number, number][];

  constructor(model: PopulationModel, riverfrontLines: Position[][]) {
    const segs: number[] = [];
    for (const line of riverfrontLines) {
      for (let k = 1; k < line.length; k++) {
        segs.push(...model.grid.proj.toXY(line[k - 1]!), ...model.grid.proj.toXY(line[k]!));
      }
    }
    this.riverfrontSegments = Float64Array.from(segs);
    this.riverfrontPoints = sampleLines(riverfrontLines, model.grid.cellM / 2, model.grid.proj);
  }

  /** The one place a key is made. */
  static key(kind: CachedKind, q: CacheQuery): string {
    return [kind, q.target ?? '', q.radiusM ?? '', q.distance ?? '', q.level ?? '', q.circle ?? ''].join('|');
  }

  /**
   * The cached result of a query, computed once. `overlay`: the engine's (ignored for
   * straight-line results and for queries with no distance, which no gate changes).
   */
  get<K extends CachedKind>(
    kind: K,
    q: CacheQuery,
    overlay: GraphOverlay,
    compute: () => CachedResults[K],
  ): CachedResults[K] {
    const scope = !q.distance || q.distance === 'straight' ? STRAIGHT_OVERLAY : overlay;
    let store = this.byOverlay.get(scope);
    if (!store) {
      store = new Map();
      this.byOverlay.set(scope, store);
    }
    const key = EngineCache.key(kind, q);
    if (store.has(key)) return store.get(key) as CachedResults[K];
    const v = compute();
    store.set(key, v);
    return v;
  }
}
