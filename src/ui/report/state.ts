/**
 * The report feature's state (no JSX): which report is open (URL-bearing, see ../url.ts)
 * and what the worker answered for it. `startReports` asks for a report's figures whenever
 * the report, the data or the distance in force changes; a newer request cancels the older.
 */
import { effect, signal } from '@preact/signals';
import type { Feature, Point } from 'geojson';
import type { CircleProps, FacilityProps } from '../../core/schema';
import { isAbortError } from '../../worker/rpc';
import { accessQueryOptions } from '../access/state';
import { client, data, engineReady, index } from '../app/state';
import { category, distanceInForce, radius } from '../coverage/state';
import { elderShare } from './facts';
import { findSubdistrict } from './names';
import { type ReportRef, reportKey } from './ref';
import { circleReport, districtReport, type ReportData, type ReportEnv, subdistrictReport } from './requests';

export type { ReportRef };

/** The report shown instead of the map; null shows the map. */
export const report = signal<ReportRef | null>(null);

export type ReportStatus =
  | { key: string; state: 'loading' }
  | { key: string; state: 'ready'; data: ReportData }
  | { key: string; state: 'error'; message: string };

/** The open report's figures (null: no report open). */
export const reportStatus = signal<ReportStatus | null>(null);
/** bumped by "retry" */
const retryTick = signal(0);

export function openReport(ref: ReportRef): void {
  report.value = ref;
  window.scrollTo(0, 0);
}

export function closeReport(): void {
  report.value = null;
}

export function retryReport(): void {
  retryTick.value++;
}

function build(ref: ReportRef, env: ReportEnv, subdistrictName: string | null): Promise<ReportData> {
  if (ref.kind === 'circle') return circleReport(env, ref.id);
  if (ref.kind === 'district') return districtReport(env);
  if (!subdistrictName) return Promise.reject(new Error(`no subdistrict "${ref.name}" in the data`));
  return subdistrictReport(env, subdistrictName);
}

/** The access figures every report shows (ui/access/ReportAccess.tsx), with the app's basket and decay. */
function accessOverviewFor(env: ReportEnv) {
  return env.client
    .call('accessOverview', { distance: env.distance, ...accessQueryOptions() }, { signal: env.signal })
    .then(({ rows, basket }) => ({ rows, basket }));
}

export function startReports(): () => void {
  let pending: AbortController | null = null;
  const stop = effect(() => {
    const ref = report.value;
    const c = client.value;
    const ready = engineReady.value;
    const d = data.value;
    const idx = index.value;
    const distance = distanceInForce.value;
    const focus = { category: category.value, radiusM: radius.value };
    retryTick.value;
    pending?.abort();
    pending = null;
    if (!ref) {
      reportStatus.value = null;
      return;
    }
    const key = `${reportKey(ref)}|${distance}|${focus.category}@${focus.radiusM}`;
    reportStatus.value = { key, state: 'loading' };
    if (!c || !ready || !d || !idx) return;
    const ac = new AbortController();
    pending = ac;
    const circles = d.layers.circles.features.map((f) => f.properties as CircleProps);
    const env: ReportEnv = {
      client: c,
      distance,
      counts: idx.counts,
      facilities: [...idx.facilities.values()].map((f: Feature<Point, FacilityProps>) => ({
        props: f.properties,
        point: { id: f.properties.id, category: f.properties.category, lonLat: f.geometry.coordinates },
      })),
      circlesOf: (name) => circles.filter((p) => p.subdistrict === name).map((p) => p.id),
      elderShare: elderShare(d.layers.district).share,
      focus,
      signal: ac.signal,
    };
    const subdistrict = ref.kind === 'subdistrict' ? findSubdistrict(d.layers.subdistricts, ref.name) : null;
    Promise.all([build(ref, env, subdistrict?.name ?? null), accessOverviewFor(env)])
      .then(([answer, access]) => ({ ...answer, access }))
      .then((answer) => {
        if (!ac.signal.aborted) reportStatus.value = { key, state: 'ready', data: answer };
      })
      .catch((e: Error) => {
        if (!isAbortError(e) && !ac.signal.aborted)
          reportStatus.value = { key, state: 'error', message: e.message };
      });
  });
  return () => {
    pending?.abort();
    stop();
  };
}
