/**
 * `npm run data`: build geodata/ from the raw sources when it is missing or stale.
 * Options: --force (rebuild even if up to date), --out DIR (write elsewhere; always builds),
 * --osm FILE (an OSM extract: .osm.pbf, .osm XML or GeoJSON lines; repeat for several files).
 * Env: YANGPU_GEODATA_SOURCES points at the raw package (default ../shared/geodata-sources);
 * YANGPU_OSM_EXTRACT names extract files (separated like PATH) when --osm is not given.
 */
import { resolve } from 'node:path';
import { ensureGeodata, SourcesMissing } from './geodata/ensure';
import { exitAfterFlush } from './lib/cli';

const args = process.argv.slice(2);
const outIndex = args.indexOf('--out');
const osmValues = args.flatMap((a, i) => (a === '--osm' ? [args[i + 1]] : []));
if (osmValues.some((v) => !v || v.startsWith('--'))) {
  console.error('✗ --osm needs a file: npm run data -- --osm path/to/extract.osm.pbf');
  await exitAfterFlush(2);
}
const osm = osmValues.map((v) => resolve(v!));
try {
  ensureGeodata({
    out: outIndex >= 0 ? resolve(args[outIndex + 1] ?? '') : undefined,
    force: args.includes('--force') || outIndex >= 0,
    osm: osm.length > 0 ? osm : undefined,
  });
} catch (e) {
  console.error(
    `✗ ${e instanceof SourcesMissing ? '' : 'geodata pipeline stopped: '}${(e as Error).message}`,
  );
  await exitAfterFlush(e instanceof SourcesMissing ? 2 : 1);
}
