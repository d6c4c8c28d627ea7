/**
 * Screenshots to look at (not a test): the access analysis of issue 20 in the built app —
 * the access section, the Lorenz plot, the dashboard's "capacity & basket" view, and the
 * capacity and basket map layers, on a desktop and a phone, in Chinese and English. Run
 * `npm run build` first; writes PNGs to test-output/screenshots/capacity-*.png.
 *   npx tsx scripts/shots-capacity.ts
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { BrowserSession, SCREENSHOTS, waitForIdle } from '../tests/browser/page';

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
  ];

for (const s of shots) {
  const { page, context, consoleErrors } = await session.open(s.query, { viewport: s.viewport });
  await page.waitForSelector('[data-testid=gini-distance]', { timeout: 120_000 });
  await page.waitForSelector('.dashboard-views button[data-view=extra]', { timeout: 120_000 });
  await waitForLayer(page, s.layer);
  const shot = (part: string) =>
    page.screenshot({ path: join(SCREENSHOTS, `capacity-${s.name}${part}.png`) });
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
await session.stop();
