/**
 * Stage: the 2020 census population of every subdistrict and of the district, and the
 * district's residents in the age groups facilities serve (60+, 3–5, under 3).
 */
import type { AgeGroupCounts } from '../../../src/core/ageGroups';
import { DataError } from '../../../src/data/errors';
import type { SourceReader } from '../source-reader';

const CENSUS_FILE = 'population/subdistricts-census-2020.csv';
const INDICATORS_FILE = 'population/district-indicators-2020.csv';
const AGE_FILE = 'population/district-age-sex-2020-2010.csv';
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
  /** the district's residents per age group (2020; under 3 and 3–5 derived, see ageGroupsNote) */
  ageGroups: AgeGroupCounts;
  /** which figures, from which files, and how the derived ones are made */
  ageGroupsNote: string;
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
  return { bySubdistrict, censusTotal, ...readAgeGroups(src) };
}

function positive(file: string, row: number, field: string, value: string | undefined): number {
  const v = Number(value);
  if (!Number.isFinite(v) || v < 0) {
    throw new DataError(file, `row ${row}, field ${field}`, `"${value}" is not a non-negative number`);
  }
  return v;
}

/**
 * The district's age groups from the 2020 census (7th census county yearbook via leiii/census,
 * see the raw population/NOTES.md): 60+ is a census count; under 3 and 3–5 are not published,
 * so they are derived from the 5-year groups assuming each group is spread evenly over its
 * years (the same assumption as the raw package's own 0–3 estimate).
 *
 * Input: the raw package. Output: residents per age group and a note naming every figure.
 */
export function readAgeGroups(src: SourceReader): Pick<PopulationOutput, 'ageGroups' | 'ageGroupsNote'> {
  const indicators = src.csv(INDICATORS_FILE, ['indicator', 'value_2020']);
  const i60 = indicators.rows.findIndex((r) => r.indicator === 'age60plus');
  if (i60 < 0) throw new DataError(INDICATORS_FILE, null, 'no row "age60plus"');
  const age60plus = positive(INDICATORS_FILE, i60 + 2, 'value_2020', indicators.rows[i60]!.value_2020);
  const ages = src.csv(AGE_FILE, ['age_group', 'total_2020']);
  const band = (name: string) => {
    const i = ages.rows.findIndex((r) => r.age_group === name);
    if (i < 0) throw new DataError(AGE_FILE, null, `no row for age group "${name}"`);
    return positive(AGE_FILE, i + 2, 'total_2020', ages.rows[i]!.total_2020);
  };
  const a0 = band('0');
  const a1to4 = band('1-4');
  const a5to9 = band('5-9');
  const under3 = Math.round(a0 + (2 / 4) * a1to4);
  const age3to5 = Math.round((2 / 4) * a1to4 + (1 / 5) * a5to9);
  const fmt = (v: number) => v.toLocaleString('en-US');
  return {
    ageGroups: { age60plus, age3to5, under3 },
    ageGroupsNote:
      `2020 census (7th), Yangpu district, via github:leiii/census county yearbook table (raw population/NOTES.md). ` +
      `60+: ${fmt(age60plus)}, census count (${INDICATORS_FILE}). ` +
      `Under 3 (ages 0–2): DERIVED ${fmt(under3)} = age 0 (${fmt(a0)}) + 2/4 × age 1–4 (${fmt(a1to4)}); ` +
      `3–5 (ages 3, 4, 5; kindergarten): DERIVED ${fmt(age3to5)} = 2/4 × age 1–4 + 1/5 × age 5–9 (${fmt(a5to9)}) ` +
      `(${AGE_FILE}; even spread within each 5-year group assumed). Applied as district shares to every area unless a planner imports local figures.`,
  };
}
