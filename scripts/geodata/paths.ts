import { delimiter, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Environment variable that points the pipeline at the raw package (a folder holding its README.md). */
export const SOURCES_ENV = 'YANGPU_GEODATA_SOURCES';

/** The repository root (two levels above this file). */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Raw sources: $YANGPU_GEODATA_SOURCES, else ../shared/geodata-sources beside the repository. */
export function sourcesDir(): string {
  const fromEnv = process.env[SOURCES_ENV];
  return fromEnv ? resolve(fromEnv) : resolve(REPO_ROOT, '..', 'shared', 'geodata-sources');
}

export const GEODATA_DIR = resolve(REPO_ROOT, 'geodata');

/** Environment variable naming OSM extract files (several separated like PATH) when --osm is not given. */
export const OSM_EXTRACT_ENV = 'YANGPU_OSM_EXTRACT';

/** The OSM extract files named by $YANGPU_OSM_EXTRACT (absolute paths), [] when unset. */
export function osmExtractFromEnv(): string[] {
  const value = process.env[OSM_EXTRACT_ENV] ?? '';
  return value
    .split(delimiter)
    .filter((p) => p.trim() !== '')
    .map((p) => resolve(p));
}
