/**
 * The population model in the app: one population per circle (the map's circles and the
 * dashboard agree), target groups ("uncovered elders", "uncovered children") beside total
 * residents, and the "population model" layer with its legend. Each test opens its own page.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BrowserSession, chooseCategory, POLL, SCREENSHOTS, waitForCoverage, waitForIdle } from './page';

const session = new BrowserSession();
beforeAll(() => session.start());
afterAll(() => session.stop());

describe('population model in the app', () => {
  it('the dashboard gives each circle the population circles.geojson carries', async () => {
    const { page, consoleErrors } = await session.open();
    const pairs = await page.evaluate(() => {
      const rows = window.__yangpuCoverage!.table.circles;
      const features = window.__yangpuMap!.map.querySourceFeatures('circles');
      return rows.map((r) => ({
        id: r.id,
        engine: r.population,
        layer: Number(features.find((f) => f.properties.id === r.id)?.properties.population),
      }));
    });
    expect(pairs).toHaveLength(33);
    for (const p of pairs) expect(Math.abs(p.engine - p.layer), p.id).toBeLessThan(1);
    // the residents figure itself, not the target group's below it (small.sub)
    const shown = await page
      .locator('tr[data-circle="310110019-4"] td.num')
      .first()
      .evaluate((td) => td.firstChild?.textContent ?? '');
    const row = pairs.find((p) => p.id === '310110019-4')!;
    expect(Number(shown!.replace(/[^\d]/g, ''))).toBe(Math.round(row.layer));
    expect(consoleErrors).toEqual([]);
  });

  it('shows uncovered elders and children beside total residents, and no group for parks', async () => {
    const { page, consoleErrors } = await session.open();
    await expect
      .poll(() => page.getByTestId('target-gap').textContent(), POLL)
      .toMatch(/未覆盖老年人（60岁及以上）: [\d,]+ \/ [\d,]+（估计）/);
    const header = await page.locator('table.dashboard thead').textContent();
    expect(header).toContain('60岁+*');
    // the elders' figures sit under each circle's residents and uncovered residents
    const first = page.locator('table.dashboard tbody tr').first();
    await expect.poll(() => first.locator('small.sub:not(.range)').count(), POLL).toBe(2);
    await page.screenshot({ path: join(SCREENSHOTS, 'uncovered-elders.png') });
    await page.locator('table.dashboard caption').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SCREENSHOTS, 'dashboard-elders.png') });
    const t1 = await chooseCategory(page, 'kindergarten');
    await waitForCoverage(page, { category: 'kindergarten', since: t1 });
    await expect
      .poll(() => page.getByTestId('target-gap').textContent(), POLL)
      .toMatch(/未覆盖幼儿（3–6岁）/);
    await page.getByRole('button', { name: 'English' }).click();
    await expect
      .poll(() => page.getByTestId('target-gap').textContent(), POLL)
      .toMatch(/Uncovered children 3–5: [\d,]+ of [\d,]+ \(estimate\)/);
    await page.screenshot({ path: join(SCREENSHOTS, 'uncovered-children-en.png') });
    const t2 = await chooseCategory(page, 'park');
    await waitForCoverage(page, { category: 'park', since: t2 });
    await expect.poll(() => page.getByTestId('target-gap').count(), POLL).toBe(0);
    expect(await page.locator('table.dashboard small.sub:not(.range)').count()).toBe(0);
    expect(await page.locator('table.dashboard thead').textContent()).not.toContain('Uncovered children');
    expect(consoleErrors).toEqual([]);
  });

  it('in walking-network mode counts the same residents and the children the walk reaches', async () => {
    const { page, consoleErrors } = await session.open('cat=kindergarten&dist=network');
    await page.waitForFunction(() => window.__yangpuCoverage?.table.distance === 'network');
    await waitForCoverage(page, { category: 'kindergarten' });
    const net = await page.evaluate(() => {
      const t = window.__yangpuCoverage!.table;
      const c = t.circles.find((x) => x.id === '310110019-3')!; // 五角场-3, in the network
      return {
        district: t.district.target!,
        circle: c.target!,
        population: c.population,
        inNet: !!c.network,
      };
    });
    expect(net.inNet).toBe(true);
    // the district summary states the children aged 3–5 left uncovered by the walk
    const text = (await page.getByTestId('target-gap').textContent())!;
    expect(text).toContain('未覆盖幼儿（3–6岁）');
    expect(Number(text.split(':')[1]!.split('/')[0]!.replace(/[^\d]/g, ''))).toBe(
      Math.round(net.district.gap),
    );
    // the circle's row: the same residents as circles.geojson, its children, uncovered ones by walking
    const row = page.locator('table.dashboard:not([data-testid]) tr[data-circle="310110019-3"]');
    const layer = await page.evaluate(
      () =>
        window.__yangpuMap!.map.querySourceFeatures('circles').find((f) => f.properties.id === '310110019-3')!
          .properties.population as number,
    );
    expect(Math.abs(net.population - layer)).toBeLessThan(1);
    const subs = await row.locator('small.sub').allTextContents();
    expect(subs.map((x) => Number(x.replace(/[^\d]/g, '')))).toEqual([
      Math.round(net.circle.population),
      Math.round(net.circle.gap),
    ]);
    await row.scrollIntoViewIfNeeded();
    await row.evaluate((tr) => {
      const wrap = tr.closest('.table-wrap')!;
      wrap.scrollLeft = wrap.scrollWidth;
    });
    await page.screenshot({ path: join(SCREENSHOTS, 'dashboard-children-network.png') });
    expect(consoleErrors).toEqual([]);
  });

  it("imports a subdistrict's elders (60岁以上人口): its elders are that count, the rest keep the census share", async () => {
    const { page, consoleErrors } = await session.open();
    const before = await page.evaluate(
      () =>
        window.__yangpuCoverage!.table.subdistricts.find((x) => x.name === '殷行街道')!.target!.population,
    );
    const path = join(mkdtempSync(join(tmpdir(), 'yangpu-ages-')), 'ages.csv');
    writeFileSync(path, '街道,60岁以上人口\n殷行街道,70000\n');
    await page.getByRole('tab', { name: '图层与数据' }).click();
    await page.getByLabel('数据类型').selectOption('population');
    await page.locator('.dropzone input[type=file]').setInputFiles(path);
    await page.getByTestId('import-preview').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('import-accepted').textContent()).toBe('1');
    // the column found by its meaning, named as the age group in the preview
    expect(await page.getByTestId('import-mapping').locator('summary').textContent()).toContain(
      '60岁及以上人数 ← 60岁以上人口',
    );
    await page.getByTestId('import-mapping').evaluate((d) => {
      (d as HTMLDetailsElement).open = true;
    });
    await page.getByTestId('import-preview').screenshot({ path: join(SCREENSHOTS, 'import-age-groups.png') });
    await page.getByRole('button', { name: '确认导入' }).click();
    await page.getByRole('tab', { name: '覆盖分析' }).click();
    await page.waitForFunction(
      () =>
        Math.abs(
          window.__yangpuCoverage!.table.subdistricts.find((x) => x.name === '殷行街道')!.target!.population -
            70000,
        ) < 1,
      null,
      { timeout: 60_000 },
    );
    const after = await page.evaluate(() => {
      const t = window.__yangpuCoverage!.table;
      return {
        other: t.subdistricts.find((x) => x.name === '五角场街道')!,
        yinhang: t.circles.filter((c) => c.subdistrict === '殷行街道').map((c) => c.target!.population),
      };
    });
    expect(before).toBeLessThan(60_000); // 182,500 × 31.78 %
    // the subdistrict's circles share the imported count; 五角场 keeps the district's share
    expect(after.yinhang.reduce((a, b) => a + b, 0)).toBeCloseTo(70000, 0);
    expect(after.other.target!.population / after.other.population).toBeCloseTo(0.3178, 3);
    // the subdistrict action page counts the same elders (beds per 100 of them)
    await page
      .locator(
        'table.dashboard:not([data-testid]) tr[data-circle="310110016-1"] a[data-report-link="subdistrict"]',
      )
      .click();
    await page.waitForFunction(
      () => !!document.querySelector('[data-report-ready="true"] [data-report]'),
      null,
      {
        timeout: 300_000,
      },
    );
    const shown = await page
      .locator('dl.report-facts > div')
      .filter({ hasText: '60岁及以上居民（估计）' })
      .locator('dd')
      .textContent();
    expect(Number(shown!.replace(/[^\d]/g, ''))).toBe(70000);
    expect(consoleErrors).toEqual([]);
  });

  it('draws the population-model layer (buildings, land use, land) with its legend when toggled', async () => {
    const { page, consoleErrors } = await session.open('tab=layers&v=15.2/31.2985/121.5035', {
      coverage: false,
    });
    await expect.poll(() => page.getByTestId('population-legend').count(), POLL).toBe(0);
    await page.getByLabel('人口模型（推导）').check();
    await waitForIdle(page);
    await expect(page.getByTestId('population-legend').isVisible()).resolves.toBe(true);
    const methods = await page.evaluate(() => {
      const hits = window.__yangpuMap!.map.queryRenderedFeatures({ layers: ['population-model-fill'] });
      const out: Record<string, number> = {};
      for (const h of hits) out[String(h.properties.method)] = (out[String(h.properties.method)] ?? 0) + 1;
      return out;
    });
    expect(methods.building).toBeGreaterThan(20);
    expect(methods['other-building']).toBeGreaterThan(20);
    expect(methods.landuse).toBeGreaterThan(0);
    expect(page.url()).toContain('population');
    await page.screenshot({ path: join(SCREENSHOTS, 'population-model-fudan.png') });
    expect(consoleErrors).toEqual([]);
  });

  it('shows the method everywhere in the district: land beyond the OSM extent', async () => {
    const { page, consoleErrors } = await session.open('layers=population,subdistricts&v=12.6/31.3/121.525', {
      coverage: false,
    });
    const land = await page.evaluate(
      () =>
        window
          .__yangpuMap!.map.queryRenderedFeatures({ layers: ['population-model-fill'] })
          .filter((h) => h.properties.method === 'land').length,
    );
    expect(land).toBeGreaterThan(0);
    await page.screenshot({ path: join(SCREENSHOTS, 'population-model-district.png') });
    expect(consoleErrors).toEqual([]);
  });
});
