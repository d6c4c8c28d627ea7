/** `npm run analyze -- --json`: the access fields (capacity in reach, fairness, basket, walk time). */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../scripts/geodata/paths';

const run = (...args: string[]) =>
  spawnSync(join(REPO_ROOT, 'node_modules', '.bin', 'tsx'), [join('scripts', 'analyze.ts'), ...args], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
  });

describe('analyze --json: access fields', () => {
  it('beds per 100 elders in reach per circle, the unknown sites named, Gini, the basket; a walk in minutes', () => {
    const r = run('--json', '--category', 'nursing-home,care-home', '--minutes', '15', '--pace', 'elder');
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.threshold).toMatchObject({ minutes: 15, speedMps: 0.8, pace: 'elder', radiusM: 720 });
    const [home, care] = out.tables;
    expect(home.radiusM).toBe(720);
    expect(home.capacity.unit).toBe('beds');
    expect(home.capacity.per).toBe(100);
    expect(home.capacity.unknownSites).toHaveLength(16);
    expect(home.capacity.circles).toHaveLength(33);
    expect(home.capacity.district.status).toBe('partial');
    expect(home.fairness.distance.gini).toBeGreaterThan(0);
    expect(home.fairness.capacity.gini).toBeGreaterThan(0);
    expect(care.capacity.district.ratio).toBeNull();
    expect(care.capacity.district.status).toBe('unknown');
    expect(out.basket.elder.district.share).toBeGreaterThan(0);
    expect(out.basket.child.circles).toHaveLength(33);
    expect(out.access.capacity).toMatch(/2SFCA/);
  });

  it('refuses a bad pace or basket with the reason (exit 2)', () => {
    const bad = run('--json', '--minutes', '15', '--pace', 'sprint');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/--pace/);
    const basket = run('--json', '--basket', 'o:nope');
    expect(basket.status).toBe(2);
    expect(basket.stderr).toMatch(/not a basket/);
  });
});
