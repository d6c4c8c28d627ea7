/**
 * URLs of the generated layers. Vite copies each file into dist/assets with a content
 * hash and gives a URL relative to the page, so the build works from any sub-path.
 * (`npm run data` must have run first; npm start/build/test do that.)
 */
import childcare from '../../geodata/childcare.geojson?url';
import circles from '../../geodata/circles.geojson?url';
import district from '../../geodata/district.geojson?url';
import eldercare from '../../geodata/eldercare.geojson?url';
import elevatedRoads from '../../geodata/elevated-roads.geojson?url';
import green from '../../geodata/green.geojson?url';
import metroLines from '../../geodata/metro-lines.geojson?url';
import metroStations from '../../geodata/metro-stations.geojson?url';
import osmCoverage from '../../geodata/osm-coverage.geojson?url';
import populationModel from '../../geodata/population-model.geojson?url';
import residential from '../../geodata/residential.geojson?url';
import riverEdge from '../../geodata/river-edge.geojson?url';
import riverfront from '../../geodata/riverfront.geojson?url';
import routeFactors from '../../geodata/route-factors.json?url';
import services from '../../geodata/services.geojson?url';
import subdistricts from '../../geodata/subdistricts.geojson?url';
import unlocated from '../../geodata/unlocated.json?url';
import walkGraph from '../../geodata/walk-graph.json?url';
import walkNetwork from '../../geodata/walk-network.geojson?url';
import water from '../../geodata/water.geojson?url';

export const LAYER_URLS = {
  district,
  subdistricts,
  circles,
  riverfront,
  riverEdge,
  eldercare,
  childcare,
  services,
  metroLines,
  metroStations,
  elevatedRoads,
  residential,
  green,
  water,
  walkNetwork,
  osmCoverage,
  populationModel,
} as const;

export const UNLOCATED_URL = unlocated;
/** The pedestrian graph (compact JSON), decoded and checked in the coverage worker. */
export const WALK_GRAPH_URL = walkGraph;
/** The route factors the pipeline measured on that graph (walking, best available). */
export const ROUTE_FACTORS_URL = routeFactors;
