/**
 * `npm test`: build the data, lint, typecheck, build the app, run the unit and browser
 * tests, and end with one line `N passed, N failed` (CI counts that line). Lint, typecheck
 * and build count as one check each; every Vitest test counts as one.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from './geodata/paths';
import { exitAfterFlush } from './lib/cli';

const bin = (name: string) => join(REPO_ROOT, 'node_modules', '.bin', name);
let passed = 0;
let failed = 0;
const failures: string[] = [];

function step(name: string, command: string, args: string[]): boolean {
  console.log(`\n▶ ${name}: ${[command.replace(`${REPO_ROOT}/`, ''), ...args].join(' ')}`);
  const r = spawnSync(command, args, { cwd: REPO_ROOT, stdio: 'inherit', env: process.env });
  return r.status === 0;
}

function check(name: string, command: string, args: string[]): void {
  if (step(name, command, args)) passed++;
  else {
    failed++;
    failures.push(name);
  }
}

// The data has to exist for everything else; stop at once (with its message) if it can't be built.
if (!step('geodata', bin('tsx'), [join('scripts', 'build-geodata.ts')])) {
  console.log('\n0 passed, 1 failed');
  await exitAfterFlush(1);
}
check('lint (biome)', bin('biome'), ['check', '.']);
check('typecheck (tsc)', bin('tsc'), ['--noEmit']);
check('build (vite)', bin('vite'), ['build', '--logLevel', 'warn']);

mkdirSync(join(REPO_ROOT, 'test-output'), { recursive: true });
// Unit tests first, then the browser tests on their own, so CPU-heavy unit tests (the
// naive-geometry cross-check) do not disturb the browser tests' latency measurements.
for (const project of ['unit', 'harness', 'browser']) {
  const report = join(REPO_ROOT, 'test-output', `vitest-${project}.json`);
  step(`${project} tests (vitest)`, bin('vitest'), [
    'run',
    '--project',
    project,
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${report}`,
  ]);
  if (!existsSync(report)) {
    failed++;
    failures.push(`${project}: vitest wrote no report`);
    continue;
  }
  const json = JSON.parse(readFileSync(report, 'utf8')) as {
    numPassedTests: number;
    numFailedTests: number;
    testResults: { status: string; name: string; message?: string }[];
  };
  passed += json.numPassedTests;
  failed += json.numFailedTests;
  if (json.numFailedTests > 0) failures.push(`${project}: ${json.numFailedTests} test(s)`);
  // A test file that fails to load has no tests in the counts: count it as a failure.
  for (const file of json.testResults) {
    if (file.status === 'failed' && json.numFailedTests === 0) {
      failed++;
      failures.push(`${file.name}: ${file.message ?? 'failed'}`);
    }
  }
}

if (failures.length) console.log(`\nFailed: ${failures.join('; ')}`);
console.log(`\n${passed} passed, ${failed} failed`);
await exitAfterFlush(failed > 0 ? 1 : 0);
