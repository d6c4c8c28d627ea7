/**
 * The properties written for each layer (schema in types.ts): only the listed keys, in a fixed
 * order, each only when OSM has a value, so that the same data always gives the same bytes.
 */
import type {
  BuildingProps,
  GreenProps,
  OsmFeature,
  OsmTags,
  ResidentialProps,
  WalkLineProps,
  WaterProps,
} from './types';
import { osmIdString } from './types';

/** `keys` of `tags` that are present, in the order of `keys`. */
function pickTags<K extends string>(tags: OsmTags, keys: readonly K[]): Partial<Record<K, string>> {
  const out: Partial<Record<K, string>> = {};
  for (const k of keys) if (tags[k] !== undefined && tags[k] !== '') out[k] = tags[k];
  return out;
}

const WALK_KEYS = ['name', 'name:en', 'footway', 'foot', 'access', 'bridge', 'tunnel', 'layer'] as const;

/** A walk line's properties: osm_id, highway, then the walk keys OSM gives. */
export function walkProps(f: OsmFeature): WalkLineProps {
  return { osm_id: osmIdString(f.osmType, f.id), highway: f.tags.highway!, ...pickTags(f.tags, WALK_KEYS) };
}

/** building:levels as a positive number of storeys ("6" → 6, "2.5" → 2.5), else undefined ("6;7", "-1", "yes"). */
export function parseLevels(v: string | undefined): number | undefined {
  if (v === undefined || !/^\s*\d+(\.\d+)?\s*$/.test(v)) return undefined;
  const n = Number(v);
  return n > 0 ? n : undefined;
}

/** A building's properties; `areaM2` is the clipped footprint, m². */
export function buildingProps(f: OsmFeature, areaM2: number): BuildingProps {
  const levels = parseLevels(f.tags['building:levels']);
  return {
    osm_id: osmIdString(f.osmType, f.id),
    building: f.tags.building!,
    ...(levels !== undefined ? { 'building:levels': levels } : {}),
    ...pickTags(f.tags, ['name'] as const),
    area_m2: Math.round(areaM2),
  };
}

/** A residential area's properties; `areaM2` after clipping, m². */
export function residentialProps(f: OsmFeature, areaM2: number): ResidentialProps {
  return {
    osm_id: osmIdString(f.osmType, f.id),
    landuse: 'residential',
    ...pickTags(f.tags, ['name'] as const),
    area_m2: Math.round(areaM2),
  };
}

/** A water area's or waterway line's properties; `areaM2` for areas only, m². */
export function waterProps(f: OsmFeature, areaM2: number | null): WaterProps {
  return {
    osm_id: osmIdString(f.osmType, f.id),
    ...pickTags(f.tags, ['name', 'natural', 'water', 'waterway'] as const),
    ...(areaM2 !== null ? { area_m2: Math.round(areaM2) } : {}),
  };
}

/** A green area's properties; `areaM2` after clipping, m². */
export function greenProps(f: OsmFeature, areaM2: number): GreenProps {
  return {
    osm_id: osmIdString(f.osmType, f.id),
    ...pickTags(f.tags, ['name', 'leisure', 'landuse', 'natural'] as const),
    area_m2: Math.round(areaM2),
  };
}
