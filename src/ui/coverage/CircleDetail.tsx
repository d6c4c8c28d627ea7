import type { Position } from 'geojson';
import { type ComponentChildren, Fragment } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import type { CircleCoverage, CoverageTable } from '../../analysis/coverage/engine';
import { AGE_GROUPS } from '../../core/ageGroups';
import { CATEGORIES } from '../../core/categories';
import type { CircleProps } from '../../core/schema';
import { coverageColour } from '../../map/palette';
import { formatNumber, type Lang, localName, t } from '../i18n';
import { ReportLink } from '../report/ReportLink';
import { s as rs } from '../report/strings';
import { formatRowShare, shareRange } from './range';
import { RangeBand, ShareText } from './ShareRange';
import { profileText, s } from './strings';
import { estimateTag, groupLabel } from './targetStrings';

/** One circle: size, residents, coverage for every category, facilities inside and in reach. */
export function CircleDetail(p: {
  lang: Lang;
  circle: CircleProps;
  /** the circle's subdistrict, named in the language */
  subdistrict: string;
  /** the selected type (the row's): the facility lists are of this type only */
  category: string;
  row: CircleCoverage | null;
  defaults: CoverageTable[] | null;
  facilityName(id: string): string;
  onFacility(id: string): void;
  onPoint(lonLat: Position): void;
  onClose(): void;
  /** more about the circle from other features (capacity in reach, the basket) */
  children?: ComponentChildren;
}) {
  const { lang, circle, row } = p;
  const ref = useRef<HTMLElement>(null);
  useEffect(() => {
    ref.current?.scrollIntoView({ block: 'nearest' });
  }, [circle.id]);
  const pct = (v: number | null) => (v === null ? '—' : `${formatNumber(v * 100, lang, 1)}%`);
  const label = (id: string) =>
    id === 'riverfront' ? t('riverfrontAccess', lang) : (CATEGORIES.find((c) => c.id === id)?.[lang] ?? id);
  const type = row ? label(p.category) : '';
  const list = (ids: string[]) =>
    ids.length === 0 ? (
      <span data-none="">{profileText('noneOfType', type, lang)}</span>
    ) : (
      <ul class="chips">
        {ids.map((id) => (
          <li key={id}>
            <button type="button" class="link" onClick={() => p.onFacility(id)}>
              {p.facilityName(id)}
            </button>
          </li>
        ))}
      </ul>
    );
  return (
    <section ref={ref} class="card" aria-labelledby="circle-title">
      <header class="card-header">
        <h3 id="circle-title">
          {t('circleDetail', lang)}: {localName(circle, lang)}
        </h3>
        <button type="button" onClick={p.onClose} aria-label={t('close', lang)}>
          ×
        </button>
      </header>
      <p class="report-open">
        <ReportLink to={{ kind: 'circle', id: circle.id }}>{rs('openCircleReport', lang)} →</ReportLink>
      </p>
      {circle.derived && <p class="derived">{t('derivedCircle', lang)}</p>}
      <dl class="facts">
        <dt>{t('colSubdistrict', lang)}</dt>
        <dd>{p.subdistrict}</dd>
        <dt>{t('area', lang)}</dt>
        <dd>
          {formatNumber(circle.areaKm2, lang, 2)} {t('km2', lang)}
        </dd>
        <dt>{t('populationModelled', lang)}</dt>
        <dd>{row ? formatNumber(row.population, lang) : '—'}</dd>
        {AGE_GROUPS.map((g) => {
          const r = p.defaults?.find((tb) => tb.targetGroup === g)?.circles.find((c) => c.id === circle.id);
          return r?.target ? (
            <Fragment key={g}>
              <dt>
                {groupLabel(g, lang)}
                {estimateTag(lang)}
              </dt>
              <dd>{formatNumber(r.target.population, lang)}</dd>
            </Fragment>
          ) : null;
        })}
      </dl>
      {p.defaults && (
        <>
          <h4>{t('allCategories', lang)}</h4>
          <ul class="bars">
            {p.defaults.map((table) => {
              const r = table.circles.find((c) => c.id === circle.id);
              const share = r?.populationShare ?? null;
              const range = r ? shareRange(r) : null;
              return (
                <li key={table.category} class={range?.low !== null && range ? 'ranged' : undefined}>
                  <span class="bar-label">{label(table.category)}</span>
                  <span
                    class="bar"
                    role="img"
                    aria-label={`${label(table.category)} ${r ? formatRowShare(r, lang) : pct(share)}`}
                  >
                    <span style={{ width: `${(share ?? 0) * 100}%`, background: coverageColour(share) }} />
                    {range && <RangeBand range={range} />}
                  </span>
                  <span class="bar-value">{r ? <ShareText row={r} lang={lang} /> : pct(share)}</span>
                </li>
              );
            })}
          </ul>
        </>
      )}
      {p.defaults?.some((tb) => tb.circles.some((c) => c.id === circle.id && shareRange(c).low !== null)) && (
        <p class="note">{s('rangeNote', lang)}</p>
      )}
      {row && (
        <>
          <h4>{profileText('inside', type, lang)}</h4>
          {list(row.facilitiesInside)}
          <h4>{profileText('inReach', type, lang)}</h4>
          {list(row.facilitiesInReach)}
          {row.worstPoint && row.maxDistanceM !== null && (
            <p>
              {t('worstPoint', lang)}: {formatNumber(row.maxDistanceM, lang)} {t('metres', lang)}{' '}
              <button type="button" class="link" onClick={() => p.onPoint(row.worstPoint!)}>
                {t('showOnMap', lang)}
              </button>
            </p>
          )}
          {row.edgeEffect && <p class="note">† {t('edgeNote', lang)}</p>}
        </>
      )}
      {p.children}
    </section>
  );
}
