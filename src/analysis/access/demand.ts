/**
 * Demand per grid cell: the residents of an age group (or every resident) the population
 * model places there — modelled residents × the group's share in the cell's (circle,
 * subdistrict) bucket, as the engine's target-group counts (coverage/targets.ts). Estimates.
 */
import type { AgeGroup } from '../../core/ageGroups';
import type { PopulationModel } from '../coverage/model';

const cache = new WeakMap<PopulationModel, Map<string, Float64Array | null>>();

/** People of `group` per grid cell (0 off land); null when the group's shares are unknown. */
export function demandOf(model: PopulationModel, group: AgeGroup | null): Float64Array | null {
  let byGroup = cache.get(model);
  if (!byGroup) {
    byGroup = new Map();
    cache.set(model, byGroup);
  }
  const key = group ?? 'all';
  if (byGroup.has(key)) return byGroup.get(key)!;
  const shares = group ? model.bucketAgeShare[group] : null;
  let out: Float64Array | null = null;
  if (!group || shares) {
    out = new Float64Array(model.land.length);
    for (const c of model.landCells) {
      out[c] = model.population[c]! * (shares ? shares[model.bucketOf[c]!]! : 1);
    }
  }
  byGroup.set(key, out);
  return out;
}
