/**
 * The default coverage map at district, circle and street zoom, in Chinese and English,
 * on a desktop and a phone: screenshots to look at (test-output/screenshots/view-*.png).
 * At zoom 17 the gap outlines have no staircase: most of their segments on screen are not
 * axis-aligned (the traced cell outlines they replace were axis-aligned throughout).
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
          if (view === 'district' && screen === 'desktop')
            await page
              .locator('.coverage-legend')
              .screenshot({ path: join(SCREENSHOTS, `legend-${lang}.png`) });
          await context.close();
        });
      }
    }
  }
});

describe('network mode', () => {
  for (const view of ['circle', 'street'] as const) {
    it(`${view} zoom: the walking graph drawn, the gaps of walking distance`, async () => {
      const { page, context } = await session.open(`dist=network&cat=nursing-home&${VIEWS[view]}`);
      await page.waitForFunction(() => window.__yangpuCoverage!.table.distance === 'network');
      await page.waitForFunction(
        () => window.__yangpuMap!.map.querySourceFeatures('networkGraph').length > 0,
      );
      await gapsDrawn(page);
      await page.screenshot({ path: join(SCREENSHOTS, `view-${view}-network.png`) });
      await context.close();
    });
  }
});

describe('gap outlines at street zoom', () => {
  it('have no staircase at zoom 17: most outline segments on screen are not axis-aligned', async () => {
    const { page, context } = await session.open(VIEWS.street);
    await gapsDrawn(page);
    await page.waitForFunction(() => window.__yangpuGaps !== undefined, null, { timeout: 60_000 });
    await waitForIdle(page);
    // every circle's gaps came from Turf (none from the raster's cell outline, the fallback)
    const gaps = await page.evaluate(() => window.__yangpuGaps!);
    expect(gaps.features).toBeGreaterThan(33);
    expect(gaps.traced).toEqual([]);
    const drawn = await page.evaluate(
      () => window.__yangpuMap!.map.queryRenderedFeatures({ layers: ['gap-line'] }).length,
    );
    expect(drawn).toBeGreaterThan(0);
    // The outlines drawn: every segment of the gaps source with an end on screen, in pixels.
    const segments = await page.evaluate(async () => {
      const map = window.__yangpuMap!.map;
      const source = map.getSource('gaps') as unknown as { getData(): Promise<unknown> };
      const data = (await source.getData()) as GeoJSON.FeatureCollection<GeoJSON.Polygon>;
      const { clientWidth: w, clientHeight: h } = map.getCanvas();
      const on = (p: { x: number; y: number }) => p.x >= 0 && p.y >= 0 && p.x <= w && p.y <= h;
      const out: [number, number][] = [];
      for (const f of data.features) {
        for (const ring of f.geometry.coordinates) {
          for (let k = 1; k < ring.length; k++) {
            const a = map.project(ring[k - 1] as [number, number]);
            const b = map.project(ring[k] as [number, number]);
            if (on(a) || on(b)) out.push([b.x - a.x, b.y - a.y]);
          }
        }
      }
      return out;
    });
    const measured = segments.filter(([dx, dy]) => Math.hypot(dx, dy) >= 1);
    const axisAligned = measured.filter(([dx, dy]) => {
      const deg = (Math.atan2(Math.abs(dy), Math.abs(dx)) * 180) / Math.PI;
      return Math.min(deg, 90 - deg) < 1;
    });
    const share = axisAligned.length / measured.length;
    console.log(
      `zoom 17: ${measured.length} gap outline segments on screen, ${axisAligned.length} axis-aligned (${(share * 100).toFixed(1)} %)`,
    );
    expect(measured.length).toBeGreaterThan(20);
    expect(share).toBeLessThan(0.5);
    await context.close();
  });
});
