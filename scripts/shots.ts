/**
 * `npm run shots`: screenshots to look at (not tests). Builds the app once, then runs every
 * scripts/shots-*.ts one after another (each serves dist/ and drives its own Chromium), and
 * prints where each one's PNGs went and which failed.
 *
 *   npm run shots                    every shots-*.ts
 *   npm run shots -- walk capacity   only shots-walk.ts and shots-capacity.ts
 *   npm run shots -- --no-build      reuse the current dist/
 *
 * A new shots-NAME.ts in scripts/ is picked up with no change here.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from './geodata/paths';
import { exitAfterFlush } from './lib/cli';

const bin = (name: string) => join(REPO_ROOT, 'node_modules', '.bin', name);
const args = process.argv.slice(2);
const build = !args.includes('--no-build');
const wanted = args.filter((a) => !a.startsWith('--'));

/** The shots scripts beside this one, by name (`walk` for shots-walk.ts), sorted. */
function shotScripts(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => /^shots-[\w-]+\.ts$/.test(f))
    .map((f) => f.slice('shots-'.length, -'.ts'.length))
    .sort();
}

const all = shotScripts(join(REPO_ROOT, 'scripts'));
const unknown = wanted.filter((w) => !all.includes(w));
if (unknown.length) {
  console.error(`No scripts/shots-${unknown[0]}.ts. There are: ${all.join(', ')}.`);
  await exitAfterFlush(2);
}
const names = wanted.length ? wanted : all;

if (build || !existsSync(join(REPO_ROOT, 'dist', 'index.html'))) {
  console.log('▶ build: tsx scripts/build-geodata.ts && vite build');
  const run = (cmd: string, a: string[]) =>
    spawnSync(cmd, a, { cwd: REPO_ROOT, stdio: 'inherit' }).status === 0;
  const ok =
    run(bin('tsx'), [join('scripts', 'build-geodata.ts')]) &&
    run(bin('vite'), ['build', '--logLevel', 'warn']);
  if (!ok) {
    console.error('The build failed: no screenshots taken.');
    await exitAfterFlush(1);
  }
}

const failed: string[] = [];
for (const name of names) {
  const script = join('scripts', `shots-${name}.ts`);
  console.log(`\n▶ shots ${name}: tsx ${script}`);
  const started = Date.now();
  const r = spawnSync(bin('tsx'), [script], { cwd: REPO_ROOT, stdio: 'inherit', env: process.env });
  const s = ((Date.now() - started) / 1000).toFixed(0);
  if (r.status === 0) console.log(`✓ shots ${name} (${s} s)`);
  else {
    failed.push(name);
    console.log(`✗ shots ${name} exited with ${r.status ?? r.signal} (${s} s)`);
  }
}
console.log(
  `\n${names.length - failed.length} of ${names.length} shots scripts done; PNGs are under test-output/.` +
    (failed.length ? ` Failed: ${failed.join(', ')}.` : ''),
);
await exitAfterFlush(failed.length ? 1 : 0);
