/**
 * Target-group counts: residents of the category's age group (60+, 3–5, under 3) in every
 * circle, subdistrict and the district, covered and uncovered. Estimates: modelled residents ×
 * the group's share in each (circle, subdistrict) bucket (population/ageShares.ts).
 */
import { type AgeGroup, targetGroupOf } from '../../core/ageGroups';
import type { CoverageCategory } from '../../core/categories';
import type { PopulationModel } from './model';

/** Residents of the category's target group (estimates: modelled residents × the group's share). */
export interface TargetCounts {
  population: number;
  covered: number;
  /** population − covered */
  gap: number;
}

/**
 * The target group of `category` and its counts per row: circles (K), then subdistricts,
 * then the district — null rows when the category has no group or its shares are unknown.
 * `coveredPop` is the covered residents per bucket.
 */
export function targetRows(
  model: PopulationModel,
  category: string,
  coveredPop: Float64Array,
): { group: AgeGroup | null; rows: (TargetCounts | null)[] } {
  const K = model.circles.length;
  const S = model.subdistrictNames.length;
  const group = targetGroupOf(category as CoverageCategory);
  const shares = group ? model.bucketAgeShare[group] : null;
  if (!group || !shares) return { group: null, rows: new Array(K + S + 1).fill(null) };
  const rows = Array.from({ length: K + S + 1 }, () => ({ population: 0, covered: 0, gap: 0 }));
  model.buckets.forEach(([k, s], b) => {
    for (const row of [k >= 0 ? rows[k] : null, s >= 0 ? rows[K + s] : null, rows[K + S]]) {
      if (!row) continue;
      row.population += model.bucketPopulation[b]! * shares[b]!;
      row.covered += coveredPop[b]! * shares[b]!;
    }
  });
  for (const row of rows) row.gap = row.population - row.covered;
  return { group, rows };
}
