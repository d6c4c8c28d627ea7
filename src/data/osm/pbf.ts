/**
 * Read an OSM PBF file (.osm.pbf: Geofabrik, BBBike, osmium) into OSM objects with tiny-osmpbf.
 * The whole file is held in memory (about 370 bytes per object once read): cut a large extract
 * to the district first, e.g. `osmium extract -b 121.43,31.22,121.61,31.38 china-latest.osm.pbf
 * -o yangpu.osm.pbf` (the district plus 1 km is 121.47–121.58 E, 31.24–31.36 N).
 * Node only as published (tiny-osmpbf uses Node's Buffer); the app's importer reads XML and
 * GeoJSON instead.
 */
import tinyOsmPbf, { type TinyOsmElement } from 'tiny-osmpbf';
import type { BBox } from '../../core/extent';
import { DataError } from '../errors';
import { round7, summarise } from './summary';
import type { OsmData, OsmElement } from './types';

/** The same object in our shape: coordinates to 7 decimals, only the metadata we use. */
function toElement(e: TinyOsmElement): OsmElement {
  const base = {
    id: e.id,
    version: e.version,
    timestamp: e.timestamp,
    visible: e.visible === false ? false : undefined,
    tags: Object.keys(e.tags).length > 0 ? e.tags : undefined,
  };
  if (e.type === 'node')
    return { type: 'node', ...base, lat: round7(e.lat ?? Number.NaN), lon: round7(e.lon ?? Number.NaN) };
  if (e.type === 'way') return { type: 'way', ...base, nodes: e.nodes ?? [] };
  return { type: 'relation', ...base, members: e.members ?? [] };
}

/**
 * Parse OSM PBF bytes.
 *
 * Input: the file's bytes and a name for messages. Output: every node, way and relation
 * (degrees, 7 decimals) and the file's summary (bounds from the header bbox when it has one).
 * Stops with a DataError naming the file when the bytes are not OSM PBF.
 */
export function parseOsmPbf(bytes: Uint8Array, label: string): OsmData {
  const elements: OsmElement[] = [];
  let header: ReturnType<typeof tinyOsmPbf>;
  try {
    header = tinyOsmPbf(bytes, (e) => elements.push(toElement(e)));
  } catch (e) {
    throw new DataError(label, null, `is not a readable OSM PBF file: ${(e as Error).message}`);
  }
  const b = header.bounds;
  const bounds: BBox | null = b
    ? [round7(b.minlon), round7(b.minlat), round7(b.maxlon), round7(b.maxlat)]
    : null;
  return { info: summarise(label, 'osm-pbf', bounds, header.generator ?? null, elements), elements };
}
