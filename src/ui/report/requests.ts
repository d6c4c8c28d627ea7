/**
 * What each report asks the coverage worker, in order, and the report's figures from the
 * answers (assembled by the pure functions of assemble.ts). Every call can be cancelled
 * with the signal; a failed call rejects the whole report (shown with a retry).
 */

import type { Feature, Polygon } from 'geojson';
import type { CoverageTable, DistanceKind, FacilityPoint, GapProps } from '../../analysis/coverage/engine';
import type { Suggestion } from '../../analysis/coverage/siting';
import type { RouteFactors } from '../../analysis/network/routeFactors';
import { DEFAULT_STANDARDS } from '../../analysis/standards';
import type { CoverageCategory } from '../../core/categories';
import type { FacilityProps } from '../../core/schema';
import type { CoverageClient } from '../../worker/coverageClient';
import type { AccessOverviewData } from '../access/ReportAccess';
import {
  type CategoryFigures,
  type CircleCategoryRow,
  type Counts,
  circleHeat,
  circleRows,
  distanceOf,
  districtRows,
  type EldercareSupply,
  eldercareSupply,
  eldersIn,
  type GapRow,
  type HeatRow,
  missingCategories,
  networkShare,
  type Ranked,
  type RankRow,
  rankCircles,
  routeFactorsOf,
  shownCategories,
  subdistrictHeat,
  subdistrictRows,
  type TargetOutcome,
  takesSites,
  targetOutcome,
  weakCategories,
  weakestRanked,
  worstGaps,
} from './assemble';
import { TARGET_ANALYSES } from './targets';

/** What the requests need from the app: the worker, the data in use and the distance in force. */
export interface ReportEnv {
  client: CoverageClient;
  distance: DistanceKind;
  counts: Counts;
  /** every facility (for supply and target runs) */
  facilities: { props: FacilityProps; point: FacilityPoint }[];
  /** the circles of each subdistrict (by Chinese name), in data order */
  circlesOf(subdistrict: string): string[];
  /** share of residents aged 60+ (0–1) */
  elderShare: number;
  /** the type and walking distance (m) in force when the report was opened: a report leads with them */
  focus: Focus;
  signal: AbortSignal;
}

/** The type and walking distance (m) the planner had chosen. */
export interface Focus {
  category: CoverageCategory;
  radiusM: number;
}

type GapFeature = Feature<Polygon, GapProps>;

interface Common {
  distance: DistanceKind;
  /** walk mode: the route factors of the estimate (the method sentence); else null */
  routeFactors: RouteFactors | null;
  /** network mode: residents in the walking network / the report's residents (0–1); else null */
  networkShare: number | null;
  /** categories without a list (left out of rankings) */
  missing: CoverageCategory[];
  /** capacity in reach, fairness and the basket of every type (issue 20; ui/access) */
  access?: AccessOverviewData;
}

export interface CircleReportData extends Common {
  kind: 'circle';
  circleId: string;
  /** the type in force at the distance in force (the report leads with it); null: not in the tables */
  focus: CircleCategoryRow | null;
  /** every type at its standard distance (the focus type included) */
  rows: CircleCategoryRow[];
  /** the weakest of the other types (with a list), and those tied with it */
  weakest: Ranked<CircleCategoryRow> | null;
  /** the three most effective sites for the focus type at its distance, inside the circle ([]: it takes none) */
  sites: Suggestion[];
  /** the focus type's gaps in the circle, at its distance */
  gaps: GapFeature[];
}

export interface WeakCategory {
  row: CategoryFigures;
  sites: Suggestion[];
}

export interface SubdistrictReportData extends Common {
  kind: 'subdistrict';
  name: string;
  circleIds: string[];
  categories: CoverageCategory[];
  rows: CategoryFigures[];
  heat: HeatRow[];
  worstGaps: GapRow[];
  weak: WeakCategory[];
  /** the weakest category's gaps in the subdistrict's circles */
  gaps: GapFeature[];
  supply: EldercareSupply;
}

export interface DistrictReportData extends Common {
  kind: 'district';
  rows: CategoryFigures[];
  categories: CoverageCategory[];
  ranking: RankRow[];
  heat: HeatRow[];
  supply: EldercareSupply;
  /** per subdistrict (Chinese name), in the tables' order */
  supplyBy: { name: string; supply: EldercareSupply }[];
  targets: TargetOutcome[];
}

export type ReportData = CircleReportData | SubdistrictReportData | DistrictReportData;

const radiusOf = (c: CoverageCategory) => DEFAULT_STANDARDS[c].radiusM;

async function defaults(env: ReportEnv): Promise<CoverageTable[]> {
  const answer = await env.client.call('defaults', { distance: env.distance }, { signal: env.signal });
  return answer.tables;
}

async function suggest(
  env: ReportEnv,
  category: CoverageCategory,
  count: number,
  circles?: string[],
  radiusM = radiusOf(category),
) {
  const answer = await env.client.call(
    'suggest',
    { category, radiusM, count, distance: env.distance, ...(circles ? { circles } : {}) },
    { signal: env.signal },
  );
  return answer.result.suggestions;
}

async function gapsIn(
  env: ReportEnv,
  category: CoverageCategory,
  circles: string[],
  radiusM = radiusOf(category),
): Promise<GapFeature[]> {
  const answer = await env.client.call(
    'gaps',
    { category, radiusM, distance: env.distance, circles },
    { signal: env.signal },
  );
  return answer.gaps.features;
}

/** The focus type's table at the focus distance: the defaults' own when the distance is the standard's. */
async function focusTable(env: ReportEnv, tables: CoverageTable[]): Promise<CoverageTable | null> {
  const { category, radiusM } = env.focus;
  const own = tables.find((x) => x.category === category && x.radiusM === radiusM);
  if (own) return own;
  const answer = await env.client.call(
    'table',
    { category, radiusM, distance: env.distance },
    { signal: env.signal },
  );
  return answer.table;
}

export async function circleReport(env: ReportEnv, circleId: string): Promise<CircleReportData> {
  const tables = await defaults(env);
  const rows = circleRows(tables, circleId, env.counts);
  if (rows.length === 0) throw new Error(`no life circle "${circleId}" in the data`);
  const ft = await focusTable(env, tables);
  const focus = ft ? (circleRows([ft], circleId, env.counts)[0] ?? null) : null;
  const { category, radiusM } = env.focus;
  const sitesFor = focus && takesSites(focus);
  const sites = sitesFor ? await suggest(env, category, 3, [circleId], radiusM) : [];
  const gaps = focus ? await gapsIn(env, category, [circleId], radiusM) : [];
  return {
    kind: 'circle',
    distance: distanceOf(tables, env.distance),
    routeFactors: routeFactorsOf(tables),
    networkShare: networkShare(tables, [circleId]),
    missing: missingCategories(tables, env.counts),
    circleId,
    focus,
    rows,
    weakest: weakestRanked(rows.filter((r) => r.category !== category)),
    sites,
    gaps,
  };
}

export async function subdistrictReport(env: ReportEnv, name: string): Promise<SubdistrictReportData> {
  const tables = await defaults(env);
  const rows = subdistrictRows(tables, name, env.counts);
  if (rows.length === 0) throw new Error(`no subdistrict "${name}" in the data`);
  const circleIds = env.circlesOf(name);
  const categories = shownCategories(tables, env.counts);
  const weak: WeakCategory[] = [];
  for (const row of weakCategories(rows, 3))
    weak.push({ row, sites: await suggest(env, row.category, 3, circleIds) });
  const gaps = weak[0] ? await gapsIn(env, weak[0].row.category, circleIds) : [];
  const facilities = env.facilities.filter((f) => f.props.subdistrict === name).map((f) => f.props);
  return {
    kind: 'subdistrict',
    distance: distanceOf(tables, env.distance),
    routeFactors: routeFactorsOf(tables),
    networkShare: networkShare(tables, circleIds),
    missing: missingCategories(tables, env.counts),
    name,
    circleIds,
    categories,
    rows,
    heat: circleHeat(tables, circleIds, categories),
    worstGaps: worstGaps(tables, circleIds, env.counts, 8),
    weak,
    gaps,
    supply: eldercareSupply(facilities, rows[0]!.population, env.elderShare, eldersIn(tables, name)),
  };
}

/** One target run: the district before, the suggested sites, and the district after them. */
async function runTarget(env: ReportEnv, a: (typeof TARGET_ANALYSES)[number]): Promise<TargetOutcome> {
  const radiusM = radiusOf(a.category);
  const base: FacilityPoint[] = env.facilities
    .filter((f) => a.alsoServing.includes(f.props.category))
    .map((f, i) => ({ id: `report-base-${i}`, category: a.category, lonLat: f.point.lonLat }));
  const query = { category: a.category, radiusM, distance: env.distance };
  const opts = { signal: env.signal };
  const before = base.length
    ? (await env.client.call('scenario', { ...query, sites: base }, opts)).after
    : (await env.client.call('table', query, opts)).table;
  const found = await env.client.call('suggest', { ...query, sites: base, count: a.count }, opts);
  const sites = found.result.suggestions;
  const added = sites.map((s, i) => ({ id: `report-site-${i}`, category: a.category, lonLat: s.lonLat }));
  const after = (await env.client.call('scenario', { ...query, sites: [...base, ...added] }, opts)).after;
  const existing = (env.counts.get(a.category) ?? 0) + base.length;
  return targetOutcome(a.id, before, after, sites, existing);
}

export async function districtReport(env: ReportEnv): Promise<DistrictReportData> {
  const tables = await defaults(env);
  const rows = districtRows(tables, env.counts);
  const categories = shownCategories(tables, env.counts);
  const targets: TargetOutcome[] = [];
  for (const a of TARGET_ANALYSES) targets.push(await runTarget(env, a));
  return {
    kind: 'district',
    distance: distanceOf(tables, env.distance),
    routeFactors: routeFactorsOf(tables),
    networkShare: networkShare(tables),
    missing: missingCategories(tables, env.counts),
    rows,
    categories,
    ranking: rankCircles(tables, env.counts),
    heat: subdistrictHeat(tables, categories),
    supply: eldercareSupply(
      env.facilities.map((f) => f.props),
      tables[0]?.district.population ?? 0,
      env.elderShare,
      eldersIn(tables),
    ),
    supplyBy: (tables[0]?.subdistricts ?? []).map((sd) => ({
      name: sd.name,
      supply: eldercareSupply(
        env.facilities.filter((f) => f.props.subdistrict === sd.name).map((f) => f.props),
        sd.population,
        env.elderShare,
        eldersIn(tables, sd.name),
      ),
    })),
    targets,
  };
}
