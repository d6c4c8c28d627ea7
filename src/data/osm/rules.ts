/**
 * Which OSM objects go into which layer, by their tags. Pure functions of a tag set.
 *
 * Walkable ways (`walkRule`) follow OSMnx's "walk" filter, made stricter for Shanghai's
 * expressways. How those are tagged in the real exports of 五角场/复旦/同济 (see
 * tests/data/osm/rules.test.ts, which names the ways):
 * - 中环路 and 内环高架路 are `highway=trunk` + `motorroad=yes`, on viaducts (`bridge=yes`,
 *   `layer=1…2`), in tunnels (`tunnel=yes`, `layer=-1`) and at ground level (the express lanes
 *   between the side roads): all excluded by `motorroad=yes`;
 * - their ramps are `highway=trunk_link` without motorroad, on `bridge=yes` (`layer=1…3`) or in
 *   tunnels: excluded as trunk structures; at-grade trunk_links (turning lanes onto 翔殷路,
 *   曲阳路) are kept, as a pedestrian may walk beside them;
 * - vehicle underpasses of ordinary roads (五角场隧道, 四平路-中山北二路下立交) are
 *   `highway=primary` + `tunnel=yes` with no foot access: excluded; the pedestrian tunnels
 *   (五角场步行隧道, 同济大学地下人行通道) are `highway=footway` + `tunnel=yes`: kept.
 * `motorroad=yes` and `expressway=yes` (used elsewhere in China) both exclude.
 */
import type { OsmTags } from './types';

/** highway values a person may walk along (cycleway and bridleway only with explicit foot access). */
const WALKABLE_HIGHWAYS = new Set([
  'footway',
  'pedestrian',
  'path',
  'steps',
  'corridor',
  'living_street',
  'residential',
  'service',
  'unclassified',
  'road',
  'track',
  'tertiary',
  'tertiary_link',
  'secondary',
  'secondary_link',
  'primary',
  'primary_link',
  'trunk',
  'trunk_link',
]);
/** Classes where a tunnel is a pedestrian passage, not a vehicle underpass. */
const FOOT_CLASSES = new Set(['footway', 'pedestrian', 'path', 'steps', 'corridor', 'living_street']);
const FOOT_ALLOWED = new Set(['yes', 'designated', 'permissive']);

/** Why a way with a highway tag is not in the walk network, in the order the rules are tried. */
export const WALK_DROP_RULES = [
  'area',
  'motorway',
  'motorroad',
  'foot=no',
  'not-walkable-class',
  'access=private/no',
  'trunk-bridge-or-tunnel',
  'vehicle-tunnel',
] as const;
export type WalkDropRule = (typeof WALK_DROP_RULES)[number];

/** What each rule means, for SOURCES.md and messages. */
export const WALK_RULE_TEXT: Record<WalkDropRule, string> = {
  area: 'area=yes (squares and plazas mapped as areas, not lines)',
  motorway: 'highway=motorway or motorway_link',
  motorroad:
    'motorroad=yes or expressway=yes (中环路, 内环高架路: viaducts, tunnels and ground-level express lanes)',
  'foot=no': 'foot=no or foot=private',
  'not-walkable-class':
    'highway class not for walking: construction, proposed, platform, raceway, bus_guideway, …; cycleway or bridleway without foot=yes/designated/permissive',
  'access=private/no': 'access=private or access=no without foot=yes/designated/permissive',
  'trunk-bridge-or-tunnel':
    'highway=trunk or trunk_link on a bridge or in a tunnel (expressway viaducts and ramps)',
  'vehicle-tunnel':
    'a road tunnel (tunnel=yes on a road class) without foot=yes/designated/permissive (五角场隧道, 下立交)',
};

const isSet = (v: string | undefined) => v !== undefined && v !== 'no';

/**
 * The walk rule for a way's tags: 'keep', or the first rule that drops it (WALK_DROP_RULES
 * order). `null` for ways without a highway tag (not candidates at all).
 */
export function walkRule(tags: OsmTags): 'keep' | WalkDropRule | null {
  const highway = tags.highway;
  if (highway === undefined) return null;
  const footAllowed = FOOT_ALLOWED.has(tags.foot ?? '');
  if (tags.area === 'yes') return 'area';
  if (highway === 'motorway' || highway === 'motorway_link') return 'motorway';
  if (tags.motorroad === 'yes' || tags.expressway === 'yes') return 'motorroad';
  if (tags.foot === 'no' || tags.foot === 'private') return 'foot=no';
  const byFoot = (highway === 'cycleway' || highway === 'bridleway') && footAllowed;
  if (!WALKABLE_HIGHWAYS.has(highway) && !byFoot) return 'not-walkable-class';
  if ((tags.access === 'private' || tags.access === 'no') && !footAllowed) return 'access=private/no';
  const tunnel = isSet(tags.tunnel) && tags.tunnel !== 'building_passage';
  if ((highway === 'trunk' || highway === 'trunk_link') && (isSet(tags.bridge) || tunnel))
    return 'trunk-bridge-or-tunnel';
  if (tunnel && !FOOT_CLASSES.has(highway) && !footAllowed && !byFoot) return 'vehicle-tunnel';
  return 'keep';
}

/** landuse=residential. */
export const isResidential = (tags: OsmTags): boolean => tags.landuse === 'residential';

/** Any building=* but building=no. */
export const isBuilding = (tags: OsmTags): boolean => isSet(tags.building);

const WATER_AREA_WATERWAYS = new Set(['riverbank', 'dock', 'canal', 'river']);
/** Water areas: natural=water, waterway=riverbank/dock (and canal/river mapped as areas), landuse=reservoir/basin. */
export function isWaterArea(tags: OsmTags): boolean {
  if (tags.natural === 'water' || tags.waterway === 'riverbank' || tags.waterway === 'dock') return true;
  if (tags.landuse === 'reservoir' || tags.landuse === 'basin') return true;
  return tags.area === 'yes' && WATER_AREA_WATERWAYS.has(tags.waterway ?? '');
}

const WATERWAY_LINES = new Set(['river', 'stream', 'canal', 'drain', 'ditch']);
/** Waterway centre lines: river, stream, canal, drain, ditch (not as areas). */
export const isWaterwayLine = (tags: OsmTags): boolean =>
  WATERWAY_LINES.has(tags.waterway ?? '') && tags.area !== 'yes';

const GREEN_LEISURE = new Set(['park', 'garden', 'playground', 'nature_reserve']);
const GREEN_LANDUSE = new Set([
  'grass',
  'forest',
  'meadow',
  'recreation_ground',
  'village_green',
  'flowerbed',
]);
const GREEN_NATURAL = new Set(['wood', 'scrub', 'grassland', 'heath']);
/** Green space: leisure=park/garden/playground/nature_reserve, landuse=grass/forest/meadow/…, natural=wood/scrub/grassland/heath. */
export function isGreen(tags: OsmTags): boolean {
  return (
    GREEN_LEISURE.has(tags.leisure ?? '') ||
    GREEN_LANDUSE.has(tags.landuse ?? '') ||
    GREEN_NATURAL.has(tags.natural ?? '')
  );
}

/** Tags that make a closed way or a multipolygon one of our areas. */
export const isWantedArea = (tags: OsmTags): boolean =>
  tags.area !== 'no' && (isResidential(tags) || isBuilding(tags) || isWaterArea(tags) || isGreen(tags));
