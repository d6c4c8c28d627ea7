/**
 * The access analysis's part of `npm run analyze` (issue 20): per table the capacity in
 * reach (2SFCA) and fairness, and once the 一老一小 basket — as JSON fields and summary lines.
 */
import { type Basket, DEFAULT_BASKET, encodeBasket } from '../../src/analysis/access/basket';
import type { Decay } from '../../src/analysis/access/capacity';
import { type AccessSummary, accessSummary, basketSummary } from '../../src/analysis/access/summary';
import type { CoverageEngine, CoverageTable, DistanceKind } from '../../src/analysis/coverage/engine';
import { AGE_GROUP_INFO } from '../../src/core/ageGroups';
import type { CoverageCategory } from '../../src/core/categories';

export interface AccessArgs {
  distance: DistanceKind;
  decay: Decay;
  basket: Basket;
}

const r = (v: number | null | undefined, d = 0) =>
  v === null || v === undefined ? null : Math.round(v * 10 ** d) / 10 ** d;

export const ACCESS_NOTES = {
  capacity:
    'capacity in reach: two-step floating catchment (2SFCA) — each site’s capacity ÷ the target group within its catchment (the table’s threshold, its distance model), summed over the sites reaching each resident cell; `ratio` = capacity per `per` people of the group in reach (beds per 100 elders); `decay` binary (classic) or gaussian (enhanced 2SFCA, Gaussian weights within the threshold); sites without a known capacity are listed, never assumed: `status` complete | partial (a lower bound) | unknown (only such sites in reach) | none (no site in reach: 0). Target groups are population-model estimates.',
  fairness:
    'fairness: population-weighted Gini of the walk to the nearest site (40 m sample) and of capacity in reach, across the target group (or every resident); worstDecile = the worst-served ⌈33/10⌉ = 4 circles and their share of the people.',
  basket:
    'basket (一老一小): items in reach per cell, each item any of its types within its standard distance; `share` = people of the group (60+; children under 6) with every item; estimates.',
};

/** The JSON fields of one table: capacity (null without a spec) and fairness. */
export function accessJson(a: AccessSummary) {
  const cap = a.capacity;
  const capacity =
    cap && 'unit' in cap
      ? {
          unit: cap.unit,
          per: cap.per,
          group: cap.group,
          decay: cap.decay,
          knownCapacity: cap.knownCapacity,
          reachingCapacity: cap.reachingCapacity,
          unknownSites: cap.unknownSites,
          district: {
            ...cap.district,
            demand: r(cap.district.demand),
            capacityInReach: r(cap.district.capacityInReach, 2),
            ratio: r(cap.district.ratio, 4),
          },
          subdistricts: cap.subdistricts.map((s) => ({
            name: s.name,
            ratio: r(s.ratio, 4),
            status: s.status,
            demand: r(s.demand),
            unknownInReach: s.unknownInReach,
          })),
          circles: cap.circles.map((c) => ({
            id: c.id,
            ratio: r(c.ratio, 4),
            status: c.status,
            demand: r(c.demand),
            capacityInReach: r(c.capacityInReach, 2),
            knownInReach: c.knownInReach,
            unknownInReach: c.unknownInReach,
          })),
        }
      : cap
        ? { unavailable: cap.reason }
        : null;
  const fair = (f: AccessSummary['fairness']['distance']) =>
    f && {
      measure: f.measure,
      gini: r(f.gini, 4),
      mean: r(f.mean, 3),
      people: r(f.people),
      worstDecile: {
        ...f.worstDecile,
        peopleShare: r(f.worstDecile.peopleShare, 4),
        mean: r(f.worstDecile.mean, 3),
        districtMean: r(f.worstDecile.districtMean, 3),
      },
      lowerBound: f.lowerBound,
      lorenz: {
        people: f.lorenz.people.filter((_, i) => i % 10 === 0),
        measure: f.lorenz.measure.filter((_, i) => i % 10 === 0).map((v) => r(v, 4)),
      },
    };
  return { capacity, fairness: { distance: fair(a.fairness.distance), capacity: fair(a.fairness.capacity) } };
}

/** The basket block of the JSON. */
export function basketJson(engine: CoverageEngine, args: AccessArgs) {
  const b = basketSummary(engine, { distance: args.distance, basket: args.basket });
  const side = (s: (typeof b.sides)['elder']) => ({
    items: s.items,
    radii: s.radii,
    groups: s.groups,
    district: {
      ...s.district,
      share: r(s.district.share, 4),
      meanItems: r(s.district.meanItems, 3),
      people: r(s.district.people),
      whole: r(s.district.whole),
      byCount: s.district.byCount.map((v) => r(v)),
    },
    circles: s.circles.map((c) => ({
      id: c.id,
      share: r(c.share, 4),
      meanItems: r(c.meanItems, 3),
      people: r(c.people),
      whole: r(c.whole),
    })),
  });
  return {
    basket: encodeBasket(args.basket),
    distance: b.distance,
    elder: side(b.sides.elder),
    child: side(b.sides.child),
  };
}

export function accessOf(engine: CoverageEngine, table: CoverageTable, args: AccessArgs): AccessSummary {
  return accessSummary(engine, table.category as CoverageCategory, table.radiusM, args);
}

/** One summary line per table: beds per 100 elders in reach and the Gini. */
export function accessLine(a: AccessSummary): string {
  const cap = a.capacity && 'unit' in a.capacity ? a.capacity : null;
  const capText = cap
    ? cap.district.ratio === null
      ? `capacity unknown (${cap.unknownSites.length} sites without a figure)`
      : `${cap.district.ratio.toFixed(2)} ${cap.unit} per ${cap.per} ${cap.group ? AGE_GROUP_INFO[cap.group].peopleEn : 'residents'} in reach${cap.unknownSites.length ? ` (≥; ${cap.unknownSites.length} sites unknown)` : ''}`
    : '';
  const g = a.fairness.distance?.gini;
  const gc = a.fairness.capacity?.gini;
  return `${a.category.padEnd(22)} Gini (distance) ${g === null || g === undefined ? '  —  ' : g.toFixed(3)}${gc !== null && gc !== undefined ? `  Gini (capacity) ${gc.toFixed(3)}` : ''}${capText ? `  ${capText}` : ''}`;
}

export { DEFAULT_BASKET };
