/**
 * The walking network laid over the population grid: every land cell inside the network's
 * extent and within `maxSnapM` of an edge is "in the network" and joins it at its nearest
 * point on an edge (its access leg counts); the others are outside, where straight-line
 * distance is used and labelled. Distances in metres.
 */
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { cellCount, rasterizePolygon } from '../coverage/grid';
import type { PopulationModel } from '../coverage/model';
import {
  distanceAt,
  type GraphOverlay,
  NO_OVERLAY,
  type PreparedOverlay,
  prepareOverlay,
  type SearchResult,
  SearchWorkspace,
  type SourcesByEdge,
  search,
  sourcesByEdge,
} from './dijkstra';
import type { WalkGraph } from './graph';
import { EdgeIndex, type Snap } from './snap';

/** Cells farther than this from every edge are outside the network (m). */
export const MAX_SNAP_M = 150;

/** Per-cell snap arrays: edge (-1 = outside the network), position along it, access leg (m). */
interface CellSnaps {
  edge: Int32Array;
  t: Float32Array;
  access: Float32Array;
}

export interface NetworkField {
  /** per land cell (model.landCells order): network distance (m); NaN outside the network, Infinity unreached */
  land: Float32Array;
  /** per sample cell (model.sampleCells order): the same */
  sample: Float32Array;
}

export class NetworkContext {
  readonly model: PopulationModel;
  readonly graph: WalkGraph;
  readonly index: EdgeIndex;
  readonly maxSnapM: number;
  /** 1 where a grid cell is land in the network */
  readonly inNetwork: Uint8Array;
  readonly landSnap: CellSnaps;
  readonly sampleSnap: CellSnaps;
  /** land cells by edge (CSR over positions in model.landCells) */
  private readonly edgeStart: Int32Array;
  private readonly edgeCells: Int32Array;
  private readonly prepared = new Map<GraphOverlay, PreparedOverlay>();
  private workspace: SearchWorkspace | null = null;

  constructor(
    model: PopulationModel,
    graph: WalkGraph,
    extent: (Polygon | MultiPolygon)[],
    maxSnapM = MAX_SNAP_M,
  ) {
    this.model = model;
    this.graph = graph;
    this.maxSnapM = maxSnapM;
    this.index = new EdgeIndex(graph);
    const { grid, landCells, sampleCells, land } = model;
    const inExtent = new Uint8Array(cellCount(grid));
    for (const g of extent) rasterizePolygon(grid, g, inExtent, 1);
    this.inNetwork = new Uint8Array(inExtent.length);
    this.landSnap = this.snapCells(landCells, inExtent);
    landCells.forEach((c, k) => {
      if (this.landSnap.edge[k]! >= 0) this.inNetwork[c] = 1;
    });
    this.sampleSnap = this.snapCells(sampleCells, inExtent, land);
    const m = graph.from.length;
    const counts = new Int32Array(m + 1);
    for (let k = 0; k < landCells.length; k++) {
      const e = this.landSnap.edge[k]!;
      if (e >= 0) counts[e + 1]!++;
    }
    for (let e = 0; e < m; e++) counts[e + 1]! += counts[e]!;
    this.edgeStart = counts.slice();
    const fill = counts.slice(0, m);
    this.edgeCells = new Int32Array(counts[m]!);
    for (let k = 0; k < landCells.length; k++) {
      const e = this.landSnap.edge[k]!;
      if (e >= 0) this.edgeCells[fill[e]!++] = k;
    }
  }

  private snapCells(cells: Int32Array, inExtent: Uint8Array, land?: Uint8Array): CellSnaps {
    const { grid } = this.model;
    const out: CellSnaps = {
      edge: new Int32Array(cells.length).fill(-1),
      t: new Float32Array(cells.length),
      access: new Float32Array(cells.length),
    };
    cells.forEach((c, k) => {
      if (!inExtent[c] || (land && !land[c])) return;
      const i = c % grid.cols;
      const j = (c - i) / grid.cols;
      const s = this.index.nearest(grid.x0 + i * grid.cellM, grid.y0 + j * grid.cellM, this.maxSnapM);
      if (!s) return;
      out.edge[k] = s.edge;
      out.t[k] = s.t;
      out.access[k] = s.accessM;
    });
    return out;
  }

  /** Overlay prepared once per overlay object. */
  prepare(overlay: GraphOverlay = NO_OVERLAY): PreparedOverlay {
    let p = this.prepared.get(overlay);
    if (!p) {
      p = prepareOverlay(this.graph, overlay);
      this.prepared.set(overlay, p);
    }
    return p;
  }

  /** Where a lon/lat point joins the network (null when farther than maxSnapM from any edge). */
  snapLonLat(p: Position): Snap | null {
    const [x, y] = this.model.grid.proj.toXY(p);
    return this.index.nearest(x, y, this.maxSnapM);
  }

  /** Network distance (m) from the nearest of `sources` to every land and sample cell. */
  field(sources: Snap[], overlay: GraphOverlay = NO_OVERLAY, limitM = Infinity): NetworkField {
    const prepared = this.prepare(overlay);
    const r = search(this.graph, sources, prepared, limitM);
    const same = sourcesByEdge(sources);
    return {
      land: this.evaluate(this.landSnap, r, prepared, same),
      sample: this.evaluate(this.sampleSnap, r, prepared, same),
    };
  }

  private evaluate(
    snaps: CellSnaps,
    r: SearchResult,
    prepared: PreparedOverlay,
    same: SourcesByEdge,
  ): Float32Array {
    const out = new Float32Array(snaps.edge.length).fill(Number.NaN);
    const s: Snap = { edge: 0, t: 0, accessM: 0 };
    const onSourceEdge = new Uint8Array(this.graph.from.length);
    for (const e of same.keys()) onSourceEdge[e] = 1;
    for (let k = 0; k < out.length; k++) {
      const e = snaps.edge[k]!;
      if (e < 0) continue;
      s.edge = e;
      s.t = snaps.t[k]!;
      s.accessM = snaps.access[k]!;
      out[k] = distanceAt(this.graph, r, prepared, onSourceEdge[e] ? same : null, s);
    }
    return out;
  }

  /** The land cells (positions in model.landCells) that join the network on edge `e`. */
  cellsOnEdge(e: number): Int32Array {
    return this.edgeCells.subarray(this.edgeStart[e]!, this.edgeStart[e + 1]!);
  }

  /**
   * The land cells (positions in model.landCells) within `limitM` of one source along the
   * network: a search bounded at the limit, cells read from the edges it reached. Cells for
   * which `skip` says true are not measured (nor returned).
   */
  cellsWithin(
    source: Snap,
    limitM: number,
    overlay: GraphOverlay = NO_OVERLAY,
    skip?: (cell: number) => boolean,
  ): number[] {
    const out: number[] = [];
    this.visitWithin(source, limitM, overlay, skip ?? (() => false), (k) => out.push(k));
    return out;
  }

  /** Call `visit` for each land cell within `limitM` (cells `skip` rejects are not measured). */
  visitWithin(
    source: Snap,
    limitM: number,
    overlay: GraphOverlay,
    skip: (cell: number) => boolean,
    visit: (cell: number) => void,
  ): void {
    const prepared = this.prepare(overlay);
    const g = this.graph;
    this.workspace ??= new SearchWorkspace(g.x.length + prepared.points.length);
    const r = search(g, [source], prepared, limitM, this.workspace);
    const same = sourcesByEdge([source]);
    const s: Snap = { edge: 0, t: 0, accessM: 0 };
    const touched = new Set<number>([source.edge]);
    for (const n of r.reached) {
      if (n >= g.x.length) touched.add(prepared.points[n - g.x.length]!.edge);
      else for (let k = g.offset[n]!; k < g.offset[n + 1]!; k++) touched.add(g.adjEdge[k]!);
    }
    for (const e of touched) {
      for (let q = this.edgeStart[e]!; q < this.edgeStart[e + 1]!; q++) {
        const k = this.edgeCells[q]!;
        if (skip(k)) continue;
        s.edge = e;
        s.t = this.landSnap.t[k]!;
        s.accessM = this.landSnap.access[k]!;
        if (distanceAt(g, r, prepared, same, s) <= limitM) visit(k);
      }
    }
  }
}
