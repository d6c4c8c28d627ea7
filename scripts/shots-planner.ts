/**
 * Screenshots to look at (not a test) for issue 22's planner items, at desktop 1280×860 and
 * phone 390×844, in Chinese (and the report in English too):
 *   - the circle health check opened from the map with elder canteens at 300 m (the circle
 *     profile's report link): its first screen, its focus section ("the type and distance
 *     chosen", the weakest of the others, ties), and its first printed A4 page (print media at
 *     the A4 content width: page 1 as printed);
 *   - the dashboard's coverage figures without and with ?debug=1 (the worker's timing);
 *   - the import preview: scripts/shots-import.ts, run into the same folder.
 * Needs `npm run build` (serves dist/). PNGs go to test-output/shots/ (git-ignored).
 *
 *   npx tsx scripts/shots-planner.ts [--out DIR] [--no-import]
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { BrowserSession, waitForCoverage } from '../tests/browser/page';
import { REPO_ROOT } from './geodata/paths';

const VIEWPORTS = {
  desktop: { width: 1280, height: 860 },
  phone: { width: 390, height: 844 },
} as const;
/** 定海路-1: a circle where many types are at 0 % (ties) */
const CIRCLE = '310110001-1';
/** A4 (210 mm) less the report's 12 mm print margins, at 96 px per inch */
const A4_CONTENT = { width: Math.round((186 / 25.4) * 96), height: Math.round((273 / 25.4) * 96) };

async function reportReady(page: Page): Promise<void> {
  await page.waitForFunction(
    () => !!document.querySelector('[data-report-ready="true"] [data-report]'),
    null,
    {
      timeout: 300_000,
    },
  );
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
}

async function main(): Promise<void> {
  const at = process.argv.indexOf('--out');
  const out = resolve(at > 0 ? process.argv[at + 1]! : join(REPO_ROOT, 'test-output', 'shots'));
  mkdirSync(out, { recursive: true });
  const shots: string[] = [];
  const shot = async (page: Page, name: string, fullPage = false) => {
    const path = join(out, `${name}.png`);
    await page.screenshot({ path, fullPage });
    shots.push(path);
  };
  const session = new BrowserSession();
  await session.start();
  try {
    for (const [vp, viewport] of Object.entries(VIEWPORTS)) {
      // the report, opened as a planner does: canteens at 300 m, a circle, its report link
      const { page, context } = await session.open(`cat=elder-canteen&r=300&circle=${CIRCLE}&dist=straight`, {
        viewport,
      });
      await waitForCoverage(page, { category: 'elder-canteen', radiusM: 300 });
      await page.locator('a[data-report-link="circle"]').first().click();
      await reportReady(page);
      for (const lang of ['zh', 'en'] as const) {
        if (lang === 'en') {
          await page.getByRole('navigation').getByRole('button', { name: 'English' }).click();
          await page.waitForFunction(() => document.documentElement.lang === 'en');
          await reportReady(page);
        }
        await page.evaluate(() => window.scrollTo(0, 0));
        await shot(page, `report-canteens-300-${lang}-${vp}-page1`);
        await page.locator('#report-focus').scrollIntoViewIfNeeded();
        await page.locator('#report-focus').evaluate((e) => e.scrollIntoView({ block: 'start' }));
        await shot(page, `report-canteens-300-${lang}-${vp}-focus`);
      }
      if (vp === 'desktop') {
        // page 1 as printed: print media at the A4 content width, the first page's height
        for (const lang of ['en', 'zh'] as const) {
          if (lang === 'zh') {
            await page.getByRole('navigation').getByRole('button', { name: '中文' }).click();
            await page.waitForFunction(() => document.documentElement.lang === 'zh-CN');
            await reportReady(page);
          }
          await page.setViewportSize(A4_CONTENT);
          await page.emulateMedia({ media: 'print' });
          await page.evaluate(() => window.scrollTo(0, 0));
          await shot(page, `report-canteens-300-${lang}-print-page1`);
          await page.emulateMedia({ media: 'screen' });
          await page.setViewportSize(viewport);
        }
      }
      await context.close();

      // the dashboard's figures: no timing for users; ?debug=1 shows it
      for (const debug of [false, true]) {
        const opened = await session.open(debug ? 'debug=1' : '', { viewport });
        const figures = opened.page.getByTestId('district-share');
        await figures.scrollIntoViewIfNeeded();
        if (debug) await opened.page.locator('.timing').waitFor();
        const hasTiming = (await opened.page.locator('.timing').count()) > 0;
        console.log(`dashboard ${vp} debug=${debug}: timing shown ${hasTiming}`);
        await shot(opened.page, `dashboard-${vp}-${debug ? 'debug' : 'no-debug'}`);
        await opened.context.close();
      }
    }
  } finally {
    await session.stop();
  }
  if (!process.argv.includes('--no-import')) {
    // the import preview (its small map, the outside-district warning): scripts/shots-import.ts
    const r = spawnSync(
      join(REPO_ROOT, 'node_modules', '.bin', 'tsx'),
      ['scripts/shots-import.ts', '--out', join(out, 'import')],
      { cwd: REPO_ROOT, stdio: 'inherit' },
    );
    if (r.status !== 0) throw new Error('scripts/shots-import.ts failed');
  }
  for (const s of shots) console.log(s);
  console.log(`screenshots in ${out}`);
}

await main();
