/**
 * Coverage in the app, headless (was tests/browser/coverage.test.ts): circles coloured by
 * the coverage of the chosen category and distance, gaps drawn, numbers and URL updated
 * on every change, a failed analysis shown with a retry, and what the map drew kept.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { bootApp, type HarnessApp, POLL } from './app';
import { $, $$, byRole, check, choose, click, fill, text } from './dom';

let app: HarnessApp;
afterEach(() => app?.stop());

describe('coverage in the app', () => {
  it('colours every circle by its coverage class and draws gap polygons', async () => {
    app = await bootApp();
    const { table } = await app.coverage();
    expect(table.category).toBe('elder-canteen');
    expect(table.circles).toHaveLength(33);
    await expect.poll(() => app.map.drawn.gaps.features.length, POLL).toBeGreaterThan(0);
    await expect.poll(() => app.map.drawn.table, POLL).toBe(table);
    for (const f of app.map.fillsVsTable()) expect(f.fill).toBe(f.want);
    // walking (best available) by default: the share with its range where residents are estimated
    expect(text($('[data-testid=district-share]'))).toMatch(/%(（\d+–\d+%）)?$/);
    expect(app.errors).toEqual([]);
  });

  it('a threshold change updates the numbers, the colours and the URL', async () => {
    app = await bootApp();
    const before = text($('[data-testid=district-share]'));
    const t0 = performance.now();
    check($$('.tiers input[type=radio]')[1]!);
    const shown = await app.coverage({ radiusM: 500, since: t0 });
    await expect.poll(() => text($('[data-testid=district-share]')), POLL).not.toBe(before);
    expect(app.search).toContain('r=500');
    await expect.poll(() => app.map.drawn.table, POLL).toBe(shown.table);
    for (const f of app.map.fillsVsTable()) expect(f.fill).toBe(f.want);
  });

  it('a category change updates the numbers and emphasises that category on the map', async () => {
    app = await bootApp();
    const t0 = performance.now();
    choose($('.field select'), 'kindergarten');
    await app.coverage({ category: 'kindergarten', radiusM: 300, since: t0 });
    expect(app.search).toContain('cat=kindergarten');
    await expect.poll(() => app.map.drawn.focus, POLL).toBe('kindergarten');
    expect(JSON.stringify(app.map.drawn.focusPaint['circle-opacity'])).toContain('kindergarten');
  });

  it('a custom distance is accepted and the URL restores category and distance', async () => {
    app = await bootApp('cat=kindergarten');
    const t0 = performance.now();
    fill($('.tiers input[type=number]'), '750');
    await app.coverage({ radiusM: 750, since: t0 });
    const query = app.search.slice(1).replace('test=1&', '');
    app.stop();
    app = await bootApp(query);
    const c = (await app.coverage()).table;
    expect([c.category, c.radiusM]).toEqual(['kindergarten', 750]);
  });

  it('a failed analysis shows a bilingual message with a retry, and the retry works', async () => {
    app = await bootApp();
    await window.__yangpuTest!.failNext('table');
    choose($('.field select'), 'nursing-home');
    await expect
      .poll(() => text(document.querySelector('[data-testid=analysis-error]')), POLL)
      .toMatch(/分析失败.*failed on purpose/);
    // nothing spins: the busy marker is gone while the error is shown
    expect($$('.summary .busy')).toHaveLength(0);
    const t0 = performance.now();
    click(byRole('button', '重试', $('[data-testid=analysis-error]')));
    await app.coverage({ category: 'nursing-home', since: t0 });
    expect($$('[data-testid=analysis-error]')).toHaveLength(0);
    // and in English
    await window.__yangpuTest!.failNext('table');
    click(byRole('button', 'English'));
    choose($('.field select'), 'park');
    await expect
      .poll(() => text(document.querySelector('[data-testid=analysis-error]')), POLL)
      .toMatch(/The analysis failed/);
    click(byRole('button', 'Retry'));
    await app.coverage({ category: 'park' });
  });
});
