/**
 * `npm run data`: build geodata/ from the raw sources when it is missing or stale.
 * Options: --force (rebuild even if up to date), --out DIR (write elsewhere; always builds).
 * Env: YANGPU_GEODATA_SOURCES points at the raw package (default ../shared/geodata-sources).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { buildGeodata } from './geodata/build';
import { GEODATA_DIR, REPO_ROOT, sourcesDir } from './geodata/paths';
import { renderSourcesMd } from './geodata/sources-md';

function filesUnder(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? filesUnder(path) : [path];
    });
}

/** Hash of every raw input and every file of pipeline code: a change to either rebuilds. */
function inputsHash(src: string): string {
  const h = createHash('sha256');
  const code = [
    join(REPO_ROOT, 'scripts'),
    join(REPO_ROOT, 'src', 'data'),
    join(REPO_ROOT, 'src', 'analysis'),
  ];
  for (const path of [...filesUnder(src), ...code.flatMap(filesUnder)]) {
    h.update(relative(REPO_ROOT, path));
    h.update(readFileSync(path));
  }
  return h.digest('hex');
}

function main(): void {
  const args = process.argv.slice(2);
  const outIndex = args.indexOf('--out');
  const out = outIndex >= 0 ? resolve(args[outIndex + 1] ?? '') : GEODATA_DIR;
  const force = args.includes('--force') || outIndex >= 0;
  const src = sourcesDir();
  if (!existsSync(join(src, 'README.md'))) {
    console.error(
      `✗ Raw geodata sources not found at ${src}\n` +
        '  The map is built from the raw data package, which is not part of this repository.\n' +
        '  Put it at ../shared/geodata-sources (beside this repository) or set\n' +
        '  YANGPU_GEODATA_SOURCES=/path/to/geodata-sources and run again.',
    );
    process.exit(2);
  }
  const stampFile = join(out, '.stamp');
  const hash = inputsHash(src);
  if (!force && existsSync(stampFile) && readFileSync(stampFile, 'utf8') === hash) {
    console.log(`geodata/ is up to date (${relative(process.cwd(), out) || '.'})`);
    return;
  }
  const t0 = performance.now();
  const { files, report } = buildGeodata(src);
  files.set('SOURCES.md', renderSourcesMd(report));
  mkdirSync(out, { recursive: true });
  for (const [name, content] of files) writeFileSync(join(out, name), content);
  writeFileSync(stampFile, hash);
  const ms = performance.now() - t0;
  const bytes = [...files.values()].reduce((s, c) => s + Buffer.byteLength(c), 0);
  console.log(`geodata/ built in ${ms.toFixed(0)} ms: ${files.size} files, ${(bytes / 1024).toFixed(0)} KiB`);
  for (const l of report.layers)
    console.log(`  ${l.file.padEnd(24)} ${String(l.features).padStart(5)} features`);
}

try {
  main();
} catch (e) {
  console.error(`✗ geodata pipeline stopped: ${(e as Error).message}`);
  process.exit(1);
}
