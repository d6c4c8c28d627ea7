/**
 * `npm run bench`: seeded synthetic inputs plus the real data, warm-up, min/median per case.
 * Run on the 2-core reference machine; figures are printed, never asserted.
 * Options: --quick (skip the naive Turf reference, which takes tens of seconds),
 * --no-browser (skip the app's latency in headless Chromium, which needs dist/).
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import type { Feature, FeatureCollection, LineString, MultiPolygon, Polygon } from 'geojson';
import { defaultTables } from '../src/analysis/coverage/defaults';
import { CoverageEngine } from '../src/analysis/coverage/engine';
import { buildPopulationModel, inputsFromCollections } from '../src/analysis/coverage/model';
import { sitingProblem, suggestSites } from '../src/analysis/coverage/siting';
import { partitionPolygon } from '../src/analysis/partition';
import { mulberry32 } from '../src/analysis/random';
import { DEFAULT_STANDARDS } from '../src/analysis/standards';
import { COVERAGE_CATEGORIES } from '../src/core/categories';
import { yangpuProjection } from '../src/core/geo';
import { parseCsv } from '../src/data/csv';
import { validateFeatureCollection } from '../src/data/validate';
import { accessBench } from './bench/access';
import { browserBench } from './bench/browser';
import { loadCoverageData, loadNetwork } from './bench/coverage-data';
import { gapBench } from './bench/gaps';
import { type BenchResult, bench, printTable } from './bench/harness';
import { distanceModelsBench, networkBench } from './bench/network';
import { osmBench } from './bench/osm';
import { buildGeodata } from './geodata/build';
import { ensureGeodata } from './geodata/ensure';
import { REPO_ROOT, sourcesDir } from './geodata/paths';
import { SourceReader } from './geodata/source-reader';
import { buildBoundaries } from './geodata/stages/boundaries';
import { buildCircles } from './geodata/stages/circles';
import { readPopulation } from './geodata/stages/population';
import { buildPopulationLayer } from './geodata/stages/populationModel';
import { buildRiverfront } from './geodata/stages/riverfront';
import { naiveCircle, naiveLand, naiveReach } from './lib/naiveReference';

const quick = process.argv.includes('--quick');
if (process.argv.includes('--walk')) {
  // only the three distance models side by side (issue 19): `npm run bench -- --walk`
  ensureGeodata({ log: () => {} });
  console.log('\n# distance models, all 33 circles × every type at its standard distance (min/median, ms)');
  printTable(distanceModelsBench());
  process.exit(0);
}
if (process.argv.includes('--access')) {
  // only the access analysis (issue 20): `npm run bench -- --access`
  ensureGeodata({ log: () => {} });
  const data = loadCoverageData();
  const m = buildPopulationModel(inputsFromCollections(data.layers));
  printAccessBench(m, data.facilities, data.riverfront, loadNetwork(m));
  process.exit(0);
}

function printAccessBench(...args: Parameters<typeof accessBench>): void {
  console.log('\n# access analysis (issue 20), all 33 circles, fresh engine per run, beside today’s table');
  const { rows, notes } = accessBench(...args);
  printTable(rows);
  for (const n of notes) console.log(n);
}
const rand = mulberry32(42);

/** A seeded star-shaped polygon around Yangpu's centre, radius ~1–2 km, n vertices. */
function seededPolygon(n: number): Feature<Polygon> {
  const ring = Array.from({ length: n }, (_, i) => {
    const a = (i / n) * 2 * Math.PI;
    const r = 1000 + rand() * 1000;
    return yangpuProjection.toLonLat(Math.cos(a) * r, Math.sin(a) * r);
  });
  return {
    type: 'Feature',
    properties: {},
    geometry: { type: 'Polygon', coordinates: [[...ring, ring[0]!]] },
  };
}

const csvText = [
  'id,name,lon,lat',
  ...Array.from(
    { length: 5000 },
    (_, i) =>
      `F${i},"设施 ${i}, 杨浦",${(121.48 + rand() * 0.08).toFixed(6)},${(31.25 + rand() * 0.1).toFixed(6)}`,
  ),
].join('\n');
const polygons: FeatureCollection = {
  type: 'FeatureCollection',
  features: Array.from({ length: 200 }, () => seededPolygon(64)),
};
const star = seededPolygon(200);

console.log('# data and geometry helpers');
printTable([
  bench('parseCsv, 5,000 rows', () => parseCsv(csvText, 'bench.csv')),
  bench('validate 200 polygons × 64 vertices', () =>
    validateFeatureCollection(polygons, { geometryTypes: ['Polygon'], checkOrientation: true }),
  ),
  bench('partition a 200-vertex polygon in 4', () => partitionPolygon(star, 4, { seed: 1 })),
  bench('whole geodata pipeline (real data)', () => buildGeodata(sourcesDir()), { warmup: 1, runs: 5 }),
]);

// The population model's pipeline stages (before this model, the circles were an equal-area
// split weighted by residential land, and the engine spread residents over OSM residential land).
{
  const src = new SourceReader(sourcesDir());
  const boundaries = buildBoundaries({ src, population: readPopulation({ src }) });
  const { riverEdge } = buildRiverfront({ src });
  const layer = buildPopulationLayer({ src, district: boundaries.district }).layer;
  console.log('\n# population model: pipeline stages (real data)');
  printTable([
    bench(
      'population-model layer (dasymetric: OSM buildings, land use)',
      () => buildPopulationLayer({ src, district: boundaries.district }),
      { warmup: 1, runs: 5 },
    ),
    bench(
      'circles balanced on the modelled residents (33 parts)',
      () => buildCircles({ ...boundaries, populationModel: layer, riverEdge }),
      { warmup: 1, runs: 5 },
    ),
  ]);
}

console.log('\n# OSM extracts (npm run data -- --osm)');
printTable(osmBench());

// ---- coverage engine on the real data --------------------------------------------
ensureGeodata({ log: () => {} });
const { layers, facilities, riverfront } = loadCoverageData();
const inputs = inputsFromCollections(layers);
const model = buildPopulationModel(inputs);
const cold = () => defaultTables(new CoverageEngine(model, facilities, riverfront));
const warmEngine = new CoverageEngine(model, facilities, riverfront);
defaultTables(warmEngine);
const results: BenchResult[] = [
  bench('population model (20 m grid, once per dataset)', () => buildPopulationModel(inputs), { runs: 5 }),
  bench(`full default table: 33 circles × ${COVERAGE_CATEGORIES.length} categories (cold)`, cold, {
    runs: 9,
  }),
  bench('one table, threshold change (cached fields)', () =>
    warmEngine.table('elder-canteen', 300 + Math.floor(rand() * 400)),
  ),
];
console.log('\n# coverage engine (real data)');
printTable(results);
printAccessBench(model, facilities, riverfront, loadNetwork(model));
{
  const { rows, notes } = gapBench(model, inputs, facilities, riverfront, rand, loadNetwork(model));
  console.log(
    '\n# gap polygons (real data): traced cells (the raster) vs Turf contours vs Turf exact discs; Turf contours in network mode',
  );
  printTable(rows);
  for (const n of notes) console.log(n);
}
// Memory in a fresh process, so earlier benchmark garbage does not count.
const memory = spawnSync(
  process.execPath,
  ['--expose-gc', '--import', 'tsx', join('scripts', 'bench', 'memory.ts')],
  {
    cwd: REPO_ROOT,
    encoding: 'utf8',
  },
);
console.log((memory.stdout || memory.stderr).trim());

// ---- siting: greedy maximal coverage vs brute-force evaluation of single sites -----
console.log('\n# siting (suggest 5 sites, whole district)');
const sitingRows: BenchResult[] = [];
for (const [category, radius] of [
  ['elder-canteen', 300],
  ['kindergarten', 300],
  ['nursing-home', 1000],
] as const) {
  sitingRows.push(
    bench(
      `suggest 5: ${category} @ ${radius} m (greedy, lazy)`,
      () => suggestSites(warmEngine, { category, radiusM: radius, count: 5 }),
      {
        warmup: 1,
        runs: 5,
      },
    ),
  );
}
printTable(sitingRows);
{
  // Brute force: score every candidate as a single new site with the exact engine (a full
  // table with that one extra site). Timed on an even sample of candidates, extrapolated.
  const category = 'elder-canteen';
  const radius = 300;
  const problem = sitingProblem(warmEngine, { category, radiusM: radius, count: 1 });
  const sample = 200;
  const stride = Math.max(1, Math.floor(problem.candidates.length / sample));
  const before = warmEngine.table(category, radius).district.coveredPopulation;
  let best = 0;
  const t0 = performance.now();
  for (let k = 0; k < problem.candidates.length; k += stride) {
    const site = { id: 'candidate', category, lonLat: problem.toLonLat(problem.candidates[k]!) };
    const after = warmEngine.withFacilities([site]).table(category, radius).district.coveredPopulation;
    best = Math.max(best, after - before);
  }
  const ms = performance.now() - t0;
  const per = ms / Math.ceil(problem.candidates.length / stride);
  const greedy = suggestSites(warmEngine, { category, radiusM: radius, count: 1 });
  console.log(
    `brute force, exact engine per candidate (${category} @ ${radius} m): ${per.toFixed(1)} ms per candidate on ${Math.ceil(problem.candidates.length / stride)} sampled of ${problem.candidates.length} → ≈ ${((per * problem.candidates.length) / 1000).toFixed(0)} s for all; ` +
      `greedy's first site newly covers ${Math.round(greedy.suggestions[0]!.gain)} residents (best of the brute-force sample ${Math.round(best)})`,
  );
}

if (quick) {
  console.log('\n(--quick: naive Turf reference skipped)');
} else {
  // Naive exact-geometry reference of the same full default table, once (it takes seconds).
  const t0 = performance.now();
  const land = naiveLand(
    layers.district.features[0] as Feature<Polygon>,
    layers.riverEdge.features as Feature<LineString>[],
    200,
  );
  let maxDiff = 0;
  const oursTables = cold();
  for (const [t, category] of COVERAGE_CATEGORIES.entries()) {
    const radiusM = DEFAULT_STANDARDS[category].radiusM;
    const discs = naiveReach(category, facilities, riverfront, radiusM);
    layers.circles.features.forEach((circle, k) => {
      const ref = naiveCircle(circle as Feature<Polygon | MultiPolygon>, land, discs);
      const row = oursTables[t]!.circles[k]!;
      maxDiff = Math.max(maxDiff, Math.abs(row.coveredLandAreaM2 / row.landAreaM2 - ref.landShare) * 100);
    });
  }
  const naiveMs = performance.now() - t0;
  const ours = results[1]!;
  console.log('\n# ours vs naive Turf reference (full default table)');
  console.log(`naive Turf (discs, union, intersect, difference), 1 run: ${naiveMs.toFixed(0)} ms`);
  console.log(
    `ours, median of ${ours.runs}: ${ours.medianMs.toFixed(1)} ms  →  ${(naiveMs / ours.medianMs).toFixed(0)}× faster`,
  );
  console.log(
    `largest difference in covered land share, any circle × category: ${maxDiff.toFixed(3)} percentage points`,
  );
}

console.log('\n# walking network (real OSM network of 五角场/复旦/同济; synthetic grid for scaling)');
{
  const { rows, notes } = networkBench();
  printTable(rows);
  for (const n of notes) console.log(n);
}
console.log('\n# distance models side by side (issue 19): straight, network, walking (best available)');
printTable(distanceModelsBench());

if (!process.argv.includes('--no-browser')) {
  console.log('\n# the app in headless Chromium (software WebGL; production build in dist/)');
  const rows = await browserBench();
  if (rows) printTable(rows);
}
