/** Load the real geodata layers for the coverage benchmarks and tests (Node only). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FeatureCollection, LineString, MultiPolygon, Polygon, Position } from 'geojson';
import { capacityInUnit } from '../../src/analysis/access/capacitySpec';
import type { FacilityPoint } from '../../src/analysis/coverage/engine';
import type { PopulationModel } from '../../src/analysis/coverage/model';
import { NetworkContext } from '../../src/analysis/network/context';
import { decodeGraph } from '../../src/analysis/network/encode';
import type { RouteFactors } from '../../src/analysis/network/routeFactors';
import type { CoverageCategory } from '../../src/core/categories';
import { LAYER_FILES } from '../../src/core/schema';
import { GEODATA_DIR } from '../geodata/paths';

export function readLayer<T extends FeatureCollection = FeatureCollection>(
  file: string,
  dir = GEODATA_DIR,
): T {
  return JSON.parse(readFileSync(join(dir, file), 'utf8')) as T;
}

export function loadCoverageData(dir = GEODATA_DIR) {
  const layers = {
    district: readLayer(LAYER_FILES.district, dir),
    subdistricts: readLayer(LAYER_FILES.subdistricts, dir),
    circles: readLayer(LAYER_FILES.circles, dir),
    populationModel: readLayer(LAYER_FILES.populationModel, dir),
    riverEdge: readLayer<FeatureCollection<LineString>>(LAYER_FILES.riverEdge, dir),
  };
  const facilities: FacilityPoint[] = [
    LAYER_FILES.eldercare,
    LAYER_FILES.childcare,
    LAYER_FILES.services,
  ].flatMap((f) =>
    readLayer(f, dir).features.map((x) => ({
      id: String(x.properties?.id),
      category: String(x.properties?.category),
      lonLat: (x.geometry as GeoJSON.Point).coordinates,
      capacity: capacityInUnit(
        x.properties?.category as CoverageCategory,
        x.properties?.capacity,
        x.properties?.capacityUnit,
      ),
    })),
  );
  const riverfront: Position[][] = readLayer<FeatureCollection<LineString>>(
    LAYER_FILES.riverfront,
    dir,
  ).features.map((f) => f.geometry.coordinates);
  return { layers, facilities, riverfront };
}

/** The walking network over a model, from geodata/walk-graph.json and the OSM extent (Node only). */
export function loadNetwork(model: PopulationModel, dir = GEODATA_DIR): NetworkContext {
  const graph = decodeGraph(
    JSON.parse(readFileSync(join(dir, LAYER_FILES.walkGraph), 'utf8')),
    model.grid.proj,
  );
  const extent = readLayer(LAYER_FILES.osmCoverage, dir).features.map(
    (f) => f.geometry as Polygon | MultiPolygon,
  );
  return new NetworkContext(model, graph, extent);
}

/** The route factors the pipeline measured on the walking graph (geodata/route-factors.json). */
export function loadRouteFactors(dir = GEODATA_DIR): RouteFactors {
  return JSON.parse(readFileSync(join(dir, LAYER_FILES.routeFactors), 'utf8')) as RouteFactors;
}
