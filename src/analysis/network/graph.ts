/**
 * The pedestrian graph: walkable lines noded at shared vertices, every segment an edge with
 * its length in metres on the local projection, one connected component (the largest; the
 * others are reported with their size). Pure; built in the pipeline, the worker or a test.
 */
import type { Feature, LineString, MultiLineString, Position } from 'geojson';
import { type LocalProjection, yangpuProjection } from '../../core/geo';

export interface WalkGraph {
  /** node positions, projected metres (x east, y north) */
  x: Float64Array;
  y: Float64Array;
  /** edge endpoints (node indices) and lengths (m) */
  from: Int32Array;
  to: Int32Array;
  length: Float64Array;
  /** the source line of each edge (index into `lines`) */
  line: Int32Array;
  /** per source line: its OSM id and name, if any */
  lines: { id: string | null; name: string | null }[];
  /** adjacency (CSR): for node n, entries offset[n] … offset[n+1]-1 of adjNode / adjEdge */
  offset: Int32Array;
  adjNode: Int32Array;
  adjEdge: Int32Array;
  proj: LocalProjection;
}

export interface ComponentReport {
  /** nodes and length (m) of the component kept */
  keptNodes: number;
  keptLengthM: number;
  /** the components dropped, largest first: nodes and length (m) */
  dropped: { nodes: number; lengthM: number }[];
}

type LineFeature = Feature<LineString | MultiLineString, Record<string, unknown> | null>;

/** Lines of a feature (a MultiLineString gives several). */
function partsOf(f: LineFeature): Position[][] {
  if (!f.geometry) return [];
  return f.geometry.type === 'LineString' ? [f.geometry.coordinates] : f.geometry.coordinates;
}

const keyOf = (p: Position) => `${Math.round(p[0]! * 1e7)},${Math.round(p[1]! * 1e7)}`;

/** Node every vertex (shared vertices become one node) and every segment an edge. */
function nodeLines(features: LineFeature[], proj: LocalProjection) {
  const ids = new Map<string, number>();
  const xs: number[] = [];
  const ys: number[] = [];
  const edges: [number, number, number][] = []; // from, to, line
  const seen = new Set<string>();
  const lines = features.map((f) => {
    const p = f.properties ?? {};
    const id = p.osm_id ?? p.id ?? null;
    return { id: id === null ? null : String(id), name: typeof p.name === 'string' ? p.name : null };
  });
  features.forEach((f, li) => {
    for (const part of partsOf(f)) {
      let prev = -1;
      for (const pos of part) {
        const k = keyOf(pos);
        let n = ids.get(k);
        if (n === undefined) {
          n = xs.length;
          ids.set(k, n);
          const [x, y] = proj.toXY(pos);
          xs.push(x);
          ys.push(y);
        }
        if (prev >= 0 && prev !== n) {
          const pair = prev < n ? `${prev}-${n}` : `${n}-${prev}`;
          if (!seen.has(pair)) {
            seen.add(pair);
            edges.push([prev, n, li]);
          }
        }
        prev = n;
      }
    }
  });
  return { xs, ys, edges, lines };
}

/** Label connected components (union-find); returns the root of each node. */
function components(n: number, edges: [number, number, number][]): Int32Array {
  const parent = Int32Array.from({ length: n }, (_, i) => i);
  const find = (a: number): number => {
    while (parent[a] !== a) {
      parent[a] = parent[parent[a]!]!;
      a = parent[a]!;
    }
    return a;
  };
  for (const [a, b] of edges) {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent[ra] = rb;
  }
  for (let i = 0; i < n; i++) parent[i] = find(i);
  return parent;
}

/** A graph from node positions (m) and edges, with its adjacency. */
export function graphFrom(
  xs: ArrayLike<number>,
  ys: ArrayLike<number>,
  edges: [number, number, number][],
  lines: WalkGraph['lines'],
  proj: LocalProjection,
): WalkGraph {
  const n = xs.length;
  const m = edges.length;
  const from = new Int32Array(m);
  const to = new Int32Array(m);
  const length = new Float64Array(m);
  const line = new Int32Array(m);
  const degree = new Int32Array(n + 1);
  edges.forEach(([a, b, l], e) => {
    from[e] = a;
    to[e] = b;
    line[e] = l;
    length[e] = Math.hypot(xs[b]! - xs[a]!, ys[b]! - ys[a]!);
    degree[a]! += 1;
    degree[b]! += 1;
  });
  const offset = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) offset[i + 1] = offset[i]! + degree[i]!;
  const fill = offset.slice(0, n);
  const adjNode = new Int32Array(2 * m);
  const adjEdge = new Int32Array(2 * m);
  for (let e = 0; e < m; e++) {
    const a = from[e]!;
    const b = to[e]!;
    adjNode[fill[a]!] = b;
    adjEdge[fill[a]!++] = e;
    adjNode[fill[b]!] = a;
    adjEdge[fill[b]!++] = e;
  }
  return {
    x: Float64Array.from(xs),
    y: Float64Array.from(ys),
    from,
    to,
    length,
    line,
    lines,
    offset,
    adjNode,
    adjEdge,
    proj,
  };
}

/**
 * Build the graph of walkable lines (lon/lat), keeping the largest connected component.
 * Ways are noded where they share a vertex (as OSM maps junctions); crossings without a
 * shared vertex (bridges, tunnels) stay unconnected.
 */
export function buildWalkGraph(
  features: LineFeature[],
  proj: LocalProjection = yangpuProjection,
): { graph: WalkGraph; report: ComponentReport } {
  const { xs, ys, edges, lines } = nodeLines(features, proj);
  const root = components(xs.length, edges);
  const size = new Map<number, { nodes: number; lengthM: number }>();
  for (let i = 0; i < xs.length; i++) {
    const s = size.get(root[i]!) ?? { nodes: 0, lengthM: 0 };
    s.nodes++;
    size.set(root[i]!, s);
  }
  for (const [a, b] of edges) size.get(root[a]!)!.lengthM += Math.hypot(xs[b]! - xs[a]!, ys[b]! - ys[a]!);
  const ranked = [...size.entries()].sort((p, q) => q[1].lengthM - p[1].lengthM || q[1].nodes - p[1].nodes);
  const keep = ranked[0]?.[0] ?? -1;
  const newIndex = new Int32Array(xs.length).fill(-1);
  const kx: number[] = [];
  const ky: number[] = [];
  for (let i = 0; i < xs.length; i++) {
    if (root[i] !== keep) continue;
    newIndex[i] = kx.length;
    kx.push(xs[i]!);
    ky.push(ys[i]!);
  }
  const kept = edges
    .filter(([a]) => root[a] === keep)
    .map(([a, b, l]) => [newIndex[a]!, newIndex[b]!, l] as [number, number, number]);
  const graph = graphFrom(kx, ky, kept, lines, proj);
  return {
    graph,
    report: {
      keptNodes: kx.length,
      keptLengthM: ranked[0]?.[1].lengthM ?? 0,
      dropped: ranked.slice(1).map(([, s]) => s),
    },
  };
}

/** Total length of the graph's edges, m. */
export function graphLengthM(g: WalkGraph): number {
  let s = 0;
  for (let e = 0; e < g.length.length; e++) s += g.length[e]!;
  return s;
}
