/**
 * What a stage hands to the end of the pipeline: the GeoJSON layers and JSON lists it adds to
 * geodata/, each layer with the rules it must pass before it is written. A new stage (say, one
 * reading a user-supplied OSM extract) returns `layers` like the others and build.ts adds them
 * to the list it validates and writes.
 */
import type { FeatureCollection } from 'geojson';
import { DATA_BBOX } from '../../src/core/extent';
import type { LayerRules } from '../../src/data/validate';

/** One GeoJSON file of geodata/: checked against `rules`, then written one feature per line. */
export interface OutputLayer {
  /** file name in geodata/ (a value of LAYER_FILES) */
  file: string;
  collection: FeatureCollection;
  rules: LayerRules;
}

/** One JSON list of geodata/ (e.g. unlocated.json), written after the layers. */
export interface OutputList {
  file: string;
  items: unknown[];
}

/** One compact JSON file of geodata/ (e.g. walk-graph.json), written on one line. */
export interface OutputJson {
  file: string;
  value: unknown;
}

/** Polygons inside the data extent, exteriors counter-clockwise. */
export const POLY_RULES: LayerRules = {
  geometryTypes: ['Polygon', 'MultiPolygon'],
  bbox: DATA_BBOX,
  checkOrientation: true,
};
/** Lines inside the data extent. */
export const LINE_RULES: LayerRules = { geometryTypes: ['LineString', 'MultiLineString'], bbox: DATA_BBOX };
/** Points inside the data extent. */
export const POINT_RULES: LayerRules = { geometryTypes: ['Point'], bbox: DATA_BBOX };
