/**
 * Coverage of the life circles by facilities within a walking radius, on the population
 * grid. Pure: no DOM, no MapLibre; runs in Node, a Web Worker and at build time.
 * Distances in metres: straight-line (直线距离), or walked along the network in network mode.
 *
 * Method: a cell is covered when its centre is within the radius of a facility (exact:
 * discs are stamped cell by cell; line targets use an exact distance field). Covered
 * totals are summed while stamping, so a table costs in proportion to the covered cells.
 * Nearest-facility distances (median, worst point) come from a distance field on a
 * 2-cell sample grid (40 m with 20 m cells).
 */
import type { FeatureCollection, Polygon, Position } from 'geojson';
import { type CoverageCategory, RIVERFRONT } from '../../core/categories';
import { pointSegmentDistance } from '../../core/geo';
import type { NetworkContext, NetworkField } from '../network/context';
import { addNetworkReach, markNetworkCells, networkFigures, snapTargets } from '../network/coverage';
import { type GraphOverlay, NO_OVERLAY } from '../network/dijkstra';
import { estimatedWalkM, type FactorLevel, type RouteFactors, straightReachM } from '../network/routeFactors';
import { type DistanceModel, straightLineDistance } from './distanceField';
import {
  type CachedKind,
  type CachedResults,
  type CacheQuery,
  type Coverage,
  EngineCache,
  type Target,
} from './engineCache';
import { traceGaps } from './gapPolygons';
import type { PopulationModel } from './model';
import {
  type CircleCoverage,
  type CoverageTable,
  type CoverageTotals,
  type DistanceKind,
  distanceStats,
  emptyTotals,
  type FacilityPoint,
  finish,
  type GapProps,
  type WalkEstimate,
} from './tables';
import { targetRows } from './targets';

export type { Target } from './engineCache';
export type {
  CircleCoverage,
  CoverageTable,
  CoverageTotals,
  DistanceKind,
  FacilityPoint,
  GapProps,
  WalkEstimate,
} from './tables';
export type { TargetCounts } from './targets';

export interface EngineOptions {
  distanceModel?: DistanceModel;
  /** the walking network over the model's grid (network mode) */
  network?: NetworkContext | null;
  /** gates and closed links of a scenario */
  overlay?: GraphOverlay;
  /**
   * route factors measured on the walking graph (walk mode, "walking, best available"):
   * residents outside the mapped network are reached by the straight line's estimated walk
   */
  routeFactors?: RouteFactors | null;
}

export class CoverageEngine {
  readonly model: PopulationModel;
  readonly network: NetworkContext | null;
  readonly overlay: GraphOverlay;
  /** the route factors of walk mode (null: walk mode falls back to network or straight line) */
  readonly routeFactors: RouteFactors | null;
  private readonly facilities: FacilityPoint[];
  private readonly riverfrontLines: Position[][];
  private readonly distanceModel: DistanceModel;
  /** every result kept between queries; shared with the engines `withOverlay` makes (keyed by overlay) */
  private readonly cache: EngineCache;

  /**
   * @param facilities every facility (any category)
   * @param riverfrontLines the corridor lines (lon/lat), the "riverfront" category's targets
   */
  constructor(
    model: PopulationModel,
    facilities: FacilityPoint[],
    riverfrontLines: Position[][] = [],
    options: EngineOptions = {},
    shared?: EngineCache,
  ) {
    this.model = model;
    this.facilities = facilities;
    this.distanceModel = options.distanceModel ?? straightLineDistance;
    this.network = options.network ?? null;
    this.overlay = options.overlay ?? NO_OVERLAY;
    this.routeFactors = options.routeFactors ?? null;
    this.riverfrontLines = riverfrontLines;
    this.cache = shared ?? new EngineCache(model, riverfrontLines);
  }

  /**
   * The cached result of a typed query, computed once (the engine's one cache: straight-line
   * results shared with its gated copies, network and walk results per overlay).
   */
  cached<K extends CachedKind>(kind: K, q: CacheQuery, compute: () => CachedResults[K]): CachedResults[K] {
    return this.cache.get(kind, q, this.overlay, compute);
  }

  /** Every facility the engine counts (any category). */
  get facilityPoints(): readonly FacilityPoint[] {
    return this.facilities;
  }

  /** An engine on the same model with more facilities (a scenario's proposed sites). */
  withFacilities(extra: FacilityPoint[]): CoverageEngine {
    return new CoverageEngine(
      this.model,
      [...this.facilities, ...extra],
      this.riverfrontLines,
      this.options(),
    );
  }

  /** An engine on the same model and facilities with a scenario's gates and closed links. */
  withOverlay(overlay: GraphOverlay): CoverageEngine {
    return new CoverageEngine(
      this.model,
      this.facilities,
      this.riverfrontLines,
      { ...this.options(), overlay },
      this.cache,
    );
  }

  private options(): EngineOptions {
    return {
      distanceModel: this.distanceModel,
      network: this.network,
      overlay: this.overlay,
      routeFactors: this.routeFactors,
    };
  }

  /** Network distance (m) from a category's targets to every land and sample cell (cached). */
  networkField(category: CoverageCategory): NetworkField | null {
    const net = this.network;
    if (!net) return null;
    return this.cached('netField', { target: category, distance: 'network' }, () =>
      net.field(snapTargets(net, this.targetsOf(category).points).snaps, this.overlay),
    );
  }

  /** A category's targets: its sites (projected positions, m, and ids), or the riverfront line. */
  targetsOf(category: CoverageCategory): Target {
    return this.cached('target', { target: category }, (): Target => {
      if (category === RIVERFRONT)
        return {
          kind: 'line',
          category,
          points: this.cache.riverfrontPoints,
          ids: [],
          segments: this.cache.riverfrontSegments,
        };
      const chosen = this.facilities.filter((f) => f.category === category);
      return {
        kind: 'sites',
        category,
        points: chosen.map((f) => this.model.grid.proj.toXY(f.lonLat)),
        ids: chosen.map((f) => f.id),
      };
    });
  }

  /**
   * The distance a query is measured with. The riverfront (a line, not sites) stays
   * straight-line in every mode. 'network' needs a network. 'walk' (walking, best available)
   * needs route factors; without them it is 'network' where a network exists, else straight.
   */
  modeFor(category: CoverageCategory, distance: DistanceKind): DistanceKind {
    if (distance === 'straight' || this.targetsOf(category).kind !== 'sites') return 'straight';
    if (distance === 'walk' && this.routeFactors) return 'walk';
    return this.network ? 'network' : 'straight';
  }

  /**
   * The straight-line radius (m) that stands for a walk of `walkM` (m) outside the mapped
   * network in walk mode, at a route-factor level (the median is the estimate; the
   * quartiles its range). `walkM` itself in the other modes.
   */
  straightRadius(walkM: number, distance: DistanceKind, level: FactorLevel = 'median'): number {
    return distance === 'walk' && this.routeFactors ? straightReachM(this.routeFactors, walkM, level) : walkM;
  }

  /** Projected segments of a category's line targets (4 numbers each: ax, ay, bx, by, m); empty for point targets. */
  targetSegments(category: CoverageCategory): ArrayLike<number> {
    const t = this.targetsOf(category);
    return t.kind === 'line' ? t.segments : [];
  }

  /** Nearest-target distance (m) at each sample cell (cached; independent of the radius). */
  sampleField(category: CoverageCategory): Float32Array | null {
    return this.cached('sample', { target: category }, () => {
      const { points } = this.targetsOf(category);
      return points.length
        ? this.distanceModel.distancesAt(this.model.grid, points, this.model.sampleCells)
        : null;
    });
  }

  /** Residents per bucket within `radiusM` of the district's land border (cached per radius). */
  private edgePopulation(radiusM: number): Float64Array {
    return this.cached('edge', { radiusM }, () => {
      const { landCells, bucketOf, population, landBorderDistance, buckets } = this.model;
      const e = new Float64Array(buckets.length);
      for (const c of landCells) if (landBorderDistance[c]! <= radiusM) e[bucketOf[c]!]! += population[c]!;
      return e;
    });
  }

  /**
   * Which land cells are within `radiusM` (m, a walk in the walking modes) of a target, with
   * covered totals per bucket (cached). In network and walk mode, cells in the network are
   * measured along it; in walk mode the others by the straight line's estimated walk at
   * `level` (the median; the quartiles give the range).
   */
  coverage(
    category: CoverageCategory,
    radiusM: number,
    distance: DistanceKind = 'straight',
    level: FactorLevel = 'median',
  ): Coverage {
    const mode = this.modeFor(category, distance);
    const q = { target: category, radiusM, distance: mode, level: mode === 'walk' ? level : undefined };
    return this.cached('coverage', q, () => this.computeCoverage(category, radiusM, mode, level));
  }

  /** Residents per bucket in the mapped network (measured walks in walk mode; cached). */
  private measuredPopulation(): Float64Array {
    return this.cached('measured', { distance: 'network' }, () => {
      const { landCells, bucketOf, population, buckets } = this.model;
      const out = new Float64Array(buckets.length);
      const inNet = this.network?.inNetwork;
      if (inNet) for (const c of landCells) if (inNet[c]) out[bucketOf[c]!]! += population[c]!;
      return out;
    });
  }

  private computeCoverage(
    category: CoverageCategory,
    radiusM: number,
    distance: DistanceKind,
    level: FactorLevel,
  ): Coverage {
    const net = distance === 'network' || distance === 'walk' ? this.network : null;
    // the straight-line radius of the cells outside the network (walk: the estimate's inverse)
    const discM = this.straightRadius(radiusM, distance, level);
    const target = this.targetsOf(category);
    const { grid, land, population, bucketOf, buckets, circleOf, landCells, circles } = this.model;
    const { points } = target;
    const nb = buckets.length;
    const cov: Coverage = {
      mask: new Uint8Array(land.length),
      coveredLand: new Float64Array(nb),
      coveredPop: new Float64Array(nb),
      coveredRes: new Float64Array(nb),
      reach: circles.map(() => new Set<number>()),
    };
    const cellArea = grid.cellM * grid.cellM;
    const skip = net ? net.inNetwork : null;
    /** count a land cell as covered (its land, residents and residential area in its bucket) */
    const add = (c: number) => {
      cov.mask[c] = 1;
      const b = bucketOf[c]!;
      cov.coveredLand[b]! += cellArea;
      const pop = population[c]!;
      if (pop > 0) {
        cov.coveredPop[b]! += pop;
        cov.coveredRes[b]! += cellArea;
      }
    };
    // network and walk mode: cells in the network are left to the network (below)
    const mark = (c: number) => {
      if (!skip?.[c]) add(c);
    };
    if (target.kind === 'line') {
      // Line targets: the distance at each cell's 40 m sample is within one block diagonal
      // (cellM·2√2/2 ≈ 28 m) of the cell's own; only cells in that band around the radius
      // are measured exactly, to the corridor's segments.
      const ds = this.sampleField(category);
      if (ds) {
        const { sampleOfBlock, blockCols } = this.model;
        const slack = grid.cellM * Math.SQRT2 + 0.05;
        const segs = target.segments;
        for (let t = 0; t < landCells.length; t++) {
          const c = landCells[t]!;
          const i = c % grid.cols;
          const j = (c - i) / grid.cols;
          const d = ds[sampleOfBlock[(j >> 1) * blockCols + (i >> 1)]!]!;
          if (d + slack <= radiusM) mark(c);
          else if (d - slack <= radiusM) {
            const x = grid.x0 + i * grid.cellM;
            const y = grid.y0 + j * grid.cellM;
            for (let k = 0; k < segs.length; k += 4) {
              if (pointSegmentDistance(x, y, segs[k]!, segs[k + 1]!, segs[k + 2]!, segs[k + 3]!) <= radiusM) {
                mark(c);
                break;
              }
            }
          }
        }
      }
    } else {
      // Point targets: stamp each disc; a cell is covered if its centre is within the radius.
      // "within" includes the boundary: a cell exactly at the radius is covered (ε for rounding).
      const r2 = discM * discM + 1e-6;
      const rc = Math.ceil(discM / grid.cellM);
      const lastFacility = new Int32Array(circles.length).fill(-1);
      points.forEach(([x, y], f) => {
        const ci = Math.round((x - grid.x0) / grid.cellM);
        const cj = Math.round((y - grid.y0) / grid.cellM);
        for (let j = Math.max(0, cj - rc); j <= Math.min(grid.rows - 1, cj + rc); j++) {
          const dy = grid.y0 + j * grid.cellM - y;
          const row = j * grid.cols;
          for (let i = Math.max(0, ci - rc); i <= Math.min(grid.cols - 1, ci + rc); i++) {
            const c = row + i;
            if (!land[c]) continue;
            const dx = grid.x0 + i * grid.cellM - x;
            if (dx * dx + dy * dy > r2) continue;
            if (!cov.mask[c]) mark(c);
            const k = circleOf[c]!;
            if (k >= 0 && lastFacility[k] !== f && population[c]! > 0 && !skip?.[c]) {
              lastFacility[k] = f;
              cov.reach[k]!.add(f);
            }
          }
        }
      });
    }
    if (net) {
      const field = this.networkField(category)!;
      markNetworkCells(this.model, field, radiusM, add);
      if (target.kind === 'sites')
        addNetworkReach(this.model, net, snapTargets(net, points), radiusM, this.overlay, cov.reach);
    }
    return cov;
  }

  /** 1 where a land cell is within `radiusM` of a target of the category. */
  coveredMask(
    category: CoverageCategory,
    radiusM: number,
    distance: DistanceKind = 'straight',
    level: FactorLevel = 'median',
  ): Uint8Array {
    return this.coverage(category, radiusM, distance, level).mask;
  }

  /**
   * Distance (m) from each sample cell to the nearest target: straight-line; in network
   * mode along the network for samples in it (straight elsewhere); in walk mode the same,
   * with the straight line's estimated walk (median factor) outside the network.
   */
  private mixedSampleField(category: CoverageCategory, distance: DistanceKind): Float32Array | null {
    const straight = this.sampleField(category);
    const f = distance === 'walk' ? this.routeFactors : null;
    const net = distance === 'network' || distance === 'walk' ? this.networkField(category) : null;
    if (!straight || (!net && !f)) return straight;
    const out = Float32Array.from(straight);
    if (f) for (let t = 0; t < out.length; t++) out[t] = estimatedWalkM(f, out[t]!, 'median');
    net?.sample.forEach((d, t) => {
      if (!Number.isNaN(d)) out[t] = d;
    });
    return out;
  }

  /**
   * Walk mode: each row's measured residents (in the network) and its covered residents with
   * the 75th-percentile factors (longer walks: the low end) and the 25th (the high end).
   * Rows are the circles, the subdistricts, then the district (as `table` builds them).
   */
  private addEstimates(category: CoverageCategory, radiusM: number, rows: CoverageTotals[]): void {
    const { buckets } = this.model;
    const K = this.model.circles.length;
    const S = this.model.subdistrictNames.length;
    const measured = this.measuredPopulation();
    const low = this.coverage(category, radiusM, 'walk', 'p75').coveredPop;
    const high = this.coverage(category, radiusM, 'walk', 'p25').coveredPop;
    const sums = rows.map(() => ({ m: 0, lo: 0, hi: 0 }));
    buckets.forEach(([k, s], b) => {
      for (const r of [k >= 0 ? k : -1, s >= 0 ? K + s : -1, K + S]) {
        if (r < 0) continue;
        sums[r]!.m += measured[b]!;
        sums[r]!.lo += low[b]!;
        sums[r]!.hi += high[b]!;
      }
    });
    rows.forEach((row, r) => {
      const { m, lo, hi } = sums[r]!;
      const pop = row.population;
      const measuredShare = pop > 0 ? Math.min(1, m / pop) : null;
      // where every resident is measured the range is the share itself
      const all = measuredShare === 1;
      const estimate: WalkEstimate = {
        measuredPopulation: m,
        measuredShare,
        coveredPopulationLow: all ? row.coveredPopulation : Math.min(lo, row.coveredPopulation),
        coveredPopulationHigh: all ? row.coveredPopulation : Math.max(hi, row.coveredPopulation),
        shareLow: null,
        shareHigh: null,
      };
      if (pop > 0) {
        estimate.shareLow = estimate.coveredPopulationLow / pop;
        estimate.shareHigh = estimate.coveredPopulationHigh / pop;
      }
      row.estimate = estimate;
    });
  }

  /** Coverage of every circle, subdistrict and the district for one category and radius (m). */
  table(category: CoverageCategory, radiusM: number, distance: DistanceKind = 'straight'): CoverageTable {
    const { grid, circleOf, circles, subdistrictNames, subdistrictNamesEn, buckets } = this.model;
    const target = this.targetsOf(category);
    const { points, ids } = target;
    // The riverfront is a line, not sites: its access stays straight-line in network mode.
    const mode = this.modeFor(category, distance);
    const cov = this.coverage(category, radiusM, mode);
    const edge = this.edgePopulation(radiusM);
    const K = circles.length;
    const S = subdistrictNames.length;
    const rows = Array.from({ length: K + S + 1 }, emptyTotals);
    const { bucketLandM2, bucketPopulation, bucketResidentialM2 } = this.model;
    const targets = targetRows(this.model, category, cov.coveredPop);
    rows.forEach((row, r) => {
      row.target = targets.rows[r]!;
    });
    buckets.forEach(([k, s], b) => {
      for (const row of [k >= 0 ? rows[k] : null, s >= 0 ? rows[K + s] : null, rows[K + S]]) {
        if (!row) continue;
        row.landAreaM2 += bucketLandM2[b]!;
        row.coveredLandAreaM2 += cov.coveredLand[b]!;
        row.population += bucketPopulation[b]!;
        row.coveredPopulation += cov.coveredPop[b]!;
        row.residentialAreaM2 += bucketResidentialM2[b]!;
        row.coveredResidentialAreaM2 += cov.coveredRes[b]!;
        row.edgePopulation += edge[b]!;
      }
    });
    for (const row of rows) finish(row);
    if (mode === 'walk') this.addEstimates(category, radiusM, rows);
    // Nearest-facility distance statistics from the sample field.
    const stats = distanceStats(this.model, this.mixedSampleField(category, mode));
    const inside = circles.map(() => [] as string[]);
    if (target.kind === 'sites') {
      points.forEach(([x, y], f) => {
        const ci = Math.round((x - grid.x0) / grid.cellM);
        const cj = Math.round((y - grid.y0) / grid.cellM);
        if (ci < 0 || cj < 0 || ci >= grid.cols || cj >= grid.rows) return;
        const k = circleOf[cj * grid.cols + ci]!;
        if (k >= 0) inside[k]!.push(ids[f]!);
      });
    }
    const netField = mode === 'network' || mode === 'walk' ? this.networkField(category) : null;
    const figures = netField
      ? networkFigures(
          this.model,
          netField,
          this.coveredMask(category, radiusM),
          this.sampleField(category),
          radiusM,
          rows.slice(0, K).map((r) => r.population),
        )
      : null;
    const circleRows: CircleCoverage[] = circles.map((circle, k) => {
      const t = rows[k]!;
      return {
        id: circle.id,
        name: circle.name,
        nameEn: circle.nameEn ?? circle.name,
        subdistrict: circle.subdistrict,
        subdistrictEn: subdistrictNamesEn[subdistrictNames.indexOf(circle.subdistrict)] ?? circle.subdistrict,
        ...t,
        ...stats[k]!,
        facilitiesInside: inside[k]!.sort(),
        facilitiesInReach: [...cov.reach[k]!].map((f) => ids[f]!).sort(),
        edgeEffect: t.population > 0 && t.edgePopulation / t.population >= 0.1,
        network: figures && figures[k]!.residents > 0 ? figures[k]! : null,
      };
    });
    const rankingByGap = [...circleRows]
      .sort((a, b) => b.gapPopulation - a.gapPopulation || a.id.localeCompare(b.id))
      .map((c) => c.id);
    return {
      category,
      radiusM,
      targetGroup: targets.group,
      distance: mode,
      ...(mode === 'walk' ? { routeFactors: this.routeFactors } : {}),
      network: figures ? figures[K]! : null,
      circles: circleRows,
      subdistricts: subdistrictNames.map((name, s) => ({
        name,
        nameEn: subdistrictNamesEn[s] ?? name,
        ...rows[K + s]!,
      })),
      district: rows[K + S]!,
      rankingByGap,
    };
  }

  /**
   * The raster's own gap outlines: the resident cells of each circle (or one circle) beyond
   * the radius, traced along cell edges (staircases; area = the table's gap area exactly).
   * A reference for tests and the bench: the app draws and exports the Turf polygons of
   * gapGeometry.ts.
   */
  tracedGaps(
    category: CoverageCategory,
    radiusM: number,
    circleIndex?: number,
    distance: DistanceKind = 'straight',
  ): FeatureCollection<Polygon, GapProps> {
    const mode = this.modeFor(category, distance);
    return traceGaps(
      this.model,
      this.coveredMask(category, radiusM, mode),
      { category, radiusM, distance: mode },
      circleIndex,
    );
  }
}
