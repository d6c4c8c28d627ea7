/**
 * `npm run bench`: seeded synthetic inputs plus the real data, warm-up, min/median per case.
 * Run on the 2-core reference machine; figures are printed, never asserted.
 */
import type { Feature, FeatureCollection, Polygon } from 'geojson';
import { yangpuProjection } from '../src/analysis/geo';
import { partitionPolygon } from '../src/analysis/partition';
import { mulberry32 } from '../src/analysis/random';
import { parseCsv } from '../src/data/csv';
import { validateFeatureCollection } from '../src/data/validate';
import { type BenchResult, bench, printTable } from './bench/harness';
import { buildGeodata } from './geodata/build';
import { sourcesDir } from './geodata/paths';

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

const results: BenchResult[] = [
  bench('parseCsv, 5,000 rows', () => parseCsv(csvText, 'bench.csv')),
  bench('validate 200 polygons × 64 vertices', () =>
    validateFeatureCollection(polygons, { geometryTypes: ['Polygon'], checkOrientation: true }),
  ),
  bench('partition a 200-vertex polygon in 4', () => partitionPolygon(star, 4, { seed: 1 })),
];
try {
  const dir = sourcesDir();
  results.push(bench('whole geodata pipeline (real data)', () => buildGeodata(dir), { warmup: 1, runs: 5 }));
} catch (e) {
  console.log(`(pipeline case skipped: ${(e as Error).message})`);
}
printTable(results);
