/**
 * Coverage in the app: circles coloured by the coverage of the chosen category and
 * distance, gaps drawn, numbers updated on every change, a failed analysis shown with a
 * retry, and what the map drew restored after a style change. Each test opens its own page.
 * Timings are printed for the record (the figures that matter are in `npm run bench`).
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { coverageColour } from '../../src/map/palette';
import {
  BrowserSession,
  chooseCategory,
  POLL,
  pageNow,
  SCREENSHOTS,
  waitForCoverage,
  waitForIdle,
} from './page';

const session = new BrowserSession();

/** A minimal MapLibre style served from the app's own origin (an "online basemap" in tests). */
const TEST_STYLE = {
  version: 8,
  name: 'test basemap',
  sources: {},
  layers: [{ id: 'test-background', type: 'background', paint: { 'background-color': '#e8e8e8' } }],
};

beforeAll(() =>
  session.start({ 'test-style.json': { type: 'application/json', body: JSON.stringify(TEST_STYLE) } }),
);
afterAll(() => session.stop());

/** Every circle's fill state on the map, and the colours the shown table asks for. */
function fills(page: Page) {
  return page.evaluate(() => {
    const { table } = window.__yangpuCoverage!;
    const map = window.__yangpuMap!.map;
    return table.circles.map((c) => ({
      share: c.populationShare,
      fill: map.getFeatureState({ source: 'circles', id: c.id }).fill as string | undefined,
    }));
  });
}

async function report(page: Page, what: string, t0: number) {
  const c = await page.evaluate(() => window.__yangpuCoverage!);
  console.log(
    `${what} → numbers in the DOM ${(c.shownAt - t0).toFixed(0)} ms (worker ${c.workerMs.toFixed(1)} ms, our main thread ${c.mainThreadMs.toFixed(1)} ms)`,
  );
}

describe('coverage in the app', () => {
  it('colours every circle by its coverage class and draws gap polygons', async () => {
    const { page, consoleErrors, context } = await session.open();
    const table = await page.evaluate(() => window.__yangpuCoverage!.table);
    expect(table.category).toBe('elder-canteen');
    expect(table.circles).toHaveLength(33);
    await page.waitForFunction(() => window.__yangpuMap!.map.querySourceFeatures('gaps').length > 0);
    for (const f of await fills(page)) expect(f.fill).toBe(coverageColour(f.share));
    await waitForIdle(page);
    const drawn = await page.evaluate(
      () => window.__yangpuMap!.map.queryRenderedFeatures({ layers: ['gap-fill'] }).length,
    );
    expect(drawn).toBeGreaterThan(0);
    await expect
      .poll(() => page.getByTestId('district-share').textContent(), POLL)
      .toMatch(/%(（\d+–\d+%）)?$/);
    await page.screenshot({ path: join(SCREENSHOTS, 'coverage-canteens-300m.png') });
    expect(consoleErrors).toEqual([]);
    await context.close();
  });

  it('a threshold change updates the numbers, the colours and the URL', async () => {
    const { page, context } = await session.open();
    const before = await page.getByTestId('district-share').textContent();
    const t0 = await pageNow(page);
    await page.locator('.tiers input[type=radio]').nth(1).check();
    await waitForCoverage(page, { radiusM: 500, since: t0 });
    await report(page, 'threshold 300 → 500 m', t0);
    await expect.poll(() => page.getByTestId('district-share').textContent(), POLL).not.toBe(before);
    expect(page.url()).toContain('r=500');
    await page.waitForFunction(() => {
      const { table } = window.__yangpuCoverage!;
      const c = table.circles[0]!;
      return window.__yangpuMap!.map.getFeatureState({ source: 'circles', id: c.id }).fill !== undefined;
    });
    for (const f of await fills(page)) expect(f.fill).toBe(coverageColour(f.share));
    await context.close();
  });

  it('a category change updates the numbers and emphasises that category on the map', async () => {
    const { page, context } = await session.open();
    const t0 = await chooseCategory(page, 'kindergarten');
    await waitForCoverage(page, { category: 'kindergarten', radiusM: 300, since: t0 });
    await report(page, 'category → kindergarten', t0);
    expect(page.url()).toContain('cat=kindergarten');
    await page.waitForFunction(() => {
      const op = window.__yangpuMap!.map.getPaintProperty('childcare-point', 'circle-opacity');
      return JSON.stringify(op).includes('kindergarten');
    });
    await waitForIdle(page);
    await page.screenshot({ path: join(SCREENSHOTS, 'coverage-kindergartens-300m.png') });
    await context.close();
  });

  it('a custom distance is accepted and the URL restores category and distance', async () => {
    const { page, context } = await session.open('cat=kindergarten');
    const t0 = await pageNow(page);
    await page.locator('.tiers input[type=number]').fill('750');
    await page.locator('.tiers input[type=number]').press('Enter');
    await waitForCoverage(page, { radiusM: 750, since: t0 });
    const other = await session.open(page.url().split('?')[1]!.replace('test=1&', ''));
    const c = await other.page.evaluate(() => window.__yangpuCoverage!.table);
    expect([c.category, c.radiusM]).toEqual(['kindergarten', 750]);
    await other.context.close();
    await context.close();
  });

  it('a failed analysis shows a bilingual message with a retry, and the retry works', async () => {
    const { page, context } = await session.open();
    await page.evaluate(() => window.__yangpuTest!.failNext('table'));
    await chooseCategory(page, 'nursing-home');
    const alert = page.getByTestId('analysis-error');
    await alert.waitFor();
    await expect.poll(() => alert.textContent(), POLL).toMatch(/分析失败.*failed on purpose/);
    // nothing spins: the busy marker is gone while the error is shown
    expect(await page.locator('.summary .busy').count()).toBe(0);
    const t0 = await pageNow(page);
    await alert.getByRole('button', { name: '重试' }).click();
    await waitForCoverage(page, { category: 'nursing-home', since: t0 });
    expect(await page.getByTestId('analysis-error').count()).toBe(0);
    // and in English
    await page.evaluate(() => window.__yangpuTest!.failNext('table'));
    await page.getByRole('button', { name: 'English' }).click();
    await chooseCategory(page, 'park');
    await page.getByTestId('analysis-error').waitFor();
    await expect
      .poll(() => page.getByTestId('analysis-error').textContent(), POLL)
      .toMatch(/The analysis failed/);
    await page.getByRole('button', { name: 'Retry' }).click();
    await waitForCoverage(page, { category: 'park' });
    await context.close();
  });

  it('keeps coverage colours, gaps and the selection after a style change (online basemap)', async () => {
    const { page, context } = await session.open('circle=310110006-1');
    await page.waitForFunction(() => window.__yangpuMap!.map.querySourceFeatures('gaps').length > 0);
    const styleUrl = new URL('test-style.json', session.server.url).href;
    await page.evaluate((url) => window.__yangpuMap!.setBasemap(url), styleUrl);
    await page.waitForFunction(
      () => window.__yangpuMap!.map.getStyle()?.layers?.[0]?.id === 'test-background',
    );
    await waitForIdle(page);
    for (const f of await fills(page)) expect(f.fill).toBe(coverageColour(f.share));
    const after = await page.evaluate(() => {
      const map = window.__yangpuMap!.map;
      return {
        gaps: map.queryRenderedFeatures({ layers: ['gap-fill'] }).length,
        selected: map.getFeatureState({ source: 'circles', id: '310110006-1' }).selected,
        hatch: map.hasImage('gap-hatch'),
      };
    });
    expect(after.gaps).toBeGreaterThan(0);
    expect(after.hatch).toBe(true);
    expect(after.selected).toBe(true);
    await page.screenshot({ path: join(SCREENSHOTS, 'coverage-after-style-change.png') });
    await context.close();
  });
});
