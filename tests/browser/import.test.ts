/**
 * Bring your own data in the production build, what needs a real browser: imported circles
 * named in MapLibre's attribution and kept in IndexedDB across a reload (and reset, also
 * across a reload), and axe-core on the import preview. The import flows themselves (broken
 * and hostile files, official circles, reset, planners' files) run headless in
 * tests/harness/import.test.ts.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../scripts/geodata/paths';
import { geocodedList, ourFacilities } from '../helpers/plannerFiles';
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
  it('imported circles: the attribution names them and they survive a reload (IndexedDB); reset: the derived attribution, also after a reload', async () => {
    const { page, context } = await session.open();
    await importOfficialCircles(page);
    await expect
      .poll(() => page.locator('.maplibregl-ctrl-attrib').textContent(), POLL)
      .toMatch(/生活圈边界为用户导入/);
    await page.waitForFunction(() =>
      window.__yangpuMap!.map.querySourceFeatures('circles').some((f) => f.properties.id === 'OFF-1'),
    );
    await waitForIdle(page);
    await page.screenshot({ path: join(SCREENSHOTS, 'imported-circles.png') });
    await page.reload();
    await page.waitForFunction(
      () => window.__yangpuCoverage?.table.circles[0]?.name.startsWith('官方生活圈'),
      null,
      { timeout: 60_000 },
    );
    await page.getByRole('tab', { name: '图层与数据' }).click();
    await page.getByRole('button', { name: '恢复默认数据' }).click();
    await page.getByRole('tab', { name: '覆盖分析' }).click();
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
      { timeout: 60_000 },
    );
    await context.close();
  });
});

describe("import: planners' files", () => {
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
});
