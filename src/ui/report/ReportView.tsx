/**
 * A report as a view of its own (shown by the shell instead of the map and panel): a toolbar
 * (back to the map, language, print), then the report once the worker's figures are in. The
 * article carries data-report-ready="true" when it is complete (the PDF script and the tests
 * wait for it).
 */
import './report.css';
import { useEffect } from 'preact/hooks';
import { LanguageButton } from '../app/LanguageButton';
import { data, index, lang } from '../app/state';
import { category, distanceInForce, radius } from '../coverage/state';
import { t } from '../i18n';
import { hrefFor } from '../url';
import { CircleReport } from './CircleReport';
import { DistrictReport } from './DistrictReport';
import { hasLocalAgeFigures } from './facts';
import { liveViewHref } from './liveLink';
import { nameBook } from './names';
import { ChartDefs, type ReportContext } from './parts';
import { SubdistrictReport } from './SubdistrictReport';
import { closeReport, report, reportStatus, retryReport } from './state';
import { s } from './strings';

const today = () => new Date().toISOString().slice(0, 10);

export function ReportView() {
  const l = lang.value;
  const ref = report.value;
  const status = reportStatus.value;
  const d = data.value;
  const idx = index.value;
  const circle = ref?.kind === 'circle' ? ref.id : undefined;
  const backHref = hrefFor(null, circle);
  const liveHref = liveViewHref(
    hrefFor(null, circle, true),
    { category: category.value, radiusM: radius.value },
    distanceInForce.value,
  );
  useEffect(() => {
    document.documentElement.lang = l === 'zh' ? 'zh-CN' : 'en';
    const kind =
      ref?.kind === 'circle'
        ? 'circleKind'
        : ref?.kind === 'subdistrict'
          ? 'subdistrictKind'
          : 'districtKind';
    document.title = `${s(kind, l)} · ${t('title', l)}`;
  }, [l, ref]);
  const ctx: ReportContext | null =
    d && idx
      ? {
          lang: l,
          names: nameBook({
            circles: d.layers.circles,
            subdistricts: d.layers.subdistricts,
            facilities: idx.facilities.values(),
          }),
          layers: d.layers,
          facilities: idx.facilities,
          liveHref,
          today: today(),
          localAges: hasLocalAgeFigures(d.layers),
        }
      : null;
  const ready = status?.state === 'ready' && ctx;
  return (
    <div class="report-page">
      <ChartDefs />
      <nav class="report-toolbar" aria-label={s('toolbar', l)}>
        <a
          href={backHref}
          onClick={(e) => {
            if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey) return;
            e.preventDefault();
            closeReport();
          }}
        >
          ← {s('back', l)}
        </a>
        <button type="button" onClick={() => window.print()} disabled={!ready}>
          {s('print', l)}
        </button>
        <LanguageButton />
      </nav>
      <main class="report" data-report-ready={ready ? 'true' : 'false'} aria-busy={!ready}>
        {(!status || status.state === 'loading') && (
          <p class="report-status" role="status">
            {s('loading', l)}
          </p>
        )}
        {status?.state === 'error' && (
          <div class="report-status" role="alert" data-report-error="">
            <p>
              {s('failed', l)} {status.message}
            </p>
            <button type="button" onClick={retryReport}>
              {t('retry', l)}
            </button>
          </div>
        )}
        {ready && status.data.kind === 'circle' && <CircleReport ctx={ctx} data={status.data} />}
        {ready && status.data.kind === 'subdistrict' && <SubdistrictReport ctx={ctx} data={status.data} />}
        {ready && status.data.kind === 'district' && <DistrictReport ctx={ctx} data={status.data} />}
      </main>
    </div>
  );
}
