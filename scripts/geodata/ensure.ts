/**
 * Build geodata/ when it is missing or stale: a hash of every raw input and every file of
 * pipeline code is kept in geodata/.stamp. Progress goes to stderr so stdout stays clean
 * for tools that print data (npm run analyze -- --json).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { LAYER_FILES } from '../../src/core/schema';
import { type BuildReport, buildGeodata } from './build';
import { GEODATA_DIR, OSM_EXTRACT_ENV, osmExtractFromEnv, REPO_ROOT, SOURCES_ENV, sourcesDir } from './paths';
import { renderSourcesMd } from './sources-md';

function filesUnder(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? filesUnder(path) : [path];
    });
}

/**
 * Hash of every raw input, every OSM extract file (name and content) and every file of pipeline
 * code: a change to any of them, or adding or removing an extract, rebuilds.
 */
export function inputsHash(src: string, osm: string[] = []): string {
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
  for (const path of osm) {
    h.update(`osm extract ${basename(path)}`);
    if (existsSync(path)) h.update(readFileSync(path));
  }
  return h.digest('hex');
}

/** The extract files the build in `out` used (from its osm-coverage.geojson), or null. */
function previousExtract(out: string): string | null {
  try {
    const fc = JSON.parse(readFileSync(join(out, 'osm-coverage.geojson'), 'utf8'));
    const files = fc.features?.[0]?.properties?.files;
    return Array.isArray(files) && files.length > 0 ? files.join(', ') : null;
  } catch {
    return null;
  }
}

/** One paragraph on what an OSM extract gave, for the console. */
function osmSummary(r: NonNullable<BuildReport['osm']>): string {
  const w = r.walk;
  const dropped = Object.entries(w.dropped)
    .filter(([, n]) => n > 0)
    .map(([rule, n]) => `${rule} ${n}`)
    .join(', ');
  return [
    `OSM extract: ${r.files.map((f) => f.label).join(', ')} → ${r.merged.ways} ways, extent ${r.extent.areaKm2} km² (${r.extentInDistrictKm2} km² in Yangpu)`,
    `  walk: ${w.kept} of ${w.candidates} highway ways kept, ${w.features} lines, ${w.lengthKm} km; dropped: ${dropped || 'none'}`,
    `  buildings ${r.buildings.features}, residential ${r.residential.features}, water ${r.water.features}, green ${r.green.features}`,
  ].join('\n');
}

/**
 * Write the built files into `out` and delete generated layers this build no longer makes (the
 * buildings of an earlier build with an OSM extract); other files (README.md) are left alone.
 */
export function writeGeodataFiles(out: string, files: Map<string, string>): void {
  mkdirSync(out, { recursive: true });
  for (const [name, content] of files) writeFileSync(join(out, name), content);
  for (const name of Object.values(LAYER_FILES)) {
    if (!files.has(name) && existsSync(join(out, name))) rmSync(join(out, name));
  }
}

export class SourcesMissing extends Error {}

export interface EnsureOptions {
  out?: string;
  force?: boolean;
  /** OSM extract files; default: those named by $YANGPU_OSM_EXTRACT (none when unset) */
  osm?: string[];
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
  const osm = options.osm ?? osmExtractFromEnv();
  const stampFile = join(out, '.stamp');
  const hash = inputsHash(src, osm);
  if (!options.force && existsSync(stampFile) && readFileSync(stampFile, 'utf8') === hash) {
    log(`geodata/ is up to date (${relative(process.cwd(), out) || '.'})`);
    return false;
  }
  const previous = previousExtract(out);
  if (previous && osm.length === 0)
    log(
      `note: the previous build used an OSM extract (${previous}); this one does not. Set ${OSM_EXTRACT_ENV} to keep it.`,
    );
  const t0 = performance.now();
  const { files, report } = buildGeodata(src, { osm });
  files.set('SOURCES.md', renderSourcesMd(report));
  writeGeodataFiles(out, files);
  writeFileSync(stampFile, hash);
  const bytes = [...files.values()].reduce((s, c) => s + Buffer.byteLength(c), 0);
  log(
    `geodata/ built in ${(performance.now() - t0).toFixed(0)} ms: ${files.size} files, ${(bytes / 1024).toFixed(0)} KiB`,
  );
  for (const l of report.layers) log(`  ${l.file.padEnd(24)} ${String(l.features).padStart(5)} features`);
  if (report.osm) log(osmSummary(report.osm));
  return true;
}
