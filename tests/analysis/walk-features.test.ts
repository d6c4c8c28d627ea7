/**
 * Walking (best available) in the features that build on the table (issue 19 item 5): the
 * Turf gap polygons are contours of the walk field and agree with the walk table; a
 * proposed site never lowers any share in walk mode; suggested sites are measured in walk
 * mode too. A few circles (in and out of the mapped network) and types, sized to seconds.
 */
import { describe, expect, it } from 'vitest';
import { loadCoverageData, loadNetwork, loadRouteFactors } from '../../scripts/bench/coverage-data';
import { CoverageEngine } from '../../src/analysis/coverage/engine';
import { turfGaps } from '../../src/analysis/coverage/gapGeometry';
import { buildPopulationModel, inputsFromCollections } from '../../src/analysis/coverage/model';
import { ResidentLand } from '../../src/analysis/coverage/residentLand';
import { suggestSites } from '../../src/analysis/coverage/siting';
import { DEFAULT_STANDARDS } from '../../src/analysis/standards';
import type { CoverageCategory } from '../../src/core/categories';
import { expectValidGap, gapAgreement, homeAreaByCell } from '../helpers/gapAgreement';

const { layers, facilities, riverfront } = loadCoverageData();
const inputs = inputsFromCollections(layers);
const model = buildPopulationModel(inputs);
const engine = new CoverageEngine(model, facilities, riverfront, {
  network: loadNetwork(model),
  routeFactors: loadRouteFactors(),
});
const CATS: CoverageCategory[] = ['elder-canteen', 'kindergarten', 'nursing-home'];
const r = (c: CoverageCategory) => DEFAULT_STANDARDS[c].radiusM;
/** two circles in the mapped network and two outside it */
const walkTable = engine.table('kindergarten', 300, 'walk');
const inNet = walkTable.circles.flatMap((c, k) => ((c.estimate?.measuredShare ?? 0) > 0.5 ? [k] : []));
const outNet = walkTable.circles.flatMap((c, k) => (c.estimate?.measuredShare === 0 ? [k] : []));
const circles = [...inNet.slice(0, 2), ...outNet.slice(0, 2)];

describe('walking (best available) in the gap polygons, scenarios and suggestions', () => {
  it('gap polygons agree with the walk table within 1 % and are valid', () => {
    expect(circles.length).toBe(4);
    const resident = new ResidentLand(inputs, model.grid);
    const land = model.circles.map((_, k) => (circles.includes(k) ? resident.of(k) : null));
    const homes = land.map((home, k) => homeAreaByCell(engine, home, k));
    for (const c of CATS) {
      const gaps = turfGaps(engine, land, c, r(c), { circles, distance: 'walk' });
      const table = engine.table(c, r(c), 'walk');
      const straight = engine.table(c, r(c), 'straight');
      const rows = gapAgreement(engine, land, homes, gaps, table, engine.coveredMask(c, r(c), 'walk'));
      for (const k of circles) {
        expect(rows[k]!.residentsPct, `${c} ${model.circles[k]!.id}`).toBeLessThanOrEqual(1);
        // the walk's gap is larger than the straight line's where the estimate bites
        expect(table.circles[k]!.gapPopulation).toBeGreaterThanOrEqual(
          straight.circles[k]!.gapPopulation - 1e-6,
        );
      }
      for (const f of gaps.features) {
        expectValidGap(f, `${c} ${f.properties.circleId}`);
        expect(f.properties.distance).toBe('walk');
      }
    }
  });

  it('a proposed site never lowers a share, and suggested sites gain in walk mode', () => {
    const before = engine.table('elder-canteen', 300, 'walk');
    const {
      suggestions: [site],
    } = suggestSites(engine, { category: 'elder-canteen', radiusM: 300, count: 1, distance: 'walk' });
    expect(site).toBeDefined();
    const after = engine
      .withFacilities([{ id: 'p', category: 'elder-canteen', lonLat: site!.lonLat }])
      .table('elder-canteen', 300, 'walk');
    expect(after.distance).toBe('walk');
    after.circles.forEach((row, k) => {
      expect(row.coveredPopulation).toBeGreaterThanOrEqual(before.circles[k]!.coveredPopulation - 1e-6);
      expect(row.estimate!.coveredPopulationLow).toBeGreaterThanOrEqual(
        before.circles[k]!.estimate!.coveredPopulationLow - 1e-6,
      );
    });
    expect(after.district.coveredPopulation).toBeGreaterThan(before.district.coveredPopulation);
  });
});
