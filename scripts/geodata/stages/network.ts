/**
 * Stage: the pedestrian graph (geodata/walk-graph.json) from the walking lines the context
 * stage (or an OSM extract) produced: noded at shared vertices, the largest component kept,
 * the others reported with their size. Compact JSON; its gzip size is reported. And the route
 * factors measured on it (geodata/route-factors.json): recomputed whenever the lines change
 * (an OSM extract brought with `npm run data -- --osm FILE`).
 */
import { gzipSync } from 'node:zlib';
import type { FeatureCollection, LineString, MultiLineString } from 'geojson';
import { encodeGraph } from '../../../src/analysis/network/encode';
import { buildWalkGraph, type ComponentReport } from '../../../src/analysis/network/graph';
import { measureRouteFactors } from '../../../src/analysis/network/measureFactors';
import type { RouteFactors } from '../../../src/analysis/network/routeFactors';
import { LAYER_FILES } from '../../../src/core/schema';
import type { OutputJson } from '../stage';

export interface NetworkInput {
  /** walkable lines (lon/lat) */
  walk: FeatureCollection<LineString | MultiLineString>;
  /** what the lines are, for the route factors' notes (the bundled area or an extract's files) */
  source: string;
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
  /** route factors measured on the graph (route-factors.json) */
  routeFactors: RouteFactors;
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
export function buildNetwork({ walk, source }: NetworkInput): NetworkOutput {
  const { graph, report: components } = buildWalkGraph(walk.features);
  const value = encodeGraph(graph, components);
  const text = `${JSON.stringify(value)}\n`;
  const routeFactors = measureRouteFactors(graph, { source });
  return {
    json: [
      { file: LAYER_FILES.walkGraph, value },
      { file: LAYER_FILES.routeFactors, value: routeFactors },
    ],
    report: {
      nodes: value.stats.nodes,
      edges: value.stats.edges,
      lengthKm: value.stats.lengthKm,
      components,
      bytes: Buffer.byteLength(text),
      gzipBytes: gzipSync(text, { level: 9 }).length,
      routeFactors,
    },
  };
}
