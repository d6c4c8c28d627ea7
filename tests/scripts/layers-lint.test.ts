/**
 * The one-way architecture is enforced by Biome (noRestrictedImports per folder in
 * biome.json): a wrong-way import in any layer fails `npm run lint`. Probe files are linted
 * in a temporary copy of the layout with the project's own biome.json.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../scripts/geodata/paths';

const dir = mkdtempSync(join(tmpdir(), 'layers-lint-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const config = JSON.parse(readFileSync(join(REPO_ROOT, 'biome.json'), 'utf8')) as Record<string, unknown>;
delete config.$schema;
writeFileSync(join(dir, 'biome.json'), JSON.stringify(config));

/** Lint one probe file at `path` (relative to src/) importing `specifier`; the rule's messages. */
function lint(path: string, specifier: string): string[] {
  const file = join(dir, 'src', path);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `import { x } from '${specifier}';\nexport const y = x;\n`);
  const r = spawnSync(join(REPO_ROOT, 'node_modules', '.bin', 'biome'), ['lint', '--reporter=json', file], {
    cwd: dir,
    encoding: 'utf8',
  });
  rmSync(file);
  const report = JSON.parse(r.stdout || '{}') as { diagnostics?: { category: string; message: string }[] };
  return (report.diagnostics ?? [])
    .filter((d) => d.category === 'lint/style/noRestrictedImports')
    .map((d) => d.message);
}

describe('import boundaries (biome noRestrictedImports)', () => {
  it.each([
    ['core/probe.ts', '../data/csv'],
    ['core/probe.ts', '../analysis/standards'],
    ['data/probe.ts', '../analysis/standards'],
    ['data/probe.ts', '../map/style'],
    ['data/probe.ts', '../ui/i18n'],
    ['analysis/probe.ts', '../map/palette'],
    ['analysis/coverage/probe.ts', '../../ui/url'],
    ['analysis/probe.ts', '../worker/rpc'],
    ['analysis/probe.ts', 'maplibre-gl'],
    ['analysis/probe.ts', 'preact/hooks'],
    ['worker/probe.ts', '../map/MapController'],
    ['worker/probe.ts', '../ui/app/state'],
    ['map/probe.ts', '../ui/i18n'],
    ['map/probe.ts', '@preact/signals'],
  ])('src/%s may not import %s', (path, specifier) => {
    expect(lint(path, specifier).length).toBeGreaterThan(0);
  });

  it.each([
    ['core/probe.ts', './geo'],
    ['data/probe.ts', '../core/geo'],
    ['analysis/probe.ts', '../data/csv'],
    ['analysis/coverage/probe.ts', '../../core/categories'],
    ['worker/probe.ts', '../analysis/coverage/engine'],
    ['map/probe.ts', '../analysis/labelPoint'],
    ['ui/app/probe.ts', '../../map/MapController'],
  ])('src/%s may import %s', (path, specifier) => {
    expect(lint(path, specifier)).toEqual([]);
  });
});
