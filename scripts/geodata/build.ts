/**
 * The geodata pipeline: raw sources (../shared/geodata-sources by default) → geodata/.
 * Pure with respect to its inputs: the same raw files give byte-identical outputs.
 *
 * Small stages run in order, each a function from a typed input to a typed output
 * (stages/*.ts). A stage that adds files to geodata/ returns them as `layers` (with the
 * rules they must pass) or `lists`; to add a stage, call it here and add its layers to the
 * list that is validated and written.
 */
import { LAYER_FILES } from '../../src/core/schema';
import { type BuildReport, buildReport } from './report';
import { SourceReader } from './source-reader';
import { buildBoundaries } from './stages/boundaries';
import { buildCircles, CIRCLE_COUNT } from './stages/circles';
import { buildContext } from './stages/context';
import { buildFacilities } from './stages/facilities';
import { readPopulation } from './stages/population';
import { buildPopulationLayer } from './stages/populationModel';
import { buildRiverfront } from './stages/riverfront';
import { validateOutputs } from './validate';
import { writeOutputs } from './write';

export type { BuildReport } from './report';
export type { LayerReport } from './write';

export interface BuildOutput {
  /** file name in geodata/ → content */
  files: Map<string, string>;
  report: BuildReport;
}

/**
 * Run the whole pipeline in memory.
 *
 * Input: the folder of the raw package. Output: every file of geodata/ by name (SOURCES.md is
 * added by ensure.ts) and the build report (areas in km², populations in residents, sizes in
 * bytes). Stops with a DataError naming file and place on any bad input or output.
 */
export function buildGeodata(sourcesDir: string): BuildOutput {
  const src = new SourceReader(sourcesDir);
  const population = readPopulation({ src });
  const boundaries = buildBoundaries({ src, population });
  const riverfront = buildRiverfront({ src });
  const facilities = buildFacilities({ readCsv: src.readCsv, subdistricts: boundaries.subdistricts });
  const context = buildContext({ src });
  // The heavy stages last, so a bad raw file stops the build early.
  const populationModel = buildPopulationLayer({ src, district: boundaries.district });
  const circles = buildCircles({
    ...boundaries,
    populationModel: populationModel.layer,
    riverEdge: riverfront.riverEdge,
  });

  const layers = [
    ...boundaries.layers,
    ...circles.layers,
    ...riverfront.layers,
    ...populationModel.layers,
    ...facilities.layers,
    ...context.layers,
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
  const written = writeOutputs({ layers, lists: facilities.lists });
  const report = buildReport({
    layers: written.layers,
    boundaries,
    circles,
    populationModel: populationModel.summary,
    facilities: facilities.facilities,
  });
  return { files: written.files, report };
}
