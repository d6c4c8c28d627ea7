/**
 * Scenarios, headless (was in tests/browser/scenarios.test.ts): add and delete proposed
 * sites, name them, suggest and accept sites, keep scenarios across a reload and in the
 * share URL (today's links and the first wave's). The marker drag itself and the comparison's
 * layout stay in Chromium.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { encodeScenarios, type Scenario } from '../../src/ui/scenarios/codec';
import { bootApp, type HarnessApp, POLL } from './app';
import { $, $$, byRole, click, fill, findRole, press, text } from './dom';

let app: HarnessApp;
afterEach(() => app?.stop());

/** A link made by the first wave's share button (version 1), kept verbatim. */
const V1_LINK =
  'W1si5paw5pa55qGIIDEiLFtbNCwxMjYzNywxMDcxMiwi6ZW_6ICF6aOf5aCCICMxIl0sWzksMTA1MTIsNzc4OCwi5bm85YS_5ZutICMyIl1dXSxbIlBsYW4gQiIsW1sxMiwxNDMyMSwxMTIzNCwiQmFieSByb29tIl1dXV0';

const worstPoint = () => {
  const t = window.__yangpuCoverage!.table;
  return t.circles.find((c) => c.id === t.rankingByGap[0])!.worstPoint as [number, number];
};
const site = (id: string, lonLat: [number, number], name = id) => ({
  id,
  name,
  category: 'elder-canteen' as const,
  lonLat,
});
const scenarioAfter = async (t: number) => {
  await expect.poll(() => window.__yangpuScenario?.receivedAt ?? -1, POLL).toBeGreaterThan(t);
  return window.__yangpuScenario!;
};
const newlyCovered = async () => {
  await expect.poll(() => document.querySelector('[data-testid=newly-covered]'), POLL).not.toBeNull();
  return Number(text($('[data-testid=newly-covered]')).replace(/[^\d]/g, ''));
};

/** The worst-served point of the circle with most uncovered residents, from a first app. */
async function firstWorstPoint(): Promise<[number, number]> {
  const a = await bootApp();
  const p = worstPoint();
  a.stop();
  return p;
}

async function openWith(list: Scenario[]) {
  app = await bootApp(`sc=${encodeScenarios(list)}`);
  await newlyCovered();
  return app;
}

describe('scenarios', () => {
  it('adds a proposed site by clicking the map and shows before → after', async () => {
    app = await bootApp();
    click(byRole('button', '新方案'));
    click(await findRole('button', /添加拟建点/));
    await expect.poll(() => app.map.modeId, POLL).toBe('add-site');
    const t0 = performance.now();
    app.map.clickAt(worstPoint());
    const s = await scenarioAfter(t0);
    expect(s.newlyCovered).toBeGreaterThan(0);
    await newlyCovered();
    expect($$('.scenario-sites li')).toHaveLength(1);
    await expect.poll(() => app.map.drawn.proposed.length, POLL).toBe(1);
    // the click was taken by the "add a site" mode, which then gives way to "select"
    expect(app.map.modeId).toBe('select');
  });

  it('moves a site (its marker reports the new place) and recomputes', async () => {
    const p = await firstWorstPoint();
    await openWith([{ id: 'S1', name: 'A', sites: [site('P1', p)] }]);
    const before = await scenarioAfter(-1);
    await expect.poll(() => app.map.drawn.proposed.length, POLL).toBe(1);
    app.map.dragSite(app.map.drawn.proposed[0]!.id, [p[0] + 0.004, p[1] - 0.002]);
    const after = await scenarioAfter(before.receivedAt);
    expect(after.newlyCovered).not.toBe(before.newlyCovered);
  });

  it('names and deletes a site', async () => {
    const p = await firstWorstPoint();
    await openWith([{ id: 'S1', name: 'A', sites: [site('P1', p, 'old name')] }]);
    const name = $('input[aria-label="拟建点名称"]');
    fill(name, '新长者食堂（测试）');
    press(name, 'Enter');
    await expect.poll(() => decodeURIComponent(app.search), POLL).toContain('sc=2.');
    // a reload: the same URL and this browser's storage
    const query = app.search.slice(1).replace('test=1&', '');
    app.stop();
    app = await bootApp(query, { keep: true });
    await expect
      .poll(
        () => (document.querySelector('input[aria-label="拟建点名称"]') as HTMLInputElement | null)?.value,
        POLL,
      )
      .toBe('新长者食堂（测试）');
    click(await findRole('button', '删除'));
    await expect.poll(() => $$('.scenario-sites li').length, POLL).toBe(0);
    expect($$('[data-testid=newly-covered]')).toHaveLength(0);
    await expect.poll(() => app.map.drawn.proposed.length, POLL).toBe(0);
  });

  it('suggests five sites and adds them to the scenario', async () => {
    app = await bootApp();
    click(byRole('button', '新方案'));
    click(byRole('button', '计算建议'));
    await expect.poll(() => $$('[data-testid=suggestions] li').length, POLL).toBe(5);
    await expect.poll(() => app.map.drawn.suggested.length, POLL).toBe(5);
    click(await findRole('button', '全部加入方案'));
    await expect.poll(() => $$('.scenario-sites li').length, POLL).toBe(5);
    expect(await newlyCovered()).toBeGreaterThan(0);
  });

  it('suggests from a fresh profile in two clicks; accepting creates a scenario named after the type and distance', async () => {
    app = await bootApp();
    const picker = () =>
      $$('select').find((s) => s.closest('label')?.textContent?.includes('规划方案（拟建点）')) ?? null;
    expect(picker()).toBeNull(); // a fresh profile has no scenario
    await expect
      .poll(() => text(document.querySelector('[data-testid=suggest-new-scenario]')), POLL)
      .toContain('长者食堂 · 300 米');
    click(byRole('button', '计算建议'));
    await expect.poll(() => $$('[data-testid=suggestions] li').length, POLL).toBe(5);
    click(await findRole('button', '全部加入新方案'));
    await expect.poll(() => $$('.scenario-sites li').length, POLL).toBe(5);
    await expect
      .poll(() => $$('option', picker() ?? document.createElement('div')).map(text), POLL)
      .toEqual(['长者食堂 · 300 米']);
    expect(await newlyCovered()).toBeGreaterThan(0);
    await expect.poll(() => app.search, POLL).toContain('sc=2.');
  });

  it('keeps scenarios across a reload and in a shared link', async () => {
    app = await bootApp();
    click(byRole('button', '新方案'));
    click(await findRole('button', /添加拟建点/));
    await expect.poll(() => app.map.modeId, POLL).toBe('add-site');
    app.map.clickAt(window.__yangpuCoverage!.table.circles[0]!.worstPoint as [number, number]);
    await expect.poll(() => $$('.scenario-sites li').length, POLL).toBe(1);
    await expect.poll(() => app.search, POLL).toContain('sc=2.');
    const query = app.search.slice(1).replace('test=1&', '');
    app.stop();
    // reload: same URL, same storage
    app = await bootApp(query, { keep: true });
    await newlyCovered();
    expect($$('.scenario-sites li')).toHaveLength(1);
    // a fresh profile (no localStorage) opening the link gets the same scenario
    app.stop();
    app = await bootApp(query);
    await newlyCovered();
    expect($$('.scenario-sites li')).toHaveLength(1);
  });

  it('opens a share link made by the first wave (version 1) with its scenarios and sites', async () => {
    app = await bootApp(`sc=${V1_LINK}`);
    const picker = $$('select').find((s) => s.closest('label')?.textContent?.includes('规划方案（拟建点）'));
    expect($$('option', picker!).map(text)).toEqual(['新方案 1', 'Plan B']);
    // the first scenario's elder-canteen site is counted for the default category
    await newlyCovered();
    expect($$('.scenario-sites li')).toHaveLength(2);
  });
});
