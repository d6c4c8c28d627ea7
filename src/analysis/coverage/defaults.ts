/** The default table: every category at its standard's default radius. */
import { COVERAGE_CATEGORIES, type CoverageCategory } from '../../core/categories';
import { DEFAULT_STANDARDS } from '../standards';
import type { CoverageEngine, CoverageTable, DistanceKind } from './engine';

export function defaultTables(
  engine: CoverageEngine,
  categories: readonly CoverageCategory[] = COVERAGE_CATEGORIES,
  distance: DistanceKind = 'straight',
): CoverageTable[] {
  return categories.map((c) => engine.table(c, DEFAULT_STANDARDS[c].radiusM, distance));
}
