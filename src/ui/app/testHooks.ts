/**
 * Hooks for the browser tests, exposed on window only with ?test=1: the map controller, the
 * coverage shown (with when it was asked for, received and shown, ms of performance.now),
 * the last scenario answer, and a way to make the worker fail.
 */
import type { CoverageTable } from '../../analysis/coverage/engine';
import type { MapController } from '../../map/MapController';
import type { MapView } from '../../map/MapView';
import type { CoverageApi } from '../../worker/coverageApi';
import { defaultTables, table } from '../coverage/state';
import { client, flags } from './state';

export interface ShownCoverage {
  table: CoverageTable;
  shownAt: number;
  requestedAt: number;
  receivedAt: number;
  /** main-thread ms from the worker's answer to the DOM update */
  mainThreadMs: number;
  workerMs: number;
}

declare global {
  interface Window {
    /** the real controller in a browser (its MapLibre map for the browser tests) */
    __yangpuMap?: MapController;
    __yangpuCoverage?: ShownCoverage;
    __yangpuScenario?: { requestedAt: number; receivedAt: number; workerMs: number; newlyCovered: number };
    __yangpuSuggestMs?: number;
    /**
     * the last complete gap polygons: when they arrived (ms of performance.now), worker ms,
     * feature count, the circles drawn from the raster's outline instead of Turf (fallback)
     */
    __yangpuGaps?: {
      requestedAt: number;
      receivedAt: number;
      workerMs: number;
      features: number;
      traced: string[];
    };
    __yangpuTest?: {
      failNext(method: keyof CoverageApi & string): Promise<null>;
      /** the shown table and the circle profile's tables, and a way to replace them (layout checks: scripts/shots-walk.ts) */
      tables(): { table: CoverageTable | null; defaults: CoverageTable[] | null };
      setTables(table: CoverageTable | null, defaults: CoverageTable[] | null): void;
    };
  }
}

/** The last table received, waiting for its DOM update (see recordShown). */
let received: { table: CoverageTable; requestedAt: number; receivedAt: number; workerMs: number } | null =
  null;

export function recordReceived(table: CoverageTable, requestedAt: number, workerMs: number): void {
  if (flags.test) received = { table, requestedAt, receivedAt: performance.now(), workerMs };
}

/** Called once the table is in the DOM (before paint). */
export function recordShown(table: CoverageTable | null): void {
  if (!flags.test || !received || received.table !== table) return;
  const now = performance.now();
  window.__yangpuCoverage = { ...received, shownAt: now, mainThreadMs: now - received.receivedAt };
}

export function recordScenario(
  requestedAt: number,
  workerMs: number,
  before: CoverageTable,
  after: CoverageTable,
) {
  if (!flags.test) return;
  window.__yangpuScenario = {
    requestedAt,
    receivedAt: performance.now(),
    workerMs,
    newlyCovered: after.district.coveredPopulation - before.district.coveredPopulation,
  };
}

export function recordGaps(requestedAt: number, workerMs: number, features: number, traced: string[]): void {
  if (flags.test)
    window.__yangpuGaps = { requestedAt, receivedAt: performance.now(), workerMs, features, traced };
}

export function recordSuggest(ms: number): void {
  if (flags.test) window.__yangpuSuggestMs = ms;
}

export function exposeMap(map: MapView | null): void {
  if (!flags.test) return;
  if (map) window.__yangpuMap = map as MapController;
  else delete window.__yangpuMap;
}

export function exposeTestApi(): void {
  if (!flags.test) return;
  window.__yangpuTest = {
    failNext: (method) => {
      const c = client.peek();
      return c ? c.call('failNext', { method }) : Promise.reject(new Error('no worker yet'));
    },
    tables: () => ({ table: table.peek(), defaults: defaultTables.peek() }),
    setTables: (t, d) => {
      table.value = t;
      defaultTables.value = d;
    },
  };
}
