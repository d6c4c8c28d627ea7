/** Build a coverage engine from a fixture FeatureCollection whose features carry a `role`. */
import type { Feature, FeatureCollection } from 'geojson';
import { CoverageEngine } from '../../src/analysis/coverage/engine';
import { buildPopulationModel, type ModelInputs } from '../../src/analysis/coverage/model';
import type { BuildingFeature } from '../../src/analysis/population/buildings';
import { classifyDasymetric } from '../../src/analysis/population/dasymetric';
import type { CoverageCategory } from '../../src/core/categories';

export interface FixtureCase {
  engine: CoverageEngine;
  /** the model's inputs (for the Turf resident land) */
  inputs: ModelInputs;
  category: CoverageCategory;
  radiusM: number;
}

type Area = Feature<GeoJSON.Polygon | GeoJSON.MultiPolygon>;

/**
 * The population-model features of a fixture, as the pipeline makes them: its `building`,
 * `residential` and `osm-coverage` features classified by the dasymetric module.
 */
export function fixturePopulationModel(fc: FeatureCollection): NonNullable<ModelInputs['populationModel']> {
  const by = (role: string) => fc.features.filter((f) => f.properties?.role === role) as Area[];
  return classifyDasymetric({
    buildings: by('building') as BuildingFeature[],
    residential: by('residential'),
    extent: by('osm-coverage'),
  }).features;
}

export function fixtureEngine(fc: FeatureCollection & { properties?: Record<string, unknown> }): FixtureCase {
  const by = (role: string) => fc.features.filter((f) => f.properties?.role === role) as Feature[];
  const inputs: ModelInputs = {
    district: by('district')[0] as ModelInputs['district'],
    subdistricts: by('subdistrict') as ModelInputs['subdistricts'],
    circles: by('circle') as ModelInputs['circles'],
    populationModel: fixturePopulationModel(fc),
    riverEdge: by('river-edge') as ModelInputs['riverEdge'],
  };
  const facilities = by('facility').map((f) => ({
    id: String(f.properties!.id),
    category: String(f.properties!.category),
    lonLat: (f.geometry as GeoJSON.Point).coordinates,
  }));
  const engine = new CoverageEngine(buildPopulationModel(inputs), facilities);
  return {
    engine,
    inputs,
    category: String(fc.properties?.category) as CoverageCategory,
    radiusM: Number(fc.properties?.radiusM),
  };
}
