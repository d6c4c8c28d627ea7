/**
 * The last check before anything is written: every output layer against its rules, the
 * circle count, the tiling of the district, and facility ids unique across the layers.
 */
import { DataError } from '../../src/data/errors';
import type { TilingReport } from '../../src/data/tiling';
import { formatProblems, validateFeatureCollection } from '../../src/data/validate';
import type { OutputLayer } from './stage';

/** Largest share (0–1) of the district in a gap or an overlap that a tiling may have. */
export const MAX_TILING_SHARE = 0.001;

export interface ValidateInput {
  /** every layer to be written, each with its rules */
  layers: OutputLayer[];
  /** how many life circles were built and how many there must be */
  circles: { file: string; built: number; expected: number };
  /** tilings of the district, by label ("subdistricts", "circles") */
  tilings: { label: string; tiling: TilingReport }[];
  /** the ids of every facility of every facility layer */
  facilityIds: string[];
}

/**
 * Check the outputs.
 *
 * Input: the layers with their rules, the circle count, the tilings (gap and overlap shares,
 * 0–1) and the facility ids. Output: none; stops with a DataError naming the output file and
 * the problem (layer rules, circle count, a gap or overlap ≥ MAX_TILING_SHARE, a repeated id).
 */
export function validateOutputs({ layers, circles, tilings, facilityIds }: ValidateInput): void {
  for (const { file, collection, rules } of layers) {
    const problems = validateFeatureCollection(collection, rules);
    if (problems.length > 0)
      throw new DataError(
        `geodata/${file}`,
        null,
        `output failed validation:\n${formatProblems(file, problems)}`,
      );
  }
  if (circles.built !== circles.expected) {
    throw new DataError(
      `geodata/${circles.file}`,
      null,
      `expected ${circles.expected} circles, built ${circles.built}`,
    );
  }
  for (const { label, tiling: t } of tilings) {
    if (t.gapShare >= MAX_TILING_SHARE || t.overlapShare >= MAX_TILING_SHARE) {
      throw new DataError(
        `geodata/${label}`,
        null,
        `do not tile the district: gap ${(t.gapShare * 100).toFixed(3)}%, overlap ${(t.overlapShare * 100).toFixed(3)}%`,
      );
    }
  }
  const ids = new Set<string>();
  for (const id of facilityIds) {
    if (ids.has(id)) throw new DataError('geodata/facilities', null, `duplicate facility id ${id}`);
    ids.add(id);
  }
}
