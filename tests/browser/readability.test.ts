/**
 * The default coverage map at district, circle and street zoom, in Chinese and English,
 * on a desktop and a phone: screenshots to look at (test-output/screenshots/view-*.png).
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { BrowserSession, SCREENSHOTS, waitForIdle } from './page';

const session = new BrowserSession();
beforeAll(() => session.start());
afterAll(() => session.stop());

/** 五角场-4: in the OSM land-use area, with canteen gaps; street view on the 300 m arc north of EC038. */
const CIRCLE = '310110019-4';
const VIEWS = {
  district: '',
  circle: `circle=${CIRCLE}&v=14.6/31.2932/121.5080`,
  street: `circle=${CIRCLE}&v=17/31.2950/121.5109`,
} as const;
const SCREENS = {
  desktop: { width: 1280, height: 860 },
  phone: { width: 390, height: 844 },
} as const;

/** Wait until the gap polygons are on the map and the map is idle. */
async function gapsDrawn(page: Page): Promise<void> {
  await page.waitForFunction(() => window.__yangpuMap!.map.querySourceFeatures('gaps').length > 0, null, {
    timeout: 60_000,
  });
  await waitForIdle(page);
}

describe('readability screenshots', () => {
  for (const [view, query] of Object.entries(VIEWS)) {
    for (const [screen, viewport] of Object.entries(SCREENS)) {
      for (const lang of ['zh', 'en'] as const) {
        it(`${view} zoom, ${screen}, ${lang}`, async () => {
          const q = [query, lang === 'en' ? 'lang=en' : ''].filter(Boolean).join('&');
          const { page, context } = await session.open(q, { viewport });
          await gapsDrawn(page);
          await page.screenshot({ path: join(SCREENSHOTS, `view-${view}-${screen}-${lang}.png`) });
          await context.close();
        });
      }
    }
  }
});
