/**
 * The geodata pipeline: raw sources (../shared/geodata-sources by default) → geodata/.
 * Pure with respect to its inputs: the same raw files give byte-identical outputs.
 *
 * Small stages run in order, each a function from a typed input to a typed output
 * (stages/*.ts). A stage that adds files to geodata/ returns them as `layers` (with the
 * rules they must pass) or `lists`; to add a stage, call it here and add its layers to the
 * list that is validated and written.
 */
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { LAYER_FILES } from '../../src/core/schema';
import { type BuildReport, buildReport } from './report';
import { SourceReader } from './source-reader';
import { type BoundariesOutput, buildBoundaries } from './stages/boundaries';
import { buildCircles, CIRCLE_COUNT, type CirclesOutput } from './stages/circles';
import { buildContext, CONTEXT_LAYERS } from './stages/context';
import { buildFacilities } from './stages/facilities';
import { buildNetwork } from './stages/network';
import { buildOsmExtract, OSM_REPLACES, type OsmExtractOutput } from './stages/osm-extract';
import { readPopulation } from './stages/population';
import { buildPopulationLayer, type PopulationModelOutput } from './stages/populationModel';
import { buildRiverfront, type RiverfrontOutput } from './stages/riverfront';
import { streetSummary } from './stages/streets';
import { validateOutputs } from './validate';
import { writeOutputs } from './write';

export type { BuildReport } from './report';
export type { LayerReport } from './write';

export interface BuildOptions {
  /**
   * OSM extract files (paths: .osm.pbf, .osm, GeoJSON lines). When given, the extract's walk
   * network, residential areas, green, water, extent (osm-coverage) and buildings replace the raw
   * package's 五角场 OSM layers; without, the output is exactly the raw package's.
   */
  osm?: string[];
}

export interface BuildOutput {
  /** file name in geodata/ → content */
  files: Map<string, string>;
  report: BuildReport;
}

/**
 * The population-model layer — from the OSM extract's buildings, residential areas and extent
 * when one is given, else from the raw package's 五角场 OSM layers — and the circles balanced
 * on it.
 */
function populationAndCircles(
  src: SourceReader,
  boundaries: BoundariesOutput,
  riverfront: RiverfrontOutput,
  osm: OsmExtractOutput | null,
): { populationModel: PopulationModelOutput; circles: CirclesOutput } {
  const layer = (file: string) =>
    osm?.layers.find((l) => l.file === file)?.collection as FeatureCollection<Polygon | MultiPolygon>;
  const populationModel = buildPopulationLayer({
    src,
    district: boundaries.district,
    osm: osm
      ? {
          buildings: layer(LAYER_FILES.buildings),
          residential: layer(LAYER_FILES.residential),
          extent: layer(LAYER_FILES.osmCoverage),
        }
      : undefined,
  });
  const circles = buildCircles({
    ...boundaries,
    populationModel: populationModel.layer,
    riverEdge: riverfront.riverEdge,
  });
  return { populationModel, circles };
}

/**
 * Run the whole pipeline in memory.
 *
 * Input: the folder of the raw package and the options (an OSM extract). Output: every file of geodata/ by name (SOURCES.md is
 * added by ensure.ts) and the build report (areas in km², populations in residents, sizes in
 * bytes). Stops with a DataError naming file and place on any bad input or output.
 */
export function buildGeodata(sourcesDir: string, options: BuildOptions = {}): BuildOutput {
  const src = new SourceReader(sourcesDir);
  const population = readPopulation({ src });
  const boundaries = buildBoundaries({ src, population });
  const riverfront = buildRiverfront({ src });
  const facilities = buildFacilities({ readCsv: src.readCsv, subdistricts: boundaries.subdistricts });
  const osm = options.osm?.length
    ? buildOsmExtract({ files: options.osm, district: boundaries.district })
    : null;
  const specs = osm ? CONTEXT_LAYERS.filter((s) => !OSM_REPLACES.includes(s.file)) : CONTEXT_LAYERS;
  const context = buildContext({ src, specs });
  const walk = [...context.layers, ...(osm?.layers ?? [])].find(
    (l) => l.file === LAYER_FILES.walkNetwork,
  )!.collection;
  const network = buildNetwork({
    walk: walk as Parameters<typeof buildNetwork>[0]['walk'],
    source: options.osm?.length
      ? `OSM extract ${options.osm.map((f) => f.split(/[\\/]/).pop()).join(', ')}`
      : 'OSM 五角场/复旦/同济 (bundled)',
  });
  // The heavy stages last, so a bad raw file stops the build early.
  const { populationModel, circles } = populationAndCircles(src, boundaries, riverfront, osm);

  const layers = [
    ...boundaries.layers,
    ...circles.layers,
    ...riverfront.layers,
    ...populationModel.layers,
    ...facilities.layers,
    ...context.layers,
    ...(osm?.layers ?? []),
  ];
  const { eldercare, childcare, services } = facilities.facilities;
  validateOutputs({
    layers,
    circles: { file: LAYER_FILES.circles, built: circles.circles.features.length, expected: CIRCLE_COUNT },
    tilings: [
      { label: 'subdistricts', tiling: boundaries.tiling },
      { label: 'circles', tiling: circles.tiling },
    ],
    facilityIds: [...eldercare, ...childcare, ...services].map((f) => f.properties.id),
  });
  const written = writeOutputs({ layers, lists: facilities.lists, json: network.json });
  const report = buildReport({
    layers: written.layers,
    boundaries,
    circles,
    populationModel: populationModel.summary,
    facilities: facilities.facilities,
    osm: osm?.report ?? null,
    network: network.report,
    streets: streetSummary(walk, [...eldercare, ...childcare, ...services], facilities.facilities.unlocated),
  });
  return { files: written.files, report };
}
