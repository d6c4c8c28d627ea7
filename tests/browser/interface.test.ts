/**
 * The planner and resident flows in the production build: dashboard sort and row click,
 * circle click, marker drop, search, URL round trip, exports, English, phone; axe-core finds no serious or critical violation.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from './axe';
import { BrowserSession, POLL, SCREENSHOTS, waitForIdle } from './page';

const session = new BrowserSession();

async function openApp(query = '', viewport = { width: 1280, height: 900 }, bypassCSP = false) {
  const { page, consoleErrors } = await session.open(query, { viewport, bypassCSP });
  return { page, errors: consoleErrors };
}

beforeAll(() => session.start());
afterAll(() => session.stop());

describe('planner flows', () => {
  it('sorts the dashboard and opens a circle from its row', async () => {
    const { page, errors } = await openApp();
    const table = page.getByRole('table');
    await expect.poll(() => table.locator('tbody tr').count(), POLL).toBe(33);
    // default order: uncovered residents, largest first
    const gaps = async () =>
      (await table.locator('tbody tr td:nth-child(4)').allTextContents()).map((x) =>
        Number(x.replace(/[^\d]/g, '')),
      );
    const before = await gaps();
    expect(before).toEqual([...before].sort((a, b) => b - a));
    await page.getByRole('button', { name: /排序：覆盖率/ }).click();
    await expect.poll(() => page.locator('th[aria-sort="descending"]').textContent(), POLL).toMatch(/覆盖率/);
    const firstRow = table.locator('tbody tr').first();
    const name = (await firstRow.locator('th button').textContent())!;
    await firstRow.locator('th button').click();
    await page.getByRole('heading', { name: new RegExp(`生活圈详情: ${name}`) }).waitFor();
    expect(page.url()).toMatch(/circle=/);
    // the profile shows every category with data once the defaults arrive
    await expect.poll(() => page.locator('ul.bars li').count(), POLL).toBeGreaterThan(10);
    await page
      .getByText(/边界由本项目推导/)
      .first()
      .waitFor();
    await waitForIdle(page);
    await page.screenshot({ path: join(SCREENSHOTS, 'circle-detail.png') });
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('clicking a circle on the map selects it; clicking a facility shows its details', async () => {
    const { page } = await openApp('layers=subdistricts,circles,eldercare');
    // a point in the middle of a circle, away from facilities
    const spot = await page.evaluate(() => {
      const map = window.__yangpuMap!.map;
      const canvas = map.getCanvas();
      for (let y = 100; y < canvas.clientHeight - 100; y += 13) {
        for (let x = 100; x < canvas.clientWidth - 100; x += 13) {
          const hits = map.queryRenderedFeatures([x, y]);
          if (
            hits.some((h) => h.layer.id === 'circle-fill') &&
            !hits.some((h) => h.layer.id.endsWith('-point'))
          ) {
            return { x, y, id: hits.find((h) => h.layer.id === 'circle-fill')!.properties.id as string };
          }
        }
      }
      return null;
    });
    expect(spot).not.toBeNull();
    await page.locator('.map canvas').click({ position: { x: spot!.x, y: spot!.y } });
    await page.waitForFunction((id) => location.search.includes(`circle=${id}`), spot!.id);
    const facility = await page.evaluate(() => {
      const map = window.__yangpuMap!.map;
      const f = map.queryRenderedFeatures({ layers: ['eldercare-point'] })[0]!;
      const p = map.project(
        f.geometry.type === 'Point' ? (f.geometry.coordinates as [number, number]) : [0, 0],
      );
      return { x: p.x, y: p.y, name: f.properties.name as string };
    });
    await page.locator('.map canvas').click({ position: { x: facility.x, y: facility.y } });
    await page.getByRole('heading', { name: facility.name }).waitFor();
    await page.getByText(/定位质量/).waitFor();
    await page.context().close();
  });

  it('exports the table as CSV with a BOM, the gaps as GeoJSON and the map as PNG', async () => {
    const { page } = await openApp();
    const dir = mkdtempSync(join(tmpdir(), 'yangpu-dl-'));
    const save = async (name: RegExp) => {
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name }).click(),
      ]);
      const path = join(dir, download.suggestedFilename());
      await download.saveAs(path);
      return { path, name: download.suggestedFilename() };
    };
    const csv = await save(/导出表格/);
    const bytes = readFileSync(csv.path);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    expect(text.split('\r\n').filter(Boolean)).toHaveLength(34);
    expect(text).toMatch(/殷行-1/);
    await page.waitForFunction(
      () => !document.querySelector<HTMLButtonElement>('.buttons button:nth-child(3)')?.disabled,
    );
    const gaps = await save(/导出缺口/);
    const fc = JSON.parse(readFileSync(gaps.path, 'utf8'));
    expect(fc.type).toBe('FeatureCollection');
    expect(fc.features.length).toBeGreaterThan(0);
    const png = await save(/导出地图/);
    expect([...readFileSync(png.path).subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
    writeFileSync(join(SCREENSHOTS, 'export.png'), readFileSync(png.path));
    await page.context().close();
  });

  it('copies a share link that reproduces the view', async () => {
    const { page } = await openApp('cat=nursery&r=500&lang=en');
    await page.getByRole('button', { name: 'Copy link' }).click();
    const link = await page.evaluate(() => navigator.clipboard.readText());
    expect(link).toContain('cat=nursery');
    expect(link).toContain('r=500');
    expect(link).not.toContain('test=1');
    const second = await session.browser.newPage();
    await second.goto(`${link}&test=1`);
    await second.waitForFunction(() => window.__yangpuCoverage, null, { timeout: 60_000 });
    const c = await second.evaluate(() => [
      window.__yangpuCoverage!.table.category,
      window.__yangpuCoverage!.table.radiusM,
    ]);
    expect(c).toEqual(['nursery', 500]);
    await expect.poll(() => second.locator('h1').textContent(), POLL).toBe('Yangpu 15-minute life circles');
    await second.close();
    await page.context().close();
  });
});

describe('resident flows', () => {
  it('drops a marker and lists the nearest facility of each type with distance and minutes', async () => {
    const { page } = await openApp();
    await page.getByRole('tab', { name: '我家附近' }).click();
    const box = (await page.locator('.map canvas').boundingBox())!;
    await page.locator('.map canvas').click({ position: { x: box.width / 2, y: box.height / 2 } });
    await page.getByTestId('nearby-point').waitFor();
    const rows = page.locator('ul.nearby li');
    await expect.poll(() => rows.count(), POLL).toBeGreaterThan(15);
    await expect
      .poll(() => rows.first().textContent(), POLL)
      .toMatch(/\d+ 米(（[\d,]+–[\d,]+ 米）)? · ≈\d+ 分钟/);
    expect(decodeURIComponent(page.url())).toMatch(/at=121\.\d+,31\.\d+/);
    const lines = await page.evaluate(() => window.__yangpuMap!.map.querySourceFeatures('resident').length);
    expect(lines).toBeGreaterThan(1);
    await waitForIdle(page);
    await page.screenshot({ path: join(SCREENSHOTS, 'nearby.png') });
    await page.context().close();
  });

  it('searches by Chinese substring and English name, navigable by keyboard', async () => {
    const { page } = await openApp();
    const box = page.getByRole('combobox', { name: /搜索/ });
    await box.fill('长者照护之家');
    await expect.poll(() => page.getByRole('option').count(), POLL).toBeGreaterThan(3);
    await box.press('ArrowDown');
    expect(await page.locator('[role=option][aria-selected=true]').count()).toBe(1);
    const chosen = (await page.locator('[role=option][aria-selected=true] span').textContent())!;
    await box.press('Enter');
    await page.getByRole('heading', { name: chosen }).waitFor();
    await box.fill('Yinhang');
    await expect.poll(() => page.getByRole('option').first().textContent(), POLL).toMatch(/殷行/);
    await page.context().close();
  });

  it('back and forward restore earlier choices', async () => {
    const { page } = await openApp();
    await page.getByRole('tab', { name: '图层与数据' }).click();
    await page.getByRole('tab', { name: '我家附近' }).click();
    await page.goBack();
    await page.locator('#tab-layers[aria-selected=true]').waitFor();
    await page.goForward();
    await page.locator('#tab-nearby[aria-selected=true]').waitFor();
    await page.context().close();
  });
});

// The embed (cross-origin iframes at four sizes, widgets, the postMessage API) is tested in embed.test.ts.
describe('language, phone and accessibility', () => {
  it('names circles and subdistricts in English everywhere in the English view', async () => {
    const { page, errors } = await openApp('lang=en');
    const zhNames = await page.evaluate(() => window.__yangpuCoverage!.table.circles.map((c) => c.name));
    const cjk = /[\u3400-\u9fff]/;
    const panelText = () => page.locator('.panel').innerText();
    const noChineseCircleName = async (where: string) => {
      const text = await panelText();
      expect(
        zhNames.filter((n) => text.includes(n)),
        where,
      ).toEqual([]);
    };
    // dashboard (every cell: circle and subdistrict columns) and the worst-circles list
    expect(await page.locator('table.dashboard tbody').innerText()).not.toMatch(cjk);
    expect(await page.locator('ol.worst').innerText()).not.toMatch(cjk);
    // the English names fit the panel: no table of the coverage tab scrolls sideways
    const sideways = await page
      .locator('.table-wrap')
      .evaluateAll((wraps) => wraps.map((w) => w.scrollWidth - w.clientWidth));
    expect(sideways.length).toBeGreaterThan(0);
    expect(Math.max(...sideways)).toBeLessThanOrEqual(1);
    await noChineseCircleName('coverage tab');
    // sorting by name sorts the English names
    await page.getByRole('button', { name: 'Sort by Circle' }).click();
    const names = await page.locator('table.dashboard tbody th button').allTextContents();
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'en-GB')));
    // the profile
    await page.locator('table.dashboard tbody th button').first().click();
    await page.getByRole('heading', { name: /^Circle details: [A-Z]/ }).waitFor();
    expect(await page.locator('.card dl.facts dd').first().innerText()).toMatch(/Subdistrict$/);
    await noChineseCircleName('profile');
    // search
    const box = page.getByRole('combobox', { name: /Search/ });
    await box.fill('Dinghai');
    const options = await page.getByRole('option').allTextContents();
    expect(options.some((o) => /Dinghai Rd-1/.test(o))).toBe(true);
    expect(options.filter((o) => zhNames.some((n) => o.includes(n)))).toEqual([]);
    await box.press('Escape');
    await page.getByRole('button', { name: /Close/ }).first().click();
    // suggestions, the scenario they make, its gaining circles and the comparison
    await page.getByRole('button', { name: 'Suggest', exact: true }).click();
    await page.locator('[data-testid=suggestions] li').nth(4).waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('suggestions').innerText()).not.toMatch(cjk);
    await page.getByRole('button', { name: 'Add all to a new scenario' }).click();
    await page.getByTestId('scenario-summary').locator('table').waitFor();
    expect(await page.getByTestId('scenario-summary').innerText()).not.toMatch(cjk);
    await page.getByRole('button', { name: 'New scenario' }).click();
    await page.getByRole('button', { name: 'Compare scenarios' }).click();
    await page.getByTestId('comparison').waitFor();
    expect(await page.getByTestId('comparison').locator('tbody').innerText()).not.toMatch(cjk);
    await noChineseCircleName('scenarios');
    await page.getByTestId('comparison').scrollIntoViewIfNeeded();
    await waitForIdle(page);
    await page.screenshot({ path: join(SCREENSHOTS, 'english-scenarios.png') });
    await page.getByRole('table', { name: 'All circles' }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SCREENSHOTS, 'english-dashboard.png') });
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('has no serious or critical axe-core violations (Chinese and English, every tab)', async () => {
    const { page } = await openApp('', { width: 1280, height: 900 }, true);
    const found: { id: string; impact: string; nodes: number; sample: string; where: string }[] = [];
    for (const [where, act] of [
      ['coverage zh', async () => {}],
      ['nearby zh', () => page.getByRole('tab', { name: '我家附近' }).click()],
      ['layers zh', () => page.getByRole('tab', { name: '图层与数据' }).click()],
      ['layers en', () => page.getByRole('button', { name: 'English' }).click()],
      ['coverage en', () => page.getByRole('tab', { name: 'Coverage' }).click()],
    ] as const) {
      await act();
      for (const v of await axeViolations(page)) found.push({ ...v, where });
    }
    console.log(
      `axe-core: ${found.length ? found.map((v) => `${v.where}: ${v.id} (${v.impact}, ${v.nodes}: ${v.sample})`).join('; ') : 'no violations'}`,
    );
    await waitForIdle(page);
    await page.screenshot({ path: join(SCREENSHOTS, 'desktop-en-coverage.png') });
    expect(found.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
    await page.context().close();
  });

  it('on a phone the panel is a bottom sheet with no horizontal scrolling', async () => {
    const { page } = await openApp('', { width: 390, height: 844 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    const panel = (await page.locator('.panel').boundingBox())!;
    expect(panel.y).toBeGreaterThan(300);
    await page.screenshot({ path: join(SCREENSHOTS, 'phone-coverage.png') });
    await page.context().close();
  });
});
