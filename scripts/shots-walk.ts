/**
 * Screenshots to look at (not a test): the dashboard and the circle profile in walking
 * (best available), desktop 1280×860 and phone 390×844, zh and en, and the coverage embed at
 * 360×560 and 320×480. Needs `npm run build` first. PNGs go to test-output/shots-walk/.
 *
 *   npx tsx scripts/shots-walk.ts [--fixture-ranges]
 *
 * `--fixture-ranges` (layout check only, before the engine computes walk estimates): when the
 * shown tables carry no estimate, dress every row with a made-up range (share −4 … +3.5
 * points, 10 % measured) through the ?test=1 hooks, so the ranges' fit can be seen. The
 * script prints which it did; such PNGs show no real range.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { CoverageTable, CoverageTotals } from '../src/analysis/coverage/tables';
import { launchBrowser } from '../tests/browser/browser';
import { REPO_ROOT } from './geodata/paths';
import { startStaticServer } from './static-server';

const OUT = join(REPO_ROOT, 'test-output', 'shots-walk');
const fixture = process.argv.includes('--fixture-ranges');
/** a circle with residents inside and outside the mapped network (五角场) */
const CIRCLE = '310110019-1';

/** In the page: give every row of the shown tables a made-up range when they have none. */
async function dressTables(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const api = window.__yangpuTest!;
    const { table, defaults } = api.tables();
    const has = (t: CoverageTable | null) => !!t?.district.estimate;
    if (!table || has(table)) return false;
    const dress = (r: CoverageTotals): CoverageTotals => {
      const s = r.populationShare;
      return {
        ...r,
        estimate:
          s === null
            ? null
            : {
                measuredPopulation: r.population * 0.1,
                measuredShare: 0.1,
                coveredPopulationLow: r.population * Math.max(0, s - 0.04),
                coveredPopulationHigh: r.population * Math.min(1, s + 0.035),
                shareLow: Math.max(0, s - 0.04),
                shareHigh: Math.min(1, s + 0.035),
              },
      };
    };
    const dressTable = (t: CoverageTable): CoverageTable => ({
      ...t,
      distance: 'walk',
      circles: t.circles.map((c) => ({ ...c, ...dress(c) })),
      subdistricts: t.subdistricts.map((x) => ({ ...x, ...dress(x) })),
      district: dress(t.district),
      routeFactors: t.routeFactors ?? {
        tiers: [
          { tierM: 300, minM: 200, maxM: 400, pairs: 0, unconnected: 0, p25: 1.18, median: 1.31, p75: 1.47 },
          { tierM: 500, minM: 400, maxM: 700, pairs: 0, unconnected: 0, p25: 1.16, median: 1.27, p75: 1.41 },
          {
            tierM: 1000,
            minM: 700,
            maxM: 1300,
            pairs: 0,
            unconnected: 0,
            p25: 1.14,
            median: 1.23,
            p75: 1.34,
          },
        ],
        streetKm: 0,
        seed: 0,
        source: 'layout fixture',
      },
    });
    api.setTables(dressTable(table), defaults?.map(dressTable) ?? null);
    return true;
  });
}

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const server = await startStaticServer(join(REPO_ROOT, 'dist'), '/map/');
  const browser = await launchBrowser();
  const shots: string[] = [];
  try {
    const shoot = async (
      name: string,
      query: string,
      viewport: { width: number; height: number },
      then: (page: Page) => Promise<void>,
    ) => {
      const context = await browser.newContext({ viewport, deviceScaleFactor: 1 });
      const page = await context.newPage();
      // tsx keeps function names with a __name helper the page lacks (for page.evaluate's functions)
      await page.addInitScript({ content: 'window.__name = (f) => f;' });
      page.on('pageerror', (e) => console.error(`${name}: page error: ${e.message}`));
      await page.goto(`${server.url}?test=1&${query}`);
      await page.waitForFunction(() => window.__yangpuCoverage !== undefined, null, { timeout: 180_000 });
      if (query.includes('circle='))
        await page.waitForFunction(() => window.__yangpuTest?.tables().defaults !== null, null, {
          timeout: 180_000,
        });
      const info = await page.evaluate(() => {
        const t = window.__yangpuTest!.tables().table!;
        return { distance: t.distance, estimate: !!t.district.estimate };
      });
      let dressed = false;
      if (fixture) dressed = await dressTables(page);
      await page.waitForTimeout(300); // a frame for the DOM after a replaced table (a script, not a test)
      await then(page);
      const file = join(OUT, `${name}.png`);
      await page.screenshot({ path: file });
      shots.push(file);
      console.log(
        `${name}.png  table distance=${info.distance} estimate=${info.estimate}${dressed ? '  (layout-fixture ranges)' : ''}`,
      );
      await context.close();
    };
    const scrollTo = (selector: string) => async (page: Page) => {
      await page.locator(selector).first().scrollIntoViewIfNeeded();
    };
    for (const lang of ['zh', 'en'] as const) {
      const l = lang === 'en' ? 'lang=en&' : '';
      for (const [device, viewport] of [
        ['desktop', { width: 1280, height: 860 }],
        ['phone', { width: 390, height: 844 }],
      ] as const) {
        await shoot(
          `dashboard-${device}-${lang}`,
          `${l}dist=walk`,
          viewport,
          scrollTo('table.dashboard caption'),
        );
        await shoot(
          `summary-${device}-${lang}`,
          `${l}dist=walk`,
          viewport,
          scrollTo('[data-testid="coverage-summary"]'),
        );
        await shoot(
          `circle-${device}-${lang}`,
          `${l}dist=walk&circle=${CIRCLE}`,
          viewport,
          scrollTo('ul.bars'),
        );
      }
      for (const [w, h] of [
        [360, 560],
        [320, 480],
      ] as const)
        await shoot(
          `embed-${w}x${h}-${lang}`,
          `embed=1&${l}dist=walk&cat=elder-canteen&circle=${CIRCLE}`,
          { width: w, height: h },
          async (page) => {
            const toggle = page.locator('.embed-legend-toggle');
            if ((await toggle.getAttribute('aria-expanded')) === 'false') await toggle.click();
          },
        );
    }
  } finally {
    await browser.close();
    await server.close();
  }
  console.log(`${shots.length} PNGs in ${OUT}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
