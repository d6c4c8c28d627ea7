/**
 * OSM buildings as homes: which building tags count as residential, and how many floors a
 * building has (`building:levels`, else `height` ÷ 3 m, else a documented default).
 * Input is any FeatureCollection of building polygons carrying OSM tags as properties (the raw
 * package's osm/yangpu_buildings.geojson today; a planner's own OSM extract tomorrow).
 */
import type { Feature, MultiPolygon, Polygon } from 'geojson';

/** OSM tags of a building (the keys used here; others are ignored). */
export interface BuildingTags {
  building?: string;
  'building:levels'?: string | number;
  height?: string | number;
  name?: string;
  [key: string]: unknown;
}

export type BuildingFeature = Feature<Polygon | MultiPolygon, BuildingTags | null>;

/** `building=*` values that are homes wherever they stand (OSM's residential building types). */
export const RESIDENTIAL_TYPES: ReadonlySet<string> = new Set([
  'apartments',
  'residential',
  'dormitory',
  'house',
  'detached',
  'semidetached_house',
  'terrace',
  'bungalow',
]);
/** Small houses among them: their default floor count is DEFAULT_HOUSE_LEVELS. */
const HOUSE_TYPES: ReadonlySet<string> = new Set([
  'house',
  'detached',
  'semidetached_house',
  'terrace',
  'bungalow',
]);
/** `building=yes` (type unknown): a home only inside landuse=residential. */
export const UNTYPED = 'yes';

/**
 * Floors assumed when a residential building states neither levels nor height: 6, the
 * walk-up 多层住宅 that dominate Shanghai's 1950s–1990s 新村 (lifts were required from the
 * 7th floor), and the median of the extract's residential buildings that do state levels.
 */
export const DEFAULT_LEVELS = 6;
/** Floors assumed for a house (`house`, `detached`, …) without levels or height. */
export const DEFAULT_HOUSE_LEVELS = 2;
/** Storey height used to turn `height` (m) into floors, m. */
export const STOREY_M = 3;
/** Largest floor count believed from a tag (taller values are treated as errors). */
const MAX_LEVELS = 120;

export type LevelsFrom = 'levels' | 'height' | 'default';

/** A number from an OSM tag value ("6", "5;6" → 5, "18 m" → 18), or null. */
export function tagNumber(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value !== 'string') return null;
  const m = /^\s*(\d+(?:\.\d+)?)/.exec(value);
  return m ? Number(m[1]) : null;
}

/** The building's floor count and where it came from. */
export function buildingLevels(tags: BuildingTags | null): { levels: number; from: LevelsFrom } {
  const levels = tagNumber(tags?.['building:levels']);
  if (levels !== null && levels >= 1 && levels <= MAX_LEVELS) return { levels, from: 'levels' };
  const height = tagNumber(tags?.height);
  if (height !== null && height >= STOREY_M / 2 && height <= MAX_LEVELS * STOREY_M) {
    return { levels: Math.max(1, Math.round(height / STOREY_M)), from: 'height' };
  }
  const house = HOUSE_TYPES.has(String(tags?.building ?? ''));
  return { levels: house ? DEFAULT_HOUSE_LEVELS : DEFAULT_LEVELS, from: 'default' };
}

/** Why a building does or does not hold homes in the model. */
export type BuildingRole = 'residential' | 'untyped-in-residential' | 'untyped' | 'not-residential';

/** The role of a building from its `building` tag and whether it stands on residential land. */
export function buildingRole(tags: BuildingTags | null, onResidentialLand: boolean): BuildingRole {
  const type = String(tags?.building ?? UNTYPED);
  if (RESIDENTIAL_TYPES.has(type)) return 'residential';
  if (type === UNTYPED) return onResidentialLand ? 'untyped-in-residential' : 'untyped';
  return 'not-residential';
}
