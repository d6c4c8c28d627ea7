/**
 * The reports' access section (issue 20): capacity in reach ("beds per 100 elders in reach")
 * for every type with a capacity, the 一老一小 basket, and — in the district overview — the
 * fairness of every type's access (Gini, the worst-served tenth of circles) with Lorenz
 * curves. For a circle or a subdistrict, its own figures beside the district's. Estimates
 * of the population model, labelled so.
 */
import type { BasketRow } from '../../analysis/access/basket';
import type { BasketSummary, OverviewRow } from '../../analysis/access/summary';
import { type CoverageCategory, categoryLabel } from '../../core/categories';
import { CATEGORY_COLOURS } from '../../map/palette';
import { formatNumber, type Lang } from '../i18n';
import type { ReportContext } from '../report/parts';
import { Section } from '../report/parts';
import { capacityText } from './CapacitySummary';
import { LorenzPlot } from './LorenzPlot';
import { perLabel, s } from './strings';

export interface AccessOverviewData {
  rows: OverviewRow[];
  basket: BasketSummary;
}

export type AccessScope =
  | { kind: 'district' }
  | { kind: 'subdistrict'; name: string }
  | { kind: 'circle'; id: string };

const pct = (v: number | null | undefined, lang: Lang) =>
  v === null || v === undefined ? '—' : `${formatNumber(v * 100, lang, 1)}%`;
const gini = (v: number | null | undefined, lang: Lang) =>
  v === null || v === undefined ? '—' : formatNumber(v, lang, 3);

/** The rows of a scope: the district's, a subdistrict's or a circle's. */
function pick<T>(
  scope: AccessScope,
  district: T,
  subdistricts: (T & { name: string })[],
  circles: (T & { id: string })[],
): T | undefined {
  if (scope.kind === 'district') return district;
  if (scope.kind === 'subdistrict') return subdistricts.find((x) => x.name === scope.name);
  return circles.find((x) => x.id === scope.id);
}

function CapacityTable(p: {
  lang: Lang;
  rows: OverviewRow[];
  scope: AccessScope;
  facilityName(id: string): string;
}) {
  const { lang } = p;
  const rows = p.rows.filter((r) => r.capacity);
  if (!rows.length) return null;
  // names shown per row (the count is always given): fewer in a circle's report, which fits three pages
  const named = p.scope.kind === 'circle' ? 3 : 6;
  return (
    <table class="report-table access-capacity" data-testid="report-capacity">
      <thead>
        <tr>
          <th scope="col">{s('capacityInReach', lang)}</th>
          {p.scope.kind !== 'district' && <th scope="col">{s('perInReach', lang)}</th>}
          <th scope="col">{s('districtRef', lang)}</th>
          <th scope="col">{s('unknownSites', lang)}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => {
          const c = r.capacity!;
          const here = pick(p.scope, c.district, c.subdistricts, c.circles);
          return (
            <tr key={r.category}>
              <th scope="row">
                {categoryLabel(r.category, lang)}
                <small class="sub">{perLabel(c.unit, c.per, c.group, lang)}</small>
              </th>
              {p.scope.kind !== 'district' && <td class="num">{here ? capacityText(here, lang) : '—'}</td>}
              <td class="num">{capacityText(c.district, lang)}</td>
              <td>
                {c.unknownSites.length === 0
                  ? '0'
                  : `${c.unknownSites.length}: ${c.unknownSites
                      .slice(0, named)
                      .map(p.facilityName)
                      .join(lang === 'zh' ? '、' : ', ')}${c.unknownSites.length > named ? ' …' : ''}`}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

function BasketFigures(p: { lang: Lang; basket: BasketSummary; scope: AccessScope }) {
  const { lang } = p;
  const line = (side: 'elder' | 'child') => {
    const b = p.basket.sides[side];
    const here = pick<BasketRow & { id?: string; name?: string }>(
      p.scope,
      b.district,
      b.subdistricts,
      b.circles,
    );
    return (
      <li key={side} data-testid={`report-basket-${side}`}>
        {s(side === 'elder' ? 'basketShareElder' : 'basketShareChild', lang)}:{' '}
        <strong>{pct(here?.share, lang)}</strong>
        {p.scope.kind !== 'district' && ` (${s('districtRef', lang)} ${pct(b.district.share, lang)})`}
        {here?.meanItems !== null && here?.meanItems !== undefined && (
          <small>
            {' '}
            · {formatNumber(here.meanItems, lang, 1)} / {b.items.length} {s('basketItems', lang)}
          </small>
        )}
        <br />
        <small>
          {b.items
            .map((item) => item.map((c) => categoryLabel(c, lang)).join(lang === 'zh' ? '或' : ' or '))
            .join(lang === 'zh' ? '；' : '; ')}
        </small>
      </li>
    );
  };
  return <ul class="access-basket">{[line('elder'), line('child')]}</ul>;
}

const PLOTTED: CoverageCategory[] = [
  'nursing-home',
  'elder-canteen',
  'kindergarten',
  'health-centre',
  'park',
];

function FairnessTable(p: { ctx: ReportContext; rows: OverviewRow[] }) {
  const { lang } = p.ctx;
  const rows = p.rows.filter((r) => r.distance);
  const plotted = rows.filter((r) => PLOTTED.includes(r.category));
  const capacityCurves = rows.filter((r) => r.capacityFairness);
  const curve = (r: OverviewRow, f: NonNullable<OverviewRow['distance']>) => ({
    label: categoryLabel(r.category, lang),
    lorenz: f.lorenz,
    gini: f.gini,
    colour: r.category === 'riverfront' ? '#0f7c8c' : CATEGORY_COLOURS[r.category],
  });
  return (
    <>
      <table class="report-table access-fairness" data-testid="report-fairness">
        <thead>
          <tr>
            <th scope="col">{s('fairness', lang)}</th>
            <th scope="col">{s('giniDistance', lang)}</th>
            <th scope="col">{s('giniCapacity', lang)}</th>
            <th scope="col">
              {s('worstDecile', lang)} · {s('worstDecileShare', lang)}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.category}>
              <th scope="row">{categoryLabel(r.category, lang)}</th>
              <td class="num">{gini(r.distance!.gini, lang)}</td>
              <td class="num">
                {gini(r.capacityFairness?.gini, lang)}
                {r.capacityFairness?.lowerBound ? '*' : ''}
              </td>
              <td>
                {r
                  .distance!.worstDecile.circles.map((id) => p.ctx.names.circle(id)[lang])
                  .join(lang === 'zh' ? '、' : ', ')}{' '}
                · {pct(r.distance!.worstDecile.peopleShare, lang)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div class="access-plots">
        <LorenzPlot
          lang={lang}
          title={`${s('lorenz', lang)} · ${s('curveDistance', lang)}`}
          xLabel={s('lorenzPeople', lang)}
          curves={plotted.map((r) => curve(r, r.distance!))}
        />
        {capacityCurves.length > 0 && (
          <LorenzPlot
            lang={lang}
            title={`${s('lorenz', lang)} · ${s('curveCapacity', lang)}`}
            xLabel={s('lorenzPeople', lang)}
            curves={capacityCurves.map((r) => curve(r, r.capacityFairness!))}
          />
        )}
      </div>
    </>
  );
}

export function ReportAccess(p: {
  ctx: ReportContext;
  access: AccessOverviewData | undefined;
  scope: AccessScope;
}) {
  const { lang } = p.ctx;
  if (!p.access) return null;
  return (
    <Section title={s('access', lang)} id="report-access" class="access-section">
      <CapacityTable
        lang={lang}
        rows={p.access.rows}
        scope={p.scope}
        facilityName={(id) => p.ctx.names.facility(id)}
      />
      <p class="note">
        {s('twoStep', lang)} {s('estimates', lang)}. ≥ = {s('lowerBound', lang)}.
      </p>
      <h3>{s('basket', lang)}</h3>
      <BasketFigures lang={lang} basket={p.access.basket} scope={p.scope} />
      <p class="note">{s('basketNote', lang)}</p>
      {p.scope.kind === 'district' && <FairnessTable ctx={p.ctx} rows={p.access.rows} />}
      {p.scope.kind === 'district' && <p class="note">{s('fairnessNote', lang)}</p>}
    </Section>
  );
}
