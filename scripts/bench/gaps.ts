/**
 * Gap polygons on the real data: the raster's traced cell outlines (staircases) next
 * to the Turf polygons the app draws, by both Turf methods — contours of the distance field
 * (`@turf/isobands`) and exact discs (`@turf/difference`) — for one circle × one category
 * and all 33 circles × one category, plus each method's agreement with the engine (gap
 * residents; the area checks are in tests/analysis/gap-geometry-real.test.ts); and in
 * network mode (contours of the walking-distance field; a fresh engine, so the network
 * field's Dijkstra is in the time, as after a scenario's gate).
 */
import type { FeatureCollection, Polygon, Position } from 'geojson';
import {
  CoverageEngine,
  type DistanceKind,
  type FacilityPoint,
  type GapProps,
} from '../../src/analysis/coverage/engine';
import { type GapMethod, turfGaps } from '../../src/analysis/coverage/gapGeometry';
import type { ModelInputs, PopulationModel } from '../../src/analysis/coverage/model';
import { ResidentLand } from '../../src/analysis/coverage/residentLand';
import type { NetworkContext } from '../../src/analysis/network/context';
import type { CoverageCategory } from '../../src/core/categories';
import { type BenchResult, bench } from './harness';

/** Largest |Turf gap residents − engine gap residents| over the circles, in % of the circle's residents. */
export function worstResidentsDifference(
  engine: CoverageEngine,
  gaps: FeatureCollection<Polygon, GapProps>,
  category: CoverageCategory,
  radiusM: number,
  distance: DistanceKind = 'straight',
): { pct: number; circle: string } {
  const byCircle = new Map<string, number>();
  for (const f of gaps.features)
    byCircle.set(f.properties.circleId, (byCircle.get(f.properties.circleId) ?? 0) + f.properties.population);
  let worst = { pct: 0, circle: '' };
  for (const c of engine.table(category, radiusM, distance).circles) {
    if (c.population <= 0) continue;
    const pct = (Math.abs((byCircle.get(c.id) ?? 0) - c.gapPopulation) / c.population) * 100;
    if (pct > worst.pct) worst = { pct, circle: c.name };
  }
  return worst;
}

export function gapBench(
  model: PopulationModel,
  inputs: ModelInputs,
  facilities: FacilityPoint[],
  riverfront: Position[][],
  rand: () => number,
  network: NetworkContext,
): { rows: BenchResult[]; notes: string[] } {
  const fresh = () => new CoverageEngine(model, facilities, riverfront);
  const freshNetwork = () => new CoverageEngine(model, facilities, riverfront, { network });
  const rows: BenchResult[] = [
    bench('resident land, Turf (once per dataset)', () => new ResidentLand(inputs, model.grid).all(), {
      warmup: 1,
      runs: 3,
    }),
  ];
  const land = new ResidentLand(inputs, model.grid).all();
  const notes: string[] = [];
  for (const [category, radiusM] of [
    ['elder-canteen', 300],
    ['nursing-home', 1000],
  ] as const) {
    const one = () => Math.floor(rand() * land.length);
    rows.push(
      bench(`traced cells (raster): 1 circle × ${category} @ ${radiusM} m`, () =>
        fresh().tracedGaps(category, radiusM, one()),
      ),
      bench(
        `traced cells (raster): 33 circles × ${category} @ ${radiusM} m`,
        () => fresh().tracedGaps(category, radiusM),
        { warmup: 1, runs: 5 },
      ),
    );
    for (const method of ['contour', 'exact'] as GapMethod[]) {
      rows.push(
        bench(`Turf ${method}: 1 circle × ${category} @ ${radiusM} m`, () =>
          turfGaps(fresh(), land, category, radiusM, { circles: [one()], method }),
        ),
        bench(
          `Turf ${method}: 33 circles × ${category} @ ${radiusM} m`,
          () => turfGaps(fresh(), land, category, radiusM, { method }),
          { warmup: 1, runs: 5 },
        ),
      );
      const engine = fresh();
      const w = worstResidentsDifference(
        engine,
        turfGaps(engine, land, category, radiusM, { method }),
        category,
        radiusM,
      );
      notes.push(
        `Turf ${method}, ${category} @ ${radiusM} m: largest |Turf − engine| gap residents ${w.pct.toFixed(2)} % of the circle's residents (${w.circle})`,
      );
    }
    const inNetwork = fresh()
      .table(category, radiusM)
      .circles.flatMap((c, k) => (c.population > 0 && hasNetwork(k) ? [k] : []));
    const oneInNetwork = () => inNetwork[Math.floor(rand() * inNetwork.length)]!;
    rows.push(
      bench(`Turf contour, network: 1 circle in it × ${category} @ ${radiusM} m`, () =>
        turfGaps(freshNetwork(), land, category, radiusM, { circles: [oneInNetwork()], distance: 'network' }),
      ),
      bench(
        `Turf contour, network: 33 circles × ${category} @ ${radiusM} m`,
        () => turfGaps(freshNetwork(), land, category, radiusM, { distance: 'network' }),
        { warmup: 1, runs: 5 },
      ),
    );
    const engine = freshNetwork();
    const w = worstResidentsDifference(
      engine,
      turfGaps(engine, land, category, radiusM, { distance: 'network' }),
      category,
      radiusM,
      'network',
    );
    notes.push(
      `Turf contour, network, ${category} @ ${radiusM} m: largest |Turf − engine| gap residents ${w.pct.toFixed(2)} % of the circle's residents (${w.circle})`,
    );
  }
  return { rows, notes };

  /** Does circle k have residents in the network? */
  function hasNetwork(k: number): boolean {
    return model.cellsOfCircle[k]!.some((c) => network.inNetwork[c] === 1 && model.population[c]! > 0);
  }
}
