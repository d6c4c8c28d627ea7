/**
 * Screenshots to look at (not a test): the access analysis of issue 20 in the built app —
 * the access section, the Lorenz plot, the dashboard's "capacity & basket" view, and the
 * capacity and basket map layers, a scenario's difference map, on a desktop and a phone, in
 * Chinese and English, and the district report's fairness page. Run `npm run build` (or
 * `npx vite build`) first; writes PNGs to test-output/shots/capacity-*.png.
 *   npx tsx scripts/shots-capacity.ts
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { encodeScenarios } from '../src/ui/scenarios/codec';
import { BrowserSession, waitForIdle } from '../tests/browser/page';
import { REPO_ROOT } from './geodata/paths';

const SHOTS = join(REPO_ROOT, 'test-output', 'shots');
mkdirSync(SHOTS, { recursive: true });
/** One proposed nursing home (120 beds) near the worst-served north-east, for the difference maps. */
const SCENARIO = encodeScenarios([
  {
    id: 'S1',
    name: 'shot',
    sites: [{ id: 'P1', name: 'P1', category: 'nursing-home', lonLat: [121.52, 31.3], capacity: 120 }],
  },
]);

const session = new BrowserSession();
await session.start();

async function waitForLayer(page: Page, kind: string): Promise<void> {
  await page.waitForFunction(
    (k) => window.__yangpuAccess?.state.kind === k && window.__yangpuAccess.state.features > 0,
    kind,
    { timeout: 120_000 },
  );
  await waitForIdle(page);
}

const scrollTo = (page: Page, selector: string, block: 'start' | 'center' = 'start') =>
  page
    .locator(selector)
    .first()
    .evaluate((e, b) => e.scrollIntoView({ block: b }), block);

const shots: { name: string; query: string; viewport?: { width: number; height: number }; layer: string }[] =
  [
    { name: 'desktop-zh-capacity', query: 'cat=nursing-home&acc=capacity', layer: 'capacity' },
    { name: 'desktop-en-basket', query: 'lang=en&cat=kindergarten&acc=basket-child', layer: 'basket-child' },
    {
      name: 'phone-zh-capacity',
      query: 'cat=nursing-home&acc=capacity&min=15&pace=elder',
      viewport: { width: 390, height: 844 },
      layer: 'capacity',
    },
    {
      name: 'desktop-zh-difference',
      query: `cat=nursing-home&acc=difference&sc=${SCENARIO}`,
      layer: 'difference',
    },
    {
      name: 'desktop-en-capacity-difference',
      query: `lang=en&cat=nursing-home&acc=capacity-difference&sc=${SCENARIO}`,
      layer: 'capacity-difference',
    },
  ];

for (const s of shots) {
  const { page, context, consoleErrors } = await session.open(s.query, { viewport: s.viewport });
  await page.waitForSelector('[data-testid=gini-distance]', { timeout: 120_000 });
  await page.waitForSelector('.dashboard-views button[data-view=extra]', { timeout: 120_000 });
  await waitForLayer(page, s.layer);
  const shot = (part: string) => page.screenshot({ path: join(SHOTS, `capacity-${s.name}${part}.png`) });
  await shot('');
  await scrollTo(page, '[data-testid=access-panel]');
  await shot('-panel');
  await scrollTo(page, '[data-testid=lorenz]', 'center');
  await shot('-lorenz');
  await page.locator('.dashboard-views button[data-view=extra]').click();
  await scrollTo(page, '.dashboard-views');
  await shot('-dashboard');
  console.log(
    `${s.name}: written${consoleErrors.length ? `; console errors: ${consoleErrors.join(' | ')}` : ''}`,
  );
  await context.close();
}

// the district report's fairness page (Gini table and Lorenz curves), zh and en
for (const lang of ['zh', 'en'] as const) {
  const context = await session.browser.newContext({ viewport: { width: 1000, height: 1300 } });
  const page = await context.newPage();
  await page.goto(`${session.server.url}?report=district${lang === 'en' ? '&lang=en' : ''}`);
  await page.waitForSelector('[data-report-ready="true"] [data-testid=report-fairness]', {
    timeout: 300_000,
  });
  await scrollTo(page, '#report-access');
  await page.screenshot({ path: join(SHOTS, `capacity-report-district-${lang}-access.png`) });
  await scrollTo(page, '[data-testid=report-fairness]');
  await page.screenshot({ path: join(SHOTS, `capacity-report-district-${lang}-fairness.png`) });
  console.log(`report-district-${lang}: written`);
  await context.close();
}
await session.stop();
