/**
 * Shared set-up for browser tests: serve dist/ under /map/ (a sub-path), open a page
 * with ?test=1, collect console errors and every request, wait for the map's load + idle.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { REPO_ROOT } from '../../scripts/geodata/paths';
import { type StaticServer, startStaticServer } from '../../scripts/static-server';
import { launchBrowser } from './browser';

export const SCREENSHOTS = join(REPO_ROOT, 'test-output', 'screenshots');

export interface OpenedPage {
  page: Page;
  consoleErrors: string[];
  requests: string[];
  /** ms from navigation start to the map's first idle */
  msToIdle: number;
}

export class BrowserSession {
  browser!: Browser;
  server!: StaticServer;

  async start(): Promise<void> {
    const dist = join(REPO_ROOT, 'dist', 'index.html');
    if (!existsSync(dist))
      throw new Error('dist/ is missing: run `npm run build` (npm test does) before the browser tests');
    mkdirSync(SCREENSHOTS, { recursive: true });
    this.server = await startStaticServer(join(REPO_ROOT, 'dist'), '/map/');
    this.browser = await launchBrowser();
  }

  async stop(): Promise<void> {
    await this.browser?.close();
    await this.server?.close();
  }

  async open(query = '', viewport = { width: 1280, height: 800 }): Promise<OpenedPage> {
    const context = await this.browser.newContext({ viewport, deviceScaleFactor: 1, locale: 'zh-CN' });
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
    return { page, consoleErrors, requests, msToIdle: Date.now() - t0 };
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
