/**
 * Issue 22, import and data, in the production build (what needs a browser: the preview's SVG
 * map under the CSP, the map's marker paint, the legend and the facility card): the preview
 * maps the accepted sites and warns, in Chinese, about one outside the district; once accepted
 * the imported sites wear their ring on the map and have a legend row; a site sharing its point
 * with sites of other names says 约略位置 on its card.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OUTSIDE_CSV } from '../helpers/importSamples';
import { BrowserSession, POLL, waitForIdle } from './page';

const session = new BrowserSession();
const dir = mkdtempSync(join(tmpdir(), 'yangpu-walkthrough-import-'));

beforeAll(() => session.start(), 120_000);
afterAll(() => session.stop());

describe('import preview and imported sites', () => {
  it('maps the accepted sites, lists the one outside the district in Chinese, rings imported sites', async () => {
    const { page, consoleErrors } = await session.open('tab=layers', { coverage: false });
    const path = join(dir, 'canteens.csv');
    writeFileSync(path, OUTSIDE_CSV);
    await page.getByLabel('数据类型').selectOption('facilities');
    await page.locator('.dropzone input[type=file]').setInputFiles(path);
    const preview = page.getByTestId('import-preview');
    await preview.waitFor({ timeout: 30_000 });

    const map = page.getByTestId('import-map');
    await map.waitFor();
    expect(await map.locator('svg[role=img] circle').count()).toBe(3);
    expect(await map.locator('svg[role=img] circle.outside').count()).toBe(1);
    expect(await map.locator('svg[role=img] path').count()).toBeGreaterThan(0); // the district outline
    const box = await map.locator('svg').first().boundingBox();
    expect(box!.width).toBeGreaterThan(200);

    const issues = await page.getByTestId('import-issues').innerText();
    expect(issues).toContain('1处设施在杨浦区界外');
    expect(issues).toContain('第4行：“虹口食堂丙”在杨浦区界外');
    expect(await preview.innerText()).not.toMatch(/\brow \d|\bfield\b|outside/);

    await page.getByRole('button', { name: '确认导入' }).click();
    await page.getByTestId('legend-imported').waitFor();
    expect(await page.getByTestId('legend-imported').innerText()).toMatch(/导入的设施.*3/s);
    await waitForIdle(page);
    const strokes = await page.evaluate(() => {
      const m = window.__yangpuMap!.map;
      const paint = m.getPaintProperty('eldercare-point', 'circle-stroke-color');
      const imported = m
        .querySourceFeatures('eldercare')
        .filter((f) => f.properties?.imported === true)
        .map((f) => String(f.properties?.name));
      return { paint: JSON.stringify(paint), imported: [...new Set(imported)].sort() };
    });
    expect(strokes.imported).toEqual(['新食堂乙', '新食堂甲', '虹口食堂丙']);
    expect(strokes.paint).toContain('imported');
    expect(consoleErrors).toEqual([]);
    await page.context().close();
  }, 120_000);

  it('a site sharing its point with sites of other names says 约略位置 on its card and in the search list', async () => {
    const { page, consoleErrors } = await session.open('f=S4-3419', { coverage: false });
    const tag = page.getByTestId('facility-approximate');
    await tag.waitFor(POLL);
    expect(await tag.innerText()).toBe('约略位置');
    const card = await page.locator('section[aria-labelledby="facility-title"]').innerText();
    expect(card).toContain('与另外3处不同名称的设施共用同一坐标');
    // the search list says it too
    await page.getByRole('combobox', { name: '搜索设施、地址、生活圈、街道' }).fill('爱吉家护理站');
    const option = page.getByRole('option').first();
    await option.waitFor(POLL);
    expect(await option.innerText()).toContain('约略位置');
    // a site whose canteen shares its house number is not flagged
    await page.goto(page.url().replace('f=S4-3419', 'f=EI008'));
    await page.locator('#facility-title').waitFor(POLL);
    expect(await page.getByTestId('facility-approximate').count()).toBe(0);
    expect(consoleErrors).toEqual([]);
    await page.context().close();
  }, 120_000);
});
