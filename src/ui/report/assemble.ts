/**
 * The reports' figures from the worker's tables and the facility lists. Pure functions (no
 * signals, no DOM): they pick, rank and total what the coverage engine computed; they never
 * compute coverage themselves. Shares are 0–1, people in residents, distances in m.
 */
import type { Position } from 'geojson';
import type {
  CoverageTable,
  CoverageTotals,
  DistanceKind,
  TargetCounts,
} from '../../analysis/coverage/engine';
import type { Suggestion } from '../../analysis/coverage/siting';
import type { NetworkFigures } from '../../analysis/network/coverage';
import type { RouteFactors } from '../../analysis/network/routeFactors';
import { ELDERCARE_TARGET_SHARE } from '../../analysis/standards';
import type { AgeGroup } from '../../core/ageGroups';
import { type CoverageCategory, RIVERFRONT } from '../../core/categories';
import type { FacilityProps } from '../../core/schema';
import { shareRange } from '../coverage/range';

/** Facilities per category in the data in use (imports included). */
export type Counts = ReadonlyMap<string, number>;

/** One category's figures for an area (a circle, a subdistrict or the district). */
export interface CategoryFigures {
  category: CoverageCategory;
  /** the standard's walking distance the table was computed at, m */
  radiusM: number;
  /** facilities of the category in the data; 0 = the sources hold no list (coverage 0 is not real) */
  facilities: number;
  population: number;
  covered: number;
  gap: number;
  share: number | null;
  /** walking (best available), where some residents are estimated: the share's range (0–1); else null */
  low: number | null;
  high: number | null;
  /** the age group the category serves (60+, 3–5, under 3), or null for every resident */
  group: AgeGroup | null;
  /** that group's residents, covered and not (estimates); null without a group */
  target: TargetCounts | null;
}

/** A circle's figures for one category, with its distances and facilities. */
export interface CircleCategoryRow extends CategoryFigures {
  /** population-weighted median distance to the nearest facility, m */
  medianM: number | null;
  /** distance of the worst-served resident cell, m, and where it is */
  maxM: number | null;
  worstPoint: Position | null;
  /** facility ids inside the circle; facilities (inside or outside) within reach of its residents */
  inside: string[];
  inReach: string[];
  edge: boolean;
  /** network mode only */
  network: NetworkFigures | null;
}

/** True when the data has sites of the category (the riverfront is a line: always). */
export const hasData = (category: string, counts: Counts): boolean =>
  category === RIVERFRONT || (counts.get(category) ?? 0) > 0;

/** A row's share range (walk mode, some residents estimated), else nulls. */
const lowHigh = (t: CoverageTotals) => {
  const r = shareRange(t);
  return { low: r.low, high: r.high };
};

/** The distance the tables were computed with (not the riverfront's, which stays straight); `asked` without tables. */
export function distanceOf(tables: CoverageTable[], asked: DistanceKind): DistanceKind {
  return tables.find((t) => t.category !== RIVERFRONT)?.distance ?? asked;
}

/** The route factors the walk estimate used (walk mode), or null. */
export function routeFactorsOf(tables: CoverageTable[]): RouteFactors | null {
  return tables.find((t) => t.routeFactors)?.routeFactors ?? null;
}

function figures(table: CoverageTable, t: CoverageTotals, counts: Counts): CategoryFigures {
  return {
    category: table.category as CoverageCategory,
    radiusM: table.radiusM,
    facilities: table.category === RIVERFRONT ? 0 : (counts.get(table.category) ?? 0),
    population: t.population,
    covered: t.coveredPopulation,
    gap: t.gapPopulation,
    share: t.populationShare,
    ...lowHigh(t),
    group: table.targetGroup ?? null,
    target: t.target ?? null,
  };
}

/** Every category's row for one circle (in the tables' order); [] when the circle is unknown. */
export function circleRows(tables: CoverageTable[], circleId: string, counts: Counts): CircleCategoryRow[] {
  const out: CircleCategoryRow[] = [];
  for (const table of tables) {
    const c = table.circles.find((x) => x.id === circleId);
    if (!c) continue;
    out.push({
      ...figures(table, c, counts),
      medianM: c.medianDistanceM,
      maxM: c.maxDistanceM,
      worstPoint: c.worstPoint,
      inside: c.facilitiesInside,
      inReach: c.facilitiesInReach,
      edge: c.edgeEffect,
      network: c.network,
    });
  }
  return out;
}

/**
 * Network mode: residents in the walking network as a share (0–1) of the area's residents —
 * the district, or the given circles together. Who is in the network does not depend on the
 * category, so the first table with network figures is read (the riverfront's has none: it
 * stays straight-line). Null in straight-line mode.
 */
export function networkShare(tables: CoverageTable[], circleIds?: string[]): number | null {
  const table = tables.find((t) => t.network);
  if (!table) return null;
  if (!circleIds) return table.network!.residentsShare;
  const wanted = new Set(circleIds);
  let inNetwork = 0;
  let all = 0;
  for (const c of table.circles) {
    if (!wanted.has(c.id)) continue;
    all += c.population;
    inNetwork += c.network?.residents ?? 0;
  }
  return all > 0 ? inNetwork / all : null;
}

/** Every category's figures for a subdistrict (by its Chinese name). */
export function subdistrictRows(tables: CoverageTable[], name: string, counts: Counts): CategoryFigures[] {
  return tables.flatMap((table) => {
    const s = table.subdistricts.find((x) => x.name === name);
    return s ? [figures(table, s, counts)] : [];
  });
}

/** Every category's figures for the district. */
export function districtRows(tables: CoverageTable[], counts: Counts): CategoryFigures[] {
  return tables.map((table) => figures(table, table.district, counts));
}

/** Categories a planner can add sites for and we have a list of: not the riverfront, not empty. */
const rankable = (r: CategoryFigures) => r.category !== RIVERFRONT && r.facilities > 0 && r.share !== null;

/** True when sites can be suggested for the row's category (a list, not the riverfront). */
export const takesSites = (r: CategoryFigures): boolean => rankable(r);

/**
 * A share as the reports print it (per mille: 0.1 %). Shares that print the same are a tie;
 * a tie is broken by the residents left out.
 */
const printedShare = (share: number) => Math.round(share * 1000);

/** Lowest share first; ties (the same printed share) by more residents uncovered, then by the tables' order. */
function byNeed<T extends CategoryFigures>(rows: T[]): T[] {
  return rows
    .map((r, i) => ({ r, i }))
    .sort((a, b) => printedShare(a.r.share!) - printedShare(b.r.share!) || b.r.gap - a.r.gap || a.i - b.i)
    .map((x) => x.r);
}

/** The weakest row, and the rows tied with it (the same printed share; fewer residents left out), in order. */
export interface Ranked<T extends CategoryFigures> {
  row: T;
  tied: T[];
}

/**
 * The weakest category with its ties: the lowest printed share among categories with a list;
 * several at that share are a tie, broken by residents left out (the row leaves out the most;
 * `tied` the others, in order). Null when no category has a list.
 */
export function weakestRanked<T extends CategoryFigures>(rows: T[]): Ranked<T> | null {
  const ranked = byNeed(rows.filter(rankable));
  const row = ranked[0];
  if (!row) return null;
  return { row, tied: ranked.slice(1).filter((r) => printedShare(r.share!) === printedShare(row.share!)) };
}

/**
 * The weakest category: the lowest share among categories with a list (a category without
 * one reads 0 % and would always win; the riverfront takes no sites). Null when none.
 */
export function weakestCategory<T extends CategoryFigures>(rows: T[]): T | null {
  return byNeed(rows.filter(rankable))[0] ?? null;
}

/** Up to `limit` categories below the 85 % reference, weakest first (categories with a list only). */
export function weakCategories<T extends CategoryFigures>(rows: T[], limit = 3): T[] {
  return byNeed(rows.filter((r) => rankable(r) && r.share! < ELDERCARE_TARGET_SHARE)).slice(0, limit);
}

/** Categories shown in tables across areas: those with a list, in the tables' order. */
export function shownCategories(tables: CoverageTable[], counts: Counts): CoverageCategory[] {
  return tables.map((t) => t.category as CoverageCategory).filter((c) => hasData(c, counts));
}

/** Categories the sources hold no list for (left out of rankings and heat tables, and said so). */
export function missingCategories(tables: CoverageTable[], counts: Counts): CoverageCategory[] {
  return tables.map((t) => t.category as CoverageCategory).filter((c) => !hasData(c, counts));
}

export interface HeatRow {
  /** a circle id or a subdistrict's Chinese name */
  id: string;
  /** share per category of `categories`, in order (null: nobody lives there) */
  shares: (number | null)[];
  /** the same shares' ranges (walk mode, some residents estimated; nulls elsewhere) */
  lows?: (number | null)[];
  highs?: (number | null)[];
  population: number;
}

/** The shares of `rows` (one per category, null where missing) with their low/high ends. */
function heatOf(rows: (CoverageTotals | undefined)[]) {
  const ranges = rows.map((r) => (r ? shareRange(r) : { share: null, low: null, high: null }));
  const shares = ranges.map((r) => r.share);
  // the ranges only where some share has one (straight and network tables have none)
  if (ranges.every((r) => r.low === null)) return { shares };
  return { shares, lows: ranges.map((r) => r.low), highs: ranges.map((r) => r.high) };
}

/** Circles × categories (shares) for the given circles, in the given order. */
export function circleHeat(
  tables: CoverageTable[],
  circleIds: string[],
  categories: CoverageCategory[],
): HeatRow[] {
  const byCat = new Map(tables.map((t) => [t.category, t]));
  return circleIds.map((id) => {
    const heat = heatOf(categories.map((c) => byCat.get(c)?.circles.find((x) => x.id === id)));
    const population = tables[0]?.circles.find((x) => x.id === id)?.population ?? 0;
    return { id, ...heat, population };
  });
}

/** Subdistricts × categories (shares), in the tables' subdistrict order. */
export function subdistrictHeat(tables: CoverageTable[], categories: CoverageCategory[]): HeatRow[] {
  const byCat = new Map(tables.map((t) => [t.category, t]));
  return (tables[0]?.subdistricts ?? []).map((s) => ({
    id: s.name,
    ...heatOf(categories.map((c) => byCat.get(c)?.subdistricts.find((x) => x.name === s.name))),
    population: s.population,
  }));
}

export interface GapRow {
  circleId: string;
  category: CoverageCategory;
  radiusM: number;
  gap: number;
  share: number | null;
  /** the share's range (walk mode, some residents estimated), else null */
  low: number | null;
  high: number | null;
  group: AgeGroup | null;
  /** uncovered residents of the group (estimate); null without a group */
  targetGap: number | null;
}

/** The largest gaps (circle × category, by residents uncovered) among `circleIds`, categories with a list only. */
export function worstGaps(tables: CoverageTable[], circleIds: string[], counts: Counts, limit = 8): GapRow[] {
  const ids = new Set(circleIds);
  const rows: GapRow[] = [];
  for (const t of tables) {
    if (t.category === RIVERFRONT || !hasData(t.category, counts)) continue;
    for (const c of t.circles) {
      if (ids.has(c.id) && c.gapPopulation > 0)
        rows.push({
          circleId: c.id,
          category: t.category as CoverageCategory,
          radiusM: t.radiusM,
          gap: c.gapPopulation,
          share: c.populationShare,
          ...lowHigh(c),
          group: t.targetGroup ?? null,
          targetGap: c.target?.gap ?? null,
        });
    }
  }
  return rows.sort((a, b) => b.gap - a.gap || a.circleId.localeCompare(b.circleId)).slice(0, limit);
}

export interface RankRow {
  circleId: string;
  subdistrict: string;
  population: number;
  /** unweighted mean of the circle's shares over the categories with a list */
  meanShare: number;
  /** categories (with a list) below the 85 % reference */
  below85: number;
  /** its weakest category with a list */
  weakest: CoverageCategory | null;
}

/**
 * The circles ranked, best served first: by the mean share over the categories with a list
 * (each category counts once), ties by fewer categories below 85 %, then by id.
 */
export function rankCircles(tables: CoverageTable[], counts: Counts): RankRow[] {
  const used = tables.filter((t) => t.category !== RIVERFRONT && hasData(t.category, counts));
  const circles = tables[0]?.circles ?? [];
  const rows = circles.map((c): RankRow => {
    const rowsOf = circleRows(used, c.id, counts);
    const shares = rowsOf.map((r) => r.share ?? 0);
    return {
      circleId: c.id,
      subdistrict: c.subdistrict,
      population: c.population,
      meanShare: shares.length ? shares.reduce((a, b) => a + b, 0) / shares.length : 0,
      below85: shares.filter((s) => s < ELDERCARE_TARGET_SHARE).length,
      weakest: weakestCategory(rowsOf)?.category ?? null,
    };
  });
  return rows.sort(
    (a, b) => b.meanShare - a.meanShare || a.below85 - b.below85 || a.circleId.localeCompare(b.circleId),
  );
}

/**
 * Residents aged 60+ of an area as the coverage tables count them (the target group of the
 * eldercare categories, e.g. nursing homes): the district, or a subdistrict by its Chinese
 * name. Null when the tables carry no age groups.
 */
export function eldersIn(tables: CoverageTable[], subdistrict?: string): number | null {
  const table = tables.find((t) => t.targetGroup === 'age60plus');
  if (!table) return null;
  const row =
    subdistrict === undefined ? table.district : table.subdistricts.find((x) => x.name === subdistrict);
  return row?.target?.population ?? null;
}

/** Institutions (养老院/敬老院 and 长者照护之家) and the beds the official list gives. */
export interface EldercareSupply {
  institutions: number;
  nursingHomes: number;
  careHomes: number;
  /** institutions whose list entry gives beds */
  withBeds: number;
  /** beds listed (a lower bound where some entries give none) */
  beds: number;
  residents: number;
  /** residents aged 60+ (estimate): the tables' 60+ count when given, else residents × the share */
  elders: number;
  elderShare: number;
  /** listed beds per 100 residents aged 60+; null without elders, or when no institution lists beds (unknown, not 0) */
  bedsPer100Elders: number | null;
  /** names of the institutions whose list entry gives no beds (as the list names them) */
  withoutBeds: string[];
}

/**
 * The eldercare supply of an area from its facilities (already chosen for the area). `elders`:
 * the area's residents aged 60+ as the coverage tables count them (the eldercare categories'
 * target group); when null, residents × `elderShare`.
 */
export function eldercareSupply(
  facilities: FacilityProps[],
  residents: number,
  elderShare: number,
  elders: number | null = null,
): EldercareSupply {
  const homes = facilities.filter((f) => f.category === 'nursing-home');
  const care = facilities.filter((f) => f.category === 'care-home');
  const withBeds = [...homes, ...care].filter(
    (f) => f.capacityUnit === 'beds' && typeof f.capacity === 'number' && f.capacity > 0,
  );
  const beds = withBeds.reduce((sum, f) => sum + f.capacity!, 0);
  const aged60 = elders ?? residents * elderShare;
  return {
    institutions: homes.length + care.length,
    nursingHomes: homes.length,
    careHomes: care.length,
    withBeds: withBeds.length,
    beds,
    residents,
    elders: aged60,
    elderShare: residents > 0 && elders !== null ? aged60 / residents : elderShare,
    bedsPer100Elders: aged60 > 0 && withBeds.length > 0 ? (beds / aged60) * 100 : null,
    withoutBeds: [...homes, ...care].filter((f) => !withBeds.includes(f)).map((f) => f.name),
  };
}

/** A facility list's source and dates, with the categories it supplies. */
export interface FacilitySourceRow {
  source: string;
  categories: CoverageCategory[];
  /** the distinct dates the list's records give, sorted */
  dates: string[];
  records: number;
}

/** The facility lists in use, from the facilities' own `source` and `sourceDate`. */
export function facilitySources(facilities: Iterable<FacilityProps>): FacilitySourceRow[] {
  const by = new Map<string, FacilitySourceRow>();
  for (const f of facilities) {
    let row = by.get(f.source);
    if (!row) {
      row = { source: f.source, categories: [], dates: [], records: 0 };
      by.set(f.source, row);
    }
    row.records++;
    if (!row.categories.includes(f.category)) row.categories.push(f.category);
    if (f.sourceDate && !row.dates.includes(f.sourceDate)) row.dates.push(f.sourceDate);
  }
  const rows = [...by.values()];
  for (const r of rows) r.dates.sort();
  return rows.sort((a, b) => b.records - a.records || a.source.localeCompare(b.source));
}

/** A date list as one short text: "2024-09-30", or the first and last of several. */
export function dateSpan(dates: string[]): string {
  if (dates.length <= 2) return dates.join(', ') || '—';
  return `${dates[0]} … ${dates[dates.length - 1]} (${dates.length})`;
}

/** A target run's outcome: the district before and after the suggested sites. */
export interface TargetOutcome {
  id: string;
  sites: Suggestion[];
  /** sites counted as already serving (the category's and the `alsoServing` ones) */
  existing: number;
  before: CoverageTotals;
  after: CoverageTotals;
  /** after − before, residents */
  newlyCovered: number;
  /** the category's age group, and its residents newly covered (estimate; null without a group) */
  group: AgeGroup | null;
  newlyCoveredTarget: number | null;
}

export function targetOutcome(
  id: string,
  before: CoverageTable,
  after: CoverageTable,
  sites: Suggestion[],
  existing: number,
): TargetOutcome {
  return {
    id,
    sites,
    existing,
    before: before.district,
    after: after.district,
    newlyCovered: after.district.coveredPopulation - before.district.coveredPopulation,
    group: after.targetGroup ?? null,
    newlyCoveredTarget:
      after.district.target && before.district.target
        ? after.district.target.covered - before.district.target.covered
        : null,
  };
}
