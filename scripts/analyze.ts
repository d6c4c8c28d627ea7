/**
 * `npm run analyze -- [--json] [--category ID[,ID…]] [--threshold M | --minutes MIN [--pace adult|elder|M/S]]
 *                     [--distance straight|network|walk] [--decay binary|gaussian] [--basket BASKET]`
 * Coverage of every life circle by category at its default radius (or --threshold metres, or
 * a walk of --minutes at a pace: adult 1.1 m/s, elder 0.8 m/s), from geodata/. --json prints
 * the whole table as JSON, with each table's capacity in reach (2SFCA) and fairness and the
 * 一老一小 basket (--basket as the link's bk= carries it); otherwise a readable summary.
 * `--distance network` counts residents in the walking network by walking distance.
 * `--distance walk` (walking, best available): the network's walks where it is mapped, the
 * straight line × the measured route factor elsewhere (geodata/route-factors.json); each
 * circle and total then has shareLow/shareHigh (the quartile factors' range) and
 * measuredShare (the share of its residents whose walk is measured on the network).
 * `npm run analyze -- --at LON,LAT --json`: every category's nearest facility from one place,
 * with its straight-line and network distances (null outside the network).
 *
 * `npm run analyze -- --gaps ID [--circle CIRCLE_ID] [--threshold M] [--distance straight|network|walk]`
 * prints the gap polygons (Turf, as the app draws and exports them) of one category as a
 * GeoJSON FeatureCollection: every circle's, or one circle's. stdout is the JSON only.
 */

import { DEFAULT_BASKET, encodeBasket, parseBasket } from '../src/analysis/access/basket';
import { checkWalkTime, isPaceId, PACES, paceSpeed, walkRadiusM } from '../src/analysis/access/pace';
import {
  CoverageEngine,
  type CoverageTable,
  type CoverageTotals,
  type DistanceKind,
  type TargetCounts,
} from '../src/analysis/coverage/engine';
import { turfGaps } from '../src/analysis/coverage/gapGeometry';
import { buildPopulationModel, inputsFromCollections } from '../src/analysis/coverage/model';
import { ResidentLand } from '../src/analysis/coverage/residentLand';
import { nearestFrom } from '../src/analysis/network/nearest';
import { type CoverageCategory, DEFAULT_STANDARDS } from '../src/analysis/standards';
import { CATEGORIES, COVERAGE_CATEGORIES } from '../src/core/categories';
import {
  ACCESS_NOTES,
  type AccessArgs,
  accessJson,
  accessLine,
  accessOf,
  basketJson,
} from './analyze/access';
import { loadCoverageData, loadNetwork, loadRouteFactors } from './bench/coverage-data';
import { ensureGeodata } from './geodata/ensure';
import { exitAfterFlush, writeOut } from './lib/cli';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function fail(message: string): never {
  console.error(`✗ ${message}`);
  process.exit(2);
}

const json = process.argv.includes('--json');
const gapsArg = arg('--gaps');
const circleArg = arg('--circle');
if (process.argv.includes('--gaps') && !gapsArg) fail('--gaps needs a category');
if (circleArg && !gapsArg) fail('--circle goes with --gaps <category>');
const categoryArg = gapsArg ?? arg('--category');
const thresholdArg = arg('--threshold');
const categories = (categoryArg ? categoryArg.split(',') : COVERAGE_CATEGORIES) as CoverageCategory[];
for (const c of categories) {
  if (!COVERAGE_CATEGORIES.includes(c))
    fail(`unknown category "${c}"; one of: ${COVERAGE_CATEGORIES.join(', ')}`);
}
const distanceArg = arg('--distance') ?? 'straight';
if (distanceArg !== 'straight' && distanceArg !== 'network' && distanceArg !== 'walk')
  fail(`--distance must be straight, network or walk, got "${distanceArg}"`);
const distance = distanceArg as DistanceKind;
const atArg = arg('--at');
const at = atArg?.split(',').map(Number);
if (atArg !== undefined && (at?.length !== 2 || !at.every(Number.isFinite)))
  fail(`--at must be LON,LAT in degrees (WGS-84), got "${atArg}"`);
const minutesArg = arg('--minutes');
const paceArg = arg('--pace') ?? 'adult';
if (minutesArg !== undefined && thresholdArg !== undefined)
  fail('--minutes and --threshold exclude each other');
const walkTime =
  minutesArg === undefined
    ? null
    : checkWalkTime(Number(minutesArg), isPaceId(paceArg) ? paceArg : Number(paceArg));
if (minutesArg !== undefined && !walkTime)
  fail(`--minutes must be 1–45 and --pace adult, elder or 0.3–2 (m/s), got "${minutesArg}" at "${paceArg}"`);
const threshold = walkTime
  ? walkRadiusM(walkTime)
  : thresholdArg === undefined
    ? undefined
    : Number(thresholdArg);
if (threshold !== undefined && !(threshold > 0 && threshold <= 5000))
  fail(`--threshold must be metres in (0, 5000], got "${thresholdArg}"`);
const decayArg = arg('--decay') ?? 'binary';
if (decayArg !== 'binary' && decayArg !== 'gaussian')
  fail(`--decay must be binary or gaussian, got "${decayArg}"`);
const basketArg = arg('--basket');
const basket = basketArg === undefined ? DEFAULT_BASKET : parseBasket(basketArg);
if (!basket) fail(`--basket is not a basket: "${basketArg}" (e.g. "${encodeBasket(DEFAULT_BASKET)}")`);
const accessArgs: AccessArgs = { distance: 'straight', decay: decayArg, basket };

try {
  ensureGeodata();
} catch (e) {
  fail((e as Error).message);
}
const { layers, facilities, riverfront } = loadCoverageData();
const inputs = inputsFromCollections(layers);
const model = buildPopulationModel(inputs);
const network = distance !== 'straight' || at ? loadNetwork(model) : null;
const routeFactors = distance === 'walk' ? loadRouteFactors() : null;
if (at) {
  await writeOut(
    `${JSON.stringify(nearestFrom(network!, at as [number, number], facilities, categories), null, 1)}\n`,
  );
  await exitAfterFlush(0);
}
const engine = new CoverageEngine(model, facilities, riverfront, { network, routeFactors });
accessArgs.distance = distance;
if (gapsArg) {
  const category = gapsArg as CoverageCategory;
  if (categories.length !== 1) fail('--gaps takes one category');
  const ids = engine.model.circles.map((c) => c.id);
  const k = circleArg === undefined ? -1 : ids.indexOf(circleArg);
  if (circleArg !== undefined && k < 0) fail(`unknown circle "${circleArg}"; one of: ${ids.join(', ')}`);
  const land = new ResidentLand(inputs, engine.model.grid);
  const radiusM = threshold ?? DEFAULT_STANDARDS[category].radiusM;
  const fc = turfGaps(engine, land.all(), category, radiusM, { circles: k >= 0 ? [k] : undefined, distance });
  await writeOut(`${JSON.stringify(fc)}\n`);
  await exitAfterFlush(0);
}
const tables: CoverageTable[] = categories.map((c) =>
  engine.table(c, threshold ?? DEFAULT_STANDARDS[c].radiusM, distance),
);
const access = tables.map((t) => accessOf(engine, t, accessArgs));

const round = (v: number | null, d = 0) => (v === null ? null : Math.round(v * 10 ** d) / 10 ** d);
/** walk mode: the share's range and the measured share (4 decimals); null in the other modes */
const rangeJson = (t: CoverageTotals) => ({
  shareLow: t.estimate ? round(t.estimate.shareLow, 4) : null,
  shareHigh: t.estimate ? round(t.estimate.shareHigh, 4) : null,
  measuredShare: t.estimate ? round(t.estimate.measuredShare, 4) : null,
});
const DISTANCE_NOTES: Record<DistanceKind, string> = {
  straight: 'straight-line (直线距离), metres',
  network:
    'walking on the OSM network for residents in it (see each circle\'s "network"), straight-line (直线距离) for the others; metres',
  walk: 'walking (best available, 步行距离（最佳可得）): measured walks on the OSM network for residents in it, the straight line × the measured route factor (median; shareLow/shareHigh with the 75th/25th percentile factors) for the others; the riverfront straight-line; metres',
};
const roundTarget = (t: TargetCounts | null) =>
  t && { population: round(t.population), covered: round(t.covered), gap: round(t.gap) };
const districtProps = layers.district.features[0]?.properties ?? {};
if (json) {
  const out = {
    distance: DISTANCE_NOTES[distance],
    routeFactors,
    population:
      'population model (derived): 2020 census by subdistrict spread by residential floor area — OSM residential buildings (footprint × floors) where mapped, residential land use where only that is mapped, land elsewhere; circle populations equal circles.geojson (see README, "Population model")',
    targetGroups: {
      note: 'target = residents of the category’s age group (eldercare 60+, kindergarten 3–5, nursery/托育/宝宝屋 under 3): modelled residents × the age share; estimates',
      districtCounts2020: districtProps.ageGroups2020 ?? null,
      districtPopulation2020: districtProps.population2020 ?? null,
      source: districtProps.ageGroupsNote ?? null,
    },
    threshold: walkTime
      ? {
          minutes: walkTime.minutes,
          speedMps: paceSpeed(walkTime.pace),
          pace: typeof walkTime.pace === 'string' ? walkTime.pace : null,
          radiusM: threshold,
          citation: typeof walkTime.pace === 'string' ? PACES[walkTime.pace].citation : null,
        }
      : null,
    access: ACCESS_NOTES,
    basket: basketJson(engine, accessArgs),
    tables: tables.map((t, i) => ({
      category: t.category,
      radiusM: t.radiusM,
      ...accessJson(access[i]!),
      standard: DEFAULT_STANDARDS[t.category as CoverageCategory],
      targetGroup: t.targetGroup,
      distance: t.distance,
      district: { ...t.district, ...rangeJson(t.district) },
      subdistricts: t.subdistricts.map((s) => ({ ...s, ...rangeJson(s) })),
      circles: t.circles.map((c) => ({
        ...c,
        population: round(c.population),
        coveredPopulation: round(c.coveredPopulation),
        gapPopulation: round(c.gapPopulation),
        edgePopulation: round(c.edgePopulation),
        target: roundTarget(c.target),
        populationShare: round(c.populationShare, 4),
        ...rangeJson(c),
        residentialAreaShare: round(c.residentialAreaShare, 4),
        maxDistanceM: round(c.maxDistanceM),
        worstPoint: c.worstPoint?.map((v) => round(v, 6)),
      })),
      rankingByGap: t.rankingByGap,
    })),
  };
  await writeOut(`${JSON.stringify(out, null, 1)}\n`);
} else {
  const pct = (v: number | null) => (v === null ? '   —' : `${(v * 100).toFixed(1).padStart(5)}%`);
  console.log(
    'category               radius  district coverage (residents)  uncovered target group (estimate)  worst circles by uncovered residents',
  );
  for (const t of tables) {
    const worst = t.rankingByGap
      .slice(0, 3)
      .map((id) => {
        const c = t.circles.find((x) => x.id === id)!;
        return `${c.name} ${Math.round(c.gapPopulation)}`;
      })
      .join(', ');
    const target = t.district.target
      ? `${t.targetGroup} ${Math.round(t.district.target.gap)} of ${Math.round(t.district.target.population)}`
      : '—';
    console.log(
      `${t.category.padEnd(22)} ${String(t.radiusM).padStart(5)} m  ${pct(t.district.populationShare).padEnd(29)}  ${target.padEnd(33)}  ${worst}`,
    );
  }
  console.log(`\ncapacity in reach (2SFCA, ${decayArg}) and fairness (population-weighted Gini); estimates`);
  for (const a of access) console.log(accessLine(a));
  const b = basketJson(engine, accessArgs);
  console.log(
    `\nbasket ${b.basket}: elders with the whole basket ${pct(b.elder.district.share)}, children under 6 ${pct(b.child.district.share)}`,
  );
  // Worst-served circles per family: lowest mean share of residents covered over the
  // family's categories that have facilities in the data.
  console.log(
    '\nworst-served circles by family (mean coverage of residents over the family’s categories with data)',
  );
  for (const family of ['eldercare', 'childcare'] as const) {
    const cats = tables.filter(
      (t) =>
        CATEGORIES.find((c) => c.id === t.category)?.family === family &&
        facilities.some((f) => f.category === t.category),
    );
    if (cats.length === 0) continue;
    const mean = cats[0]!.circles.map((c, k) => ({
      name: c.name,
      share: cats.reduce((s, t) => s + (t.circles[k]!.populationShare ?? 0), 0) / cats.length,
    }));
    mean.sort((a, b) => a.share - b.share);
    const worst = mean.slice(0, 5).map((m) => `${m.name} ${pct(m.share).trim()}`);
    console.log(`${family} (${cats.map((t) => t.category).join(', ')}): ${worst.join(', ')}`);
  }
}
