/** The default table: every category at its standard's default radius. */
import { CATEGORIES } from '../../data/categories';
import { type CoverageCategory, DEFAULT_STANDARDS, RIVERFRONT } from '../standards';
import type { CoverageEngine, CoverageTable } from './engine';

/** Every coverage category in display order (facility categories, then the riverfront). */
export const COVERAGE_CATEGORIES: CoverageCategory[] = [...CATEGORIES.map((c) => c.id), RIVERFRONT];

export function defaultTables(engine: CoverageEngine, categories = COVERAGE_CATEGORIES): CoverageTable[] {
  return categories.map((c) => engine.table(c, DEFAULT_STANDARDS[c].radiusM));
}
