/**
 * Memory of the analysis, in a fresh process (run by `npm run bench` with --expose-gc):
 * baseline after loading the layers, then the population model, the full default table and
 * the Turf gap polygons of every category at its default radius (with the resident land),
 * all kept alive.
 */
import { defaultTables } from '../../src/analysis/coverage/defaults';
import { CoverageEngine } from '../../src/analysis/coverage/engine';
import { turfGaps } from '../../src/analysis/coverage/gapGeometry';
import { buildPopulationModel, inputsFromCollections } from '../../src/analysis/coverage/model';
import { ResidentLand } from '../../src/analysis/coverage/residentLand';
import { DEFAULT_STANDARDS } from '../../src/analysis/standards';
import { COVERAGE_CATEGORIES } from '../../src/core/categories';
import { loadCoverageData } from './coverage-data';

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc');
const used = () => {
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
};
const { layers, facilities, riverfront } = loadCoverageData();
gc();
const base = used();
const baseRss = process.memoryUsage().rss;
let peak = base;
const sample = () => {
  peak = Math.max(peak, used());
};
const inputs = inputsFromCollections(layers);
const model = buildPopulationModel(inputs);
sample();
const engine = new CoverageEngine(model, facilities, riverfront);
const tables = defaultTables(engine);
sample();
const land = new ResidentLand(inputs, model.grid).all();
const gaps = COVERAGE_CATEGORIES.map((c) => {
  const g = turfGaps(engine, land, c, DEFAULT_STANDARDS[c].radiusM);
  sample();
  return g;
});
gc();
const retained = used() - base;
const mb = (b: number) => (b / 1024 / 1024).toFixed(1);
console.log(
  `memory of the analysis: peak +${mb(peak - base)} MB (JS heap + typed arrays, sampled after each step), ` +
    `retained +${mb(retained)} MB after GC with model, ${tables.length} tables and ${gaps.length} gap layers alive; ` +
    `process RSS ${mb(baseRss)} → max ${mb(process.resourceUsage().maxRSS * 1024)} MB`,
);
