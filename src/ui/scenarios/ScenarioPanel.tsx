import { useState } from 'preact/hooks';
import type { CoverageTable } from '../../analysis/coverage/engine';
import type { SitingResult } from '../../analysis/coverage/siting';
import { SiteCapacityField } from '../access/SiteCapacityField';
import { formatRowShare, formatShareRange } from '../coverage/range';
import { formatNumber, type Lang, localName, t } from '../i18n';
import { CountField } from './CountField';
import type { Scenario } from './codec';
import type { ComparisonRow } from './state';
import { s as str } from './strings';

export interface ScenarioPanelProps {
  lang: Lang;
  scenarios: Scenario[];
  active: Scenario | null;
  canAdd: boolean;
  adding: boolean;
  before: CoverageTable | null;
  after: CoverageTable | null;
  /** circle id → share per scenario (for the comparison table) */
  comparison: { names: string[]; rows: ComparisonRow[] } | null;
  suggestion: SitingResult | null;
  suggesting: boolean;
  /** the suggestions' notes: the model (naming the distance in force), and why the sites cluster */
  notes: string[];
  /** the name a scenario made by accepting suggestions gets (when none is active) */
  newScenarioName: string;
  selectedCircle: string | null;
  circleName(id: string | null): string;
  onNewScenario(): void;
  onSelectScenario(id: string): void;
  onRenameScenario(name: string): void;
  onDeleteScenario(): void;
  onStartAdding(): void;
  onRenameSite(id: string, name: string): void;
  /** a proposed site's planned capacity (null: unknown) */
  onSiteCapacity(id: string, capacity: number | null): void;
  onRemoveSite(id: string): void;
  onCompare(): void;
  onExportSites(): void;
  onExportBeforeAfter(): void;
  onSuggest(count: number, onlySelected: boolean): void;
  onAcceptSuggestion(indices: number[]): void;
}

/** Proposed sites, before → after, comparison of scenarios, and suggested sites. */
export function ScenarioPanel(p: ScenarioPanelProps) {
  const { lang } = p;
  const [count, setCount] = useState(5);
  const [onlySelected, setOnlySelected] = useState(false);
  const pct = (v: number | null | undefined) =>
    v === null || v === undefined ? '—' : `${formatNumber(v * 100, lang, 1)}%`;
  const gained =
    p.before && p.after
      ? p.after.circles
          .map((c, k) => ({
            c,
            d: c.coveredPopulation - p.before!.circles[k]!.coveredPopulation,
            b: p.before!.circles[k]!,
          }))
          .filter((x) => x.d >= 1)
          .sort((a, b) => b.d - a.d)
      : [];
  return (
    <section aria-labelledby="scenario-title">
      <h2 id="scenario-title">{t('scenario', lang)}</h2>
      <div class="buttons">
        {p.scenarios.length > 0 && (
          <label class="field">
            <span>{t('scenario', lang)}</span>
            <select
              value={p.active?.id ?? ''}
              onChange={(e) => p.onSelectScenario((e.target as HTMLSelectElement).value)}
            >
              {p.scenarios.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          </label>
        )}
        <button type="button" onClick={p.onNewScenario}>
          {t('newScenario', lang)}
        </button>
      </div>
      {p.active && (
        <>
          <label class="field">
            <span>{t('scenarioName', lang)}</span>
            <input
              type="text"
              value={p.active.name}
              maxLength={60}
              onChange={(e) => p.onRenameScenario((e.target as HTMLInputElement).value)}
            />
          </label>
          <div class="buttons">
            <button type="button" onClick={p.onStartAdding} disabled={!p.canAdd} aria-pressed={p.adding}>
              {p.adding ? t('addingSite', lang) : t('addSite', lang)}
            </button>
            <button type="button" onClick={p.onDeleteScenario}>
              {t('deleteScenario', lang)}
            </button>
          </div>
          {!p.canAdd && <p class="note">{t('riverfrontNoSites', lang)}</p>}
          {p.active.sites.length > 0 && (
            <ul class="scenario-sites">
              {p.active.sites.map((s) => (
                <li key={s.id}>
                  <input
                    type="text"
                    aria-label={t('siteName', lang)}
                    value={s.name}
                    maxLength={60}
                    onChange={(e) => p.onRenameSite(s.id, (e.target as HTMLInputElement).value)}
                  />{' '}
                  <SiteCapacityField lang={lang} site={s} onCapacity={(c) => p.onSiteCapacity(s.id, c)} />{' '}
                  <button type="button" onClick={() => p.onRemoveSite(s.id)}>
                    {t('remove', lang)}
                  </button>
                </li>
              ))}
            </ul>
          )}
          {p.before &&
            p.after &&
            (p.active.sites.length > 0 ||
              (p.active.gates?.length ?? 0) + (p.active.closures?.length ?? 0) > 0) && (
              <div class="summary" data-testid="scenario-summary">
                <div>
                  {t('before', lang)} {formatRowShare(p.before.district, lang)} → {t('after', lang)}{' '}
                  <strong>{formatRowShare(p.after.district, lang)}</strong>
                </div>
                <div>
                  {t('newlyCovered', lang)}:{' '}
                  <span class="delta" data-testid="newly-covered">
                    +
                    {formatNumber(
                      p.after.district.coveredPopulation - p.before.district.coveredPopulation,
                      lang,
                    )}
                  </span>
                </div>
                {gained.length > 0 && (
                  <table class="dashboard">
                    <caption>{t('circlesGaining', lang)}</caption>
                    <thead>
                      <tr>
                        <th scope="col">{t('colCircle', lang)}</th>
                        <th scope="col" class="num">
                          {t('before', lang)}
                        </th>
                        <th scope="col" class="num">
                          {t('after', lang)}
                        </th>
                        <th scope="col" class="num">
                          {t('newlyCovered', lang)}
                        </th>
                      </tr>
                    </thead>
                    <tbody>
                      {gained.map((x) => (
                        <tr key={x.c.id}>
                          <th scope="row">{localName(x.c, lang)}</th>
                          <td class="num">{formatRowShare(x.b, lang)}</td>
                          <td class="num">{formatRowShare(x.c, lang)}</td>
                          <td class="num delta">+{formatNumber(x.d, lang)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                )}
              </div>
            )}
          <div class="buttons">
            <button type="button" onClick={p.onExportSites} disabled={p.active.sites.length === 0}>
              {t('exportSites', lang)}
            </button>
            <button type="button" onClick={p.onExportBeforeAfter} disabled={!p.after}>
              {t('exportBeforeAfter', lang)}
            </button>
            {p.scenarios.length > 1 && (
              <button type="button" onClick={p.onCompare}>
                {t('compare', lang)}
              </button>
            )}
          </div>
          {p.comparison && (
            <div class="table-wrap">
              <table class="dashboard comparison" data-testid="comparison">
                <caption>{t('compare', lang)}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('colCircle', lang)}</th>
                    <th scope="col" class="num">
                      {t('before', lang)}
                    </th>
                    {p.comparison.names.map((n) => (
                      <th key={n} scope="col" class="num">
                        {n}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {p.comparison.rows.map((r) => (
                    <tr key={r.id}>
                      <th scope="row">{localName(r, lang)}</th>
                      {r.shares.map((v, i) => (
                        <td key={i} class="num">
                          {r.ranges?.[i] ? formatShareRange(r.ranges[i]!, lang) : pct(v)}
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
      <h3>{t('suggest', lang)}</h3>
      <div class="buttons">
        <CountField label={t('suggestCount', lang)} value={count} onChange={setCount} />
        {p.selectedCircle && (
          <label>
            <input type="checkbox" checked={onlySelected} onChange={() => setOnlySelected(!onlySelected)} />{' '}
            {t('onlySelected', lang)} ({p.circleName(p.selectedCircle)})
          </label>
        )}
        <button
          type="button"
          onClick={() => p.onSuggest(count, onlySelected && !!p.selectedCircle)}
          disabled={!p.canAdd || p.suggesting}
        >
          {p.suggesting ? t('computing', lang) : t('suggestRun', lang)}
        </button>
      </div>
      {p.suggestion && (
        <>
          <ol class="worst" data-testid="suggestions">
            {p.suggestion.suggestions.map((s, i) => (
              <li key={`${s.lonLat[0]},${s.lonLat[1]}`}>
                {p.circleName(s.circleId)} · {t('gain', lang)} {formatNumber(s.gain, lang)}{' '}
                {t('residents', lang)}{' '}
                <button type="button" class="link" onClick={() => p.onAcceptSuggestion([i])}>
                  {t('add', lang)}
                </button>
              </li>
            ))}
          </ol>
          <button
            type="button"
            onClick={() => p.onAcceptSuggestion(p.suggestion!.suggestions.map((_, i) => i))}
          >
            {p.active ? t('addAll', lang) : str('addAllNew', lang)}
          </button>
        </>
      )}
      {!p.active && (
        <p class="note" data-testid="suggest-new-scenario">
          {str('suggestWithoutScenario', lang)} “{p.newScenarioName}”{lang === 'zh' ? '。' : '.'}
        </p>
      )}
      {p.notes.map((note) => (
        <p key={note} class="note" data-testid="suggest-note">
          {note}
        </p>
      ))}
    </section>
  );
}
