/**
 * Read the raw package (../shared/geodata-sources by default): text, JSON, validated GeoJSON
 * layers and CSV tables, each stopping with the file (and the place in it) named.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FeatureCollection } from 'geojson';
import { type CsvTable, parseCsv, requireColumns } from '../../src/data/csv';
import { DataError, MissingSourcesError } from '../../src/data/errors';
import { formatProblems, type LayerRules, validateFeatureCollection } from '../../src/data/validate';
import { SOURCES_ENV } from './paths';

/** Read one CSV of the raw package by its path relative to the package, requiring `required` columns. */
export type ReadCsv = (relativePath: string, required: string[]) => CsvTable;

export class SourceReader {
  constructor(readonly dir: string) {
    if (!existsSync(join(dir, 'README.md'))) throw new MissingSourcesError(dir, SOURCES_ENV);
  }

  text(rel: string): string {
    const path = join(this.dir, rel);
    if (!existsSync(path)) throw new DataError(rel, null, `file missing from the raw package at ${this.dir}`);
    return readFileSync(path, 'utf8');
  }

  json<T = FeatureCollection>(rel: string): T {
    try {
      return JSON.parse(this.text(rel)) as T;
    } catch (e) {
      if (e instanceof DataError) throw e;
      throw new DataError(rel, null, `not valid JSON: ${(e as Error).message}`);
    }
  }

  /** A validated raw GeoJSON layer: stops with every problem named. */
  layer<T extends FeatureCollection>(rel: string, rules: LayerRules): T {
    const fc = this.json<T>(rel);
    const problems = validateFeatureCollection(fc, rules);
    if (problems.length > 0)
      throw new DataError(rel, null, `invalid layer:\n${formatProblems(rel, problems)}`);
    return fc;
  }

  csv(rel: string, required: string[]): CsvTable {
    const table = parseCsv(this.text(rel), rel);
    requireColumns(table, required, rel);
    return table;
  }

  /** `csv` as a free function, for stages that read CSV only. */
  readonly readCsv: ReadCsv = (rel, required) => this.csv(rel, required);
}
