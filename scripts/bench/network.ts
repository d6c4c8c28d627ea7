/**
 * Benchmarks of the walking network: building the graph and the cell snaps, one category's
 * distance field, the full default table in network mode, a gate → new numbers, suggested
 * gates, and the same field on a synthetic district-sized street grid (≈ 60 km², ≥ 50,000
 * nodes; synthetic, for scaling only).
 */
import type { Feature, LineString, Polygon } from 'geojson';
import { defaultTables } from '../../src/analysis/coverage/defaults';
import { CoverageEngine, type FacilityPoint } from '../../src/analysis/coverage/engine';
import { buildPopulationModel, inputsFromCollections } from '../../src/analysis/coverage/model';
import { NetworkContext } from '../../src/analysis/network/context';
import { snapTargets } from '../../src/analysis/network/coverage';
import { overlayFrom } from '../../src/analysis/network/gates';
import { buildWalkGraph } from '../../src/analysis/network/graph';
import { suggestGates } from '../../src/analysis/network/suggestGates';
import { mulberry32 } from '../../src/analysis/random';
import { yangpuProjection as P } from '../../src/core/geo';
import { LAYER_FILES } from '../../src/core/schema';
import { loadCoverageData, loadNetwork, loadRouteFactors, readLayer } from './coverage-data';
import { type BenchResult, bench } from './harness';

/** A synthetic street grid: `size` m square, streets every `blockM`, a vertex every `stepM`. */
function syntheticGrid(size: number, blockM: number, stepM: number): Feature<LineString>[] {
  const lines: Feature<LineString>[] = [];
  for (let k = 0; k <= size / blockM; k++) {
    const c = k * blockM;
    const along = Array.from({ length: size / stepM + 1 }, (_, i) => i * stepM);
    for (const horizontal of [true, false]) {
      lines.push({
        type: 'Feature',
        properties: { highway: 'residential', name: null },
        geometry: {
          type: 'LineString',
          coordinates: along.map((v) => P.toLonLat(horizontal ? v : c, horizontal ? c : v)),
        },
      });
    }
  }
  return lines;
}

function syntheticDistrict(size: number) {
  const ring = [
    [0, 0],
    [size, 0],
    [size, size],
    [0, size],
    [0, 0],
  ].map(([x, y]) => P.toLonLat(x!, y!));
  const square: Polygon = { type: 'Polygon', coordinates: [ring] };
  const f = <T>(props: T): Feature<Polygon, T> => ({ type: 'Feature', properties: props, geometry: square });
  return buildPopulationModel({
    district: f({}),
    subdistricts: [f({ name: 'S', population2020: 1_000_000 })],
    circles: [f({ id: 'C', name: 'C', subdistrict: 'S' })],
  });
}

export function networkBench(): { rows: BenchResult[]; notes: string[] } {
  const rows: BenchResult[] = [];
  const notes: string[] = [];
  const { layers, facilities, riverfront } = loadCoverageData();
  const model = buildPopulationModel(inputsFromCollections(layers));
  const walk = readLayer(LAYER_FILES.walkNetwork);
  rows.push(
    bench(
      'graph from the OSM walk lines (real, 836 ways)',
      () => buildWalkGraph(walk.features as Feature<LineString>[]),
      {
        warmup: 1,
        runs: 5,
      },
    ),
  );
  rows.push(
    bench('network over the population grid (cell snaps)', () => loadNetwork(model), { warmup: 1, runs: 5 }),
  );
  const net = loadNetwork(model);
  const engine = new CoverageEngine(model, facilities, riverfront, { network: net });
  for (const category of ['kindergarten', 'elder-canteen'] as const) {
    const snaps = snapTargets(net, engine.targetsOf(category).points).snaps;
    rows.push(bench(`distance field, one category (${category}, real network)`, () => net.field(snaps)));
  }
  rows.push(
    bench(
      'full default table, network mode (cold)',
      () =>
        defaultTables(
          new CoverageEngine(model, facilities, riverfront, { network: net }),
          undefined,
          'network',
        ),
      { warmup: 1, runs: 5 },
    ),
  );
  const gate = overlayFrom(net, [
    { id: 'g', a: [121.502313, 31.299064], b: [121.502282, 31.299338] },
  ]).overlay;
  rows.push(
    bench('a gate → new numbers (kindergarten @ 300 m, network)', () =>
      engine.withOverlay(gate).table('kindergarten', 300, 'network'),
    ),
  );
  rows.push(
    bench('a proposed site → new numbers (kindergarten @ 300 m, network)', () =>
      engine
        .withFacilities([{ id: 'p', category: 'kindergarten', lonLat: [121.5095, 31.3005] }])
        .table('kindergarten', 300, 'network'),
    ),
  );
  rows.push(
    bench(
      'suggest 3 gates (kindergarten @ 300 m)',
      () => suggestGates(engine, { category: 'kindergarten', radiusM: 300, count: 3 }),
      {
        warmup: 1,
        runs: 3,
      },
    ),
  );
  // Synthetic district-sized network (scaling only).
  const size = 7750;
  const lines = syntheticGrid(size, 100, 20);
  const { graph } = buildWalkGraph(lines);
  const synthetic = syntheticDistrict(size);
  const ring: Polygon = {
    type: 'Polygon',
    coordinates: [
      [
        [0, 0],
        [size, 0],
        [size, size],
        [0, size],
        [0, 0],
      ].map(([x, y]) => P.toLonLat(x!, y!)),
    ],
  };
  const t0 = performance.now();
  const synthCtx = new NetworkContext(synthetic, graph, [ring]);
  const snapMs = performance.now() - t0;
  const rand = mulberry32(5);
  const sites: FacilityPoint[] = Array.from({ length: 60 }, (_, i) => ({
    id: `s${i}`,
    category: 'kindergarten',
    lonLat: P.toLonLat(rand() * size, rand() * size),
  }));
  const snaps = snapTargets(
    synthCtx,
    sites.map((s) => P.toXY(s.lonLat)),
  ).snaps;
  rows.push(
    bench(`distance field, synthetic ${((size / 1000) ** 2) | 0} km² grid (${graph.x.length} nodes)`, () =>
      synthCtx.field(snaps),
    ),
  );
  notes.push(
    `synthetic grid: ${graph.x.length} nodes, ${graph.from.length} edges, ${synthetic.landCells.length} land cells; cell snaps ${snapMs.toFixed(0)} ms once`,
  );
  return { rows, notes };
}

/** Issue 19: straight, network and walking (best available) side by side on the real data. */
export function distanceModelsBench(): BenchResult[] {
  const rows: BenchResult[] = [];
  const { layers, facilities, riverfront } = loadCoverageData();
  const model = buildPopulationModel(inputsFromCollections(layers));
  const net = loadNetwork(model);
  // issue 19: the full 33-circle table in the three distance models, side by side (cold engines)
  const factors = loadRouteFactors();
  for (const d of ['straight', 'network', 'walk'] as const)
    rows.push(
      bench(
        `full default table, ${d} (cold; walk = network + route-factor estimate with its range)`,
        () =>
          defaultTables(
            new CoverageEngine(model, facilities, riverfront, { network: net, routeFactors: factors }),
            undefined,
            d,
          ),
        { warmup: 1, runs: 5 },
      ),
    );
  const warm = new CoverageEngine(model, facilities, riverfront, { network: net, routeFactors: factors });
  for (const d of ['straight', 'network', 'walk'] as const) {
    warm.table('elder-canteen', 300, d);
    let r = 300;
    // a category change in the app: a new table on a warm engine (new radius each run: not cached)
    rows.push(
      bench(`one table, warm engine, new radius (elder-canteen, ${d})`, () =>
        warm.table('elder-canteen', ++r, d),
      ),
    );
  }
  return rows;
}
