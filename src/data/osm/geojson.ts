/**
 * Read OSM data exported as GeoJSON: GeoJSON lines (one Feature per line, as `osmium export -f
 * geojsonseq` writes, with or without the RS separator), or one FeatureCollection (osmtogeojson,
 * Overpass turbo, the raw package's osm/ layers). Tags are the feature's properties; the OSM type,
 * id and version are found in the usual places (see `osmIdentity`).
 */
import type { Feature, Geometry } from 'geojson';
import { DataError } from '../errors';
import type { OsmFeature, OsmFileInfo, OsmTags, OsmType } from './types';

const TYPES: Record<string, OsmType> = {
  node: 'node',
  way: 'way',
  relation: 'relation',
  n: 'node',
  w: 'way',
  r: 'relation',
};
/** The record separator that starts each line of a GeoJSON text sequence (RFC 8142). */
const RS = String.fromCharCode(0x1e);
/** Property keys that describe the object rather than tag it. */
const META_KEYS = new Set([
  'id',
  'osm_id',
  'osm_type',
  'type',
  'version',
  'timestamp',
  'meta',
  'tags',
  'relations',
  'tainted',
]);

/** "way/123", "w123", "w-5" → [type, id]. */
function parseIdText(text: unknown): [OsmType, number] | null {
  if (typeof text !== 'string') return null;
  const m = /^(node|way|relation|[nwr])\/?(-?\d+)$/.exec(text);
  return m ? [TYPES[m[1]!]!, Number(m[2])] : null;
}

function toNumber(v: unknown): number | undefined {
  const n = typeof v === 'string' && v !== '' ? Number(v) : v;
  return typeof n === 'number' && Number.isFinite(n) ? n : undefined;
}

/**
 * The OSM type and id of a feature, from (in this order): osmium's `@type`/`@id` properties;
 * the feature id ("way/123" as osmtogeojson writes it, "w123" as osmium's --add-unique-id writes
 * it); a property `id` or `osm_id` in either form; osmtogeojson's `type` + numeric `id`.
 */
export function osmIdentity(f: Feature): [OsmType, number] | null {
  const p = (f.properties ?? {}) as Record<string, unknown>;
  const atType = typeof p['@type'] === 'string' ? TYPES[p['@type'] as string] : undefined;
  const atId = toNumber(p['@id']);
  if (atType && atId !== undefined) return [atType, atId];
  const fromText = parseIdText(f.id) ?? parseIdText(p.id) ?? parseIdText(p.osm_id);
  if (fromText) return fromText;
  const t =
    typeof p.type === 'string'
      ? TYPES[p.type]
      : typeof p.osm_type === 'string'
        ? TYPES[p.osm_type]
        : undefined;
  const id = toNumber(p.id) ?? toNumber(p.osm_id);
  return t && id !== undefined ? [t, id] : null;
}

/** OSM tags: osmtogeojson's `tags` object when present, else every string or number property but the meta keys. */
function tagsOf(p: Record<string, unknown>): OsmTags {
  const source = p.tags && typeof p.tags === 'object' ? (p.tags as Record<string, unknown>) : p;
  const tags: OsmTags = {};
  for (const [k, v] of Object.entries(source)) {
    if (source === p && (META_KEYS.has(k) || k.startsWith('@'))) continue;
    if (typeof v === 'string') tags[k] = v;
    else if (typeof v === 'number' && Number.isFinite(v)) tags[k] = String(v);
  }
  return tags;
}

/** One OSM feature per line or area geometry of `f` (a MultiLineString gives one per part); points give none. */
function toOsmFeatures(f: Feature): OsmFeature[] {
  const g = f.geometry as Geometry | null;
  if (!g) return [];
  const p = (f.properties ?? {}) as Record<string, unknown>;
  const identity = osmIdentity(f);
  const meta = (p.meta && typeof p.meta === 'object' ? p.meta : p) as Record<string, unknown>;
  const base = {
    osmType: identity?.[0] ?? (g.type === 'LineString' || g.type === 'MultiLineString' ? 'way' : 'relation'),
    id: identity?.[1] ?? null,
    version: toNumber(p['@version']) ?? toNumber(meta.version),
    timestamp:
      typeof p['@timestamp'] === 'string'
        ? p['@timestamp']
        : typeof meta.timestamp === 'string'
          ? meta.timestamp
          : undefined,
    tags: tagsOf(p),
  } satisfies Omit<OsmFeature, 'geometry'>;
  if (g.type === 'LineString' || g.type === 'Polygon' || g.type === 'MultiPolygon')
    return [{ ...base, geometry: g }];
  if (g.type === 'MultiLineString')
    return g.coordinates.map((coordinates) => ({ ...base, geometry: { type: 'LineString', coordinates } }));
  return [];
}

/** The features of the text: a FeatureCollection, or one Feature per line (RS characters and blank lines ignored). */
function readFeatures(text: string, label: string): Feature[] {
  const trimmed = text.trimStart();
  if (trimmed.startsWith('{') && /^\{\s*"type"\s*:\s*"FeatureCollection"/.test(trimmed)) {
    try {
      return (JSON.parse(trimmed) as { features: Feature[] }).features ?? [];
    } catch (e) {
      throw new DataError(label, null, `is not valid JSON: ${(e as Error).message}`);
    }
  }
  const features: Feature[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = (raw.startsWith(RS) ? raw.slice(1) : raw).trim();
    if (line === '') return;
    let f: Feature;
    try {
      f = JSON.parse(line) as Feature;
    } catch (e) {
      throw new DataError(label, `line ${i + 1}`, `is not valid JSON: ${(e as Error).message}`);
    }
    if (f?.type !== 'Feature') throw new DataError(label, `line ${i + 1}`, 'is not a GeoJSON Feature');
    features.push(f);
  });
  return features;
}

/**
 * Parse GeoJSON lines or a GeoJSON FeatureCollection of OSM objects.
 *
 * Input: the file's text and a name for messages. Output: its lines and areas as OSM features
 * (points are skipped) and the file's summary (no bounds: GeoJSON states none). Stops with a
 * DataError naming the file and line on text that is not GeoJSON.
 */
export function parseOsmGeoJson(text: string, label: string): { info: OsmFileInfo; features: OsmFeature[] } {
  const features = readFeatures(text, label).flatMap(toOsmFeatures);
  let newest: string | null = null;
  for (const f of features)
    if (f.timestamp && (newest === null || f.timestamp > newest)) newest = f.timestamp;
  const info: OsmFileInfo = {
    label,
    format: 'geojson',
    bounds: null,
    generator: null,
    newest,
    nodes: 0,
    ways: features.filter((f) => f.osmType === 'way').length,
    relations: features.filter((f) => f.osmType === 'relation').length,
    features: features.length,
  };
  return { info, features };
}
