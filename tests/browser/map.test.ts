/**
 * The production build in headless Chromium, served under a sub-path: the map renders
 * from our own data with no request leaving the page's origin.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SUBDISTRICT_COLOURS } from '../../src/map/palette';
import { BrowserSession, hexToRgb, type OpenedPage, pixelAt, SCREENSHOTS, waitForIdle } from './page';

const session = new BrowserSession();
let opened: OpenedPage;

beforeAll(async () => {
  await session.start();
  // A page that the tests below only read (tests that change state open their own).
  opened = await session.open('pixels=1');
  await opened.page.screenshot({ path: join(SCREENSHOTS, 'desktop-zh.png') });
  console.log(`browser: page load → map idle ${opened.msToIdle} ms`);
});
afterAll(() => session.stop());

describe('map page (production build under /map/)', () => {
  it('logs no console errors', () => {
    expect(opened.consoleErrors).toEqual([]);
  });

  it("requests nothing outside the page's own origin", () => {
    const origin = new URL(session.server.url).origin;
    const foreign = opened.requests.filter(
      (u) => !u.startsWith(origin) && !u.startsWith('data:') && !u.startsWith('blob:'),
    );
    expect(foreign).toEqual([]);
    // and every asset came from under the sub-path
    expect(opened.requests.filter((u) => u.startsWith(origin) && !u.startsWith(session.server.url))).toEqual(
      [],
    );
  });

  it('draws a canvas that is not blank', async () => {
    const samples = await opened.page.evaluate(() => {
      const canvas = window.__yangpuMap!.map.getCanvas();
      const copy = document.createElement('canvas');
      copy.width = canvas.width;
      copy.height = canvas.height;
      const ctx = copy.getContext('2d')!;
      ctx.drawImage(canvas, 0, 0);
      const data = ctx.getImageData(0, 0, copy.width, copy.height).data;
      const colours = new Set<number>();
      for (let i = 0; i < data.length; i += 4 * 97)
        colours.add((data[i]! << 16) | (data[i + 1]! << 8) | data[i + 2]!);
      return colours.size;
    });
    expect(samples).toBeGreaterThan(20);
  });

  it('paints each subdistrict in its own fill colour', async () => {
    // Coverage colours and gaps are drawn over the subdistricts by default: show the base layers only.
    const p = await session.open('pixels=1&layers=subdistricts,metro,roads', { coverage: false });
    const { page } = p;
    // For each subdistrict, find a pixel where only fills are rendered (no line, label or point).
    const spots = await page.evaluate(() => {
      const map = window.__yangpuMap!.map;
      const canvas = map.getCanvas();
      const out: { code: string; x: number; y: number }[] = [];
      const found = new Set<string>();
      for (let y = 20; y < canvas.clientHeight - 20 && found.size < 12; y += 9) {
        for (let x = 20; x < canvas.clientWidth - 20; x += 9) {
          const hits = map.queryRenderedFeatures([
            [x - 4, y - 4],
            [x + 4, y + 4],
          ]);
          const ids = new Set(hits.map((h) => h.layer.id));
          const onlyFills = [...ids].every((id) =>
            ['subdistrict-fill', 'district-fill', 'circle-fill'].includes(id),
          );
          const sub = hits.find((h) => h.layer.id === 'subdistrict-fill');
          if (onlyFills && sub && !found.has(String(sub.properties.code))) {
            found.add(String(sub.properties.code));
            out.push({ code: String(sub.properties.code), x, y });
          }
        }
      }
      return out;
    });
    expect(spots.length).toBe(12);
    const codes = spots.map((s) => s.code).sort();
    for (const spot of spots) {
      const expected = hexToRgb(SUBDISTRICT_COLOURS[codes.indexOf(spot.code)]!);
      const actual = await pixelAt(page, spot.x, spot.y);
      for (let c = 0; c < 3; c++)
        expect(Math.abs(actual[c]! - expected[c]!), `subdistrict ${spot.code}`).toBeLessThanOrEqual(3);
    }
    await page.context().close();
  });

  it('labels all 12 subdistricts in Chinese', async () => {
    const names = await opened.page.evaluate(() =>
      [
        ...new Set(
          window
            .__yangpuMap!.map.queryRenderedFeatures({ layers: ['subdistrict-label'] })
            .map((f) => f.properties.name),
        ),
      ].sort(),
    );
    expect(names).toHaveLength(12);
    expect(names).toContain('殷行街道');
    expect(names).toContain('长海路街道');
  });

  it('draws the metro, the riverfront and the facilities', async () => {
    const counts = await opened.page.evaluate(() => {
      const map = window.__yangpuMap!.map;
      const n = (layer: string) => map.queryRenderedFeatures({ layers: [layer] }).length;
      return {
        metro: n('metro-line'),
        stations: n('metro-station'),
        riverfront: n('riverfront-line'),
        eldercare: n('eldercare-point'),
        childcare: n('childcare-point'),
        circles: n('circle-line'),
      };
    });
    expect(counts.metro).toBeGreaterThan(0);
    expect(counts.stations).toBeGreaterThan(10);
    expect(counts.riverfront).toBeGreaterThan(0);
    expect(counts.eldercare).toBeGreaterThan(100);
    expect(counts.childcare).toBeGreaterThan(50);
    expect(counts.circles).toBeGreaterThan(0);
  });

  it('runs under a Content-Security-Policy (no inline script, no eval) without violations', async () => {
    const { page, context } = await session.open('', {
      initScript: () => {
        const w = window as unknown as { __cspViolations: string[] };
        w.__cspViolations = [];
        document.addEventListener('securitypolicyviolation', (e) =>
          w.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`),
        );
      },
    });
    const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    console.log(`CSP in force: ${csp}`);
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-eval');
    expect(
      await page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations),
    ).toEqual([]);
    // and inline script is really refused
    const ran = await page.evaluate(() => {
      const s = document.createElement('script');
      s.textContent = 'window.__inlineRan = true';
      document.head.append(s);
      return Boolean((window as unknown as { __inlineRan?: boolean }).__inlineRan);
    });
    expect(ran).toBe(false);
    await context.close();
  });

  it('shows the OpenStreetMap attribution', async () => {
    await expect(opened.page.locator('.maplibregl-ctrl-attrib').textContent()).resolves.toMatch(
      /OpenStreetMap contributors/,
    );
  });

  it('switches labels to English and records it in the URL', async () => {
    const { page, context } = await session.open('', { coverage: false });
    await page.getByRole('button', { name: 'English' }).click();
    await waitForIdle(page);
    const names = await page.evaluate(() =>
      window
        .__yangpuMap!.map.queryRenderedFeatures({ layers: ['subdistrict-label'] })
        .map((f) => f.properties.nameEn),
    );
    expect(names).toContain('Yinhang Subdistrict');
    expect(page.url()).toContain('lang=en');
    await expect(page.locator('h1').textContent()).resolves.toBe('Yangpu 15-minute life circles');
    await page.screenshot({ path: join(SCREENSHOTS, 'desktop-en.png') });
    await context.close();
  });

  it('hides a layer group from its toggle and restores it on Back', async () => {
    const { page, context } = await session.open('', { coverage: false });
    const visibility = () =>
      page.evaluate(() => window.__yangpuMap!.map.getLayoutProperty('eldercare-point', 'visibility'));
    await page.getByRole('tab', { name: /Layers|图层/ }).click();
    await page.getByLabel('养老设施').uncheck();
    await page.waitForFunction(
      () => window.__yangpuMap!.map.getLayoutProperty('eldercare-point', 'visibility') === 'none',
    );
    expect(await visibility()).toBe('none');
    expect(page.url()).toMatch(/layers=/);
    await page.goBack();
    await page.waitForFunction(
      () => window.__yangpuMap!.map.getLayoutProperty('eldercare-point', 'visibility') === 'visible',
    );
    expect(page.url()).not.toMatch(/layers=/);
    await context.close();
  });
});

describe('optional online basemap', () => {
  it('falls back to the embedded style when the style URL fails', async () => {
    // Port 9 on loopback refuses the connection: an unreachable style server.
    const p = await session.open(`basemap=${encodeURIComponent('http://127.0.0.1:9/style.json')}`, {
      coverage: false,
    });
    await p.page.getByRole('status').waitFor();
    await expect(p.page.getByRole('status').textContent()).resolves.toMatch(/在线底图无法加载/);
    const layers = await p.page.evaluate(() => window.__yangpuMap!.map.getStyle().layers.length);
    expect(layers).toBeGreaterThan(10);
    await p.page.context().close();
  });
});

describe('after a style change', () => {
  it('draws again what it drew: gaps, coverage colours and, in network mode, the walking graph', async () => {
    const { page, context } = await session.open('dist=network&cat=kindergarten&v=14/31.2990/121.5060');
    await page.waitForFunction(() => window.__yangpuCoverage!.table.distance === 'network');
    const drawn = () =>
      page.evaluate(() => {
        const map = window.__yangpuMap!.map;
        return {
          graph: map.querySourceFeatures('networkGraph').length,
          gaps: map.querySourceFeatures('gaps').length,
          styleLayers: map.getStyle().layers.length,
        };
      });
    await page.waitForFunction(() => window.__yangpuMap!.map.querySourceFeatures('networkGraph').length > 0);
    await page.waitForFunction(() => window.__yangpuMap!.map.querySourceFeatures('gaps').length > 0);
    const before = await drawn();
    // the embedded style set again (as after an online basemap): a new style, the same drawing
    await page.evaluate(() => window.__yangpuMap!.setBasemap(null));
    await page.waitForFunction(() => window.__yangpuMap!.map.querySourceFeatures('networkGraph').length > 0);
    await page.waitForFunction(() => window.__yangpuMap!.map.querySourceFeatures('gaps').length > 0);
    await waitForIdle(page);
    const after = await drawn();
    expect(after.styleLayers).toBe(before.styleLayers);
    expect(after.graph).toBeGreaterThan(0);
    expect(after.gaps).toBeGreaterThan(0);
    await context.close();
  });
});

describe('phone layout', () => {
  it('fits a 390 px wide screen without horizontal scrolling', async () => {
    const p = await session.open('', { viewport: { width: 390, height: 844 } });
    const overflow = await p.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await p.page.screenshot({ path: join(SCREENSHOTS, 'phone-zh.png') });
    await p.page.context().close();
  });
});
