/**
 * The app's own latency in headless Chromium (the production build in dist/): page load to
 * map idle, and for a distance change, a category change, a proposed site and a gate, the time to
 * numbers in the DOM — end to end, in the worker, and on our main thread; and for a category
 * change, the time until every circle's Turf gap polygons have arrived (and their worker ms). Printed with
 * min/median like every bench; `npm test` asserts none of it. Needs dist/ and Chromium.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { REPO_ROOT } from '../geodata/paths';
import {
  BrowserSession,
  chooseCategory,
  clickMapAt,
  setCustomRadius,
  waitForCoverage,
  waitForIdle,
} from '../lib/page';
import type { BenchResult } from './harness';

function summarise(name: string, values: number[]): BenchResult {
  const sorted = [...values].sort((a, b) => a - b);
  const n = sorted.length;
  const median = n % 2 ? sorted[(n - 1) / 2]! : (sorted[n / 2 - 1]! + sorted[n / 2]!) / 2;
  return { name, runs: n, minMs: sorted[0]!, medianMs: median };
}

/** Run the browser bench; returns null (with the reason printed) when it cannot run here. */
export async function browserBench(runs = 7): Promise<BenchResult[] | null> {
  if (!existsSync(join(REPO_ROOT, 'dist', 'index.html'))) {
    console.log('(browser bench skipped: dist/ is missing — run `npm run build` first)');
    return null;
  }
  const session = new BrowserSession();
  try {
    await session.start();
  } catch (e) {
    console.log(`(browser bench skipped: ${(e as Error).message})`);
    return null;
  }
  const loads: number[] = [];
  const change = { e2e: [] as number[], worker: [] as number[], main: [] as number[] };
  const category = { e2e: [] as number[], worker: [] as number[], main: [] as number[] };
  const site = { e2e: [] as number[], worker: [] as number[], sent: [] as number[] };
  const gaps = { e2e: [] as number[], worker: [] as number[] };
  const gate = { e2e: [] as number[], worker: [] as number[], sent: [] as number[] };
  try {
    for (let i = 0; i < 3; i++) {
      const opened = await session.open();
      loads.push(opened.msToIdle);
      await opened.context.close();
    }
    const { page, context } = await session.open();
    const record = async (into: typeof change, t0: number) => {
      const c = await page.evaluate(() => window.__yangpuCoverage!);
      into.e2e.push(c.shownAt - t0);
      into.worker.push(c.workerMs);
      into.main.push(c.mainThreadMs);
    };
    for (let i = 0; i < runs + 1; i++) {
      const radius = [500, 300, 1000][i % 3]!;
      const t0 = await setCustomRadius(page, radius + i); // a new radius every time: nothing cached
      await waitForCoverage(page, { radiusM: radius + i, since: t0 });
      if (i > 0) await record(change, t0);
      await waitForIdle(page); // the map has drawn the change: the next one starts from rest
    }
    const cats = [
      'kindergarten',
      'nursing-home',
      'park',
      'meal-point',
      'health-centre',
      'sports',
      'nursery',
      'care-home',
    ];
    for (const [i, cat] of cats.entries()) {
      const t0 = await chooseCategory(page, cat);
      await waitForCoverage(page, { category: cat, since: t0 });
      if (i > 0) await record(category, t0);
      await page.waitForFunction((t) => (window.__yangpuGaps?.requestedAt ?? -1) >= t, t0, {
        timeout: 120_000,
      });
      if (i > 0) {
        const g = await page.evaluate(() => window.__yangpuGaps!);
        gaps.e2e.push(g.receivedAt - t0);
        gaps.worker.push(g.workerMs);
      }
      await waitForIdle(page);
    }
    await page.getByRole('button', { name: '新方案' }).click();
    const sentAt = await watchWorkerReplies(page);
    const worst = await page.evaluate(() => {
      const t = window.__yangpuCoverage!.table;
      return t.circles.map((c) => c.worstPoint).filter(Boolean) as [number, number][];
    });
    for (let i = 0; i < Math.min(runs, worst.length); i++) {
      await page.getByRole('button', { name: /添加拟建点/ }).click();
      const t0 = await clickMapAt(page, worst[i]!);
      await page.waitForFunction((t) => (window.__yangpuScenario?.receivedAt ?? 0) > t, t0);
      const s = await page.evaluate(() => window.__yangpuScenario!);
      site.e2e.push(s.receivedAt - t0);
      site.worker.push(s.workerMs);
      site.sent.push((await sentAt(s.receivedAt)) - t0);
      await waitForIdle(page);
    }
    await context.close();
    await gateRuns(session, runs, gate);
  } finally {
    await session.stop();
  }
  return [
    summarise('page load → map idle', loads),
    summarise('distance change → numbers in the DOM', change.e2e),
    summarise('  of which worker', change.worker),
    summarise('  of which our main thread', change.main),
    summarise('category change → numbers in the DOM', category.e2e),
    summarise('  of which worker', category.worker),
    summarise('  of which our main thread', category.main),
    summarise("category change → all 33 circles' Turf gaps received", gaps.e2e),
    summarise('  of which worker (Turf, 33 circles)', gaps.worker),
    summarise('proposed site → scenario numbers', site.e2e),
    summarise('  click → the worker sends the answer', site.sent),
    summarise('  of which worker', site.worker),
    summarise('睦邻门 gate (walking distance) → scenario numbers', gate.e2e),
    summarise('  click → the worker sends the answer', gate.sent),
    summarise('  of which worker', gate.worker),
  ];
}

/**
 * 国福路 inside the 复旦 staff quarter and 邯郸路 across its wall (31 m apart, ~760 m on foot),
 * moved north by ~10 m per run so that every gate is a new one.
 */
const WALL: [[number, number], [number, number]] = [
  [121.502313, 31.299064],
  [121.502282, 31.299338],
];

/**
 * Note when the coverage worker posts each answer (bench only: it wraps the worker's
 * postMessage). Returns a function giving, on the page's clock, the last answer sent before
 * a time the page received one: what separates the two is the page's main thread, busy
 * drawing frames (slow under software WebGL).
 */
async function watchWorkerReplies(page: Page): Promise<(receivedAt: number) => Promise<number>> {
  const worker = page.workers().find((w) => /coverage/.test(w.url()));
  if (!worker) throw new Error('the coverage worker is not running');
  await worker.evaluate(() => {
    const scope = self as unknown as { __sent: number[]; postMessage: (m: unknown, t?: unknown) => void };
    const post = scope.postMessage.bind(scope);
    scope.__sent = [];
    scope.postMessage = (m, t) => {
      scope.__sent.push(performance.timeOrigin + performance.now());
      post(m, t);
    };
  });
  const pageOrigin = await page.evaluate(() => performance.timeOrigin);
  return async (receivedAt) => {
    const sent = await worker.evaluate(() => (self as unknown as { __sent: number[] }).__sent);
    const before = sent.map((t) => t - pageOrigin).filter((t) => t <= receivedAt);
    return before.length ? before[before.length - 1]! : receivedAt;
  };
}

/** Gates drawn by two clicks in network mode: the second click to the scenario's numbers. */
async function gateRuns(
  session: BrowserSession,
  runs: number,
  into: { e2e: number[]; worker: number[]; sent: number[] },
): Promise<void> {
  const { page, context } = await session.open('dist=network&cat=nursing-home&v=16/31.2992/121.5023');
  await page.waitForFunction(() => window.__yangpuCoverage?.table.distance === 'network');
  await page.getByRole('button', { name: '新方案' }).click();
  const sentAt = await watchWorkerReplies(page);
  for (let i = 0; i < runs; i++) {
    const shift = (p: [number, number]): [number, number] => [p[0], p[1] + i * 0.00009];
    await page.getByRole('button', { name: /添加睦邻门/ }).click();
    await clickMapAt(page, shift(WALL[0]));
    const t0 = await clickMapAt(page, shift(WALL[1]));
    await page.waitForFunction((t) => (window.__yangpuScenario?.receivedAt ?? 0) > t, t0);
    const s = await page.evaluate(() => window.__yangpuScenario!);
    into.e2e.push(s.receivedAt - t0);
    into.worker.push(s.workerMs);
    into.sent.push((await sentAt(s.receivedAt)) - t0);
    await waitForIdle(page);
  }
  await context.close();
}
