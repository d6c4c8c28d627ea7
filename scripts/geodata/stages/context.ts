/**
 * Stage: context layers from OpenStreetMap (raw osm/): metro lines and stations, elevated
 * roads, and, for the 五角场/复旦/同济 area only, the extent of that detail, residential areas,
 * green space, water and the walking network. Each is validated, then copied with only the
 * properties the map uses.
 */
import type { FeatureCollection } from 'geojson';
import { DATA_BBOX } from '../../../src/core/extent';
import { LAYER_FILES } from '../../../src/core/schema';
import type { LayerRules } from '../../../src/data/validate';
import { collection, feature } from '../geojson';
import type { SourceReader } from '../source-reader';
import { LINE_RULES, type OutputLayer, POINT_RULES, POLY_RULES } from '../stage';

/** One context layer: where it comes from, the rules it must pass (read and written), what it keeps. */
export interface ContextLayerSpec {
  /** file name in geodata/ */
  file: string;
  /** path in the raw package */
  source: string;
  rules: LayerRules;
  /** property names carried over (null and missing values are dropped) */
  keep: string[];
}

/** The context layers, in the order they are read and written. */
export const CONTEXT_LAYERS: ContextLayerSpec[] = [
  {
    file: LAYER_FILES.metroLines,
    source: 'osm/yangpu_osm_metro_lines.geojson',
    rules: LINE_RULES,
    keep: ['name', 'route'],
  },
  {
    file: LAYER_FILES.metroStations,
    source: 'osm/yangpu_osm_metro_stations.geojson',
    rules: POINT_RULES,
    keep: ['name'],
  },
  {
    file: LAYER_FILES.elevatedRoads,
    source: 'osm/yangpu_osm_elevated_roads.geojson',
    rules: LINE_RULES,
    keep: ['name', 'class'],
  },
  {
    file: LAYER_FILES.osmCoverage,
    source: 'osm/yangpu_osm_coverage.geojson',
    rules: POLY_RULES,
    keep: ['area_km2', 'area_in_yangpu_km2'],
  },
  {
    file: LAYER_FILES.residential,
    source: 'osm/yangpu_residential.geojson',
    rules: POLY_RULES,
    keep: ['name', 'area_m2'],
  },
  {
    file: LAYER_FILES.green,
    source: 'osm/yangpu_green.geojson',
    rules: POLY_RULES,
    keep: ['name', 'leisure', 'landuse'],
  },
  {
    file: LAYER_FILES.water,
    source: 'osm/yangpu_water.geojson',
    rules: { ...POLY_RULES, geometryTypes: ['Polygon', 'MultiPolygon', 'LineString', 'MultiLineString'] },
    keep: ['name', 'waterway', 'natural'],
  },
  {
    file: LAYER_FILES.walkNetwork,
    source: 'osm/yangpu_walk_network.geojson',
    rules: { geometryTypes: ['LineString'], bbox: DATA_BBOX },
    keep: ['highway', 'name'],
  },
];

export interface ContextInput {
  /** the raw package */
  src: SourceReader;
  /** which layers to build; CONTEXT_LAYERS by default */
  specs?: ContextLayerSpec[];
}

export interface ContextOutput {
  /**
   * one layer per spec, in the specs' order; coordinates WGS84, properties as in the source
   * (area_m2 in m², area_km2 in km²)
   */
  layers: OutputLayer[];
}

function pick(props: Record<string, unknown> | null, keys: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of keys) if (props?.[k] !== undefined && props[k] !== null) out[k] = props[k];
  return out;
}

/**
 * Copy the OSM context layers.
 *
 * Input: the raw package and the layer specs. Output: one validated layer per spec with
 * normalised geometry (6 decimals, RFC 7946 winding) and only the kept properties; values
 * are not converted (area_m2 stays m², area_km2 km²).
 */
export function buildContext({ src, specs = CONTEXT_LAYERS }: ContextInput): ContextOutput {
  return {
    layers: specs.map(({ file, source, rules, keep }) => {
      const fc = src.layer<FeatureCollection>(source, rules);
      return {
        file,
        collection: collection(fc.features.map((f) => feature(f.geometry, pick(f.properties, keep)))),
        rules,
      };
    }),
  };
}
