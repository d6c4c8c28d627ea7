/**
 * The three reports in the production build: each opens from the app (the circle profile,
 * a subdistrict in the dashboard, the district summary), is printed to PDF (A4) in Chinese
 * and English, and the PDF's text and page count are checked (circle ≤ 3 pages, subdistrict
 * ≤ 4, district ≤ 8); axe-core finds no serious or critical violation on the report views;
 * the way back gives the map again. `npm run report` makes the same PDF from the command line.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../scripts/geodata/paths';
import { COVERAGE_CATEGORIES, categoryLabel } from '../../src/core/categories';
import type { Lang } from '../../src/core/lang';
import { distanceModelLabel, distanceModelName } from '../../src/ui/distanceModel';
import { s } from '../../src/ui/report/strings';
import { TARGET_KINDS } from '../../src/ui/report/targets';
import { pdfPageCount, pdfPagesText, squash } from '../helpers/pdf';
import { axeViolations } from './axe';
import { BrowserSession, POLL, SCREENSHOTS, waitForIdle } from './page';

const session = new BrowserSession();
const OUT = join(REPO_ROOT, 'test-output', 'reports');
const CIRCLE = '310110001-1';
const CIRCLE_NAME = { zh: '定海路-1', en: 'Dinghai Rd-1' };
const SUBDISTRICT = { zh: '定海路街道', en: 'Dinghai Road Subdistrict' };

beforeAll(async () => {
  mkdirSync(OUT, { recursive: true });
  await session.start();
});
afterAll(() => session.stop());

async function seriousAxe(page: Page): Promise<string[]> {
  return (await axeViolations(page))
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}, ${v.nodes}: ${v.sample})`);
}

/** Wait until the report says it is complete, in the language asked. */
async function waitForReport(page: Page, lang: Lang): Promise<void> {
  await page.waitForFunction(
    (l) =>
      document.documentElement.lang === (l === 'zh' ? 'zh-CN' : 'en') &&
      !!document.querySelector('[data-report-ready="true"] [data-report]'),
    lang,
    { timeout: 300_000 },
  );
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
}

/** Print the page to A4; returns the page texts (squashed) and the count. */
async function printed(page: Page, name: string): Promise<{ pages: number; text: string }> {
  const pdf = await page.pdf({ path: join(OUT, `${name}.pdf`), format: 'A4', printBackground: true });
  const texts = pdfPagesText(pdf);
  expect(texts.length).toBe(pdfPageCount(pdf));
  return { pages: pdfPageCount(pdf), text: squash(texts.join('\n')) };
}

function expectAll(text: string, needles: string[]): void {
  const missing = needles.filter((n) => !text.includes(squash(n)));
  expect(missing).toEqual([]);
}

interface AnalyzedRow {
  populationShare: number | null;
  gapPopulation: number;
  target: { population: number; covered: number; gap: number } | null;
  medianDistanceM: number | null;
  maxDistanceM: number | null;
}
interface AnalyzedTable {
  category: string;
  targetGroup: string | null;
  district: AnalyzedRow;
  circles: (AnalyzedRow & { id: string; network: { residentsShare: number | null } | null })[];
}

/** `npm run analyze -- --json` (straight or network): the CLI's own tables, by category. */
function analyze(distance: 'straight' | 'network'): Map<string, AnalyzedTable> {
  const r = spawnSync(
    join(REPO_ROOT, 'node_modules', '.bin', 'tsx'),
    ['scripts/analyze.ts', '--json', '--distance', distance],
    { cwd: REPO_ROOT, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 },
  );
  expect(r.status, r.stderr).toBe(0);
  const tables = (JSON.parse(r.stdout) as { tables: AnalyzedTable[] }).tables;
  return new Map(tables.map((t) => [t.category, t]));
}

/** The text of each cell of the report's rows `tr[data-category]` inside `scope`, by category. */
async function rowTexts(page: Page, scope: string): Promise<Map<string, string[]>> {
  const rows = await page
    .locator(`${scope} tr[data-category]`)
    .evaluateAll((trs) =>
      trs.map((tr) => [
        tr.getAttribute('data-category')!,
        [...tr.querySelectorAll('td')].map((td) => td.textContent!.trim()),
      ]),
    );
  return new Map(rows as [string, string[]][]);
}

/** How the reports write a share and a count (Chinese and English both use 1,234.5). */
const pctText = (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(1)}%`);
const countText = (v: number) => Math.round(v).toLocaleString('en-GB');

/**
 * A share as the report prints it ("12.3%") against a share (0–1) from `npm run analyze`, which
 * rounds shares to 4 decimals: equal to the printed 0.1 % (half a unit, plus that rounding).
 */
function expectShare(printed: string, share: number | null, what: string): void {
  if (share === null) {
    expect(printed, what).toBe('—');
    return;
  }
  expect(printed, what).toMatch(/^\d+\.\d%$/);
  const off = Math.abs(Number.parseFloat(printed) - share * 100);
  expect(off, `${what}: ${printed} vs ${share}`).toBeLessThanOrEqual(0.05 + 0.005 + 1e-9);
}

/**
 * What every report says: distance model, method, sources with dates, attribution, the live
 * link. These tests open the reports in straight line (dist=straight) to compare them with
 * `npm run analyze`; walking (best available), the default, is checked by the CLI test and
 * tests/ui/walk.test.ts.
 */
function common(lang: Lang): string[] {
  return [
    s('distance', lang),
    distanceModelLabel('straight', lang),
    s('colTargetGap', lang),
    s('method', lang),
    s('sources', lang),
    '2020-11-01',
    '2024-09-30',
    'OpenStreetMap',
    s('liveView', lang),
  ];
}

/** Check a report in both languages (zh first; the toolbar switches to English). */
async function checkBothLanguages(
  page: Page,
  name: string,
  maxPages: number,
  needles: (lang: Lang) => string[],
): Promise<void> {
  for (const lang of ['zh', 'en'] as Lang[]) {
    if (lang === 'en') await page.getByRole('navigation').getByRole('button', { name: 'English' }).click();
    await waitForReport(page, lang);
    expect(await seriousAxe(page), `axe ${name} ${lang}`).toEqual([]);
    expect(await page.locator('svg.mini-map[role="img"][aria-label]').count()).toBeGreaterThan(0);
    // the printed link to the live view is for others: no test flag, no report, the language kept
    const live = new URL(
      await page
        .locator('a[data-live-link]')
        .getAttribute('href')
        .then((h) => h!),
    );
    expect([live.searchParams.get('test'), live.searchParams.get('report')]).toEqual([null, null]);
    expect(live.searchParams.get('lang')).toBe(lang === 'en' ? 'en' : null);
    await page.screenshot({ path: join(SCREENSHOTS, `report-${name}-${lang}.png`), fullPage: true });
    const pdf = await printed(page, `${name}-${lang}`);
    console.log(`report ${name} (${lang}): ${pdf.pages} A4 page(s)`);
    expect(pdf.pages).toBeGreaterThanOrEqual(1);
    expect(pdf.pages).toBeLessThanOrEqual(maxPages);
    expectAll(pdf.text, [...needles(lang), ...common(lang)]);
  }
}

const allCategories = (lang: Lang) => COVERAGE_CATEGORIES.map((c) => categoryLabel(c, lang));

describe('reports', () => {
  it('the circle health check opens from the circle profile, prints (≤ 3 pages) and goes back to the map', async () => {
    const { page, consoleErrors } = await session.open('dist=straight', { bypassCSP: true });
    await page.locator(`tr[data-circle="${CIRCLE}"] th button`).click();
    await page.locator('a[data-report-link="circle"]').click();
    await waitForReport(page, 'zh');
    expect(new URL(page.url()).searchParams.get('report')).toBe(`circle:${CIRCLE}`);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent(), POLL).toBe(CIRCLE_NAME.zh);
    await checkBothLanguages(page, 'circle', 3, (lang) => [
      CIRCLE_NAME[lang],
      SUBDISTRICT[lang],
      ...allCategories(lang),
      s('focus', lang),
      s('otherWeakest', lang),
      s('suggestedFor', lang),
      s('newlyCovers', lang),
      s('caveats', lang),
    ]);
    // the print button prints (window.print stubbed)
    await page.evaluate(() => {
      window.print = () => document.body.setAttribute('data-printed', '1');
    });
    await page.getByRole('button', { name: 'Print / save as PDF' }).click();
    await expect(page.locator('body').getAttribute('data-printed')).resolves.toBe('1');
    // the way back: the map again, with the circle selected
    await page.getByRole('link', { name: /Back to the map/ }).click();
    await waitForIdle(page);
    expect(new URL(page.url()).searchParams.get('report')).toBeNull();
    await page.getByRole('heading', { name: new RegExp(CIRCLE_NAME.en) }).waitFor();
    expect(consoleErrors).toEqual([]);
    await page.context().close();
  });

  it('the subdistrict action page opens from the dashboard and prints (≤ 5 pages)', async () => {
    const { page, consoleErrors } = await session.open('dist=straight', { bypassCSP: true });
    // the dashboard's elders (60+) of the subdistrict, as the population model counts them
    const elders = await page.evaluate(
      (name) => window.__yangpuCoverage!.table.subdistricts.find((x) => x.name === name)!.target!.population,
      SUBDISTRICT.zh,
    );
    await page.locator(`tr[data-circle="${CIRCLE}"] a[data-report-link="subdistrict"]`).click();
    await waitForReport(page, 'zh');
    const shown = await page
      .locator('dl.report-facts > div')
      .filter({ hasText: '60岁及以上居民（估计）' })
      .locator('dd')
      .textContent();
    expect(Number(shown!.replace(/[^\d]/g, ''))).toBe(Math.round(elders));
    expect(new URL(page.url()).searchParams.get('report')).toBe(`subdistrict:${SUBDISTRICT.zh}`);
    // 5: the access section (capacity in reach per type, the basket; issue 20) takes a page of its own
    await checkBothLanguages(page, 'subdistrict', 5, (lang) => [
      SUBDISTRICT[lang],
      CIRCLE_NAME[lang],
      lang === 'zh' ? '定海路-2' : 'Dinghai Rd-2',
      s('worstGaps', lang),
      s('weakTypes', lang),
      s('supply', lang),
      s('bedsPer100', lang),
      '31.78',
    ]);
    // back/forward: back undoes the language switch (the report in Chinese), back again gives the map
    await page.goBack();
    await waitForReport(page, 'zh');
    expect(new URL(page.url()).searchParams.get('report')).toBe(`subdistrict:${SUBDISTRICT.zh}`);
    await page.goBack();
    await waitForIdle(page);
    expect(new URL(page.url()).searchParams.get('report')).toBeNull();
    expect(consoleErrors).toEqual([]);
    await page.context().close();
  });

  it('the district overview opens from the district summary, with the targets, and prints (≤ 10 pages)', async () => {
    const { page, consoleErrors } = await session.open('dist=straight', { bypassCSP: true });
    // the dashboard's district figures for the category shown
    const shown = await page.evaluate(() => {
      const t = window.__yangpuCoverage!.table;
      return { category: t.category, share: t.district.populationShare, gap: t.district.gapPopulation };
    });
    await page.locator('a[data-report-link="district"]').click();
    await waitForReport(page, 'zh');
    expect(new URL(page.url()).searchParams.get('report')).toBe('district');
    await expect.poll(() => page.locator('[data-analysis]').count(), POLL).toBe(6);
    // the figures are the app's dashboard's and `npm run analyze`'s
    const cells = await rowTexts(page, '.district-coverage');
    expect(cells.get(shown.category)?.slice(3, 5)).toEqual([pctText(shown.share), countText(shown.gap)]);
    const analyzed = analyze('straight');
    expect([...cells.keys()].sort()).toEqual([...analyzed.keys()].sort());
    for (const [category, t] of analyzed) {
      const listed = category === 'riverfront' || cells.get(category)![1] !== '0';
      const [share, gap] = cells.get(category)!.slice(3, 5) as [string, string];
      if (!listed) {
        expect([share, gap], category).toEqual(['—', '—']);
        continue;
      }
      expectShare(share, t.district.populationShare, category);
      expect(gap, category).toBe(countText(t.district.gapPopulation));
      // the target group's uncovered residents (60+, 3–5, under 3), as the dashboard's * figures
      const target = cells.get(category)![5]!;
      if (t.targetGroup)
        expect(target, category).toMatch(new RegExp(`[:：] ?${countText(t.district.target!.gap)}$`));
      else expect(target, category).toBe('—');
    }
    // 9: the access and fairness pages (capacity, basket, Gini and Lorenz plots; issue 20) add one
    await checkBothLanguages(page, 'district', 10, (lang) => [
      lang === 'zh' ? '杨浦区' : 'Yangpu District',
      ...allCategories(lang),
      s('ranking', lang),
      s('subdistrictsCompared', lang),
      s('targets', lang),
      s('targetFigures', lang),
      ...Object.values(TARGET_KINDS).map((k) => k[lang]),
      s('lackData', lang),
      s('bedsLine', lang),
      CIRCLE_NAME[lang],
    ]);
    expect(consoleErrors).toEqual([]);
    await page.context().close();
  });

  it('a report opened with dist=network uses walking distance where the network is and says so; its figures are npm run analyze --distance network', async () => {
    const wjc = '310110019-1';
    const context = await session.browser.newContext({ locale: 'en-GB' });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${session.server.url}?lang=en&dist=network&report=circle:${wjc}`);
    await waitForReport(page, 'en');
    const analyzed = analyze('network');
    const share = analyzed.get('nursing-home')!.circles.find((c) => c.id === wjc)!.network!.residentsShare;
    expect(share).toBeGreaterThan(0);
    const facts = squash(await page.locator('.report-facts').innerText());
    const inNetwork = squash(`${distanceModelLabel('network', 'en')} · ${s('inNetwork', 'en')}`);
    expect(facts).toContain(inNetwork);
    expectShare(facts.split(inNetwork)[1]!.match(/^[\d.]+%/)![0], share, 'residents in the network');
    const text = squash(await page.locator('[data-report]').innerText());
    const method = (d: 'straight' | 'network') =>
      s('methodCoverage', 'en').replace('{d}', distanceModelName(d, 'en', 'full'));
    for (const needle of [distanceModelName('network', 'en', 'full'), method('network')])
      expect(text).toContain(squash(needle));
    expect(text).not.toContain(squash(method('straight')));
    const cells = await rowTexts(page, '.categories');
    let compared = 0;
    for (const [category, t] of analyzed) {
      const c = t.circles.find((x) => x.id === wjc)!;
      if (cells.get(category)![2] === '—') continue; // no list
      const m = (v: number | null) => (v === null ? '—' : `${countText(v)} m`);
      const [share, , , median, worst] = cells.get(category)!.slice(2, 7) as string[] as [
        string,
        string,
        string,
        string,
        string,
      ];
      expectShare(share, c.populationShare, category);
      expect([median, worst], category).toEqual([m(c.medianDistanceM), m(c.maxDistanceM)]);
      compared++;
    }
    expect(compared).toBeGreaterThan(10);
    // and the straight-line figures differ for this circle (the model in force is the one shown)
    const straight = analyze('straight');
    const differs = [...straight].some(([category, t]) => {
      const c = t.circles.find((x) => x.id === wjc)!;
      const printed = cells.get(category)![2]!;
      return printed !== '—' && Math.abs(Number.parseFloat(printed) - c.populationShare! * 100) > 0.5;
    });
    expect(differs).toBe(true);
    const pdf = await printed(page, 'circle-network-en');
    expect(pdf.pages).toBeLessThanOrEqual(3);
    expect(pdf.text).toContain(squash(distanceModelLabel('network', 'en')));
    expect(errors).toEqual([]);
    await context.close();
  });

  it('an unknown subdistrict says so, with a retry, and there is nothing to print', async () => {
    const context = await session.browser.newContext({ locale: 'zh-CN' });
    const page = await context.newPage();
    await page.goto(`${session.server.url}?report=${encodeURIComponent('subdistrict:不存在街道')}`);
    await page.locator('[data-report-error]').waitFor({ timeout: 120_000 });
    await expect.poll(() => page.locator('[data-report-error]').textContent(), POLL).toContain('不存在街道');
    await expect(page.getByRole('button', { name: '打印 / 保存为PDF' }).isDisabled()).resolves.toBe(true);
    await expect.poll(() => page.getByRole('button', { name: '重试' }).count(), POLL).toBe(1);
    await context.close();
  });

  it('npm run report writes the PDF from the command line, and fails with a message for an unknown place', () => {
    const out = join(OUT, 'cli-circle.pdf');
    rmSync(out, { force: true });
    const ok = spawnSync(
      join(REPO_ROOT, 'node_modules', '.bin', 'tsx'),
      [
        'scripts/report.ts',
        '--circle',
        CIRCLE,
        '--lang',
        'en',
        '--base-url',
        'https://example.org/map/',
        '--out',
        out,
      ],
      { cwd: REPO_ROOT, encoding: 'utf8' },
    );
    expect(ok.status, ok.stderr).toBe(0);
    const pdf = readFileSync(out);
    expect(pdfPageCount(pdf)).toBeLessThanOrEqual(3);
    const text = squash(pdfPagesText(pdf).join(''));
    expectAll(text, [CIRCLE_NAME.en, 'https://example.org/map/?', 'circle=310110001-1', 'lang=en']);
    // the CLI's default is the app's: walking (best available), named in the report
    expect(text).toContain(squash(distanceModelLabel('walk', 'en')));
    const bad = spawnSync(
      join(REPO_ROOT, 'node_modules', '.bin', 'tsx'),
      ['scripts/report.ts', '--subdistrict', '不存在街道', '--out', join(OUT, 'cli-bad.pdf')],
      { cwd: REPO_ROOT, encoding: 'utf8' },
    );
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('不存在街道');
  });
});
