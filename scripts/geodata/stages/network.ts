/**
 * Stage: the pedestrian graph (geodata/walk-graph.json) from the walking lines the context
 * stage (or an OSM extract) produced: noded at shared vertices, the largest component kept,
 * the others reported with their size. Compact JSON; its gzip size is reported.
 */
import { gzipSync } from 'node:zlib';
import type { FeatureCollection, LineString, MultiLineString } from 'geojson';
import { encodeGraph } from '../../../src/analysis/network/encode';
import { buildWalkGraph, type ComponentReport } from '../../../src/analysis/network/graph';
import { LAYER_FILES } from '../../../src/core/schema';
import type { OutputJson } from '../stage';

export interface NetworkInput {
  /** walkable lines (lon/lat) */
  walk: FeatureCollection<LineString | MultiLineString>;
}

export interface NetworkReport {
  nodes: number;
  edges: number;
  /** km of walkable line in the graph */
  lengthKm: number;
  components: ComponentReport;
  /** size of walk-graph.json, bytes: as written and gzipped (level 9) */
  bytes: number;
  gzipBytes: number;
}

export interface NetworkOutput {
  json: OutputJson[];
  report: NetworkReport;
}

/**
 * Build the graph.
 *
 * Input: the walking lines. Output: walk-graph.json (nodes in 1e-6°, edges, line names) and
 * the report (nodes, edges, km, components kept and dropped, bytes).
 */
export function buildNetwork({ walk }: NetworkInput): NetworkOutput {
  const { graph, report: components } = buildWalkGraph(walk.features);
  const value = encodeGraph(graph, components);
  const text = `${JSON.stringify(value)}\n`;
  return {
    json: [{ file: LAYER_FILES.walkGraph, value }],
    report: {
      nodes: value.stats.nodes,
      edges: value.stats.edges,
      lengthKm: value.stats.lengthKm,
      components,
      bytes: Buffer.byteLength(text),
      gzipBytes: gzipSync(text, { level: 9 }).length,
    },
  };
}
