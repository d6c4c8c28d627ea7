/**
 * Scenarios in the production build: add, move and delete proposed sites; compare named
 * scenarios; they survive a reload and travel in the share URL (today's links and the
 * first wave's); suggest and accept sites. Every test opens its own page and sets up its
 * own scenarios (through the UI or a share link).
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeScenarios, type Scenario } from '../../src/ui/scenarios/codec';
import { BrowserSession, clickMapAt, POLL, SCREENSHOTS, waitForIdle } from './page';

const session = new BrowserSession();
beforeAll(() => session.start());
afterAll(() => session.stop());

/** A link made by the first wave's share button (version 1), kept verbatim. */
const V1_LINK =
  'W1si5paw5pa55qGIIDEiLFtbNCwxMjYzNywxMDcxMiwi6ZW_6ICF6aOf5aCCICMxIl0sWzksMTA1MTIsNzc4OCwi5bm85YS_5ZutICMyIl1dXSxbIlBsYW4gQiIsW1sxMiwxNDMyMSwxMTIzNCwiQmFieSByb29tIl1dXV0';

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
  it('adds a proposed site by clicking the map and shows before → after', async () => {
    const { page, context } = await session.open();
    await page.getByRole('button', { name: '新方案' }).click();
    await page.getByRole('button', { name: /添加拟建点/ }).click();
    const target = await page.evaluate(() => {
      const t = window.__yangpuCoverage!.table;
      return t.circles.find((c) => c.id === t.rankingByGap[0])!.worstPoint as [number, number];
    });
    const t0 = await clickMapAt(page, target);
    await page.waitForFunction((t) => (window.__yangpuScenario?.receivedAt ?? 0) > t, t0);
    const s = (await stamp(page))!;
    console.log(
      `drop → numbers: ${(s.receivedAt - t0).toFixed(0)} ms end to end (worker ${s.workerMs.toFixed(1)} ms); newly covered ${Math.round(s.newlyCovered)}`,
    );
    expect(s.newlyCovered).toBeGreaterThan(0);
    await page.getByTestId('newly-covered').waitFor();
    expect(await page.locator('.scenario-sites li').count()).toBe(1);
    expect(await page.locator('.proposed-site').count()).toBe(1);
    // the click was taken by the "add a site" mode, which then gives way to "select"
    expect(await page.evaluate(() => window.__yangpuMap!.modeId)).toBe('select');
    await context.close();
  });

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

  it('names and deletes a site', async () => {
    const [p] = await worstPoints(1);
    const { page, context } = await openWith([{ id: 'S1', name: 'A', sites: [site('P1', p!, 'old name')] }]);
    const name = page.getByLabel('拟建点名称');
    await name.fill('新长者食堂（测试）');
    await name.press('Enter');
    await page.waitForFunction(() => decodeURIComponent(location.search).includes('sc=2.'));
    await page.reload();
    await expect(page.getByLabel('拟建点名称').inputValue()).resolves.toBe('新长者食堂（测试）');
    await page.getByRole('button', { name: '删除', exact: true }).click();
    await page.waitForFunction(() => document.querySelectorAll('.scenario-sites li').length === 0);
    expect(await page.getByTestId('newly-covered').count()).toBe(0);
    expect(await page.locator('.proposed-site').count()).toBe(0);
    await context.close();
  });

  it('suggests five sites and adds them to the scenario', async () => {
    const { page, context } = await session.open();
    await page.getByRole('button', { name: '新方案' }).click();
    await page.getByRole('button', { name: '计算建议' }).click();
    await page.locator('[data-testid=suggestions] li').nth(4).waitFor({ timeout: 60_000 });
    const ms = await page.evaluate(() => window.__yangpuSuggestMs!);
    const listed = await page.locator('[data-testid=suggestions] li').allTextContents();
    console.log(`suggest 5 elder canteens at 300 m: worker ${ms.toFixed(0)} ms; ${listed.join(' | ')}`);
    expect(listed).toHaveLength(5);
    expect(await page.locator('.suggested-site').count()).toBe(5);
    await page.getByRole('button', { name: '全部加入方案' }).click();
    await page.waitForFunction(() => document.querySelectorAll('.scenario-sites li').length === 5);
    await page.getByTestId('newly-covered').waitFor();
    const newly = Number((await page.getByTestId('newly-covered').textContent())!.replace(/[^\d]/g, ''));
    console.log(`accepted: newly covered residents ${newly}`);
    expect(newly).toBeGreaterThan(0);
    await waitForIdle(page);
    await page.screenshot({ path: join(SCREENSHOTS, 'scenario-suggested.png') });
    await context.close();
  });

  it('suggests from a fresh profile in two clicks; accepting creates a scenario named after the type and distance', async () => {
    const { page, context } = await session.open();
    const scenarioPicker = page.getByRole('combobox', { name: '规划方案（拟建点）' });
    expect(await scenarioPicker.count()).toBe(0); // a fresh profile has no scenario
    await expect
      .poll(() => page.getByTestId('suggest-new-scenario').textContent(), POLL)
      .toContain('长者食堂 · 300 米');
    // click 1: suggest
    await page.getByRole('button', { name: '计算建议' }).click();
    await page.locator('[data-testid=suggestions] li').nth(4).waitFor({ timeout: 60_000 });
    // click 2: accept them all, into a new scenario
    await page.getByRole('button', { name: '全部加入新方案' }).click();
    await page.waitForFunction(() => document.querySelectorAll('.scenario-sites li').length === 5);
    await expect
      .poll(() => scenarioPicker.locator('option').allTextContents(), POLL)
      .toEqual(['长者食堂 · 300 米']);
    await page.getByTestId('newly-covered').waitFor();
    expect(
      Number((await page.getByTestId('newly-covered').textContent())!.replace(/[^\d]/g, '')),
    ).toBeGreaterThan(0);
    await page.waitForFunction(() => location.search.includes('sc=2.'));
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

  it('keeps scenarios across a reload and in a shared link', async () => {
    const { page, context } = await session.open();
    await page.getByRole('button', { name: '新方案' }).click();
    await page.getByRole('button', { name: /添加拟建点/ }).click();
    const target = await page.evaluate(
      () => window.__yangpuCoverage!.table.circles[0]!.worstPoint as [number, number],
    );
    await clickMapAt(page, target);
    await page.waitForFunction(() => document.querySelectorAll('.scenario-sites li').length === 1);
    await page.waitForFunction(() => location.search.includes('sc=2.'));
    const url = page.url();
    await page.reload();
    await page.getByTestId('newly-covered').waitFor();
    expect(await page.locator('.scenario-sites li').count()).toBe(1);
    // a fresh browser profile (no localStorage) opening the link gets the same scenario
    const other = await session.open(url.split('?')[1]!.replace('test=1&', ''));
    await other.page.getByTestId('newly-covered').waitFor();
    expect(await other.page.locator('.scenario-sites li').count()).toBe(1);
    await other.context.close();
    await context.close();
  });

  it('opens a share link made by the first wave (version 1) with its scenarios and sites', async () => {
    const { page, context } = await session.open(`sc=${V1_LINK}`);
    const names = await page.locator('select').nth(1).locator('option').allTextContents();
    expect(names).toEqual(['新方案 1', 'Plan B']);
    // the first scenario's elder-canteen site is counted for the default category
    await page.getByTestId('newly-covered').waitFor();
    expect(await page.locator('.scenario-sites li').count()).toBe(2);
    await context.close();
  });
});
