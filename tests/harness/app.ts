/**
 * The headless harness: the whole app (Preact features, URL sync, every feature's effects)
 * in happy-dom, started as src/main.tsx starts it, with three services swapped
 * (src/ui/app/services.ts): a FakeMap instead of MapLibre, and the coverage and import
 * workers' own handlers served in-process over a MessageChannel (the typed RPC channel of
 * src/worker/rpc.ts, with its structured clone), not by a Worker. IndexedDB is
 * fake-indexeddb, fresh for every app. The data is the real geodata/ (npm run data).
 *
 * Every `bootApp` gets fresh modules (vi.resetModules), so no signal leaks between tests;
 * a test reads the app's modules through `app.mod(...)` (the same instances the app uses).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MessageChannel, type MessagePort } from 'node:worker_threads';
import { IDBFactory } from 'fake-indexeddb';
import { expect, vi } from 'vitest';
import { GEODATA_DIR } from '../../scripts/geodata/paths';
import type { CoverageTable } from '../../src/analysis/coverage/engine';
import { LAYER_FILES } from '../../src/core/schema';
import type { LoadedData } from '../../src/data/load';
import type { MapViewOptions } from '../../src/map/MapView';
import type { ShownCoverage } from '../../src/ui/app/testHooks';
import type { CoverageApi } from '../../src/worker/coverageApi';
import type { ImportApi } from '../../src/worker/importApi';
import type { Endpoint, Handlers } from '../../src/worker/rpc';
import { FakeMap } from './fakeMap';

/** Options for expect.poll / vi.waitFor: the timeout only stops a hung test. */
export const POLL = { timeout: 60_000, interval: 5 } as const;

const LAYERS = [
  'district',
  'subdistricts',
  'circles',
  'riverfront',
  'riverEdge',
  'eldercare',
  'childcare',
  'services',
  'metroLines',
  'metroStations',
  'elevatedRoads',
  'residential',
  'green',
  'water',
  'walkNetwork',
  'osmCoverage',
  'populationModel',
] as const;

let raw: Record<string, string> | null = null;
/** geodata/ as the app loads it (parsed again for every app: nothing is shared). */
export function loadGeodata(): LoadedData {
  raw ??= Object.fromEntries(
    [
      ...LAYERS.map((k) => [k, LAYER_FILES[k]]),
      ['unlocated', LAYER_FILES.unlocated],
      ['walkGraph', LAYER_FILES.walkGraph],
      ['routeFactors', LAYER_FILES.routeFactors],
    ].map(([k, f]) => [k, readFileSync(join(GEODATA_DIR, f!), 'utf8')]),
  );
  const r = raw!;
  return {
    layers: Object.fromEntries(LAYERS.map((k) => [k, JSON.parse(r[k]!)])) as LoadedData['layers'],
    unlocated: JSON.parse(r.unlocated!),
    walkGraph: JSON.parse(r.walkGraph!),
    walkGraphError: null,
    routeFactors: JSON.parse(r.routeFactors!),
  };
}

/** A file the app saved (an <a download> click), with its name and bytes. */
export interface Download {
  name: string;
  blob: Blob;
}

export interface HarnessApp {
  map: FakeMap;
  /** the app's root element */
  root: HTMLElement;
  /** files downloaded so far */
  downloads: Download[];
  /** console.error calls and uncaught errors while the app ran */
  errors: string[];
  /** import a module of the app (the same instance the app runs) */
  mod<T>(path: string): Promise<T>;
  /** The coverage shown (window.__yangpuCoverage), once it matches `want`. */
  coverage(want?: { category?: string; radiusM?: number; since?: number }): Promise<ShownCoverage>;
  /** the page's search string */
  readonly search: string;
  /** stop the app (effects, worker channel, map) */
  stop(): void;
}

const open: MessagePort[] = [];

/**
 * The gap polygons (Turf, seconds for the district) and the default tables are pure functions
 * of the engine's data and the query: the harness keeps each answer for the rest of the file
 * (keyed by a hash of the init parameters and the query), so every app after the first gets
 * them at once. A cancelled call is not kept; after a failNext the hooks run uncached.
 */
const answers = new Map<string, unknown>();
function remembered(handlers: Handlers<CoverageApi>, stopped: () => boolean): Handlers<CoverageApi> {
  let initKey = '';
  let hooked = false;
  const keep = <M extends 'gaps' | 'defaults'>(method: M): Handlers<CoverageApi>[M] =>
    (async (params, context) => {
      const key = `${initKey}|${method}|${JSON.stringify(params)}`;
      if (!hooked && answers.has(key)) return answers.get(key);
      // a stopped app's worker is gone: its long handlers stop at their next check, as a terminated Worker's would
      const ctx = {
        transfer: context.transfer,
        get cancelled() {
          return context.cancelled || stopped();
        },
      };
      const result = await handlers[method](params as never, ctx);
      if (!ctx.cancelled && !hooked) answers.set(key, result);
      return result;
    }) as Handlers<CoverageApi>[M];
  return {
    ...handlers,
    init: (params, context) => {
      initKey = createHash('sha1').update(JSON.stringify(params)).digest('hex');
      return handlers.init(params, context);
    },
    failNext: (params, context) => {
      hooked = true;
      return handlers.failNext(params, context);
    },
    gaps: keep('gaps'),
    defaults: keep('defaults'),
  };
}

/** With HARNESS_PROFILE=1, print each handler's ms (where a slow harness test spends its time). */
function timed<H extends Record<string, (...a: never[]) => unknown>>(handlers: H): H {
  if (!process.env.HARNESS_PROFILE) return handlers;
  return Object.fromEntries(
    Object.entries(handlers).map(([k, fn]) => [
      k,
      async (...a: never[]) => {
        const t0 = performance.now();
        try {
          return await fn(...a);
        } finally {
          console.log(`harness: ${k} ${(performance.now() - t0).toFixed(0)} ms`);
        }
      },
    ]),
  ) as H;
}
let current: HarnessApp | null = null;

function inProcess<A>(serveIt: (port: Endpoint) => void): Endpoint & { terminate(): void } {
  const { port1, port2 } = new MessageChannel();
  open.push(port1, port2);
  serveIt(port2 as unknown as Endpoint);
  const ep = port1 as unknown as Endpoint & { terminate(): void };
  ep.terminate = () => {
    port1.close();
    port2.close();
  };
  return ep as Endpoint & { terminate(): void } & { __api?: A };
}

/**
 * Start the app at `/map/?test=1&<query>` (as main.tsx does), with a fake map and the workers
 * in-process; resolves once the map is 'ready' and, unless `coverage: false`, the first
 * coverage numbers are in the DOM. `keep` carries the IndexedDB and localStorage of an app
 * stopped before (a reload); else both start empty.
 */
export async function bootApp(
  query = '',
  options: { coverage?: boolean; keep?: boolean; language?: string } = {},
): Promise<HarnessApp> {
  current?.stop();
  vi.resetModules();
  if (!options.keep) {
    (globalThis as { indexedDB?: IDBFactory }).indexedDB = new IDBFactory();
    localStorage.clear();
  }
  for (const k of Object.keys(window) as (keyof Window)[])
    if (String(k).startsWith('__yangpu')) delete (window as unknown as Record<string, unknown>)[k];
  history.replaceState(null, '', `/map/?test=1${query ? `&${query}` : ''}`);
  document.body.innerHTML = '<div id="app"></div>';
  const root = document.getElementById('app')!;

  const errors: string[] = [];
  const consoleError = vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
    errors.push(args.map(String).join(' '));
  });
  const onError = (e: ErrorEvent) => errors.push(`pageerror: ${e.message}`);
  window.addEventListener('error', onError);

  const downloads: Download[] = [];
  const blobs = new Map<string, Blob>();
  let n = 0;
  const createUrl = vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => {
    const url = `blob:harness/${++n}`;
    blobs.set(url, b as Blob);
    return url;
  });
  const revokeUrl = vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
  const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
    this: HTMLAnchorElement,
  ) {
    const blob = blobs.get(this.href);
    if (this.download && blob) downloads.push({ name: this.download, blob });
  });

  const [
    { services },
    { createCoverageHandlers },
    { createImportHandlers },
    rpc,
    { start },
    { App },
    url,
    state,
    preact,
  ] = await Promise.all([
    import('../../src/ui/app/services'),
    import('../../src/worker/coverageHandlers'),
    import('../../src/worker/importHandlers'),
    import('../../src/worker/rpc'),
    import('../../src/ui/app/start'),
    import('../../src/ui/app/App'),
    import('../../src/ui/url'),
    import('../../src/ui/app/state'),
    import('preact'),
  ]);
  const { report } = await import('../../src/ui/report/state');
  let map: FakeMap | null = null;
  let stopped = false;
  services.makeMap = (o: MapViewOptions) => {
    map = new FakeMap(o);
    return map;
  };
  services.startCoverage = () =>
    new rpc.RpcClient<CoverageApi>(
      inProcess((port) =>
        rpc.serve<CoverageApi>(port, timed(remembered(createCoverageHandlers(), () => stopped))),
      ),
    );
  services.parseImport = async (bytes, name, importOptions, signal) => {
    const client = new rpc.RpcClient<ImportApi>(
      inProcess((port) => rpc.serve<ImportApi>(port, createImportHandlers())),
    );
    const copy = bytes.slice(0);
    try {
      return await client.call(
        'parse',
        { bytes: copy, name, options: importOptions },
        { signal, transfer: [copy] },
      );
    } finally {
      client.terminate();
    }
  };

  url.initFromUrl(location.search);
  state.panelOpen.value = !state.flags.embed;
  const stopApp = start(loadGeodata());
  preact.render(preact.h(App, null), root);

  const app: HarnessApp = {
    get map() {
      if (!map) throw new Error('the app made no map (a report page?)');
      return map;
    },
    root,
    downloads,
    errors,
    mod: <T>(path: string) => import(/* @vite-ignore */ path) as Promise<T>,
    async coverage(want = {}) {
      await expect
        .poll(() => {
          const c = window.__yangpuCoverage;
          return (
            !!c &&
            c.shownAt > (want.since ?? -1) &&
            (want.category === undefined || c.table.category === want.category) &&
            (want.radiusM === undefined || c.table.radiusM === want.radiusM)
          );
        }, POLL)
        .toBe(true);
      return window.__yangpuCoverage!;
    },
    get search() {
      return location.search;
    },
    stop() {
      if (stopped) return;
      stopped = true;
      preact.render(null, root);
      stopApp();
      for (const p of open.splice(0)) p.close();
      window.removeEventListener('error', onError);
      consoleError.mockRestore();
      createUrl.mockRestore();
      revokeUrl.mockRestore();
      click.mockRestore();
      if (current === app) current = null;
    },
  };
  current = app;
  if (!report.peek()) {
    await expect.poll(() => map !== null, POLL).toBe(true);
    await map!.ready;
    await expect.poll(() => state.controller.peek() !== null, POLL).toBe(true);
  }
  if (options.coverage !== false && !report.peek()) await app.coverage();
  return app;
}

/** The coverage table the map was last given. */
export const drawnTable = (app: HarnessApp): CoverageTable | null => app.map.drawn.table;
