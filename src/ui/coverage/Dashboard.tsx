import { useState } from 'preact/hooks';
import type { CircleCoverage, CoverageTable } from '../../analysis/coverage/engine';
import type { AgeGroup } from '../../core/ageGroups';
import { formatNumber, type Lang, t } from '../i18n';
import { s, targetColumn, uncoveredTarget } from './strings';

type Column = 'name' | 'subdistrict' | 'population' | 'share' | 'gap' | 'target' | 'targetGap';

/** The columns, with the target group's two (its residents, those uncovered) when the category has one. */
function columns(group: AgeGroup | null, lang: Lang): { id: Column; label: string; numeric: boolean }[] {
  const base = [
    { id: 'name' as const, label: t('colCircle', lang), numeric: false },
    { id: 'subdistrict' as const, label: t('colSubdistrict', lang), numeric: false },
    { id: 'population' as const, label: t('colPopulation', lang), numeric: true },
    { id: 'share' as const, label: t('colCoverage', lang), numeric: true },
    { id: 'gap' as const, label: t('colUncovered', lang), numeric: true },
  ];
  if (!group) return base;
  const est = ` (${s('estimate', lang)})`;
  return [
    ...base,
    { id: 'target', label: targetColumn(group, lang) + est, numeric: true },
    { id: 'targetGap', label: uncoveredTarget(group, lang) + est, numeric: true },
  ];
}

const value = (c: CircleCoverage, col: Column): string | number => {
  switch (col) {
    case 'name':
      return c.name;
    case 'subdistrict':
      return c.subdistrict;
    case 'population':
      return c.population;
    case 'share':
      return c.populationShare ?? -1;
    case 'gap':
      return c.gapPopulation;
    case 'target':
      return c.target?.population ?? -1;
    case 'targetGap':
      return c.target?.gap ?? -1;
  }
};

/** The 33 circles for the current choice, as a sortable table; a row opens its circle. */
export function Dashboard(p: {
  lang: Lang;
  table: CoverageTable;
  selected: string | null;
  onSelect(id: string): void;
}) {
  const { lang } = p;
  const [sort, setSort] = useState<{ col: Column; asc: boolean }>({ col: 'gap', asc: false });
  const rows = [...p.table.circles].sort((a, b) => {
    const x = value(a, sort.col);
    const y = value(b, sort.col);
    const d = typeof x === 'number' ? x - (y as number) : String(x).localeCompare(String(y), 'zh-CN');
    return (sort.asc ? d : -d) || a.id.localeCompare(b.id);
  });
  const pct = (v: number | null) => (v === null ? '—' : `${formatNumber(v * 100, lang, 1)}%`);
  const num = (v: number | undefined) => (v === undefined ? '—' : formatNumber(v, lang));
  const d = p.table.district;
  const cols = columns(p.table.targetGroup, lang);
  const withTarget = p.table.targetGroup !== null;
  return (
    <div class="table-wrap">
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
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((c) => (
            <tr key={c.id} class={c.id === p.selected ? 'selected' : ''} data-circle={c.id}>
              <th scope="row">
                <button type="button" class="link" onClick={() => p.onSelect(c.id)}>
                  {c.name}
                </button>
                {c.edgeEffect ? ' †' : ''}
              </th>
              <td>{c.subdistrict.replace(/街道$/, '')}</td>
              <td class="num">{formatNumber(c.population, lang)}</td>
              <td class="num">{pct(c.populationShare)}</td>
              <td class="num">{formatNumber(c.gapPopulation, lang)}</td>
              {withTarget && <td class="num">{num(c.target?.population)}</td>}
              {withTarget && <td class="num">{num(c.target?.gap)}</td>}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('district', lang)}</th>
            <td />
            <td class="num">{formatNumber(d.population, lang)}</td>
            <td class="num">{pct(d.populationShare)}</td>
            <td class="num">{formatNumber(d.gapPopulation, lang)}</td>
            {withTarget && <td class="num">{num(d.target?.population)}</td>}
            {withTarget && <td class="num">{num(d.target?.gap)}</td>}
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
