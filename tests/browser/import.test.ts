/**
 * Bring your own data in the production build: official-style circle boundaries replace the
 * derived ones and survive a reload; a hostile file runs no script; a broken file is refused
 * with its message and the current layers stay; reset returns to the defaults. Planners'
 * files made from our own data: a Baidu-geocoded list declared as WGS-84 gets the evidence and
 * a one-click suggestion (never applied by itself); a list without a name column gets one
 * message with the column picker open; circles in GCJ-02 get the outline evidence.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../scripts/geodata/paths';
import { FIXTURES } from '../helpers/golden';
import { circlesIn, geocodedList, ourFacilities } from '../helpers/plannerFiles';
import { axeViolations } from './axe';
import { BrowserSession, POLL, SCREENSHOTS, waitForIdle } from './page';

const session = new BrowserSession();
const dir = mkdtempSync(join(tmpdir(), 'yangpu-import-'));

/** 33 polygons with other names: our circles renamed, as an official file would come. */
function officialCircles(): string {
  const fc = JSON.parse(readFileSync(join(REPO_ROOT, 'geodata', 'circles.geojson'), 'utf8'));
  fc.features = fc.features.map((f: { properties: { id: string; subdistrict: string } }, i: number) => ({
    type: 'Feature',
    properties: { id: `OFF-${i + 1}`, name: `官方生活圈${i + 1}`, subdistrict: f.properties.subdistrict },
    geometry: (f as unknown as { geometry: unknown }).geometry,
  }));
  const path = join(dir, 'official-circles.geojson');
  writeFileSync(path, JSON.stringify(fc));
  return path;
}

function tempFile(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

async function importFile(page: Page, path: string, kind: 'facilities' | 'circles') {
  await page.getByRole('tab', { name: '图层与数据' }).click();
  await page.getByLabel('数据类型').selectOption(kind);
  await page.locator('.dropzone input[type=file]').setInputFiles(path);
  await page.getByTestId('import-preview').waitFor({ timeout: 30_000 });
}

/** Import and accept the official-style circles; wait until the dashboard counts them. */
async function importOfficialCircles(page: Page) {
  await importFile(page, officialCircles(), 'circles');
  expect(await page.getByTestId('import-accepted').textContent()).toBe('33');
  await page.getByRole('button', { name: '确认导入' }).click();
  await page.getByRole('tab', { name: '覆盖分析' }).click();
  await page.waitForFunction(
    () => window.__yangpuCoverage?.table.circles[0]?.name.startsWith('官方生活圈'),
    null,
    {
      timeout: 60_000,
    },
  );
}

beforeAll(() => session.start());
afterAll(() => session.stop());

describe('import', () => {
  it('refuses a broken file with its message and keeps the current layers', async () => {
    const { page, context } = await session.open();
    await importFile(page, join(FIXTURES, 'bad', 'truncated.geojson'), 'facilities');
    await page.getByRole('alert').waitFor();
    expect(await page.getByRole('alert').textContent()).toMatch(/不是有效的JSON/);
    expect(await page.getByRole('button', { name: '确认导入' }).isDisabled()).toBe(true);
    await page.getByRole('button', { name: '取消' }).click();
    expect(await page.getByTestId('imported-layers').count()).toBe(0);
    await context.close();
  });

  it('imports a hostile file as text: no script runs, the name shows literally', async () => {
    const { page, context } = await session.open();
    await importFile(page, join(FIXTURES, 'bad', 'xss-name.geojson'), 'facilities');
    expect(await page.getByTestId('import-accepted').textContent()).toBe('1');
    await page.getByRole('button', { name: '确认导入' }).click();
    await page.getByTestId('imported-layers').waitFor();
    const box = page.getByRole('combobox', { name: /搜索/ });
    await box.fill('<img');
    await box.press('Enter');
    await page.getByRole('heading', { name: '<img src=x onerror="window.__xss=1">' }).waitFor();
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    await context.close();
  });

  it('imports official circle boundaries: the dashboard uses them, and they survive a reload', async () => {
    const { page, context } = await session.open();
    await importOfficialCircles(page);
    await expect.poll(() => page.getByTestId('circles-origin').textContent(), POLL).toMatch(/已导入/);
    await expect
      .poll(() => page.locator('.maplibregl-ctrl-attrib').textContent(), POLL)
      .toMatch(/生活圈边界为用户导入/);
    await expect
      .poll(() => page.locator('table.dashboard tbody tr th button').first().textContent(), POLL)
      .toMatch(/官方生活圈/);
    await page.waitForFunction(() =>
      window.__yangpuMap!.map.querySourceFeatures('circles').some((f) => f.properties.id === 'OFF-1'),
    );
    await waitForIdle(page);
    await page.screenshot({ path: join(SCREENSHOTS, 'imported-circles.png') });
    await page.reload();
    await page.waitForFunction(
      () => window.__yangpuCoverage?.table.circles[0]?.name.startsWith('官方生活圈'),
      null,
      {
        timeout: 60_000,
      },
    );
    await context.close();
  });

  it('removes the imports with reset: the dashboard and the map return to the derived circles', async () => {
    const { page, context } = await session.open();
    await importOfficialCircles(page);
    await page.getByRole('tab', { name: '图层与数据' }).click();
    await page.getByRole('button', { name: '恢复默认数据' }).click();
    await page.getByRole('tab', { name: '覆盖分析' }).click();
    await page.waitForFunction(
      () => /-\d$/.test(window.__yangpuCoverage?.table.circles[0]?.name ?? ''),
      null,
      {
        timeout: 60_000,
      },
    );
    await expect.poll(() => page.getByTestId('circles-origin').textContent(), POLL).toMatch(/推导/);
    await page.waitForFunction(() =>
      window
        .__yangpuMap!.map.querySourceFeatures('circles')
        .every((f) => !String(f.properties.id).startsWith('OFF-')),
    );
    await expect
      .poll(() => page.locator('.maplibregl-ctrl-attrib').textContent(), POLL)
      .toMatch(/生活圈边界为本项目推导/);
    await page.reload();
    await page.waitForFunction(
      () => /-\d$/.test(window.__yangpuCoverage?.table.circles[0]?.name ?? ''),
      null,
      {
        timeout: 60_000,
      },
    );
    await context.close();
  });
});

describe("import: planners' files", () => {
  it('a Baidu-geocoded list declared as WGS-84: evidence and a one-click suggestion, never applied by itself', async () => {
    const { page, context, consoleErrors } = await session.open();
    const file = geocodedList('BD09');
    await importFile(page, tempFile(file.name, file.text), 'facilities');
    const evidence = page.getByTestId('crs-evidence');
    await evidence.getByText(`${file.rows}个点中距已知设施30米以内的：按BD-09为${file.rows}个`).waitFor();
    expect(await page.getByTestId('import-read-as').textContent()).toBe('WGS-84 (GPS/OSM)');
    expect(await page.getByTestId('crs-suggestion').textContent()).toMatch(/建议改用 ?BD-09 \(百度\)/);
    // the user's choice is kept until they click
    expect(await page.getByLabel('文件坐标系').inputValue()).toBe('WGS84');
    const panel = page.locator('section[aria-labelledby="import-title"]');
    await panel.screenshot({ path: join(SCREENSHOTS, 'import-crs-evidence-zh.png') });
    await page.getByRole('button', { name: 'English' }).click();
    await evidence
      .getByText(`Of ${file.rows} points, within 30 m of a known facility: ${file.rows} as BD-09`)
      .waitFor();
    await panel.screenshot({ path: join(SCREENSHOTS, 'import-crs-evidence-en.png') });

    await page.getByRole('button', { name: 'Use it and read again' }).click();
    await page.getByTestId('import-read-as').getByText('BD-09 (百度)').waitFor();
    expect(await page.getByTestId('crs-suggestion').count()).toBe(0);
    await evidence.getByText('The stated BD-09 fits best.').waitFor();
    expect(await page.getByLabel('Coordinate system of the file').inputValue()).toBe('BD09');
    const accepted = file.rows - file.dropped - file.repeats;
    expect(await page.getByTestId('import-accepted').textContent()).toBe(String(accepted));
    await panel.screenshot({ path: join(SCREENSHOTS, 'import-crs-accepted-en.png') });
    await page.getByRole('button', { name: 'Accept the import' }).click();
    await page.getByTestId('imported-layers').getByText(file.name).waitFor();
    expect(consoleErrors).toEqual([]);
    await context.close();
  });

  it('a list without a name column: one message at the top, the column picker open; choosing the column reads every row', async () => {
    const { page, context } = await session.open();
    const rows = ourFacilities(['services'])
      .slice(0, 5)
      .map((f) => `${f.name},${f.lonLat.join(',')}`);
    await importFile(page, tempFile('no-name.csv', `单位,经度,纬度\n${rows.join('\n')}\n`), 'facilities');
    expect(await page.getByTestId('import-missing').textContent()).toBe('未找到名称列——请在下面选择');
    expect(await page.getByTestId('import-mapping').getAttribute('open')).not.toBeNull();
    expect(await page.getByTestId('import-issues').count()).toBe(0);
    expect(await page.getByRole('button', { name: '确认导入' }).isDisabled()).toBe(true);
    await page.locator('section[aria-labelledby="import-title"]').screenshot({
      path: join(SCREENSHOTS, 'import-missing-column-zh.png'),
    });
    await page.getByTestId('import-mapping').getByLabel('名称').selectOption('单位');
    await page.getByTestId('import-accepted').getByText('5').waitFor();
    expect(await page.getByTestId('import-missing').count()).toBe(0);
    expect(await page.getByRole('button', { name: '确认导入' }).isDisabled()).toBe(false);
    await context.close();
  });

  it('the preview (evidence and suggestion; missing column with the picker open) has no serious or critical axe-core violation', async () => {
    const { page, context } = await session.open('', { bypassCSP: true });
    const file = geocodedList('GCJ02');
    await importFile(page, tempFile(file.name, file.text), 'facilities');
    await page.getByTestId('crs-suggestion').waitFor();
    const found = await axeViolations(page);
    const rows = ourFacilities(['childcare'])
      .slice(0, 3)
      .map((f) => `${f.name},${f.lonLat.join(',')}`);
    await page
      .locator('.dropzone input[type=file]')
      .setInputFiles(tempFile('no-name-2.csv', `单位,经度,纬度\n${rows.join('\n')}\n`));
    await page.getByTestId('import-missing').waitFor();
    found.push(...(await axeViolations(page)));
    console.log(
      `axe-core on the import preview: ${found.map((v) => `${v.id} (${v.impact}, ${v.nodes})`).join('; ') || 'no violations'}`,
    );
    expect(found.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
    await context.close();
  });

  it('circles exported in GCJ-02, declared as WGS-84: outline overlap evidence and the suggestion', async () => {
    const { page, context } = await session.open('lang=en');
    const file = circlesIn('GCJ02');
    await page.getByRole('tab', { name: 'Layers & data' }).click();
    await page.getByLabel('Data type').selectOption('circles');
    await page.locator('.dropzone input[type=file]').setInputFiles(tempFile(file.name, file.text));
    await page.getByTestId('import-preview').waitFor({ timeout: 30_000 });
    await page
      .getByTestId('crs-evidence')
      .getByText(
        /^33 polygons; median overlap \(IoU\) with the best-matching district, subdistrict or circle outline: 1\.00 as GCJ-02/,
      )
      .waitFor();
    expect(await page.getByTestId('crs-suggestion').textContent()).toMatch(/Suggested: ?GCJ-02/);
    await page.locator('section[aria-labelledby="import-title"]').screenshot({
      path: join(SCREENSHOTS, 'import-polygon-evidence-en.png'),
    });
    await context.close();
  });
});
