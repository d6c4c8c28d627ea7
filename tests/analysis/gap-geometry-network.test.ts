/**
 * The Turf gap polygons in network mode, on the real data: every circle the walking network
 * reaches × every category at its default radius, as the app draws and exports them
 * (contours of the walking-distance field of the cells in the network, straight-line
 * elsewhere, as the numbers):
 * - agreement with the engine in network mode, every pair within 1 %: gap residents and
 *   gap area on the engine's cells (as in gap-geometry-real.test.ts; tests/helpers/gapAgreement.ts);
 * - they are the network's gaps: where walking and straight-line gaps differ, the polygons
 *   follow the walking figure;
 * - valid polygons carrying `distance: 'network'` (the riverfront stays straight-line).
 *
 * Sized to seconds (docs/testing.md): SAMPLE of those circles drawn with SEED;
 * GAPCHECK_ALL=1 checks every circle the network reaches.
 */
import type { FeatureCollection, Polygon } from 'geojson';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCoverageData, loadNetwork } from '../../scripts/bench/coverage-data';
import { CoverageEngine, type GapProps } from '../../src/analysis/coverage/engine';
import { turfGaps } from '../../src/analysis/coverage/gapGeometry';
import { buildPopulationModel, inputsFromCollections } from '../../src/analysis/coverage/model';
import { type Area, ResidentLand } from '../../src/analysis/coverage/residentLand';
import { DEFAULT_STANDARDS } from '../../src/analysis/standards';
import { COVERAGE_CATEGORIES, type CoverageCategory } from '../../src/core/categories';
import { expectValidGap, gapAgreement, homeAreaByCell } from '../helpers/gapAgreement';
import { seededSample } from '../helpers/sample';

const SEED = 21;
const SAMPLE = process.env.GAPCHECK_ALL ? Infinity : 4;

const { layers, facilities, riverfront } = loadCoverageData();
const inputs = inputsFromCollections(layers);
const model = buildPopulationModel(inputs);
const engine = new CoverageEngine(model, facilities, riverfront, { network: loadNetwork(model) });
const radius = (c: CoverageCategory) => DEFAULT_STANDARDS[c].radiusM;
/** the circles with residents in the network (their index in model.circles) */
const reached = engine
  .table('kindergarten', radius('kindergarten'), 'network')
  .circles.flatMap((c, k) => (c.network ? [k] : []));
/** the sampled circles among them */
const netCircles = seededSample(reached, SAMPLE, SEED);
let land: (Area | null)[] = [];
const gapsOf = new Map<CoverageCategory, FeatureCollection<Polygon, GapProps>>();

beforeAll(() => {
  const resident = new ResidentLand(inputs, model.grid);
  land = model.circles.map((_, k) => (netCircles.includes(k) ? resident.of(k) : null));
  for (const c of COVERAGE_CATEGORIES)
    gapsOf.set(c, turfGaps(engine, land, c, radius(c), { circles: netCircles, distance: 'network' }));
});

describe('Turf gap polygons in network mode (real network, circles it reaches, default radii)', () => {
  it('the network reaches several circles', () => {
    expect(reached.length).toBeGreaterThanOrEqual(5);
    console.log(
      `sample (seed ${SEED}): ${netCircles.map((k) => model.circles[k]!.name).join(', ')} of ${reached.length}`,
    );
  });

  it('agree with the engine in network mode within 1 %: gap residents and gap area', () => {
    const homeCells = land.map((home, k) => homeAreaByCell(engine, home, k));
    let worstResidents = { pct: 0, where: '' };
    let worstArea = { pct: 0, where: '' };
    let pairs = 0;
    for (const category of COVERAGE_CATEGORIES) {
      const r = radius(category);
      const table = engine.table(category, r, 'network');
      const mask = engine.coveredMask(category, r, engine.modeFor(category, 'network'));
      const rows = gapAgreement(engine, land, homeCells, gapsOf.get(category)!, table, mask);
      for (const k of netCircles) {
        const a = rows[k]!;
        const where = `${category} ${a.name}`;
        pairs++;
        if (a.residentsPct > worstResidents.pct) worstResidents = { pct: a.residentsPct, where };
        if (a.areaPct > worstArea.pct) worstArea = { pct: a.areaPct, where };
        expect(a.residentsPct, `${where}: gap residents`).toBeLessThanOrEqual(1);
        expect(a.areaPct, `${where}: gap area on the engine's cells`).toBeLessThanOrEqual(1);
      }
    }
    console.log(
      `network agreement, ${pairs} pairs: largest |Turf − engine| gap residents ${worstResidents.pct.toFixed(2)} % (${worstResidents.where}), gap area on the engine's cells ${worstArea.pct.toFixed(2)} % (${worstArea.where})`,
    );
  });

  it('follow the walking distance, not the straight line, where the two differ', () => {
    let checked = 0;
    for (const category of COVERAGE_CATEGORIES) {
      if (category === 'riverfront') continue;
      const r = radius(category);
      const walking = engine.table(category, r, 'network');
      const straight = engine.table(category, r, 'straight');
      const turf = new Map<string, number>();
      for (const f of gapsOf.get(category)!.features)
        turf.set(f.properties.circleId, (turf.get(f.properties.circleId) ?? 0) + f.properties.population);
      for (const k of netCircles) {
        const row = walking.circles[k]!;
        const other = straight.circles[k]!;
        if ((row.gapPopulation - other.gapPopulation) / row.population < 0.05) continue;
        checked++;
        const t = turf.get(row.id) ?? 0;
        expect(Math.abs(t - row.gapPopulation), `${category} ${row.name}`).toBeLessThan(
          Math.abs(t - other.gapPopulation) / 4,
        );
      }
    }
    console.log(`network vs straight: ${checked} pairs where walking adds ≥ 5 % of residents to the gap`);
    // all 8 circles: 39 such pairs; the sample must still hold several per circle
    expect(checked).toBeGreaterThanOrEqual(2 * netCircles.length);
  });

  it('are valid polygons that say how distance was measured', () => {
    let count = 0;
    for (const category of COVERAGE_CATEGORIES) {
      for (const f of gapsOf.get(category)!.features) {
        count++;
        const where = `${category} ${f.properties.circleId}`;
        expectValidGap(f, where);
        expect(f.properties.distance, where).toBe(category === 'riverfront' ? 'straight' : 'network');
      }
    }
    console.log(`network validity: ${count} gap polygons checked`);
  });
});
