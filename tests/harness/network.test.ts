/**
 * Walking distance on the network, headless (was tests/browser/network.test.ts): switch the
 * distance model (the URL keeps it), straight line and walking side by side, a 睦邻门 gate by
 * two clicks, suggested gates, an imported OSM network, and near me walking along it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FIXTURES } from '../helpers/golden';
import { bootApp, type HarnessApp, POLL } from './app';
import { $, $$, byLabel, check, choose, click, find, findRole, rendered, setFile, text } from './dom';

let app: HarnessApp;
afterEach(() => app?.stop());

/** 国福路 (inside the 复旦 staff quarter) and 邯郸路, 31 m apart across a wall: ~760 m on foot. */
const WALL: [[number, number], [number, number]] = [
  [121.502313, 31.299064],
  [121.502282, 31.299338],
];
const distanceShown = () => window.__yangpuCoverage?.table.distance;

describe('walking network', () => {
  it('switches to walking distance: the URL keeps it and the table shows both distances side by side', async () => {
    app = await bootApp('cat=kindergarten');
    await find('[data-testid=distance-choice]');
    check(byLabel(/^步行网络距离/));
    await expect.poll(distanceShown, POLL).toBe('network');
    expect(app.search).toContain('dist=network');
    const table = await find('[data-testid=network-comparison]');
    expect($$('tbody tr', table).length).toBeGreaterThan(3);
    // walking never covers more of the same residents than the straight line
    for (const c of window.__yangpuCoverage!.table.circles.filter((x) => x.network))
      expect(c.network!.share).toBeLessThanOrEqual((c.network!.straightShare ?? 0) + 1e-9);
    // the map draws the walking graph, and the gaps are Turf's of the walking distance
    await expect.poll(() => app.map.drawn.networkGraph.features.length, POLL).toBeGreaterThan(100);
    await expect
      .poll(() => {
        const g = window.__yangpuGaps;
        return !!g && g.requestedAt >= window.__yangpuCoverage!.requestedAt && g.features > 33;
      }, POLL)
      .toBe(true);
    expect(window.__yangpuGaps!.traced).toEqual([]);
    await expect
      .poll(() => [...new Set(app.map.drawn.gaps.features.map((f) => f.properties?.distance))], POLL)
      .toEqual(['network']);
    // back to straight-line: the walking graph is no longer drawn
    check(byLabel('直线距离'));
    await expect.poll(distanceShown, POLL).toBe('straight');
    await expect.poll(() => app.map.drawn.networkGraph.features.length, POLL).toBe(0);
    expect(app.errors).toEqual([]);
    // a fresh app from the link opens in network mode
    const query = app.search.slice(1).replace('test=1&', '').replace('dist=straight', 'dist=network');
    app.stop();
    app = await bootApp(query.includes('dist=network') ? query : `${query}&dist=network`);
    await expect.poll(distanceShown, POLL).toBe('network');
  });

  it('adds a 睦邻门 by two clicks and shows coverage before → after', async () => {
    app = await bootApp('dist=network&cat=nursing-home&v=16/31.2992/121.5023');
    await expect.poll(distanceShown, POLL).toBe('network');
    click(await findRole('button', '新方案'));
    click(await findRole('button', /添加睦邻门/));
    await expect.poll(() => app.map.modeId, POLL).toBe('add-gate');
    app.map.clickAt(WALL[0]);
    app.map.clickAt(WALL[1]);
    const edits = await find('[data-testid=network-edits]');
    expect($$('li', edits)).toHaveLength(1);
    await expect.poll(() => app.map.drawn.edits.gates.length, POLL).toBe(1);
    expect(app.map.modeId).toBe('select');
    await find('[data-testid=newly-covered]');
    expect(window.__yangpuScenario!.newlyCovered).toBeGreaterThanOrEqual(0);
    await expect.poll(() => app.search, POLL).toContain('sc=2.');
  });

  it('suggests gates and adds one to a new scenario', async () => {
    app = await bootApp('dist=network&cat=kindergarten');
    await expect.poll(distanceShown, POLL).toBe('network');
    click(await findRole('button', '新方案'));
    click(await findRole('button', '计算开门建议'));
    const list = await find('[data-testid=gate-suggestions]');
    await expect.poll(() => $$('li', list).length, POLL).toBeGreaterThan(0);
    const first = text($('li', list));
    expect(first).toMatch(/新增覆盖 [\d,]+ 人 · 步行缩短 [\d,]+ 米 · 门长 \d+ 米/);
    const gain = Number(first.match(/新增覆盖 ([\d,]+)/)![1]!.replace(/,/g, ''));
    expect(gain).toBeGreaterThan(0);
    click(await findRole('button', '加入', list));
    await find('[data-testid=network-edits]');
    const newly = await find('[data-testid=newly-covered]');
    await expect.poll(() => Number(text(newly).replace(/[^\d]/g, '')), POLL).toBe(gain);
  });

  it('imports a walking network (an OSM XML file): network mode then covers its extent', async () => {
    app = await bootApp('dist=network&cat=kindergarten');
    await expect.poll(distanceShown, POLL).toBe('network');
    const before = window.__yangpuCoverage!.table.network!.residents;
    click(await findRole('tab', '图层与数据'));
    await find('.dropzone');
    choose(byLabel('数据类型'), 'network');
    await rendered();
    const file = 'tongji-siping.cut-zoumatang.osm';
    setFile($('.dropzone input[type=file]'), file, readFileSync(join(FIXTURES, 'osm', file)));
    await find('[data-testid=import-network]');
    click(await findRole('button', '确认导入'));
    click(await findRole('tab', '覆盖分析'));
    await expect
      .poll(() => {
        const t = window.__yangpuCoverage?.table;
        return t?.distance === 'network' && !!t.network && Math.abs(t.network.residents - before) > 1;
      }, POLL)
      .toBe(true);
    const after = window.__yangpuCoverage!.table.network!.residents;
    // the cut covers a small corner of 四平路/同济: far fewer residents than the shipped 7.5 km²
    expect(after).toBeGreaterThan(0);
    expect(after).toBeLessThan(before / 2);
  });

  it('near me walks along the network: routes, isochrones, and no planner hatching', async () => {
    app = await bootApp('tab=nearby&at=121.5095,31.3005&v=15.3/31.3005/121.5095', { coverage: false });
    await expect.poll(() => $$('li[data-walk=network]').length, POLL).toBeGreaterThan(10);
    await expect
      .poll(() => text(document.querySelector('[data-testid=nearby-distance-note]')), POLL)
      .toMatch(/步行网络/);
    await expect.poll(() => app.map.drawn.resident.routes.length, POLL).toBeGreaterThan(0);
    expect(app.map.drawn.isochrones.features.length).toBeGreaterThan(0);
    expect(app.map.drawn.plannerHidden).toBe(true);
    // outside the mapped network the straight-line view stays, and says so
    expect(app.map.modeId).toBe('drop-point');
    app.map.clickAt([121.54, 31.26]);
    await expect.poll(() => $$('li[data-walk=network]').length, POLL).toBe(0);
    await expect
      .poll(() => text(document.querySelector('[data-testid=nearby-distance-note]')), POLL)
      .toMatch(/不在已绘制的步行网络内/);
  });
});
