/**
 * Walking distance on the network in the production build: switch the distance model (and
 * the URL keeps it), see straight line and walking side by side, add a 睦邻门 gate by two
 * clicks and see before → after, suggest gates and add one, and walk from home in near me
 * (routes and isochrones drawn, the planner's hatching hidden). Each test opens its own page.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES } from '../helpers/golden';
import { BrowserSession, clickMapAt, SCREENSHOTS, waitForCoverage, waitForIdle } from './page';

const session = new BrowserSession();
beforeAll(() => session.start());
afterAll(() => session.stop());

/** 国福路 (inside the 复旦 staff quarter) and 邯郸路, 31 m apart across a wall: ~760 m on foot. */
const WALL: [[number, number], [number, number]] = [
  [121.502313, 31.299064],
  [121.502282, 31.299338],
];

describe('walking network', () => {
  it('switches to walking distance: the URL keeps it and the table shows both distances side by side', async () => {
    const { page, context, consoleErrors } = await session.open('cat=kindergarten');
    await page.getByTestId('distance-choice').waitFor();
    await page.getByLabel('步行网络距离').check();
    await waitForCoverage(page, { category: 'kindergarten' });
    await page.waitForFunction(() => window.__yangpuCoverage!.table.distance === 'network');
    expect(page.url()).toContain('dist=network');
    const table = page.getByTestId('network-comparison');
    await table.waitFor();
    const rows = await table.locator('tbody tr').count();
    expect(rows).toBeGreaterThan(3);
    // walking never covers more of the same residents than the straight line
    const shares = await page.evaluate(() =>
      window
        .__yangpuCoverage!.table.circles.filter((c) => c.network)
        .map((c) => [c.network!.share, c.network!.straightShare]),
    );
    for (const [walking, straight] of shares) expect(walking!).toBeLessThanOrEqual(straight! + 1e-9);
    // the map draws the walking graph, and the gaps are Turf's of the walking distance
    await page.waitForFunction(
      () => window.__yangpuMap!.map.querySourceFeatures('networkGraph').length > 100,
    );
    await page.waitForFunction(() => {
      const g = window.__yangpuGaps;
      return g !== undefined && g.requestedAt >= window.__yangpuCoverage!.requestedAt && g.features > 33;
    });
    expect(await page.evaluate(() => window.__yangpuGaps!.traced)).toEqual([]);
    const kinds = await page.evaluate(async () => {
      const source = window.__yangpuMap!.map.getSource('gaps') as unknown as { getData(): Promise<unknown> };
      const data = (await source.getData()) as GeoJSON.FeatureCollection;
      return [...new Set(data.features.map((f) => f.properties?.distance))];
    });
    expect(kinds).toEqual(['network']);
    await waitForIdle(page);
    await page.screenshot({ path: join(SCREENSHOTS, 'network-mode.png') });
    // a fresh page from the link opens in network mode
    const again = await session.open(page.url().split('?')[1]!.replace('test=1&', ''));
    await again.page.waitForFunction(() => window.__yangpuCoverage?.table.distance === 'network');
    await again.context.close();
    // back to straight-line: the walking graph is no longer drawn
    await page.getByLabel('直线距离').check();
    await page.waitForFunction(() => window.__yangpuCoverage!.table.distance === 'straight');
    await page.waitForFunction(
      () => window.__yangpuMap!.map.querySourceFeatures('networkGraph').length === 0,
    );
    expect(consoleErrors).toEqual([]);
    await context.close();
  });

  it('adds a 睦邻门 by two clicks and shows coverage before → after', async () => {
    const { page, context } = await session.open('dist=network&cat=nursing-home&v=16/31.2992/121.5023');
    await page.waitForFunction(() => window.__yangpuCoverage!.table.distance === 'network');
    await page.getByRole('button', { name: '新方案' }).click();
    await page.getByRole('button', { name: /添加睦邻门/ }).click();
    expect(await page.evaluate(() => window.__yangpuMap!.modeId)).toBe('add-gate');
    await clickMapAt(page, WALL[0]);
    await clickMapAt(page, WALL[1]);
    await page.getByTestId('network-edits').waitFor();
    expect(await page.getByTestId('network-edits').locator('li').count()).toBe(1);
    expect(await page.evaluate(() => window.__yangpuMap!.modeId)).toBe('select');
    await page.getByTestId('newly-covered').waitFor();
    const s = await page.evaluate(() => window.__yangpuScenario!);
    expect(s.newlyCovered).toBeGreaterThanOrEqual(0);
    await page.waitForFunction(() => location.search.includes('sc=2.'));
    await waitForIdle(page);
    await page.screenshot({ path: join(SCREENSHOTS, 'network-gate.png') });
    await context.close();
  });

  it('suggests gates and adds one to a new scenario', async () => {
    const { page, context } = await session.open('dist=network&cat=kindergarten');
    await page.waitForFunction(() => window.__yangpuCoverage!.table.distance === 'network');
    await page.getByRole('button', { name: '新方案' }).click();
    await page.getByRole('button', { name: '计算开门建议' }).click();
    const list = page.getByTestId('gate-suggestions');
    await list.waitFor({ timeout: 120_000 });
    const first = (await list.locator('li').first().textContent())!;
    expect(first).toMatch(/新增覆盖 [\d,]+ 人 · 步行缩短 [\d,]+ 米 · 门长 \d+ 米/);
    const gain = Number(first.match(/新增覆盖 ([\d,]+)/)![1]!.replace(/,/g, ''));
    expect(gain).toBeGreaterThan(0);
    await list.getByRole('button', { name: '加入' }).first().click();
    await page.getByTestId('network-edits').waitFor();
    await page.getByTestId('newly-covered').waitFor();
    const newly = Number((await page.getByTestId('newly-covered').textContent())!.replace(/[^\d]/g, ''));
    expect(newly).toBe(gain);
    await context.close();
  });

  it('imports a walking network (an OSM XML file): network mode then covers its extent', async () => {
    const { page, context } = await session.open('dist=network&cat=kindergarten');
    await page.waitForFunction(() => window.__yangpuCoverage!.table.distance === 'network');
    const before = await page.evaluate(() => window.__yangpuCoverage!.table.network!.residents);
    await page.getByRole('tab', { name: '图层与数据' }).click();
    await page.getByLabel('数据类型').selectOption('network');
    await page
      .locator('.dropzone input[type=file]')
      .setInputFiles(join(FIXTURES, 'osm', 'tongji-siping.cut-zoumatang.osm'));
    await page.getByTestId('import-network').waitFor({ timeout: 60_000 });
    await page.getByRole('button', { name: '确认导入' }).click();
    await page.getByRole('tab', { name: '覆盖分析' }).click();
    await page.waitForFunction(
      (b) => {
        const t = window.__yangpuCoverage?.table;
        return t?.distance === 'network' && t.network && Math.abs(t.network.residents - b) > 1;
      },
      before,
      { timeout: 120_000 },
    );
    const after = await page.evaluate(() => window.__yangpuCoverage!.table.network!.residents);
    // the cut covers a small corner of 四平路/同济: far fewer residents than the shipped 7.5 km²
    expect(after).toBeGreaterThan(0);
    expect(after).toBeLessThan(before / 2);
    await context.close();
  });

  it('near me walks along the network: routes, isochrones, and no planner hatching', async () => {
    const { page, context } = await session.open('tab=nearby&at=121.5095,31.3005&v=15.3/31.3005/121.5095', {
      coverage: false,
    });
    await page.locator('li[data-walk=network]').first().waitFor({ timeout: 60_000 });
    expect(await page.locator('li[data-walk=network]').count()).toBeGreaterThan(10);
    await expect(page.getByTestId('nearby-distance-note').textContent()).resolves.toMatch(/步行网络/);
    await waitForIdle(page);
    const drawn = await page.evaluate(() => {
      const map = window.__yangpuMap!.map;
      return {
        routes: map.queryRenderedFeatures({ layers: ['resident-route'] }).length,
        isochrones: map.querySourceFeatures('isochrone').length,
        gaps: map.getLayoutProperty('gap-fill', 'visibility'),
      };
    });
    expect(drawn.routes).toBeGreaterThan(0);
    expect(drawn.isochrones).toBeGreaterThan(0);
    expect(drawn.gaps).toBe('none');
    await page.screenshot({ path: join(SCREENSHOTS, 'nearby-walking.png') });
    // outside the mapped network the straight-line view stays, and says so
    await clickMapAt(page, [121.54, 31.26]);
    await page.waitForFunction(() => document.querySelectorAll('li[data-walk=network]').length === 0);
    await expect(page.getByTestId('nearby-distance-note').textContent()).resolves.toMatch(
      /不在已绘制的步行网络内/,
    );
    await context.close();
  });
});
