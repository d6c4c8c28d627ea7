/**
 * Embeds in a real cross-origin iframe (the host page is served by a second static server,
 * so the map runs on another origin): the map fills the frame at the four sizes news and
 * 街道/居委 pages use, the overlays stay small, the resident and coverage widgets show what
 * their links ask, the postMessage API works both ways and ignores anything undocumented,
 * and axe-core finds nothing serious in embed mode.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GEODATA_DIR } from '../../scripts/geodata/paths';
import { type StaticServer, startStaticServer } from '../../scripts/static-server';
import { labelPoint } from '../../src/analysis/labelPoint';
import { EMBED_SIZES } from '../../src/ui/embed/snippet';
import { axeViolations } from './axe';
import { BrowserSession, POLL, SCREENSHOTS } from './page';

const session = new BrowserSession();
let host: StaticServer;
let hostDir: string;

/** The resident's place: the label point of the first circle of geodata/ (定海路-1), inside it. */
const CIRCLE = JSON.parse(readFileSync(`${GEODATA_DIR}/circles.geojson`, 'utf8'))
  .features[0] as GeoJSON.Feature<
  GeoJSON.Polygon | GeoJSON.MultiPolygon,
  { id: string; name: string; nameEn: string; subdistrict: string }
>;
const PLACE = labelPoint(CIRCLE.geometry) as [number, number];
/** A place where the walking network exists: the label point of the circle 五角场-1. */
const WJC = JSON.parse(readFileSync(`${GEODATA_DIR}/circles.geojson`, 'utf8')).features.find(
  (f: { properties: { name: string } }) => f.properties.name === '五角场-1',
) as typeof CIRCLE;
const WJC_PLACE = labelPoint(WJC.geometry) as [number, number];
const AT = `at=${PLACE[0]},${PLACE[1]}`;

/**
 * A host page on the other origin with one iframe of `query`; it records the map's messages
 * (with their origin) in window.received and sends with window.send(message).
 */
function hostPage(name: string, query: string, size: { width: number; height: number }): string {
  const src = `${session.server.url}?embed=1&test=1&pixels=1${query ? `&${query}` : ''}`;
  writeFileSync(
    join(hostDir, name),
    `<!doctype html><html lang="en"><title>host</title><style>body{margin:0}iframe{display:block;border:0}</style>
<main><h1>A neighbourhood page</h1>
<iframe title="Yangpu map" width="${size.width}" height="${size.height}" src="${src}"></iframe></main>
<script>
  window.received = [];
  window.addEventListener('message', (e) => window.received.push({ origin: e.origin, data: e.data }));
  window.send = (m) => document.querySelector('iframe').contentWindow.postMessage(m, '*');
</script></html>`,
  );
  return `${host.url}${name}`;
}

/**
 * Open a host page; wait for the embedded map to be idle with its first numbers in the DOM
 * (the coverage widget's table, or the resident widget's list).
 */
async function openHost(url: string, viewport = { width: 1000, height: 800 }) {
  const context = await session.browser.newContext({ viewport, deviceScaleFactor: 1 });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    // the host's own missing favicon is not the map's error
    if (m.type() === 'error' && !m.location().url.endsWith('/favicon.ico')) errors.push(m.text());
  });
  await page.goto(url);
  const frame = await embedFrame(page);
  await frame.waitForFunction(
    () =>
      (window.__yangpuCoverage || document.querySelector('[data-testid=embed-nearest]')) &&
      window.__yangpuMap?.map.loaded(),
    null,
    { timeout: 60_000 },
  );
  await frameIdle(frame);
  return { page, frame, context, errors };
}

async function embedFrame(page: Page): Promise<Frame> {
  await page.waitForFunction(() => document.querySelector('iframe'));
  for (;;) {
    const f = page.frames().find((x) => x.url().includes('embed=1'));
    if (f) return f;
    await page.waitForEvent('frameattached');
  }
}

/** The embedded map's next idle (style, sources and tiles done, not moving). */
function frameIdle(frame: Frame): Promise<void> {
  return frame.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const map = window.__yangpuMap!.map;
        map.once('idle', () => resolve());
        map.triggerRepaint();
      }),
  );
}

/** What the frame shows: canvas size against the frame, and the overlays' boxes (CSS px). */
function measure(frame: Frame) {
  return frame.evaluate(() => {
    const box = (sel: string) => {
      const el = document.querySelector(sel);
      if (!el) return null;
      const r = el.getBoundingClientRect();
      return { x: r.x, y: r.y, width: r.width, height: r.height };
    };
    return {
      frame: { width: innerWidth, height: innerHeight },
      canvas: box('.maplibregl-canvas')!,
      legend: box('.embed-legend'),
      attribution: box('.maplibregl-ctrl-attrib'),
      scrolls:
        document.documentElement.scrollHeight > innerHeight ||
        document.documentElement.scrollWidth > innerWidth,
    };
  });
}

const area = (b: { width: number; height: number } | null) => (b ? b.width * b.height : 0);

beforeAll(async () => {
  await session.start();
  hostDir = mkdtempSync(join(tmpdir(), 'yangpu-embed-host-'));
  host = await startStaticServer(hostDir, '/host/');
});
afterAll(async () => {
  await host?.close();
  await session.stop();
});

describe('the map embed fills its frame at every size', () => {
  for (const size of EMBED_SIZES) {
    it(`${size.width}×${size.height}: canvas ≥ 90 % of the frame, overlays small`, async () => {
      const url = hostPage(`size-${size.width}.html`, 'cat=kindergarten', size);
      const { page, frame, context, errors } = await openHost(url);
      expect(new URL(frame.url()).origin).not.toBe(new URL(page.url()).origin);
      const m = await measure(frame);
      const w = m.canvas.width / m.frame.width;
      const h = m.canvas.height / m.frame.height;
      const overlay = (area(m.legend) + area(m.attribution)) / (m.frame.width * m.frame.height);
      console.log(
        `embed ${size.width}×${size.height}: canvas ${m.canvas.width}×${m.canvas.height} (${(w * 100).toFixed(1)} % × ${(h * 100).toFixed(1)} %); legend ${Math.round(m.legend!.width)}×${Math.round(m.legend!.height)}, attribution ${Math.round(m.attribution!.width)}×${Math.round(m.attribution!.height)}: overlays ${(overlay * 100).toFixed(1)} % of the frame`,
      );
      expect(m.frame).toEqual({ width: size.width, height: size.height });
      expect(w).toBeGreaterThanOrEqual(0.9);
      expect(h).toBeGreaterThanOrEqual(0.9);
      expect(m.scrolls).toBe(false);
      expect(await frame.locator('.panel').count()).toBe(0);
      // the attribution is there, in full text (compact or not), and names OpenStreetMap
      expect(await frame.locator('.maplibregl-ctrl-attrib').textContent()).toContain('OpenStreetMap');
      // the coverage widget names the type it shows and the district's share
      await expect.poll(() => frame.getByTestId('embed-legend').textContent(), POLL).toMatch(/幼儿园/);
      await expect.poll(() => frame.getByTestId('embed-share').textContent(), POLL).toMatch(/\d+%/);
      if (size.width <= 420) {
        expect(overlay).toBeLessThanOrEqual(0.2);
        // small frames: the legend is a toggle, the attribution MapLibre's compact button
        const toggle = frame.getByRole('button', { name: /图例/ });
        await expect(toggle.getAttribute('aria-expanded')).resolves.toBe('false');
        expect(await frame.locator('.maplibregl-ctrl-attrib.maplibregl-compact').count()).toBe(1);
        await toggle.click();
        await frame.getByText('生活圈覆盖率（居民）').waitFor();
        await page.screenshot({
          path: join(SCREENSHOTS, `embed-${size.width}x${size.height}-legend-open.png`),
        });
        await toggle.click();
        await frame.getByText('生活圈覆盖率（居民）').waitFor({ state: 'hidden' });
        // the attribution is shown on load and folds to MapLibre's button once the map is dragged
        const box = (await page.locator('iframe').boundingBox())!;
        await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
        await page.mouse.down();
        await page.mouse.move(box.x + box.width / 2 - 40, box.y + box.height / 2 - 30, { steps: 5 });
        await page.mouse.up();
        await frame
          .locator('.maplibregl-ctrl-attrib.maplibregl-compact:not(.maplibregl-compact-show)')
          .waitFor();
        const folded = await measure(frame);
        expect(area(folded.attribution)).toBeLessThanOrEqual(30 * 30);
      } else {
        await frame.getByText('生活圈覆盖率（居民）').waitFor();
        const link = await frame.getByRole('link', { name: /完整地图/ }).getAttribute('href');
        expect(link).not.toContain('embed=1');
        expect(link).not.toContain('test=1');
        expect(link).toContain('cat=kindergarten');
      }
      await frameIdle(frame);
      await page.screenshot({ path: join(SCREENSHOTS, `embed-${size.width}x${size.height}.png`) });
      expect(errors).toEqual([]);
      await context.close();
    });
  }
});

describe('the resident widget', () => {
  it('360×560 (phone): the place and the nearest facility of every type, map above the list', async () => {
    const url = hostPage('nearby-360.html', `tab=nearby&${AT}`, { width: 360, height: 560 });
    const { page, frame, context, errors } = await openHost(url);
    await expect
      .poll(() => frame.getByTestId('embed-place').textContent(), POLL)
      .toContain(`${CIRCLE.properties.name} · ${CIRCLE.properties.subdistrict}`);
    const rows = frame.locator('[data-testid=embed-nearest] tbody tr');
    expect(await rows.count()).toBeGreaterThan(15);
    await expect.poll(() => rows.first().textContent(), POLL).toMatch(/\d+ 米 · ≈\d+ 分钟/);
    await expect.poll(() => rows.first().textContent(), POLL).toMatch(/^\S+.*(直线|步行) [\d,]+ 米/);
    // the map opens on the place, with the resident's marker and lines to the nearest facilities
    const centre = await frame.evaluate(() => window.__yangpuMap!.map.getCenter().toArray());
    expect(Math.abs(centre[0]! - PLACE[0]) + Math.abs(centre[1]! - PLACE[1])).toBeLessThan(1e-3);
    expect(
      await frame.evaluate(() => window.__yangpuMap!.map.querySourceFeatures('resident').length),
    ).toBeGreaterThan(1);
    // map on top, list below, both inside the frame
    const boxes = await frame.evaluate(() =>
      ['.maplibregl-canvas', '.embed-nearby-list'].map((sel) => {
        const r = document.querySelector(sel)!.getBoundingClientRect();
        return { top: r.top, bottom: r.bottom, width: r.width };
      }),
    );
    expect(boxes[0]!.bottom).toBeLessThanOrEqual(boxes[1]!.top + 1);
    expect(boxes[1]!.bottom).toBeLessThanOrEqual(561);
    expect(boxes.every((b) => b.width >= 359)).toBe(true);
    await frameIdle(frame);
    await page.screenshot({ path: join(SCREENSHOTS, 'embed-nearby-360x560.png') });
    // a click on the map (away from facilities) chooses another place; the host hears of it
    const spot = await frame.evaluate(() => {
      const map = window.__yangpuMap!.map;
      for (let y = 40; y < map.getCanvas().clientHeight - 40; y += 9) {
        for (let x = 40; x < 300; x += 9) {
          if (
            !map
              .queryRenderedFeatures([
                [x - 6, y - 6],
                [x + 6, y + 6],
              ])
              .some((h) => h.layer.id.endsWith('-point'))
          )
            return { x, y };
        }
      }
      return null;
    });
    expect(spot).not.toBeNull();
    await frame.locator('.map canvas').click({ position: spot! });
    await page.waitForFunction(() =>
      (window as unknown as { received: { data: { type: string; at?: unknown } }[] }).received.some(
        (m) => m.data.type === 'yangpu:select' && Array.isArray(m.data.at),
      ),
    );
    await expect
      .poll(() => frame.getByTestId('embed-place').textContent(), POLL)
      .not.toContain(PLACE[1].toFixed(4));
    expect(errors).toEqual([]);
    await context.close();
  });

  it('800×560 in English: the list beside the map, names in English', async () => {
    const url = hostPage('nearby-800-en.html', `tab=nearby&${AT}&lang=en`, { width: 800, height: 560 });
    const { page, frame, context } = await openHost(url);
    const place = (await frame.getByTestId('embed-place').textContent())!;
    expect(place).toContain(CIRCLE.properties.nameEn);
    // the circle and subdistrict in English; a named place nearby keeps its only (Chinese) name
    expect(place.split(' · ').slice(0, 2).join(' · ')).not.toMatch(/[\u4e00-\u9fff]/);
    await expect(
      frame.locator('[data-testid=embed-nearest] tbody tr').first().textContent(),
    ).resolves.toMatch(/\d+ m( \([\d,]+–[\d,]+ m\))? · ≈\d+ min/);
    const [map, list] = await frame.evaluate(() =>
      ['.maplibregl-canvas', '.embed-nearby-list'].map((sel) =>
        document.querySelector(sel)!.getBoundingClientRect().toJSON(),
      ),
    );
    expect(map.right).toBeLessThanOrEqual(list.left + 1);
    expect(map.height).toBe(560);
    await frameIdle(frame);
    await page.screenshot({ path: join(SCREENSHOTS, 'embed-nearby-800x560-en.png') });
    await context.close();
  });
  it('uses walking distances where the network reaches the place (五角场), and says so', async () => {
    const url = hostPage('nearby-wjc.html', `tab=nearby&at=${WJC_PLACE[0]},${WJC_PLACE[1]}`, {
      width: 800,
      height: 560,
    });
    const { page, frame, context } = await openHost(url);
    await frame
      .locator('[data-testid=embed-nearest] tr[data-walk=network]')
      .first()
      .waitFor({ timeout: 60_000 });
    const walked = await frame.locator('[data-testid=embed-nearest] tr[data-walk=network]').count();
    console.log(`resident widget at 五角场-1: ${walked} types by walking distance`);
    expect(walked).toBeGreaterThan(5);
    await expect(
      frame.locator('[data-testid=embed-nearest] tr[data-walk=network]').first().textContent(),
    ).resolves.toMatch(/步行 [\d,]+ 米/);
    await expect.poll(() => frame.getByTestId('embed-distance-note').textContent(), POLL).toMatch(/步行网络/);
    await frameIdle(frame);
    await page.screenshot({ path: join(SCREENSHOTS, 'embed-nearby-800x560-walking.png') });
    await context.close();
  });
});

type Received = { origin: string; data: Record<string, unknown> & { type: string } }[];
const received = (page: Page) => page.evaluate(() => (window as unknown as { received: Received }).received);
const send = (page: Page, message: unknown) =>
  page.evaluate((m) => (window as unknown as { send(m: unknown): void }).send(m), message);

describe('the embed API (postMessage)', () => {
  it('tells the host when it is ready, obeys documented messages and ignores everything else', async () => {
    const url = hostPage('api.html', 'cat=kindergarten', { width: 420, height: 320 });
    const { page, frame, context, errors } = await openHost(url);
    const mapOrigin = new URL(session.server.url).origin;
    const historyBefore = await page.evaluate(() => history.length);
    await page.waitForFunction(() =>
      (window as unknown as { received: Received }).received.some((m) => m.data.type === 'yangpu:ready'),
    );
    const ready = (await received(page)).find((m) => m.data.type === 'yangpu:ready')!;
    expect(ready.origin).toBe(mapOrigin);
    expect(ready.data).toMatchObject({
      version: 1,
      state: { category: 'kindergarten', radiusM: 300, lang: 'zh' },
    });

    const shown = () =>
      frame.evaluate(() => [window.__yangpuCoverage!.table.category, window.__yangpuCoverage!.table.radiusM]);
    await send(page, { type: 'yangpu:set', category: 'nursery', radiusM: 500 });
    await frame.waitForFunction(() => window.__yangpuCoverage?.table.category === 'nursery');
    expect(await shown()).toEqual(['nursery', 500]);
    await expect.poll(() => frame.getByTestId('embed-legend').textContent(), POLL).toMatch(/托儿所 · 500 米/);

    // a circle chosen by the host is selected, shown in the legend, and not echoed back as a user's choice
    await send(page, { type: 'yangpu:set', circle: CIRCLE.properties.id });
    await frame.locator('.embed-circle').getByText(CIRCLE.properties.name).waitFor();

    // hostile or undocumented messages: each is ignored whole
    const hostile: unknown[] = [
      'yangpu:set',
      null,
      [{ type: 'yangpu:set', category: 'park' }],
      { type: 'yangpu:set' },
      { type: 'yangpu:eval', code: 'window.__pwned = 1' },
      { type: 'yangpu:set', category: 'park', code: 'window.__pwned = 1' },
      { type: 'yangpu:set', category: "park'; window.__pwned = 1; '" },
      { type: 'yangpu:set', category: '<img src=x onerror="window.__pwned=1">' },
      { type: 'yangpu:set', category: 'constructor' },
      { type: 'yangpu:set', category: 'park', radiusM: 1e9 },
      { type: 'yangpu:set', category: 'park', radiusM: '800' },
      { type: 'yangpu:set', radiusM: Number.NaN },
      { type: 'yangpu:set', radiusM: -300 },
      { type: 'yangpu:set', at: [0, 0] },
      { type: 'yangpu:set', at: [121.5, 31.3, 5] },
      { type: 'yangpu:set', at: '121.5,31.3' },
      { type: 'yangpu:set', circle: 'no-such-circle' },
      { type: 'yangpu:set', circle: '../../etc' },
      { type: 'YANGPU:SET', category: 'park' },
      JSON.parse('{"type":"yangpu:set","__proto__":{"category":"park"}}'),
    ];
    for (const m of hostile) await send(page, m);
    // a message from another window than the host page (a sibling frame) is ignored too
    await page.evaluate(() => {
      const sibling = document.createElement('iframe');
      sibling.title = 'sibling';
      sibling.srcdoc =
        "<script>parent.frames[0].postMessage({ type: 'yangpu:set', category: 'park' }, '*')</script>";
      document.body.append(sibling);
      return new Promise((resolve) => sibling.addEventListener('load', resolve));
    });
    // then a valid one: once it is applied, every message before it has been handled
    await send(page, { type: 'yangpu:set', radiusM: 750 });
    await frame.waitForFunction(() => window.__yangpuCoverage?.table.radiusM === 750);
    expect(await shown()).toEqual(['nursery', 750]);
    expect(await frame.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await frame.locator('img[src=x]').count()).toBe(0);
    expect(await frame.evaluate(() => window.__yangpuMap!.map.querySourceFeatures('resident').length)).toBe(
      0,
    );
    expect((await received(page)).filter((m) => m.data.type === 'yangpu:select')).toEqual([]);

    // a user's click on a circle reaches the host, from the map's origin
    const spot = await frame.evaluate(() => {
      const map = window.__yangpuMap!.map;
      const canvas = map.getCanvas();
      for (let y = 60; y < canvas.clientHeight - 60; y += 7) {
        for (let x = 150; x < canvas.clientWidth - 60; x += 7) {
          const hits = map.queryRenderedFeatures([x, y]);
          const circle = hits.find((h) => h.layer.id === 'circle-fill');
          if (circle && !hits.some((h) => h.layer.id.endsWith('-point')))
            return { x, y, id: circle.properties.id as string };
        }
      }
      return null;
    });
    expect(spot).not.toBeNull();
    await frame.locator('.map canvas').click({ position: { x: spot!.x, y: spot!.y } });
    await page.waitForFunction(() =>
      (window as unknown as { received: Received }).received.some((m) => m.data.type === 'yangpu:select'),
    );
    const select = (await received(page)).find((m) => m.data.type === 'yangpu:select')!;
    expect(select.origin).toBe(mapOrigin);
    expect(select.data).toMatchObject({ circle: { id: spot!.id, category: 'nursery', radiusM: 750 } });
    expect((select.data.circle as { coveredShare: number }).coveredShare).toBeGreaterThanOrEqual(0);
    // the embed never adds entries to the host's history
    expect(await page.evaluate(() => history.length)).toBe(historyBefore);
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('"Embed this view" in the app', () => {
  it('copies an iframe snippet of the current view at the chosen size, which works on another origin', async () => {
    const { page, context } = await session.open(`cat=nursery&r=500&tab=nearby&${AT}`, { coverage: false });
    await page.getByTestId('nearby-point').waitFor();
    await page.getByRole('button', { name: '嵌入此视图' }).click();
    await page.getByRole('radio', { name: /420×320/ }).check();
    const code = await page.getByTestId('embed-code').inputValue();
    console.log(`embed snippet: ${code}`);
    expect(code).toMatch(
      /^<iframe title="杨浦15分钟社区生活圈 · 附近的服务设施" src="[^"]+" width="420" height="320"/,
    );
    const src = new URL(code.match(/src="([^"]+)"/)![1]!.replaceAll('&amp;', '&'));
    expect(src.search.startsWith('?embed=1&')).toBe(true);
    expect(src.searchParams.get('cat')).toBe('nursery');
    expect(src.searchParams.get('r')).toBe('500');
    expect(src.searchParams.get('tab')).toBe('nearby');
    expect(src.searchParams.get('at')).toBe(`${PLACE[0]},${PLACE[1]}`);
    expect(src.searchParams.has('test')).toBe(false);
    await page.getByRole('button', { name: '复制代码' }).click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(code);
    await page.getByRole('button', { name: '嵌入此视图' }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SCREENSHOTS, 'embed-this-view.png') });
    // the snippet, pasted into a page on another origin, shows the resident widget
    writeFileSync(join(hostDir, 'pasted.html'), `<!doctype html><title>pasted</title>${code}`);
    const other = await session.browser.newPage({ viewport: { width: 600, height: 500 } });
    await other.goto(`${host.url}pasted.html`);
    const frame = other.frameLocator('iframe');
    await frame.getByTestId('embed-place').getByText(CIRCLE.properties.name).waitFor({ timeout: 60_000 });
    expect(await frame.locator('[data-testid=embed-nearest] tbody tr').count()).toBeGreaterThan(15);
    const pasted = other.frames().find((f) => f.url().includes('embed=1'))!;
    await pasted.waitForFunction(() => document.querySelector('.maplibregl-canvas'));
    await other.screenshot({ path: join(SCREENSHOTS, 'embed-nearby-420x320-pasted.png') });
    await other.close();
    await context.close();
  });
});

describe('accessibility in embed mode', () => {
  it('has no serious or critical axe-core violations (coverage widget folded and open, resident widget)', async () => {
    const found: string[] = [];
    const small = await session.open('embed=1&cat=kindergarten', {
      viewport: { width: 420, height: 320 },
      bypassCSP: true,
    });
    for (const v of await axeViolations(small.page))
      found.push(`coverage folded: ${v.id} (${v.impact}) ${v.sample}`);
    await small.page.getByRole('button', { name: /图例/ }).click();
    for (const v of await axeViolations(small.page))
      found.push(`coverage open: ${v.id} (${v.impact}) ${v.sample}`);
    await small.context.close();
    const nearby = await session.open(`embed=1&tab=nearby&${AT}&lang=en`, {
      viewport: { width: 360, height: 560 },
      bypassCSP: true,
      coverage: false,
    });
    await nearby.page.getByTestId('embed-nearest').waitFor();
    for (const v of await axeViolations(nearby.page))
      found.push(`nearby en: ${v.id} (${v.impact}) ${v.sample}`);
    await nearby.context.close();
    console.log(`axe-core in embed mode: ${found.length ? found.join('; ') : 'no violations'}`);
    expect(found.filter((f) => /\((serious|critical)\)/.test(f))).toEqual([]);
  });
});
