/**
 * `npm run data`: build geodata/ from the raw sources when it is missing or stale.
 * Options: --force (rebuild even if up to date), --out DIR (write elsewhere; always builds).
 * Env: YANGPU_GEODATA_SOURCES points at the raw package (default ../shared/geodata-sources).
 */
import { resolve } from 'node:path';
import { ensureGeodata, SourcesMissing } from './geodata/ensure';

const args = process.argv.slice(2);
const outIndex = args.indexOf('--out');
try {
  ensureGeodata({
    out: outIndex >= 0 ? resolve(args[outIndex + 1] ?? '') : undefined,
    force: args.includes('--force') || outIndex >= 0,
  });
} catch (e) {
  console.error(
    `✗ ${e instanceof SourcesMissing ? '' : 'geodata pipeline stopped: '}${(e as Error).message}`,
  );
  process.exit(e instanceof SourcesMissing ? 2 : 1);
}
