import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import type { CircleCoverage, CoverageTable } from '../../analysis/coverage/engine';
import type { AgeGroup } from '../../core/ageGroups';
import { formatNumber, type Lang, localName, subdistrictName, t } from '../i18n';
import { ReportLink } from '../report/ReportLink';
import { s as rs } from '../report/strings';
import { shareRange } from './range';
import { ShareText } from './ShareRange';
import { s as cs } from './strings';
import { s, targetShort } from './targetStrings';

type Column = 'name' | 'population' | 'share' | 'gap';

/** A column another feature adds (sortable; its cells and total are its own). */
export interface DashboardColumn {
  id: string;
  label: string;
  sub?: string;
  /** the sort value; null sorts below every number */
  value(c: CircleCoverage): number | null;
  cell(c: CircleCoverage): ComponentChildren;
  total: ComponentChildren;
}

/**
 * The columns. A circle's subdistrict sits under its name (one column: the table fits the
 * panel in English too). With a target group, the residents and uncovered columns carry the
 * group's figures on a second line ("uncovered elders" beside total residents).
 */
function columns(
  group: AgeGroup | null,
  lang: Lang,
): { id: Column; label: string; sub?: string; below?: string; numeric: boolean }[] {
  return [
    { id: 'name', label: t('colCircle', lang), below: t('colSubdistrict', lang), numeric: false },
    {
      id: 'population',
      label: t('colPopulation', lang),
      sub: group ? targetShort(group, lang) : undefined,
      numeric: true,
    },
    { id: 'share', label: t('colCoverage', lang), numeric: true },
    {
      id: 'gap',
      label: t('colUncovered', lang),
      sub: group ? targetShort(group, lang) : undefined,
      numeric: true,
    },
  ];
}

/** A subdistrict's name without "街道" / "Subdistrict" (the column says it). */
const shortSubdistrict = (c: CircleCoverage, lang: Lang) =>
  subdistrictName(c, lang).replace(/街道$|\s+Subdistrict$/, '');

const value = (c: CircleCoverage, col: Column, lang: Lang): string | number => {
  switch (col) {
    case 'name':
      return localName(c, lang);
    case 'population':
      return c.population;
    case 'share':
      return c.populationShare ?? -1;
    case 'gap':
      return c.gapPopulation;
  }
};

/** The 33 circles for the current choice, as a sortable table; a row opens its circle. */
export function Dashboard(p: {
  lang: Lang;
  table: CoverageTable;
  selected: string | null;
  onSelect(id: string): void;
  /**
   * a second view of the table that another feature adds (its label and columns): the rows,
   * the circle and residents stay, its columns replace coverage and uncovered (the panel is narrow)
   */
  extra?: { label: string; columns: DashboardColumn[] };
}) {
  const { lang } = p;
  const [view, setView] = useState<'coverage' | 'extra'>('coverage');
  const showExtra = view === 'extra' && (p.extra?.columns.length ?? 0) > 0;
  const extra = showExtra ? p.extra!.columns : [];
  const [sort, setSort] = useState<{ col: string; asc: boolean }>({ col: 'gap', asc: false });
  const sortValue = (c: CircleCoverage) => {
    const x = extra.find((e) => e.id === sort.col);
    return x ? (x.value(c) ?? Number.NEGATIVE_INFINITY) : value(c, sort.col as Column, lang);
  };
  const rows = [...p.table.circles].sort((a, b) => {
    const x = sortValue(a);
    const y = sortValue(b);
    const locale = lang === 'zh' ? 'zh-CN' : 'en-GB';
    const d = typeof x === 'number' ? x - (y as number) : String(x).localeCompare(String(y), locale);
    return (sort.asc ? d : -d) || a.id.localeCompare(b.id);
  });
  const d = p.table.district;
  const ranged = [d, ...p.table.circles].some((r) => shareRange(r).low !== null);
  const cols: { id: string; label: string; sub?: string; below?: string; numeric: boolean }[] = [
    ...columns(p.table.targetGroup, lang).filter(
      (c) => !showExtra || c.id === 'name' || c.id === 'population',
    ),
    ...extra.map((e) => ({ id: e.id, label: e.label, sub: e.sub, numeric: true })),
  ];
  /** A residents figure with, when the category has a target group, the group's figure below it. */
  const cell = (all: number, group: number | undefined) => (
    <td class="num">
      {formatNumber(all, lang)}
      {group !== undefined && <small class="sub">{formatNumber(group, lang)}</small>}
    </td>
  );
  return (
    <div class="table-wrap">
      {p.extra && p.extra.columns.length > 0 && (
        <fieldset class="dashboard-views">
          <legend class="views-legend">{t('dashboard', lang)}</legend>
          {(['coverage', 'extra'] as const).map((v) => (
            <button
              key={v}
              type="button"
              aria-pressed={view === v}
              data-view={v}
              onClick={() => {
                setView(v);
                setSort(
                  v === 'extra' ? { col: p.extra!.columns[0]!.id, asc: true } : { col: 'gap', asc: false },
                );
              }}
            >
              {v === 'coverage' ? t('colCoverage', lang) : p.extra!.label}
            </button>
          ))}
        </fieldset>
      )}
      <table class="dashboard">
        <caption>{t('dashboard', lang)}</caption>
        <thead>
          <tr>
            {cols.map((c) => (
              <th
                key={c.id}
                scope="col"
                class={c.numeric ? 'num' : ''}
                aria-sort={sort.col === c.id ? (sort.asc ? 'ascending' : 'descending') : 'none'}
              >
                <button
                  type="button"
                  class="sort"
                  aria-label={`${t('sortBy', lang)}${c.label}`}
                  onClick={() => setSort({ col: c.id, asc: sort.col === c.id ? !sort.asc : !c.numeric })}
                >
                  {c.label}
                  <span aria-hidden="true">{sort.col === c.id ? (sort.asc ? ' ▲' : ' ▼') : ''}</span>
                </button>
                {/* outside the button: its accessible name stays the visible label */}
                {c.sub && <small class="sub">{c.sub}</small>}
                {c.below && <span class="circle-subdistrict">{c.below}</span>}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((c) => (
            <tr key={c.id} class={c.id === p.selected ? 'selected' : ''} data-circle={c.id}>
              <th scope="row">
                <button type="button" class="link" onClick={() => p.onSelect(c.id)}>
                  {localName(c, lang)}
                </button>
                {c.edgeEffect ? ' †' : ''}
                <span class="circle-subdistrict">
                  <ReportLink
                    to={{ kind: 'subdistrict', name: c.subdistrict }}
                    title={`${rs('openSubdistrictReport', lang)}: ${subdistrictName(c, lang)}`}
                  >
                    {shortSubdistrict(c, lang)}
                  </ReportLink>
                </span>
              </th>
              {cell(c.population, c.target?.population)}
              {!showExtra && (
                <td class="num">
                  <ShareText row={c} lang={lang} />
                </td>
              )}
              {!showExtra && cell(c.gapPopulation, c.target?.gap)}
              {extra.map((e) => (
                <td key={e.id} class="num access">
                  {e.cell(c)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('district', lang)}</th>
            {cell(d.population, d.target?.population)}
            {!showExtra && (
              <td class="num">
                <ShareText row={d} lang={lang} />
              </td>
            )}
            {!showExtra && cell(d.gapPopulation, d.target?.gap)}
            {extra.map((e) => (
              <td key={e.id} class="num access">
                {e.total}
              </td>
            ))}
          </tr>
        </tfoot>
      </table>
      {ranged && (
        <p class="note" data-testid="range-note">
          {cs('rangeNote', lang)}
        </p>
      )}
      {p.table.targetGroup && <p class="note">{s('starNote', lang)}</p>}
      <p class="note">{rs('subdistrictHint', lang)}</p>
    </div>
  );
}
