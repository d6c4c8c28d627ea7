/**
 * Age-group shares for target-group counts: residents of a group in an area = its modelled
 * residents × the group's share. The share is the most local one known: a circle's imported
 * age figures, else its subdistrict's (imported), else the district's 2020 census shares.
 * Within an area the share is uniform: a model estimate, labelled as such wherever shown.
 */
import { AGE_GROUPS, type AgeGroup, type AgeGroupCounts } from '../../core/ageGroups';

export interface AgeShareSource {
  /** residents the counts refer to */
  population: number;
  ageGroups?: AgeGroupCounts;
}

/** Share (0–1) of `group` in a source, or null when the source does not give it. */
export function shareOf(source: AgeShareSource | undefined, group: AgeGroup): number | null {
  const count = source?.ageGroups?.[group];
  if (count === undefined || !Number.isFinite(count) || count < 0 || !(source!.population > 0)) return null;
  return Math.min(1, count / source!.population);
}

/**
 * The share of every age group in each (circle, subdistrict) bucket, or null for a group no
 * source gives.
 *
 * Input: the buckets ([circle, subdistrict], -1 = none) and the sources per circle, per
 * subdistrict and for the district (residents and age counts). Output: per group, one share
 * (0–1) per bucket; null when some bucket has no source for the group.
 */
export function bucketAgeShares(
  buckets: [number, number][],
  sources: {
    circles: (AgeShareSource | undefined)[];
    subdistricts: AgeShareSource[];
    district?: AgeShareSource;
  },
): Record<AgeGroup, Float64Array | null> {
  const out = {} as Record<AgeGroup, Float64Array | null>;
  for (const group of AGE_GROUPS) {
    const districtShare = shareOf(sources.district, group);
    const sub = sources.subdistricts.map((s) => shareOf(s, group));
    const circ = sources.circles.map((c) => shareOf(c, group));
    const shares = new Float64Array(buckets.length);
    let complete = true;
    buckets.forEach(([k, s], b) => {
      const v = (k >= 0 ? circ[k] : null) ?? (s >= 0 ? sub[s] : null) ?? districtShare;
      if (v === null || v === undefined) complete = false;
      else shares[b] = v;
    });
    // A group known for only some areas is not counted at all rather than undercounted.
    out[group] = complete ? shares : null;
  }
  return out;
}
