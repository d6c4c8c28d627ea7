/**
 * The walking graph as compact JSON (geodata/walk-graph.json): node positions as integers of
 * 1e-6° delta-encoded, edges as node-index pairs with their source line, one entry per line
 * (OSM id, name). Lengths are recomputed on load on the local projection, so the file holds
 * no redundant numbers. Decoding checks the structure and throws naming the problem.
 */
import { type LocalProjection, yangpuProjection } from '../../core/geo';
import { type ComponentReport, graphFrom, graphLengthM, type WalkGraph } from './graph';

export interface EncodedGraph {
  format: 'yangpu-walk-graph';
  version: 1;
  attribution: string;
  /** lon, lat per node in 1e-6°, each the difference from the previous node's */
  nodes: number[];
  /** from, to, line per edge */
  edges: number[];
  /** per source line: [OSM id or null, name or null] */
  lines: [string | null, string | null][];
  stats: { nodes: number; edges: number; lengthKm: number; components: ComponentReport };
}

export function encodeGraph(g: WalkGraph, components: ComponentReport): EncodedGraph {
  const nodes: number[] = [];
  let plon = 0;
  let plat = 0;
  for (let n = 0; n < g.x.length; n++) {
    const [lon, lat] = g.proj.toLonLat(g.x[n]!, g.y[n]!);
    const ilon = Math.round(lon * 1e6);
    const ilat = Math.round(lat * 1e6);
    nodes.push(ilon - plon, ilat - plat);
    plon = ilon;
    plat = ilat;
  }
  const edges: number[] = [];
  for (let e = 0; e < g.from.length; e++) edges.push(g.from[e]!, g.to[e]!, g.line[e]!);
  return {
    format: 'yangpu-walk-graph',
    version: 1,
    attribution: '© OpenStreetMap contributors (ODbL)',
    nodes,
    edges,
    lines: g.lines.map((l) => [l.id, l.name]),
    stats: {
      nodes: g.x.length,
      edges: g.from.length,
      lengthKm: Math.round(graphLengthM(g)) / 1000,
      components,
    },
  };
}

const isInt = (v: unknown) => Number.isInteger(v);

/** The graph from its JSON; throws an Error naming what is wrong. */
export function decodeGraph(value: unknown, proj: LocalProjection = yangpuProjection): WalkGraph {
  const v = value as Partial<EncodedGraph> | null;
  if (!v || typeof v !== 'object' || v.format !== 'yangpu-walk-graph' || v.version !== 1)
    throw new Error('not a walking graph (format yangpu-walk-graph, version 1)');
  if (!Array.isArray(v.nodes) || v.nodes.length % 2 || !v.nodes.every(isInt))
    throw new Error('nodes must be pairs of integers');
  if (!Array.isArray(v.edges) || v.edges.length % 3 || !v.edges.every(isInt))
    throw new Error('edges must be triples of integers');
  if (!Array.isArray(v.lines)) throw new Error('lines must be an array');
  const n = v.nodes.length / 2;
  const xs = new Float64Array(n);
  const ys = new Float64Array(n);
  let lon = 0;
  let lat = 0;
  for (let i = 0; i < n; i++) {
    lon += v.nodes[2 * i]!;
    lat += v.nodes[2 * i + 1]!;
    const [x, y] = proj.toXY([lon / 1e6, lat / 1e6]);
    xs[i] = x;
    ys[i] = y;
  }
  const edges: [number, number, number][] = [];
  for (let k = 0; k < v.edges.length; k += 3) {
    const a = v.edges[k]!;
    const b = v.edges[k + 1]!;
    const l = v.edges[k + 2]!;
    if (a < 0 || b < 0 || a >= n || b >= n || l < 0 || l >= v.lines.length)
      throw new Error(`edge ${k / 3} refers to a node or line that does not exist`);
    edges.push([a, b, l]);
  }
  const lines = v.lines.map((l) => ({
    id: Array.isArray(l) && typeof l[0] === 'string' ? l[0] : null,
    name: Array.isArray(l) && typeof l[1] === 'string' ? l[1] : null,
  }));
  return graphFrom(xs, ys, edges, lines, proj);
}
