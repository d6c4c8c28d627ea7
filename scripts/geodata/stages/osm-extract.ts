/**
 * Stage (optional): layers from an OSM extract the user brings — `npm run data -- --osm FILE`
 * (repeatable) or $YANGPU_OSM_EXTRACT. Reads .osm.pbf, .osm XML and GeoJSON (lines) files,
 * merges them (newest version of each object), clips to the district plus 1 km and builds the
 * walk network, residential areas, buildings, water, green space and the extent where the data
 * is complete. These replace the raw package's 五角场/复旦/同济 layers (see OSM_REPLACES).
 */
import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { buffer } from '@turf/buffer';
import { featureCollection, feature as turfFeature } from '@turf/helpers';
import { intersect } from '@turf/intersect';
import { DOMParser } from '@xmldom/xmldom';
import type { FeatureCollection } from 'geojson';
import { DATA_BBOX } from '../../../src/core/extent';
import { geometryArea } from '../../../src/core/geo';
import { type DistrictLayer, LAYER_FILES } from '../../../src/core/schema';
import { DataError } from '../../../src/data/errors';
import { normaliseGeometry } from '../../../src/data/normalise';
import { extractOsm, type OsmExtractStats } from '../../../src/data/osm/extract';
import { parseOsmGeoJson } from '../../../src/data/osm/geojson';
import { parseOsmPbf } from '../../../src/data/osm/pbf';
import type { AreaGeometry, OsmInput } from '../../../src/data/osm/types';
import { parseOsmXml } from '../../../src/data/osm/xml';
import { round } from '../geojson';
import { LINE_RULES, type OutputLayer, POLY_RULES } from '../stage';

/** The extract is clipped to the district outline grown by this much (m). */
export const OSM_CLIP_MARGIN_M = 1000;
/** The layers of the raw package's small OSM area that an extract replaces. */
export const OSM_REPLACES: readonly string[] = [
  LAYER_FILES.osmCoverage,
  LAYER_FILES.residential,
  LAYER_FILES.green,
  LAYER_FILES.water,
  LAYER_FILES.walkNetwork,
];

export interface OsmExtractInput {
  /** paths of the extract files (.osm.pbf, .osm/.xml, .geojsonl/.geojsonseq/.ndjson/.geojson) */
  files: string[];
  district: DistrictLayer;
}

/** What the extract gave, for SOURCES.md and the console. */
export interface OsmExtractReport extends OsmExtractStats {
  /** the clip margin around the district, m */
  clipMarginM: number;
  /** the extent's area inside the district, km² (3 decimals) */
  extentInDistrictKm2: number;
}

export interface OsmExtractOutput {
  /** osm-coverage, residential, green, water, walk-network and buildings.geojson */
  layers: OutputLayer[];
  report: OsmExtractReport;
}

/** Properties of osm-coverage.geojson when it comes from an extract. */
interface ExtentOutputProps {
  files: string[];
  boundsEstimated: boolean;
  area_km2: number;
  area_in_yangpu_km2: number;
}

const PBF = /\.pbf$/i;
const XML = /\.(osm|xml)$/i;
const GEOJSON = /\.(geojsonl|geojsons|geojsonseq|ndjson|jsonl|geojson|json)$/i;

/** Parse one extract file by its extension; stops with a DataError naming it. */
export function readOsmFile(path: string): OsmInput {
  const label = basename(path);
  try {
    if (!statSync(path).isFile()) throw new Error('not a file');
  } catch {
    throw new DataError(label, null, `OSM extract not found at ${path}`);
  }
  if (PBF.test(path)) return parseOsmPbf(readFileSync(path), label);
  const onError = (level: string, message: string) => {
    if (level !== 'warning') throw new Error(message);
  };
  if (XML.test(path)) return parseOsmXml(readFileSync(path, 'utf8'), label, new DOMParser({ onError }));
  if (GEOJSON.test(path)) return parseOsmGeoJson(readFileSync(path, 'utf8'), label);
  throw new DataError(
    label,
    null,
    'unknown OSM file type: use .osm.pbf, .osm (XML) or GeoJSON lines (.geojsonl, .geojsonseq, .ndjson, .geojson); decompress .bz2/.gz first',
  );
}

/** The district outline grown by `marginM` metres (Turf buffer, geodesic). */
export function clipRegion(district: DistrictLayer, marginM = OSM_CLIP_MARGIN_M): AreaGeometry {
  const grown = buffer(district.features[0]!, marginM / 1000, { units: 'kilometers' });
  if (!grown) throw new Error('could not grow the district outline');
  return normaliseGeometry(grown.geometry as AreaGeometry);
}

/** The extent layer in the osm-coverage.geojson schema, with its area inside the district (km²). */
function extentLayer(
  extent: FeatureCollection<AreaGeometry, { files: string[]; boundsEstimated: boolean; area_km2: number }>,
  district: DistrictLayer,
): { collection: FeatureCollection<AreaGeometry, ExtentOutputProps>; inDistrictKm2: number } {
  const f = extent.features[0];
  if (!f) throw new DataError('OSM extract', null, 'its bounds do not reach Yangpu (district plus 1 km)');
  const inside = intersect(
    featureCollection([turfFeature(f.geometry), turfFeature(district.features[0]!.geometry)]),
  );
  const inDistrictKm2 = inside ? round(geometryArea(inside.geometry) / 1e6, 3) : 0;
  const props: ExtentOutputProps = { ...f.properties, area_in_yangpu_km2: inDistrictKm2 };
  return {
    collection: { type: 'FeatureCollection', features: [{ ...f, properties: props }] },
    inDistrictKm2,
  };
}

/**
 * Build the layers of an OSM extract.
 *
 * Input: the extract files and the district. Output: six validated layers (coordinates WGS84;
 * area_m2 in m², area_km2 in km²) and the report: files read, objects merged, walkable ways
 * kept and dropped per rule, km of walk lines, features per layer.
 */
export function buildOsmExtract({ files, district }: OsmExtractInput): OsmExtractOutput {
  const inputs = files.map(readOsmFile);
  const { layers, stats } = extractOsm(inputs, { clip: clipRegion(district) });
  const extent = extentLayer(layers.extent, district);
  return {
    layers: [
      { file: LAYER_FILES.osmCoverage, collection: extent.collection, rules: POLY_RULES },
      { file: LAYER_FILES.residential, collection: layers.residential, rules: POLY_RULES },
      { file: LAYER_FILES.green, collection: layers.green, rules: POLY_RULES },
      {
        file: LAYER_FILES.water,
        collection: layers.water,
        rules: { ...POLY_RULES, geometryTypes: ['Polygon', 'MultiPolygon', 'LineString'] },
      },
      {
        file: LAYER_FILES.walkNetwork,
        collection: layers.walk,
        rules: { ...LINE_RULES, geometryTypes: ['LineString'], bbox: DATA_BBOX },
      },
      { file: LAYER_FILES.buildings, collection: layers.buildings, rules: POLY_RULES },
    ],
    report: { ...stats, clipMarginM: OSM_CLIP_MARGIN_M, extentInDistrictKm2: extent.inDistrictKm2 },
  };
}
