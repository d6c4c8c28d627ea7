/**
 * Scenarios in the production build, what needs a real browser: dragging a proposed site's
 * MapLibre marker, and the comparison's layout (no sideways scrolling). The rest of the
 * scenario flows run headless in tests/harness/scenarios.test.ts.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeScenarios, type Scenario } from '../../src/ui/scenarios/codec';
import { BrowserSession, SCREENSHOTS } from './page';

const session = new BrowserSession();
beforeAll(() => session.start());
afterAll(() => session.stop());

const stamp = (page: Page) => page.evaluate(() => window.__yangpuScenario ?? null);

/** Worst-served points of the `n` circles with most uncovered residents (elder canteens, 300 m). */
async function worstPoints(n: number): Promise<[number, number][]> {
  const { page, context } = await session.open();
  const points = await page.evaluate((k) => {
    const t = window.__yangpuCoverage!.table;
    return t.rankingByGap
      .slice(0, k)
      .map((id) => t.circles.find((c) => c.id === id)!.worstPoint as [number, number]);
  }, n);
  await context.close();
  return points;
}

/** Open the app with these scenarios in a share link; wait for the active scenario's numbers. */
async function openWith(list: Scenario[]) {
  const opened = await session.open(`sc=${encodeScenarios(list)}`);
  await opened.page.getByTestId('newly-covered').waitFor();
  return opened;
}

const site = (id: string, lonLat: [number, number], name = id) => ({
  id,
  name,
  category: 'elder-canteen' as const,
  lonLat,
});

describe('scenarios', () => {
  it('moves a site by dragging its marker and recomputes', async () => {
    const [p] = await worstPoints(1);
    const { page, context } = await openWith([{ id: 'S1', name: 'A', sites: [site('P1', p!)] }]);
    const before = (await stamp(page))!;
    const box = (await page.locator('.proposed-site').boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + 80, box.y + 40, { steps: 8 });
    await page.mouse.up();
    await page.waitForFunction((t) => (window.__yangpuScenario?.receivedAt ?? 0) > t, before.receivedAt);
    const after = (await stamp(page))!;
    expect(after.newlyCovered).not.toBe(before.newlyCovered);
    await context.close();
  });

  it('compares two named scenarios side by side', async () => {
    const [a, b] = await worstPoints(2);
    // names as "Suggest sites" makes them: type · distance, long in both languages
    const names = ['长者食堂 · 300 米 · 甲', 'Elder canteen · 300 m · B'];
    const { page, context } = await openWith([
      { id: 'S1', name: names[0]!, sites: [site('P1', a!)] },
      { id: 'S2', name: names[1]!, sites: [site('P2', b!)] },
    ]);
    await page.getByRole('button', { name: '方案对比' }).click();
    const table = page.getByTestId('comparison');
    await table.waitFor();
    expect(await table.locator('thead th').allTextContents()).toEqual(['生活圈', '现状', ...names]);
    expect(await table.locator('tbody tr').count()).toBe(33);
    // every column is in view: the panel needs no sideways scrolling to read a scenario's shares
    for (const language of ['中文', 'English']) {
      if (language === 'English') await page.getByRole('button', { name: 'English' }).click();
      await page.getByTestId('comparison').waitFor();
      const overflow = await page.evaluate(() => {
        const wrap = document.querySelector('[data-testid=comparison]')!.parentElement!;
        return wrap.scrollWidth - wrap.clientWidth;
      });
      expect(overflow, language).toBeLessThanOrEqual(1);
    }
    await page.getByTestId('comparison').screenshot({ path: join(SCREENSHOTS, 'comparison-en.png') });
    await context.close();
  });
});
