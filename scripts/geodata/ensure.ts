/**
 * Build geodata/ when it is missing or stale: a hash of every raw input and every file of
 * pipeline code is kept in geodata/.stamp. Progress goes to stderr so stdout stays clean
 * for tools that print data (npm run analyze -- --json).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { buildGeodata } from './build';
import { GEODATA_DIR, REPO_ROOT, SOURCES_ENV, sourcesDir } from './paths';
import { renderSourcesMd } from './sources-md';

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
    join(REPO_ROOT, 'scripts', 'geodata'),
    join(REPO_ROOT, 'scripts', 'build-geodata.ts'),
    join(REPO_ROOT, 'src', 'data'),
    join(REPO_ROOT, 'src', 'analysis'),
  ];
  for (const path of [
    ...filesUnder(src),
    ...code.flatMap((p) => (statSync(p).isDirectory() ? filesUnder(p) : [p])),
  ]) {
    h.update(relative(REPO_ROOT, path));
    h.update(readFileSync(path));
  }
  return h.digest('hex');
}

export class SourcesMissing extends Error {}

export interface EnsureOptions {
  out?: string;
  force?: boolean;
  log?: (line: string) => void;
}

/** Returns true when it (re)built the layers. Throws SourcesMissing with instructions. */
export function ensureGeodata(options: EnsureOptions = {}): boolean {
  const out = options.out ?? GEODATA_DIR;
  const log = options.log ?? ((line: string) => console.error(line));
  const src = sourcesDir();
  if (!existsSync(join(src, 'README.md'))) {
    throw new SourcesMissing(
      `Raw geodata sources not found at ${src}\n` +
        '  The map is built from the raw data package, which is not part of this repository.\n' +
        '  Put it at ../shared/geodata-sources (beside this repository) or set\n' +
        `  ${SOURCES_ENV}=/path/to/geodata-sources and run again.`,
    );
  }
  const stampFile = join(out, '.stamp');
  const hash = inputsHash(src);
  if (!options.force && existsSync(stampFile) && readFileSync(stampFile, 'utf8') === hash) {
    log(`geodata/ is up to date (${relative(process.cwd(), out) || '.'})`);
    return false;
  }
  const t0 = performance.now();
  const { files, report } = buildGeodata(src);
  files.set('SOURCES.md', renderSourcesMd(report));
  mkdirSync(out, { recursive: true });
  for (const [name, content] of files) writeFileSync(join(out, name), content);
  writeFileSync(stampFile, hash);
  const bytes = [...files.values()].reduce((s, c) => s + Buffer.byteLength(c), 0);
  log(
    `geodata/ built in ${(performance.now() - t0).toFixed(0)} ms: ${files.size} files, ${(bytes / 1024).toFixed(0)} KiB`,
  );
  for (const l of report.layers) log(`  ${l.file.padEnd(24)} ${String(l.features).padStart(5)} features`);
  return true;
}
