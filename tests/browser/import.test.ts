/**
 * Bring your own data in the production build: official-style circle boundaries replace the
 * derived ones and survive a reload; a hostile file runs no script; a broken file is refused
 * with its message and the current layers stay; reset returns to the defaults.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../scripts/geodata/paths';
import { FIXTURES } from '../helpers/golden';
import { BrowserSession, SCREENSHOTS, waitForIdle } from './page';

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
    expect(await page.getByTestId('circles-origin').textContent()).toMatch(/已导入/);
    expect(await page.locator('.maplibregl-ctrl-attrib').textContent()).toMatch(/生活圈边界为用户导入/);
    expect(await page.locator('table.dashboard tbody tr th button').first().textContent()).toMatch(
      /官方生活圈/,
    );
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
    expect(await page.getByTestId('circles-origin').textContent()).toMatch(/推导/);
    await page.waitForFunction(() =>
      window
        .__yangpuMap!.map.querySourceFeatures('circles')
        .every((f) => !String(f.properties.id).startsWith('OFF-')),
    );
    expect(await page.locator('.maplibregl-ctrl-attrib').textContent()).toMatch(/生活圈边界为本项目推导/);
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
