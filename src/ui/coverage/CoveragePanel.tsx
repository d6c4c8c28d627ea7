import type { ComponentChildren } from 'preact';
import type { CoverageTable } from '../../analysis/coverage/engine';
import {
  type CoverageCategory,
  DEFAULT_STANDARDS,
  ELDERCARE_TARGET_CITATION,
  ELDERCARE_TARGET_SHARE,
  RULES,
  TIER_RADIUS_M,
  type TierMinutes,
} from '../../analysis/standards';
import { CATEGORIES, FAMILIES } from '../../core/categories';
import { type DistanceModel, distanceModelName } from '../distanceModel';
import { formatNumber, type Lang, localName, t } from '../i18n';
import { ReportLink } from '../report/ReportLink';
import { s as rs } from '../report/strings';
import { CoverageLegend } from './CoverageLegend';
import { formatRowShare, shareRange } from './range';
import { RangeBand } from './ShareRange';
import { MAX_RADIUS_M, MIN_RADIUS_M } from './state';
import { estimateTag, s, uncoveredPeople, uncoveredTarget } from './targetStrings';

export interface CoveragePanelProps {
  lang: Lang;
  category: CoverageCategory;
  radiusM: number;
  table: CoverageTable | null;
  busy: boolean;
  workerMs: number | null;
  /** the distance model in force (named in the notes and the legend) */
  distance: DistanceModel;
  /** show the worker's timing (?debug=1 only) */
  debug?: boolean;
  facilityCount: number;
  onCategory(category: CoverageCategory): void;
  onRadius(radiusM: number | null): void;
  onCircle(id: string): void;
  /** more ways to set the threshold, shown under the tiers (the walking time) */
  threshold?: ComponentChildren;
}

const pct = (v: number | null, lang: Lang) => (v === null ? '—' : `${formatNumber(v * 100, lang, 1)}%`);

export function CoveragePanel(p: CoveragePanelProps) {
  const { lang } = p;
  const standard = DEFAULT_STANDARDS[p.category];
  const rule = RULES[standard.rule];
  const tier = (Object.entries(TIER_RADIUS_M) as [string, number][]).find(([, m]) => m === p.radiusM)?.[0];
  const d = p.table?.district;
  const worst = p.table
    ? p.table.rankingByGap.slice(0, 5).map((id) => p.table!.circles.find((c) => c.id === id)!)
    : [];
  const isEldercare = CATEGORIES.find((c) => c.id === p.category)?.family === 'eldercare';
  const group = p.table?.targetGroup ?? null;
  return (
    <section aria-labelledby="coverage-title">
      <h2 id="coverage-title">{t('coverage', lang)}</h2>
      <label class="field">
        <span>{t('category', lang)}</span>
        <select
          value={p.category}
          onChange={(e) => p.onCategory((e.target as HTMLSelectElement).value as CoverageCategory)}
        >
          {FAMILIES.map((f) => (
            <optgroup key={f.id} label={lang === 'zh' ? f.zh : f.en}>
              {CATEGORIES.filter((c) => c.family === f.id).map((c) => (
                <option key={c.id} value={c.id}>
                  {lang === 'zh' ? c.zh : c.en}
                </option>
              ))}
            </optgroup>
          ))}
          <option value="riverfront">{t('riverfrontAccess', lang)}</option>
        </select>
      </label>
      <fieldset class="tiers">
        <legend>{t('threshold', lang)}</legend>
        {([5, 10, 15] as TierMinutes[]).map((m) => (
          <label key={m}>
            <input
              type="radio"
              name="tier"
              checked={tier === String(m)}
              onChange={() => p.onRadius(TIER_RADIUS_M[m] === standard.radiusM ? null : TIER_RADIUS_M[m])}
            />
            {t(`tier${m}` as 'tier5', lang)}
          </label>
        ))}
        <label class="custom">
          {t('customMetres', lang)}
          <input
            type="number"
            min={MIN_RADIUS_M}
            max={MAX_RADIUS_M}
            step={50}
            value={p.radiusM}
            onChange={(e) => {
              const v = Number((e.target as HTMLInputElement).value);
              if (Number.isFinite(v) && v >= MIN_RADIUS_M && v <= MAX_RADIUS_M) p.onRadius(Math.round(v));
            }}
          />
        </label>
      </fieldset>
      {p.threshold}
      <p class="standard">
        <strong>{t('standard', lang)}:</strong> {lang === 'zh' ? rule.zh : rule.en} — {standard.note[lang]}
        {standard.chosen ? ` ${t('chosenTier', lang)}` : ''}
        <br />
        <small>{rule.citation}</small>
      </p>
      <p class="note" data-testid="distance-note">
        {t('tiersNote', lang).replace('{d}', distanceModelName(p.distance, lang))}
      </p>
      {p.facilityCount === 0 && p.category !== 'riverfront' && (
        <p class="notice">{t('noFacilities', lang)}</p>
      )}
      <div class="summary" aria-live="polite" data-testid="coverage-summary">
        {d ? (
          <>
            <div class="big">
              {t('districtCoverage', lang)}:{' '}
              <strong data-testid="district-share">{formatRowShare(d, lang)}</strong>
            </div>
            <div>
              {formatNumber(d.coveredPopulation, lang)} {t('of', lang)} {formatNumber(d.population, lang)}{' '}
              {t('residents', lang)}
            </div>
            {group && d.target && (
              <div data-testid="target-gap">
                {uncoveredTarget(group, lang)}: <strong>{formatNumber(d.target.gap, lang)}</strong>{' '}
                {t('of', lang)} {formatNumber(d.target.population, lang)}
                {estimateTag(lang)}
              </div>
            )}
            <div>
              {t('landShare', lang)}: {pct(d.residentialAreaShare, lang)}
            </div>
            <div class="bar" role="img" aria-label={formatRowShare(d, lang)}>
              <span style={{ width: `${Math.min(100, (d.populationShare ?? 0) * 100)}%` }} />
              <RangeBand range={shareRange(d)} />
              {isEldercare && (
                <i
                  class="target"
                  style={{ left: `${ELDERCARE_TARGET_SHARE * 100}%` }}
                  title={ELDERCARE_TARGET_CITATION}
                />
              )}
            </div>
            {isEldercare && <small>{t('target85', lang)}</small>}
          </>
        ) : (
          <span>{t('computing', lang)}</span>
        )}
        {p.busy && d && <span class="busy">{t('computing', lang)}</span>}
        {p.debug && p.workerMs !== null && (
          <small class="timing">
            {t('computedIn', lang)} {formatNumber(p.workerMs, lang, 0)} ms
          </small>
        )}
      </div>
      <p class="report-open">
        <ReportLink to={{ kind: 'district' }}>{rs('openDistrictReport', lang)} →</ReportLink>
      </p>
      {worst.length > 0 && (
        <>
          <h3>{t('worstCircles', lang)}</h3>
          <ol class="worst">
            {worst.map((c) => (
              <li key={c.id}>
                <button type="button" class="link" onClick={() => p.onCircle(c.id)}>
                  {localName(c, lang)}
                </button>{' '}
                {formatRowShare(c, lang)} · {t('uncovered', lang)} {formatNumber(c.gapPopulation, lang)}
                {group && c.target
                  ? ` · ${uncoveredPeople(group, lang)} ${formatNumber(c.target.gap, lang)}`
                  : ''}
                {c.edgeEffect ? ' †' : ''}
              </li>
            ))}
          </ol>
          {worst.some((c) => c.edgeEffect) && <small>† {t('edgeNote', lang)}</small>}
        </>
      )}
      <CoverageLegend
        lang={lang}
        category={p.category}
        network={p.table?.distance === 'network' || p.table?.distance === 'walk'}
        walk={p.table?.distance === 'walk' ? { factors: p.table.routeFactors ?? null } : undefined}
        distance={p.distance}
      />
      <p class="note">{t('populationModel', lang)}</p>
      {group && <p class="note">{s('ageNote', lang)}</p>}
    </section>
  );
}
