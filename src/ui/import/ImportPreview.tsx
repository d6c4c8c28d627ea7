import type { MultiPolygon, Polygon } from 'geojson';
import type { Crs } from '../../data/crs';
import { type ImportKind, mappableFields } from '../../data/import/kinds';
import { fieldName, issueText, missingMessage } from '../../data/import/report';
import type { Field, ImportResult, Issue } from '../../data/import/types';
import { formatNumber, type Lang, t } from '../i18n';
import { ImportMap } from './ImportMap';
import { CRS_LABEL, s } from './strings';

interface PreviewProps {
  lang: Lang;
  name: string;
  result: ImportResult;
  kind: ImportKind;
  /** the system the file was read in (the user's choice) */
  crs: Crs;
  /** the district outline, drawn under the accepted features on the preview's small map */
  district?: Polygon | MultiPolygon;
  onColumn(field: Field, column: string): void;
  onUseCrs(crs: Crs): void;
  onAccept(): void;
  onCancel(): void;
}

/** What a file would import: missing columns first, the coordinate-system evidence, the mapping, issues. Text only. */
export function ImportPreview(p: PreviewProps) {
  const { lang, result: r } = p;
  const accepted =
    r.facilities.length + r.circles.length + r.population.length + (r.network?.lines.features.length ?? 0);
  const issues = [...r.warnings, ...r.rejected];
  return (
    <div class="card" data-testid="import-preview">
      <strong>{p.name}</strong>
      {r.fatal ? (
        <p class="notice" role="alert">
          {r.fatal[lang]}
        </p>
      ) : (
        <>
          {r.missing.length > 0 && (
            <p class="notice missing" role="alert" data-testid="import-missing">
              {missingMessage(r.missing, r.format)[lang]}
            </p>
          )}
          <p>
            {t('importEncoding', lang)}: {r.encoding} · {t('importAccepted', lang)}{' '}
            <strong data-testid="import-accepted">{formatNumber(accepted, lang)}</strong> ·{' '}
            {t('importRejected', lang)} <strong>{formatNumber(r.rejected.length, lang)}</strong>
          </p>
          {r.network && (
            <p data-testid="import-network">
              {s('networkSummary', lang)}: {formatNumber(r.network.lines.features.length, lang)} ·{' '}
              {formatNumber(r.network.lengthKm, lang, 1)} km
            </p>
          )}
          <ImportMap lang={lang} result={r} district={p.district} />
          <CrsEvidence {...p} />
          {r.header.length > 0 && <ColumnMapping {...p} />}
          {issues.length > 0 && <IssueList lang={lang} issues={issues} />}
        </>
      )}
      <div class="buttons">
        <button type="button" disabled={accepted === 0 || r.missing.length > 0} onClick={p.onAccept}>
          {t('importAccept', lang)}
        </button>
        <button type="button" onClick={p.onCancel}>
          {t('importCancel', lang)}
        </button>
      </div>
    </div>
  );
}

const SHOWN = 8;
const MAX_LISTED = 500;

/** Warnings and rejections: the first few, the rest behind "n more" (no scroll box: nothing to focus). */
function IssueList({ lang, issues }: { lang: Lang; issues: Issue[] }) {
  const item = (issue: Issue, i: number) => <li key={i}>{issueText(issue, lang)}</li>;
  const rest = issues.slice(SHOWN, MAX_LISTED);
  return (
    <div class="issues" data-testid="import-issues">
      <ul aria-label={s('issuesTitle', lang)}>{issues.slice(0, SHOWN).map(item)}</ul>
      {rest.length > 0 && (
        <details>
          <summary>{s('more', lang).replace('{n}', formatNumber(issues.length - SHOWN, lang))}</summary>
          <ul>{rest.map((issue, i) => item(issue, i + SHOWN))}</ul>
          {issues.length > MAX_LISTED && (
            <p>{s('notListed', lang).replace('{n}', formatNumber(issues.length - MAX_LISTED, lang))}</p>
          )}
        </details>
      )}
    </div>
  );
}

/** The evidence for the file's coordinate system, and the one-click suggestion (never applied by itself). */
function CrsEvidence(p: PreviewProps) {
  const { lang, result: r } = p;
  if (p.kind === 'population') return null;
  const ev = r.evidence;
  return (
    <section class="crs-evidence" data-testid="crs-evidence" aria-label={s('crsTitle', lang)}>
      <h3>{s('crsTitle', lang)}</h3>
      <p class="read-as">
        {s('crsReadAs', lang)} <strong data-testid="import-read-as">{CRS_LABEL[p.crs]}</strong>
      </p>
      {ev ? (
        <ul>
          {ev.lines.map((line, i) => (
            <li key={i}>{line[lang]}</li>
          ))}
        </ul>
      ) : (
        <p>{s('crsNoEvidence', lang)}</p>
      )}
      {r.suggestedCrs && (
        <p class="notice suggestion" data-testid="crs-suggestion">
          {s('crsSuggested', lang)} <strong>{CRS_LABEL[r.suggestedCrs]}</strong>{' '}
          <button type="button" onClick={() => p.onUseCrs(r.suggestedCrs!)}>
            {s('crsUse', lang)}
          </button>
        </p>
      )}
    </section>
  );
}

/** Which column (CSV) or property (GeoJSON) holds each field; open when a required one is missing. */
function ColumnMapping(p: PreviewProps) {
  const { lang, result: r } = p;
  const fields = mappableFields(p.kind, r.format);
  return (
    <details class="mapping" open={r.missing.length > 0} data-testid="import-mapping">
      <summary>
        {s(r.format === 'geojson' ? 'propertiesTitle' : 'columnsTitle', lang)}:{' '}
        {fields
          .filter((f) => r.columns[f])
          .map((f) => `${fieldName(f, lang)} ← ${r.columns[f]}`)
          .join(lang === 'zh' ? '，' : ', ')}
      </summary>
      {fields.map((field) => {
        const missing = r.missing.includes(field);
        return (
          <label key={field} class={missing ? 'missing' : undefined}>
            <span>{fieldName(field, lang)}</span>
            <select
              aria-invalid={missing ? 'true' : undefined}
              value={r.columns[field] ?? ''}
              onChange={(e) => p.onColumn(field, (e.target as HTMLSelectElement).value)}
            >
              <option value="">{s('columnNone', lang)}</option>
              {r.header.map((h) => (
                <option key={h} value={h}>
                  {h}
                </option>
              ))}
            </select>
          </label>
        );
      })}
    </details>
  );
}
