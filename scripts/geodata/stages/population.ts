/** Stage: the 2020 census population of every subdistrict and of the district. */
import { DataError } from '../../../src/data/errors';
import type { SourceReader } from '../source-reader';

const CENSUS_FILE = 'population/subdistricts-census-2020.csv';
/** Administrative code of Yangpu District: the census row with it holds the district total. */
export const DISTRICT_CODE = '310110';

export interface PopulationInput {
  /** the raw package */
  src: SourceReader;
}

export interface PopulationOutput {
  /** residents (2020 census, rounded to 100 by the source) by subdistrict name, e.g. 定海路街道 */
  bySubdistrict: Map<string, number>;
  /** the census total of the district, residents (0 when the table has no district row) */
  censusTotal: number;
}

/**
 * Read population/subdistricts-census-2020.csv.
 *
 * Input: the raw package. Output: residents per subdistrict name and the district total
 * (residents). Stops, naming row and field, on a population that is not a positive number.
 */
export function readPopulation({ src }: PopulationInput): PopulationOutput {
  const census = src.csv(CENSUS_FILE, ['subdistrict', 'code', 'population']);
  const bySubdistrict = new Map<string, number>();
  let censusTotal = 0;
  census.rows.forEach((row, i) => {
    const pop = Number(row.population);
    if (!Number.isFinite(pop) || pop <= 0) {
      throw new DataError(
        CENSUS_FILE,
        `row ${i + 2}, field population`,
        `"${row.population}" is not a positive number`,
      );
    }
    if (row.code === DISTRICT_CODE) censusTotal = pop;
    else bySubdistrict.set(row.subdistrict!, pop);
  });
  return { bySubdistrict, censusTotal };
}
