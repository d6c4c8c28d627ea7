/**
 * Coverage in the app: circles coloured by the coverage of the chosen category and
 * distance, gaps drawn, numbers updated quickly without long main-thread tasks.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { coverageColour } from '../../src/map/palette';
import { BrowserSession, type OpenedPage, SCREENSHOTS, waitForIdle } from './page';

const session = new BrowserSession();
let opened: OpenedPage;
const longTasks: { phase: string; ms: number }[] = [];
const ourMainThread: { phase: string; ms: number }[] = [];
let panBaseline: number[] = [];

async function shownCoverage(page: Page) {
  return page.evaluate(() => {
    const c = window.__yangpuCoverage!;
    return {
      category: c.table.category,
      radiusM: c.table.radiusM,
      mainThreadMs: c.mainThreadMs,
      workerMs: c.workerMs,
      table: c.table,
    };
  });
}

/**
 * Run an interaction; return the ms from it to the new numbers being in the DOM, the
 * main-thread ms our code spent from the worker's answer to that DOM update, and the long
 * tasks (> 50 ms) seen within 1.5 s (map repaints included).
 */
async function timed(
  page: Page,
  phase: string,
  act: () => Promise<unknown>,
  until: (c: { category: string; radiusM: number }) => boolean,
) {
  await page.evaluate(() => {
    (window as unknown as { __longTasks: number[] }).__longTasks = [];
  });
  // t0 is taken in the page by the action itself (see clickAt / selectAt), so the figure is
  // the app's latency, not Playwright's actionability waits.
  await act();
  const t0 = await page.evaluate(() => (window as unknown as { __actionAt: number }).__actionAt);
  await page.waitForFunction(([t]) => (window.__yangpuCoverage?.shownAt ?? 0) > (t as number), [t0], {
    timeout: 20_000,
  });
  const c = await shownCoverage(page);
  expect(until(c)).toBe(true);
  const shownAt = await page.evaluate(() => window.__yangpuCoverage!.shownAt);
  const steps = await page.evaluate(() => {
    const c = window.__yangpuCoverage!;
    return [c.requestedAt, c.receivedAt, c.shownAt];
  });
  console.log(
    phase,
    'request +',
    (steps[0]! - t0).toFixed(1),
    'received +',
    (steps[1]! - t0).toFixed(1),
    'shown +',
    (steps[2]! - t0).toFixed(1),
  );
  await page.waitForTimeout(1500);
  const tasks = await page.evaluate(() => (window as unknown as { __longTasks: number[] }).__longTasks);
  for (const ms of tasks) longTasks.push({ phase, ms });
  return { ms: shownAt - t0, mainThreadMs: c.mainThreadMs, workerMs: c.workerMs, tasks };
}

/**
 * The app's own time per change (the worker's table + our main-thread handling) must stay
 * under 100 ms. End to end it also waits for the browser's frames: in this GPU-less
 * Chromium every frame commit costs 100–250 ms of software compositing (see the pan
 * baseline in the log), so the end-to-end figure is reported and only bounded loosely.
 */
function expectQuick(r: { ms: number; workerMs: number; mainThreadMs: number }) {
  expect(r.workerMs + r.mainThreadMs).toBeLessThan(100);
  expect(r.ms).toBeLessThan(600);
}

/** Click the n-th tier radio inside the page, stamping the time of the click. */
function clickIn(page: Page, _selector: string, index: number) {
  return page.evaluate((i) => {
    const radio = document.querySelectorAll<HTMLInputElement>('.tiers input[type=radio]')[i]!;
    (window as unknown as { __actionAt: number }).__actionAt = performance.now();
    radio.click();
  }, index);
}

/** Choose a category in the select inside the page, stamping the time of the change. */
function selectIn(page: Page, value: string) {
  return page.evaluate((v) => {
    const select = document.querySelector<HTMLSelectElement>('.field select')!;
    (window as unknown as { __actionAt: number }).__actionAt = performance.now();
    select.value = v;
    select.dispatchEvent(new Event('change', { bubbles: true }));
  }, value);
}

beforeAll(async () => {
  await session.start();
  const context = await session.browser.newContext({
    viewport: { width: 1280, height: 860 },
    deviceScaleFactor: 1,
  });
  await context.addInitScript(() => {
    const w = window as unknown as { __longTasks: number[] };
    w.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__longTasks.push(e.duration);
    }).observe({ type: 'longtask', buffered: true });
  });
  const page = await context.newPage();
  const consoleErrors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  await page.goto(`${session.server.url}?test=1`);
  await waitForIdle(page);
  await page.waitForFunction(() => window.__yangpuCoverage, null, { timeout: 60_000 });
  opened = { page, consoleErrors, requests: [], msToIdle: 0 };
});
afterAll(async () => {
  console.log(
    `long tasks (> 50 ms) within 1.5 s of each coverage change: ${longTasks.length ? longTasks.map((t) => `${t.phase} ${t.ms.toFixed(0)} ms`).join(', ') : 'none'}`,
  );
  console.log(
    `long tasks from a plain 30 px map pan (software WebGL repaint): ${panBaseline.map((ms) => `${ms.toFixed(0)} ms`).join(', ') || 'none'}`,
  );
  console.log(
    `our main-thread work per change: ${ourMainThread.map((m) => `${m.phase} ${m.ms.toFixed(1)} ms`).join(', ')}`,
  );
  await session.stop();
});

describe('coverage in the app', () => {
  it('colours every circle by its coverage class and draws gap polygons', async () => {
    const { page } = opened;
    const { table } = await shownCoverage(page);
    expect(table.category).toBe('elder-canteen');
    expect(table.circles).toHaveLength(33);
    const states = await page.evaluate(
      (ids) =>
        ids.map((id) => window.__yangpuMap!.map.getFeatureState({ source: 'circles', id }).fill as string),
      table.circles.map((c) => c.id),
    );
    table.circles.forEach((c, k) => {
      expect(states[k]).toBe(coverageColour(c.populationShare));
    });
    await waitForIdle(page);
    const gaps = await page.evaluate(
      () => window.__yangpuMap!.map.queryRenderedFeatures({ layers: ['gap-fill'] }).length,
    );
    expect(gaps).toBeGreaterThan(0);
    await expect(page.getByTestId('district-share').textContent()).resolves.toMatch(/%$/);
    await page.screenshot({ path: join(SCREENSHOTS, 'coverage-canteens-300m.png') });
  });

  it('a threshold change updates the numbers within 100 ms of app work', async () => {
    const { page } = opened;
    const before = await page.getByTestId('district-share').textContent();
    const r = await timed(
      page,
      'threshold 10 min',
      () => clickIn(page, 'input[type=radio][name=tier]:nth-of-type(1)', 1),
      (c) => c.radiusM === 500,
    );
    ourMainThread.push({ phase: 'threshold', ms: r.mainThreadMs });
    console.log(
      `threshold change → numbers in the DOM: ${r.ms.toFixed(0)} ms (worker ${r.workerMs.toFixed(1)} ms, main thread ${r.mainThreadMs.toFixed(1)} ms)`,
    );
    expectQuick(r);
    await expect(page.getByTestId('district-share').textContent()).resolves.not.toBe(before);
    expect(page.url()).toContain('r=500');
  });

  it('a category change updates the numbers within 100 ms of app work', async () => {
    const { page } = opened;
    const r = await timed(
      page,
      'category kindergarten',
      () => selectIn(page, 'kindergarten'),
      (c) => c.category === 'kindergarten' && c.radiusM === 300,
    );
    ourMainThread.push({ phase: 'category', ms: r.mainThreadMs });
    console.log(
      `category change → numbers in the DOM: ${r.ms.toFixed(0)} ms (worker ${r.workerMs.toFixed(1)} ms, main thread ${r.mainThreadMs.toFixed(1)} ms)`,
    );
    expectQuick(r);
    expect(page.url()).toContain('cat=kindergarten');
    await waitForIdle(page);
    await page.screenshot({ path: join(SCREENSHOTS, 'coverage-kindergartens-300m.png') });
  });

  it('a custom distance is accepted and a URL restores category and distance', async () => {
    const { page } = opened;
    const r = await timed(
      page,
      'custom 750 m',
      () =>
        page.evaluate(() => {
          const input = document.querySelector<HTMLInputElement>('.tiers input[type=number]')!;
          (window as unknown as { __actionAt: number }).__actionAt = performance.now();
          input.value = '750';
          input.dispatchEvent(new Event('change', { bubbles: true }));
        }),
      (c) => c.radiusM === 750,
    );
    ourMainThread.push({ phase: 'custom', ms: r.mainThreadMs });
    const url = page.url();
    const p = await session.open(url.split('?')[1]!.replace('test=1&', ''));
    await p.page.waitForFunction(() => window.__yangpuCoverage, null, { timeout: 60_000 });
    const c = await shownCoverage(p.page);
    expect([c.category, c.radiusM]).toEqual(['kindergarten', 750]);
    await p.page.context().close();
  });

  it('keeps our main-thread work under 50 ms per change (the analysis runs in the worker)', async () => {
    for (const m of ourMainThread) expect(m.ms, m.phase).toBeLessThan(50);
    // Baseline: long tasks from one map repaint alone (a 30 px pan), in this software-GL browser.
    const { page } = opened;
    await page.evaluate(() => {
      (window as unknown as { __longTasks: number[] }).__longTasks = [];
      window.__yangpuMap!.map.panBy([30, 0], { duration: 0 });
    });
    await page.waitForTimeout(1500);
    panBaseline = await page.evaluate(() => (window as unknown as { __longTasks: number[] }).__longTasks);
  });
});
