/** Serialise the outputs: file name → text, the same inputs giving the same bytes. */
import type { FeatureCollection } from 'geojson';
import type { OutputJson, OutputLayer, OutputList } from './stage';

/** One file written, with its feature (or list item) count and size. */
export interface LayerReport {
  file: string;
  features: number;
  /** bytes, UTF-8 */
  bytes: number;
}

export interface WriteInput {
  layers: OutputLayer[];
  /** JSON lists, written after the layers */
  lists: OutputList[];
  /** compact JSON files, written last */
  json?: OutputJson[];
}

export interface WriteOutput {
  /** file name in geodata/ → content */
  files: Map<string, string>;
  /** one entry per file, in the order written */
  layers: LayerReport[];
}

/** Stable, compact GeoJSON text: one feature per line, keys in the order they were built. */
export function stringifyCollection(fc: FeatureCollection, extra: Record<string, unknown> = {}): string {
  const head = JSON.stringify({ type: 'FeatureCollection', ...extra }).slice(0, -1);
  const lines = fc.features.map((f) => JSON.stringify(f));
  return `${head},"features":[\n${lines.join(',\n')}\n]}\n`;
}

/**
 * Render every output file in memory (ensure.ts writes them to disk).
 *
 * Input: the validated layers and the lists. Output: file name → text (GeoJSON one feature
 * per line; lists as indented JSON), and per file its feature count and size in bytes.
 */
export function writeOutputs({ layers, lists, json = [] }: WriteInput): WriteOutput {
  const files = new Map<string, string>();
  const reports: LayerReport[] = [];
  const emit = (file: string, content: string, features: number) => {
    files.set(file, content);
    reports.push({ file, features, bytes: Buffer.byteLength(content) });
  };
  for (const { file, collection } of layers)
    emit(file, stringifyCollection(collection), collection.features.length);
  for (const { file, items } of lists) emit(file, `${JSON.stringify(items, null, 1)}\n`, items.length);
  for (const { file, value } of json) emit(file, `${JSON.stringify(value)}\n`, 1);
  return { files, layers: reports };
}
