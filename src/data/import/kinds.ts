/**
 * What can be imported. Each kind names the formats it reads, the fields the preview lets
 * the user map, the ones it cannot do without, and (GeoJSON) the geometry it takes. The
 * importer, the preview and `npm run import-check` all read this table, so a new kind
 * (e.g. a walking network: GeoJSON lines) is one entry here plus its feature reader.
 */
import type { Field, Message } from './types';

export interface KindSpec {
  label: Message;
  formats: readonly ('csv' | 'geojson' | 'osm')[];
  /** fields the preview lets the user map (CSV columns or GeoJSON properties), in order */
  fields: readonly Field[];
  /** fields without which nothing can be read (the preview asks for them once, at the top) */
  required: readonly Field[];
  /** GeoJSON geometry the kind takes */
  geometry: 'point' | 'polygon' | 'line' | null;
}

export const KINDS = {
  facilities: {
    label: { zh: '设施点', en: 'facilities' },
    formats: ['csv', 'geojson'],
    fields: ['lon', 'lat', 'name', 'address', 'category', 'id', 'capacity'],
    required: ['lon', 'lat', 'name', 'category'],
    geometry: 'point',
  },
  circles: {
    label: { zh: '生活圈边界', en: 'life-circle boundaries' },
    formats: ['geojson'],
    fields: ['name', 'id', 'population'],
    required: ['name'],
    geometry: 'polygon',
  },
  population: {
    label: { zh: '人口', en: 'population' },
    formats: ['csv'],
    // residents, and/or residents per age group (at least one: checked when reading)
    fields: ['name', 'population', 'age60plus', 'age3to5', 'under3'],
    required: ['name'],
    geometry: null,
  },
  network: {
    label: { zh: '步行网络', en: 'walking network' },
    formats: ['geojson', 'osm'],
    fields: [],
    required: [],
    geometry: 'line',
  },
} as const satisfies Record<string, KindSpec>;

export type ImportKind = keyof typeof KINDS;

export const IMPORT_KINDS = Object.keys(KINDS) as ImportKind[];

export function isImportKind(v: unknown): v is ImportKind {
  return typeof v === 'string' && Object.hasOwn(KINDS, v);
}

/** Fields the preview offers for a kind read from a format (GeoJSON has its coordinates in the geometry). */
export function mappableFields(kind: ImportKind, format: 'csv' | 'geojson' | 'osm' | null): Field[] {
  const fields: readonly Field[] = KINDS[kind].fields;
  return format === 'geojson' ? fields.filter((f) => f !== 'lon' && f !== 'lat') : [...fields];
}
