/**
 * Shared set-up for browser tests: serve dist/ under /map/ (a sub-path), open the app in a
 * fresh browser context (its own storage: every test sets up its own state), collect
 * console errors and every request, and wait for conditions — the map's idle event, the
 * coverage numbers in the DOM — never for a fixed time.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { REPO_ROOT } from '../geodata/paths';
import { type ExtraFiles, type StaticServer, startStaticServer } from '../static-server';
import { launchBrowser } from './browser';

export const SCREENSHOTS = join(REPO_ROOT, 'test-output', 'screenshots');

export interface OpenedPage {
  page: Page;
  context: BrowserContext;
  consoleErrors: string[];
  requests: string[];
  /** ms from navigation start to the map's first idle (reported, never asserted) */
  msToIdle: number;
}

export interface OpenOptions {
  viewport?: { width: number; height: number };
  /** only where a test injects its own script (axe-core); the app otherwise runs under its CSP */
  bypassCSP?: boolean;
  /** wait for the first coverage numbers too (default true) */
  coverage?: boolean;
  /** scripts to run before the page's own (e.g. observers) */
  initScript?: () => void;
}

export class BrowserSession {
  browser!: Browser;
  server!: StaticServer;

  async start(extra: ExtraFiles = {}): Promise<void> {
    const dist = join(REPO_ROOT, 'dist', 'index.html');
    if (!existsSync(dist))
      throw new Error('dist/ is missing: run `npm run build` (npm test does) before the browser tests');
    mkdirSync(SCREENSHOTS, { recursive: true });
    this.server = await startStaticServer(join(REPO_ROOT, 'dist'), '/map/', 0, extra);
    this.browser = await launchBrowser();
  }

  async stop(): Promise<void> {
    await this.browser?.close();
    await this.server?.close();
  }

  /** Open the app with `query` (test=1 is added) in a new context; waits for the map's idle. */
  async open(query = '', options: OpenOptions = {}): Promise<OpenedPage> {
    const context = await this.browser.newContext({
      viewport: options.viewport ?? { width: 1280, height: 860 },
      deviceScaleFactor: 1,
      locale: 'zh-CN',
      acceptDownloads: true,
      bypassCSP: options.bypassCSP ?? false,
    });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: new URL(this.server.url).origin,
    });
    if (options.initScript) await context.addInitScript(options.initScript);
    const page = await context.newPage();
    const consoleErrors: string[] = [];
    const requests: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') consoleErrors.push(m.text());
    });
    page.on('pageerror', (e) => consoleErrors.push(`pageerror: ${e.message}`));
    page.on('request', (r) => requests.push(r.url()));
    const t0 = Date.now();
    await page.goto(`${this.server.url}?test=1${query ? `&${query}` : ''}`);
    await waitForIdle(page);
    const msToIdle = Date.now() - t0;
    if (options.coverage !== false) await waitForCoverage(page);
    return { page, context, consoleErrors, requests, msToIdle };
  }
}

/** Wait for the map's load, then for it to be idle (style, sources and tiles done, not moving). */
export async function waitForIdle(page: Page): Promise<void> {
  await page.waitForFunction(() => window.__yangpuMap?.map.loaded(), null, { timeout: 60_000 });
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const map = window.__yangpuMap!.map;
        map.once('error', (e) => reject(new Error(String(e.error?.message ?? e))));
        if (map.loaded() && map.areTilesLoaded() && !map.isMoving()) {
          // Already idle: ask for one more frame and wait for its idle event.
          map.once('idle', () => resolve());
          map.triggerRepaint();
        } else map.once('idle', () => resolve());
      }),
  );
}

/**
 * Wait until coverage numbers are in the DOM (shown after `since`, ms of the page's
 * performance.now) for the category and radius asked, if given.
 */
export async function waitForCoverage(
  page: Page,
  want: { category?: string; radiusM?: number; since?: number } = {},
): Promise<void> {
  await page.waitForFunction(
    (w) => {
      const c = window.__yangpuCoverage;
      return (
        !!c &&
        c.shownAt > (w.since ?? -1) &&
        (w.category === undefined || c.table.category === w.category) &&
        (w.radiusM === undefined || c.table.radiusM === w.radiusM)
      );
    },
    want,
    { timeout: 60_000 },
  );
}

/** The page's performance.now(): a point in time that later events are compared with. */
export const pageNow = (page: Page) => page.evaluate(() => performance.now());

/** RGBA of the map canvas at CSS pixel (x, y); needs ?test=1&pixels=1 (preserveDrawingBuffer). */
export async function pixelAt(page: Page, x: number, y: number): Promise<[number, number, number, number]> {
  return page.evaluate(
    ({ px, py }) => {
      const canvas = window.__yangpuMap!.map.getCanvas();
      const ratio = canvas.width / canvas.clientWidth;
      const copy = document.createElement('canvas');
      copy.width = canvas.width;
      copy.height = canvas.height;
      const ctx = copy.getContext('2d')!;
      ctx.drawImage(canvas, 0, 0);
      const d = ctx.getImageData(Math.round(px * ratio), Math.round(py * ratio), 1, 1).data;
      return [d[0]!, d[1]!, d[2]!, d[3]!] as [number, number, number, number];
    },
    { px: x, py: y },
  );
}

export function hexToRgb(hex: string): [number, number, number] {
  const v = Number.parseInt(hex.slice(1), 16);
  return [(v >> 16) & 255, (v >> 8) & 255, v & 255];
}

/** Click the map at lon/lat through MapLibre, as a user's click arrives; returns the page time of the click. */
export function clickMapAt(page: Page, lonLat: [number, number]): Promise<number> {
  return page.evaluate((ll) => {
    const map = window.__yangpuMap!.map;
    const point = map.project(ll);
    const t0 = performance.now();
    map.fire('click', { lngLat: map.unproject(point), point, originalEvent: new MouseEvent('click') });
    return t0;
  }, lonLat);
}

/** Choose a category in the picker, as a user's change event arrives; returns the page time of the change. */
export function chooseCategory(page: Page, value: string): Promise<number> {
  return page.evaluate((v) => {
    const select = document.querySelector<HTMLSelectElement>('.field select')!;
    const t0 = performance.now();
    select.value = v;
    select.dispatchEvent(new Event('change', { bubbles: true }));
    return t0;
  }, value);
}

/** Type a custom walking distance (m), as a user's change event arrives; returns the page time. */
export function setCustomRadius(page: Page, metres: number): Promise<number> {
  return page.evaluate((r) => {
    const input = document.querySelector<HTMLInputElement>('.tiers input[type=number]')!;
    const t0 = performance.now();
    input.value = String(r);
    input.dispatchEvent(new Event('change', { bubbles: true }));
    return t0;
  }, metres);
}

/**
 * Options for `expect.poll`: read the DOM again until the expectation holds. A read taken
 * once right after a click can come before the render it checks; the timeout only stops a
 * hung test.
 */
export const POLL = { timeout: 60_000, interval: 100 } as const;
