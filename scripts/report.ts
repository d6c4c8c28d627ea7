/**
 * `npm run report -- --circle <id> | --subdistrict <name> | --district [--lang en]
 *   [--dist walk|straight|network] [--base-url https://example.org/map/] --out file.pdf`
 *
 * Renders a report to PDF (A4) exactly as the app shows it: serves the production build
 * (dist/, so run `npm run build` first) on a local port, opens `?report=…` in the headless
 * Chromium the browser tests use, waits until the report says it is complete
 * (data-report-ready="true"; a failure is printed and exits 1), and prints the page to PDF.
 * `--base-url` makes the report's link to the live view point at the published map; without
 * it the link is the query only (e.g. `?lang=en&circle=…`: the local server is gone by then).
 */
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { REPO_ROOT } from './geodata/paths';
import { launchBrowser } from './lib/browser';
import { exitAfterFlush } from './lib/cli';
import { pdfPageCount } from './lib/pdf';
import { startStaticServer } from './static-server';

const USAGE =
  'usage: npm run report -- (--circle <id> | --subdistrict <name> | --district) [--lang en] [--dist walk|straight|network] [--base-url URL] --out file.pdf';

function fail(message: string): never {
  console.error(`✗ ${message}\n${USAGE}`);
  process.exit(2);
}

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  if (i < 0) return undefined;
  const v = process.argv[i + 1];
  if (v === undefined || v.startsWith('--')) fail(`${name} needs a value`);
  return v;
}

/** The query string for the arguments (exported for tests). */
export function reportQuery(args: {
  circle?: string;
  subdistrict?: string;
  district?: boolean;
  lang?: string;
  dist?: string;
}): string {
  const chosen = [args.circle !== undefined, args.subdistrict !== undefined, !!args.district].filter(Boolean);
  if (chosen.length !== 1) throw new Error('give exactly one of --circle, --subdistrict, --district');
  if (args.lang !== undefined && args.lang !== 'en' && args.lang !== 'zh')
    throw new Error(`--lang must be zh or en, got "${args.lang}"`);
  if (args.dist !== undefined && args.dist !== 'network' && args.dist !== 'straight' && args.dist !== 'walk')
    throw new Error(`--dist must be walk, straight or network, got "${args.dist}"`);
  const report = args.district
    ? 'district'
    : args.circle !== undefined
      ? `circle:${args.circle}`
      : `subdistrict:${args.subdistrict}`;
  const params = new URLSearchParams({ report });
  if (args.lang === 'en') params.set('lang', 'en');
  // the default is the app's, walking (best available)
  params.set('dist', args.dist ?? 'walk');
  return `?${params.toString()}`;
}

async function main(): Promise<void> {
  const out = arg('--out') ?? fail('--out file.pdf is required');
  let query: string;
  try {
    query = reportQuery({
      circle: arg('--circle'),
      subdistrict: arg('--subdistrict'),
      district: process.argv.includes('--district'),
      lang: arg('--lang'),
      dist: arg('--dist'),
    });
  } catch (e) {
    fail((e as Error).message);
  }
  const baseUrl = arg('--base-url');
  const dist = join(REPO_ROOT, 'dist');
  if (!existsSync(join(dist, 'index.html'))) fail('dist/ is missing: run `npm run build` first');
  const server = await startStaticServer(dist, '/map/', 0);
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage({ viewport: { width: 1000, height: 1400 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${server.url}${query}`);
    const outcome = await page.waitForFunction(
      () => {
        if (document.querySelector('[data-report-error]')) return 'error';
        return document.querySelector('[data-report-ready="true"] [data-report]') ? 'ready' : false;
      },
      null,
      { timeout: 300_000, polling: 200 },
    );
    if ((await outcome.jsonValue()) === 'error') {
      const text = await page.locator('[data-report-error]').innerText();
      throw new Error(`the report failed: ${text.trim()}`);
    }
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    // The live-view link: on the published map (--base-url), else just the query (the local
    // server is gone once the PDF is written).
    await page.evaluate(
      ({ from, to }) => {
        for (const a of document.querySelectorAll<HTMLAnchorElement>('a[data-live-link]')) {
          const rest = (a.href.startsWith(from) ? a.href.slice(from.length) : a.href) || './';
          a.href = to === null ? rest : new URL(rest, to).href;
          a.textContent = to === null ? rest : a.href;
        }
      },
      { from: server.url, to: baseUrl ? new URL(baseUrl).href : null },
    );
    const path = resolve(out);
    mkdirSync(dirname(path), { recursive: true });
    const pdf = await page.pdf({ path, format: 'A4', printBackground: true, preferCSSPageSize: true });
    console.log(
      `✓ ${path}: ${pdfPageCount(pdf)} A4 page(s)${errors.length ? ` (page errors: ${errors.join('; ')})` : ''}`,
    );
    if (!baseUrl)
      console.log('  the live-view link is the query only; give --base-url https://…/map/ for a full link');
  } finally {
    await browser.close();
    await server.close();
  }
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop()!)) {
  main().catch((e: Error) => {
    console.error(`✗ ${e.message}`);
    return exitAfterFlush(1);
  });
}
