/**
 * Types of the OSM reader (src/data/osm/): raw OSM objects as read from a file, the features
 * built from them, and the output layers with their property schema. Pure types: shared by the
 * pipeline (Node) and the app's importer (browser worker).
 *
 * Coordinates are WGS84 degrees, [lon, lat] in GeoJSON and {lon, lat} in OSM objects.
 */
import type { FeatureCollection, LineString, MultiPolygon, Polygon, Position } from 'geojson';
import type { BBox } from '../../core/extent';

export type OsmType = 'node' | 'way' | 'relation';
export type OsmTags = Record<string, string>;

/** What every OSM object carries (OSM-JSON shape, as Overpass and tiny-osmpbf give it). */
export interface OsmBase {
  type: OsmType;
  id: number;
  /** the object's version (1, 2, …); absent when the file has no metadata */
  version?: number;
  /** ISO 8601, e.g. "2025-02-22T07:37:22Z"; absent when the file has no metadata */
  timestamp?: string;
  /** false only in history files, for a deleted version */
  visible?: boolean;
  tags?: OsmTags;
}

export interface OsmNode extends OsmBase {
  type: 'node';
  /** degrees, rounded to OSM's 7 decimals so that XML and PBF give the same numbers */
  lat: number;
  lon: number;
}

export interface OsmWay extends OsmBase {
  type: 'way';
  /** node ids in order */
  nodes: number[];
}

export interface OsmMember {
  type: OsmType;
  ref: number;
  role: string;
}

export interface OsmRelation extends OsmBase {
  type: 'relation';
  members: OsmMember[];
}

export type OsmElement = OsmNode | OsmWay | OsmRelation;

/** The file formats the reader knows. */
export type OsmFormat = 'osm-xml' | 'osm-pbf' | 'geojson';

/** One file's summary: where its data is complete and how new it is. */
export interface OsmFileInfo {
  /** a name for messages and SOURCES.md (the file name, never a path of this machine) */
  label: string;
  format: OsmFormat;
  /** the box the file says it is complete in (XML <bounds>, PBF header bbox), degrees; null when it says none */
  bounds: BBox | null;
  /** the program that wrote it (XML generator attribute, PBF writingprogram) */
  generator: string | null;
  /** the newest object timestamp in the file (ISO 8601), null without metadata */
  newest: string | null;
  nodes: number;
  ways: number;
  relations: number;
  /** features read (GeoJSON files only; 0 otherwise) */
  features: number;
}

/** OSM objects read from one XML or PBF file. */
export interface OsmData {
  info: OsmFileInfo;
  elements: OsmElement[];
}

/**
 * An OSM object with its geometry: a way as a LineString or an area, a multipolygon relation
 * as an area. Built from OsmData, or read as such from a GeoJSON (lines) file.
 */
export interface OsmFeature {
  osmType: OsmType;
  /** OSM id; null when a GeoJSON file gives none (such a feature is never merged) */
  id: number | null;
  version?: number;
  timestamp?: string;
  tags: OsmTags;
  geometry: LineString | Polygon | MultiPolygon;
}

/** One OSM file's content, as objects (XML, PBF) or as features (GeoJSON). */
export type OsmInput = OsmData | { info: OsmFileInfo; features: OsmFeature[] };

/** "w123" for way 123, "r7" for relation 7, "n5" for node 5; null without an id. */
export function osmIdString(type: OsmType, id: number | null): string | null {
  return id === null ? null : `${type[0]}${id}`;
}

// ---- Output schema: the properties of each layer (only the keys listed; absent when OSM has no value) ----

/**
 * A walkable line (walk-network.geojson with an extract). A superset of the default layer's
 * `highway`, `name`, and of the raw package's osm/yangpu_walk_network.geojson keys of the same names.
 */
export interface WalkLineProps {
  /** "w<way id>", as in the raw package's walk network */
  osm_id: string | null;
  highway: string;
  name?: string;
  'name:en'?: string;
  /** footway=sidewalk / crossing / … */
  footway?: string;
  foot?: string;
  access?: string;
  bridge?: string;
  tunnel?: string;
  /** OSM's vertical order, as text ("-1", "2") */
  layer?: string;
}

/** A landuse=residential area (residential.geojson). */
export interface ResidentialProps {
  osm_id: string | null;
  landuse: 'residential';
  name?: string;
  /** area after clipping, m² (integer) */
  area_m2: number;
}

/** A building footprint (buildings.geojson, only with an extract). */
export interface BuildingProps {
  osm_id: string | null;
  /** OSM building=* value: yes, apartments, residential, university, … */
  building: string;
  /** storeys above ground (building:levels) when OSM gives a positive number */
  'building:levels'?: number;
  name?: string;
  /** footprint area after clipping, m² (integer) */
  area_m2: number;
}

/** Water: areas (natural=water, waterway=riverbank/dock/canal areas, reservoirs) and waterway lines. */
export interface WaterProps {
  osm_id: string | null;
  name?: string;
  natural?: string;
  water?: string;
  waterway?: string;
  /** m² (integer), areas only */
  area_m2?: number;
}

/** Green space: parks, gardens, grass, woods (green.geojson). */
export interface GreenProps {
  osm_id: string | null;
  name?: string;
  leisure?: string;
  landuse?: string;
  natural?: string;
  /** m² (integer) */
  area_m2: number;
}

/** The extent where the extract's data is complete: its files' bounds ∩ the clip region. */
export interface ExtentProps {
  /** the files' labels, in the order given */
  files: string[];
  /** true when a file gave no bounds and its data's bounding box stands in for them */
  boundsEstimated: boolean;
  /** km², 3 decimals */
  area_km2: number;
}

export type AreaGeometry = Polygon | MultiPolygon;

/**
 * The layers built from an extract, clipped to the clip region, every geometry normalised (6
 * decimals, RFC 7946 winding); `extent` marks where the data is complete.
 */
export interface OsmLayers {
  walk: FeatureCollection<LineString, WalkLineProps>;
  residential: FeatureCollection<AreaGeometry, ResidentialProps>;
  buildings: FeatureCollection<AreaGeometry, BuildingProps>;
  water: FeatureCollection<AreaGeometry | LineString, WaterProps>;
  green: FeatureCollection<AreaGeometry, GreenProps>;
  /** one feature, or none when the extract does not reach the clip area */
  extent: FeatureCollection<AreaGeometry, ExtentProps>;
}

/** A ring or line, for the clipping helpers. */
export type Line = Position[];
