/**
 * Stage: the derived population-model layer — which method places residents where. OSM
 * buildings (with their tags) and residential land use inside the extent where OSM is
 * complete are classified by src/analysis/population/dasymetric.ts; the rest of the district
 * is "land". The resident surface (model, circles, coverage) is built from this layer.
 *
 * The building input is any FeatureCollection of OSM building polygons with tags: the raw
 * package's osm/yangpu_buildings.geojson today, a planner's OSM extract when one is given.
 */
import { difference } from '@turf/difference';
import { featureCollection } from '@turf/helpers';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { BuildingFeature } from '../../../src/analysis/population/buildings';
import { classifyDasymetric, type DasymetricSummary } from '../../../src/analysis/population/dasymetric';
import {
  type DistrictLayer,
  LAYER_FILES,
  type PopulationModelLayer,
  type PopulationModelProps,
} from '../../../src/core/schema';
import { DataError } from '../../../src/data/errors';
import { validateFeatureCollection } from '../../../src/data/validate';
import { collection, feature, round } from '../geojson';
import type { SourceReader } from '../source-reader';
import { type OutputLayer, POLY_RULES } from '../stage';

/** The raw OSM files the layer is built from (the 五角场/复旦/同济 extract). */
export const POPULATION_SOURCES = {
  buildings: 'osm/yangpu_buildings.geojson',
  residential: 'osm/yangpu_residential.geojson',
  extent: 'osm/yangpu_osm_coverage.geojson',
};

type Area = Feature<Polygon | MultiPolygon>;

/** OSM layers for the model: buildings with tags, landuse=residential, and where both are complete. */
export interface OsmPopulationInputs {
  buildings: FeatureCollection<Polygon | MultiPolygon>;
  residential: FeatureCollection<Polygon | MultiPolygon>;
  extent: FeatureCollection<Polygon | MultiPolygon>;
}

export interface PopulationModelInput {
  district: DistrictLayer;
  /** the OSM layers (read from the raw package when not given) */
  osm?: OsmPopulationInputs;
  src: SourceReader;
}

export interface PopulationModelOutput {
  /** population-model.geojson: weightM2 in m² of residential floor area */
  layer: PopulationModelLayer;
  summary: DasymetricSummary & {
    /** buildings left out because their outline is degenerate or self-intersecting once rounded to 6 decimals */
    invalidBuildings: number;
  };
  layers: OutputLayer[];
}

const RULES = { ...POLY_RULES, requiredProps: ['method', 'weightM2'] };

/** The raw package's OSM layers (validated: polygons inside the data extent; any winding). */
export function readOsmPopulationInputs(src: SourceReader): OsmPopulationInputs {
  const rules = { geometryTypes: POLY_RULES.geometryTypes, bbox: POLY_RULES.bbox };
  const buildings = src.json<FeatureCollection<Polygon | MultiPolygon>>(POPULATION_SOURCES.buildings);
  const fatal = validateFeatureCollection(buildings, rules).filter(
    (p) => !/self-intersection|zero area|at least 4/.test(p.problem),
  );
  if (fatal.length) throw new DataError(POPULATION_SOURCES.buildings, fatal[0]!.where, fatal[0]!.problem);
  return {
    buildings,
    residential: src.layer(POPULATION_SOURCES.residential, rules),
    extent: src.layer(POPULATION_SOURCES.extent, rules),
  };
}

/**
 * Buildings as written (6 decimals, RFC 7946 winding) with the degenerate ones left out: OSM
 * exports cut at a bounding box leave slivers and zero-area rings.
 */
function validBuildings(fc: FeatureCollection<Polygon | MultiPolygon>): { kept: Area[]; invalid: number } {
  const rounded = collection(fc.features.map((f) => feature(f.geometry, f.properties)));
  const bad = new Set(
    validateFeatureCollection(rounded, { geometryTypes: ['Polygon', 'MultiPolygon'] }).map((p) =>
      Number(/^feature (\d+)/.exec(p.where ?? '')?.[1] ?? -1),
    ),
  );
  const kept = rounded.features.filter((_, i) => !bad.has(i));
  return { kept, invalid: rounded.features.length - kept.length };
}

/** Property values rounded for output (weights to 0.1 m²); undefined values dropped. */
function tidy(p: PopulationModelProps): PopulationModelProps {
  const out = { ...p, weightM2: round(p.weightM2, 1) };
  for (const k of Object.keys(out) as (keyof PopulationModelProps)[]) if (out[k] === undefined) delete out[k];
  return out;
}

/** District land beyond the OSM extent, where residents are spread over land. */
function landZone(district: DistrictLayer, extent: Area[]): Area | null {
  let rest: Area | null = district.features[0]! as Area;
  for (const e of extent) {
    if (!rest) break;
    rest = difference(featureCollection([rest, e]));
  }
  return rest;
}

/**
 * Build the population-model layer.
 *
 * Input: the district and the OSM buildings, residential land use and extent. Output: the
 * layer (features with method and weightM2 in m²), the classification summary, and the layer
 * to write.
 */
export function buildPopulationLayer({ district, osm, src }: PopulationModelInput): PopulationModelOutput {
  const inputs = osm ?? readOsmPopulationInputs(src);
  const buildings = validBuildings(inputs.buildings);
  const normalised = (fc: FeatureCollection<Polygon | MultiPolygon>) =>
    fc.features.map((f) => feature(f.geometry, f.properties));
  const extent = normalised(inputs.extent);
  const { features, summary } = classifyDasymetric({
    buildings: buildings.kept as BuildingFeature[],
    residential: normalised(inputs.residential),
    extent,
  });
  const land = landZone(district, extent);
  const all = land
    ? [
        {
          type: 'Feature' as const,
          properties: { method: 'land' as const, weightM2: 0 },
          geometry: land.geometry,
        },
        ...features,
      ]
    : features;
  const layer: PopulationModelLayer = collection(all.map((f) => feature(f.geometry, tidy(f.properties))));
  return {
    layer,
    summary: { ...summary, invalidBuildings: buildings.invalid },
    layers: [{ file: LAYER_FILES.populationModel, collection: layer, rules: RULES }],
  };
}
