/**
 * The access analysis of issue 20 in the production build (a real browser: the worker, the
 * map layer, SVG): capacity in reach and the Gini as the Node engine computes them, the
 * dashboard's capacity & basket view sorted, the walk time in one click and in the URL, the
 * capacity layer drawn, a scenario's difference equal to its table gain, the reports'
 * access section. Every test opens its own page.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCoverageData } from '../../scripts/bench/coverage-data';
import { capacityAccess, isCapacityResult } from '../../src/analysis/access/capacity';
import { fairness } from '../../src/analysis/access/fairness';
import { CoverageEngine } from '../../src/analysis/coverage/engine';
import { buildPopulationModel, inputsFromCollections } from '../../src/analysis/coverage/model';
import { encodeScenarios } from '../../src/ui/scenarios/codec';
import { BrowserSession, POLL, waitForCoverage } from './page';

const session = new BrowserSession();
let node: { ratio: number; gini: number };
beforeAll(async () => {
  await session.start();
  // the same figures from the engine in Node (the worker runs the same modules)
  const { layers, facilities, riverfront } = loadCoverageData();
  const engine = new CoverageEngine(
    buildPopulationModel(inputsFromCollections(layers)),
    facilities,
    riverfront,
  );
  const r = capacityAccess(engine, { category: 'nursing-home', radiusM: 1000 });
  if (!isCapacityResult(r)) throw new Error('no capacity');
  node = {
    ratio: r.district.ratio!,
    gini: fairness(engine, { category: 'nursing-home', radiusM: 1000, measure: 'distance' })!.gini!,
  };
});
afterAll(() => session.stop());

const text = (page: Page, id: string) => page.getByTestId(id).textContent();

describe('capacity in reach, basket and fairness in the app', () => {
  it('shows beds per 100 elders in reach and the Gini as the engine computes them, with a Lorenz plot', async () => {
    const { page, context, consoleErrors } = await session.open('cat=nursing-home');
    await expect.poll(() => text(page, 'district-capacity'), POLL).toBe(`≥ ${node.ratio.toFixed(2)}`);
    expect(await text(page, 'gini-distance')).toBe(node.gini.toFixed(3));
    // the Lorenz curves: distance and capacity, each a path ending at (100 %, 100 %)
    expect(await page.locator('[data-testid=lorenz] path.curve').count()).toBe(2);
    // the 16 homes without beds are named, not counted
    await page.getByTestId('unknown-sites').locator('summary').click();
    expect(await page.getByTestId('unknown-sites').locator('li').count()).toBe(16);
    expect(consoleErrors).toEqual([]);
    await context.close();
  });

  it('the dashboard’s capacity & basket view sorts by capacity; unknown stays “unknown”, never 0', async () => {
    const { page, context } = await session.open('cat=nursing-home&lang=en');
    await page.locator('.dashboard-views button[data-view=extra]').click();
    const header = page.getByRole('button', { name: /Sort by.*Capacity/ });
    await header.waitFor();
    await header.click(); // descending
    const cells = () =>
      page
        .locator('table.dashboard tbody tr')
        .evaluateAll((rows) =>
          rows.map((r) => (r.querySelectorAll('td')[1] as HTMLElement | undefined)?.innerText ?? ''),
        );
    await expect.poll(async () => (await cells()).length, POLL).toBe(33);
    const values = (await cells()).filter((v) => /\d/.test(v)).map((v) => Number(v.replace(/[^\d.]/g, '')));
    expect(values.length).toBeGreaterThan(20);
    expect([...values].sort((a, b) => b - a)).toEqual(values);
    expect((await cells()).some((v) => v === 'capacity unknown')).toBe(true);
    // no sideways scroll in English
    const wrap = page.locator('.table-wrap').first();
    expect(await wrap.evaluate((e) => e.scrollWidth - e.clientWidth)).toBeLessThanOrEqual(1);
    await context.close();
  });

  it('15 minutes at an elder’s pace is one click: 720 m in the table and min=15&pace=elder in the URL', async () => {
    const { page, context } = await session.open('cat=nursing-home');
    await page.getByTestId('elder-15').click();
    await waitForCoverage(page, { category: 'nursing-home', radiusM: 720 });
    expect(page.url()).toMatch(/min=15/);
    expect(page.url()).toMatch(/pace=elder/);
    expect(await text(page, 'walk-time-label')).toContain('720');
    // a reload keeps it
    await page.reload();
    await waitForCoverage(page, { category: 'nursing-home', radiusM: 720 });
    await context.close();
  });

  it('draws the capacity layer on the map and its legend', async () => {
    const { page, context } = await session.open('cat=nursing-home');
    await page
      .getByTestId('access-layer')
      .getByLabel(/可达容量/)
      .check();
    await page.waitForFunction(
      () => window.__yangpuAccess?.state.kind === 'capacity' && window.__yangpuAccess.state.features > 30,
      null,
      { timeout: 60_000 },
    );
    const visible = await page.evaluate(() =>
      window.__yangpuMap!.map.getLayoutProperty('access-fill', 'visibility'),
    );
    expect(visible).toBe('visible');
    expect(await page.getByTestId('access-legend').locator('li').count()).toBe(6);
    expect(page.url()).toMatch(/acc=capacity/);
    await context.close();
  });

  it('a scenario’s difference: residents newly covered equal the scenario table’s gain', async () => {
    const sc = encodeScenarios([
      {
        id: 'S1',
        name: 'test',
        sites: [{ id: 'P1', name: 'P1', category: 'nursing-home', lonLat: [121.52, 31.3] }],
      },
    ]);
    const { page, context } = await session.open(`cat=nursing-home&sc=${sc}`);
    await page.getByTestId('difference').waitFor({ timeout: 60_000 });
    await page.waitForFunction(() => window.__yangpuScenario, null, { timeout: 60_000 });
    const gain = await page.evaluate(() => window.__yangpuScenario!.newlyCovered);
    const shown = Number((await text(page, 'diff-residents'))!.replace(/[^\d]/g, ''));
    expect(shown).toBe(Math.round(gain));
    await page
      .getByTestId('access-layer')
      .getByLabel(/方案新增覆盖/)
      .check();
    await page.waitForFunction(
      () => window.__yangpuAccess?.state.kind === 'difference' && window.__yangpuAccess.state.features > 0,
      null,
      { timeout: 60_000 },
    );
    await context.close();
  });

  it('the reports have the access section: a circle’s beds per 100 elders and basket; the district’s Gini table and Lorenz plots', async () => {
    const context = await session.browser.newContext({ locale: 'zh-CN' });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${session.server.url}?report=circle:310110001-1`);
    await page.waitForSelector('[data-report-ready="true"] [data-testid=report-capacity]', {
      timeout: 300_000,
    });
    expect(await page.locator('[data-testid=report-capacity] tbody tr').count()).toBeGreaterThanOrEqual(3);
    expect(await page.getByTestId('report-basket-elder').textContent()).toMatch(/%/);
    await page.goto(`${session.server.url}?report=district`);
    await page.waitForSelector('[data-report-ready="true"] [data-testid=report-fairness]', {
      timeout: 300_000,
    });
    expect(await page.locator('[data-testid=report-fairness] tbody tr').count()).toBeGreaterThanOrEqual(15);
    expect(await page.locator('.access-section [data-testid=lorenz]').count()).toBe(2);
    expect(errors).toEqual([]);
    await context.close();
  });
});
