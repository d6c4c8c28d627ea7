/**
 * Shortest walks on the graph: multi-source Dijkstra with a binary heap (flatqueue). Sources
 * and extra links (睦邻门 gates) attach at points ON edges, so a walk may start, end or turn
 * mid-edge; closed edges are not crossed. Distances in metres.
 */
import FlatQueue from 'flatqueue';
import type { WalkGraph } from './graph';
import type { Snap } from './snap';

/** A point on an edge where a walk can start (a source) or join (a gate's end). */
export interface Attachment {
  edge: number;
  t: number;
}

/**
 * Changes to the graph: extra walking links between two points on edges (gates), and
 * closed edges. Attachment points become extra nodes n, n+1, … after the graph's own.
 */
export interface GraphOverlay {
  /** each link joins two attachment points; lengthM is the walk along the new link */
  links: { a: Attachment; b: Attachment; lengthM: number }[];
  /** edges that cannot be walked (a closed link) */
  closed: Set<number>;
}

export const NO_OVERLAY: GraphOverlay = { links: [], closed: new Set() };

/** The overlay's extra nodes and their neighbours, ready for the search. */
export interface PreparedOverlay {
  overlay: GraphOverlay;
  /** attachment point of each extra node */
  points: Attachment[];
  /** extra adjacency: node → [neighbour, length m][] (base nodes touching an attachment too) */
  extra: Map<number, [number, number][]>;
  /** per edge: the extra nodes on it */
  onEdge: Map<number, number[]>;
  /** flags for the hot loops: 1 for a node with extra neighbours, an edge with extra nodes, a closed edge */
  nodeHasExtra: Uint8Array;
  edgeHasExtra: Uint8Array;
  edgeClosed: Uint8Array;
}

export function prepareOverlay(g: WalkGraph, overlay: GraphOverlay): PreparedOverlay {
  const n = g.x.length;
  const points: Attachment[] = [];
  const extra = new Map<number, [number, number][]>();
  const onEdge = new Map<number, number[]>();
  const link = (u: number, v: number, len: number) => {
    if (!extra.has(u)) extra.set(u, []);
    if (!extra.has(v)) extra.set(v, []);
    extra.get(u)!.push([v, len]);
    extra.get(v)!.push([u, len]);
  };
  const attach = (p: Attachment): number => {
    const id = n + points.length;
    points.push(p);
    const len = g.length[p.edge]!;
    if (!overlay.closed.has(p.edge)) {
      link(id, g.from[p.edge]!, p.t * len);
      link(id, g.to[p.edge]!, (1 - p.t) * len);
    }
    if (!onEdge.has(p.edge)) onEdge.set(p.edge, []);
    onEdge.get(p.edge)!.push(id);
    return id;
  };
  for (const l of overlay.links) link(attach(l.a), attach(l.b), l.lengthM);
  const nodeHasExtra = new Uint8Array(n + points.length);
  for (const k of extra.keys()) nodeHasExtra[k] = 1;
  const edgeHasExtra = new Uint8Array(g.from.length);
  for (const e of onEdge.keys()) edgeHasExtra[e] = 1;
  const edgeClosed = new Uint8Array(g.from.length);
  for (const e of overlay.closed) edgeClosed[e] = 1;
  return { overlay, points, extra, onEdge, nodeHasExtra, edgeHasExtra, edgeClosed };
}

export interface SearchResult {
  /** distance (m) from the nearest source to each node (graph nodes, then overlay nodes); Infinity unreached */
  dist: Float64Array;
  /** the source each node was reached from (index into sources), -1 unreached */
  origin: Int32Array;
  /** the previous node on the shortest walk, -1 at a source's edge ends */
  prev: Int32Array;
  /** the nodes reached (each once) */
  reached: number[];
}

/**
 * Arrays reused between searches on the same graph (bounded searches touch few nodes: only
 * those are reset). A result read from a workspace is valid until its next search.
 */
export class SearchWorkspace {
  readonly dist: Float64Array;
  readonly origin: Int32Array;
  readonly prev: Int32Array;
  reached: number[] = [];
  constructor(size: number) {
    this.dist = new Float64Array(size).fill(Infinity);
    this.origin = new Int32Array(size).fill(-1);
    this.prev = new Int32Array(size).fill(-1);
  }
  reset(): void {
    for (const n of this.reached) {
      this.dist[n] = Infinity;
      this.origin[n] = -1;
      this.prev[n] = -1;
    }
    this.reached = [];
  }
}

/**
 * Multi-source Dijkstra. Each source is a snap point with its access leg (m) added. Stops
 * at `limitM` (nodes beyond stay Infinity).
 */
export function search(
  g: WalkGraph,
  sources: Snap[],
  prepared: PreparedOverlay,
  limitM = Infinity,
  workspace?: SearchWorkspace,
): SearchResult {
  const n = g.x.length + prepared.points.length;
  const ws = workspace && workspace.dist.length >= n ? workspace : new SearchWorkspace(n);
  ws.reset();
  const { dist, origin, prev, reached } = ws;
  const queue = new FlatQueue<number>();
  const closed = prepared.edgeClosed;
  const hasExtra = prepared.nodeHasExtra;
  const offer = (node: number, d: number, from: number, src: number) => {
    if (d < dist[node]! && d <= limitM) {
      if (dist[node] === Infinity) reached.push(node);
      dist[node] = d;
      origin[node] = src;
      prev[node] = from;
      queue.push(node, d);
    }
  };
  sources.forEach((s, i) => {
    const len = g.length[s.edge]!;
    offer(g.from[s.edge]!, s.accessM + s.t * len, -1, i);
    offer(g.to[s.edge]!, s.accessM + (1 - s.t) * len, -1, i);
    // extra nodes on the same edge are reached along it
    for (const v of prepared.onEdge.get(s.edge) ?? []) {
      offer(v, s.accessM + Math.abs(prepared.points[v - g.x.length]!.t - s.t) * len, -1, i);
    }
  });
  const base = g.x.length;
  while (queue.length) {
    const d = queue.peekValue()!;
    const u = queue.pop()!;
    if (d > dist[u]!) continue;
    if (u < base) {
      for (let k = g.offset[u]!; k < g.offset[u + 1]!; k++) {
        const e = g.adjEdge[k]!;
        if (closed[e]) continue;
        const v = g.adjNode[k]!;
        const nd = d + g.length[e]!;
        if (nd < dist[v]!) offer(v, nd, u, origin[u]!);
      }
    }
    if (hasExtra[u]) for (const [v, len] of prepared.extra.get(u)!) offer(v, d + len, u, origin[u]!);
  }
  return { dist, origin, prev, reached };
}

/**
 * Distance (m) from the nearest source to a snap point (its access leg included), through
 * either end of its edge or an extra node on it, or a source on the same edge.
 */
export function distanceAt(
  g: WalkGraph,
  r: SearchResult,
  prepared: PreparedOverlay,
  sourcesOnEdge: SourcesByEdge | null,
  s: Snap,
): number {
  const len = g.length[s.edge]!;
  let d = Math.min(r.dist[g.from[s.edge]!]! + s.t * len, r.dist[g.to[s.edge]!]! + (1 - s.t) * len);
  if (prepared.edgeHasExtra[s.edge]) {
    for (const v of prepared.onEdge.get(s.edge)!)
      d = Math.min(d, r.dist[v]! + Math.abs(prepared.points[v - g.x.length]!.t - s.t) * len);
  }
  if (sourcesOnEdge?.has(s.edge)) {
    for (const q of sourcesOnEdge.get(s.edge)!) d = Math.min(d, q.accessM + Math.abs(q.t - s.t) * len);
  }
  return s.accessM + d;
}

/** Sources grouped by the edge they sit on (for walks that stay on one edge). */
export type SourcesByEdge = Map<number, Snap[]>;

export function sourcesByEdge(sources: Snap[]): SourcesByEdge {
  const out: SourcesByEdge = new Map();
  for (const s of sources) {
    const list = out.get(s.edge);
    if (list) list.push(s);
    else out.set(s.edge, [s]);
  }
  return out;
}
