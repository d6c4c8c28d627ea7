/**
 * The shared OSM reader (src/data/osm/) runs in the browser, for the app's importer: bundled by
 * Vite, it gives byte-for-byte the layers Node gives for the real 复旦 campus cut plus GeoJSON
 * lines — on a page with Chromium's own DOMParser, and in a Web Worker, which has no DOMParser
 * and gets xmldom's instead.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DOMParser } from '@xmldom/xmldom';
import type { Browser } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../scripts/geodata/paths';
import { extractOsm } from '../../src/data/osm/extract';
import { parseOsmGeoJson } from '../../src/data/osm/geojson';
import { parseOsmXml } from '../../src/data/osm/xml';
import { OSM_FIXTURES, WIDE_CLIP } from '../data/osm/fixtures';
import { launchBrowser } from './browser';

const OUT = join(REPO_ROOT, 'test-output', 'osm-reader');
const xmlText = readFileSync(join(OSM_FIXTURES, 'wujiaochang-fudan.cut-campus.osm'), 'utf8');
const linesText = readFileSync(join(OSM_FIXTURES, 'synthetic-c.geojsonl'), 'utf8');
const inNode = JSON.stringify(
  extractOsm(
    [parseOsmXml(xmlText, 'campus.osm', new DOMParser()), parseOsmGeoJson(linesText, 'lines.geojsonl')],
    {
      clip: WIDE_CLIP,
    },
  ).layers,
);

let browser: Browser;
let bundle: string;

beforeAll(async () => {
  await build({
    configFile: false,
    logLevel: 'warn',
    build: {
      outDir: OUT,
      emptyOutDir: true,
      minify: false,
      lib: {
        entry: join(import.meta.dirname, 'osm', 'entry.ts'),
        formats: ['iife'],
        name: 'osmReader',
        fileName: () => 'osm.js',
      },
    },
  });
  bundle = readFileSync(join(OUT, 'osm.js'), 'utf8');
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

type Result = { parser: string; layers: string };

describe('OSM reader in the browser', () => {
  it('gives Node’s layers on a page, with the browser’s DOMParser', async () => {
    const page = await browser.newPage();
    await page.addScriptTag({ content: bundle });
    const r = await page.evaluate(
      ([x, l, c]) => (globalThis as unknown as { runOsm: (...a: unknown[]) => Result }).runOsm(x, l, c),
      [xmlText, linesText, WIDE_CLIP] as const,
    );
    expect(r.parser).toBe('DOMParser');
    expect(r.layers).toBe(inNode);
    await page.close();
  });

  it('gives Node’s layers in a Web Worker, with xmldom', async () => {
    const page = await browser.newPage();
    const r = await page.evaluate(
      async ([src, x, l, c]) => {
        const code = `${src}\nonmessage = (e) => { try { postMessage(runOsm(...e.data)); } catch (err) { postMessage({ parser: 'error', layers: String(err) }); } };`;
        const worker = new Worker(URL.createObjectURL(new Blob([code], { type: 'text/javascript' })));
        return new Promise<Result>((resolve) => {
          worker.onmessage = (e) => resolve(e.data);
          worker.postMessage([x, l, c]);
        });
      },
      [bundle, xmlText, linesText, WIDE_CLIP] as const,
    );
    expect(r.parser).toBe('xmldom');
    expect(r.layers).toBe(inNode);
    await page.close();
  });
});
