import { useState } from 'preact/hooks';
import type { CircleCoverage, CoverageTable } from '../../analysis/coverage/engine';
import { formatNumber, type Lang, localName, type StringKey, subdistrictName, t } from '../i18n';

type Column = 'name' | 'subdistrict' | 'population' | 'share' | 'gap';

const COLUMNS: { id: Column; label: StringKey; numeric: boolean }[] = [
  { id: 'name', label: 'colCircle', numeric: false },
  { id: 'subdistrict', label: 'colSubdistrict', numeric: false },
  { id: 'population', label: 'colPopulation', numeric: true },
  { id: 'share', label: 'colCoverage', numeric: true },
  { id: 'gap', label: 'colUncovered', numeric: true },
];

/** A subdistrict's name without "街道" / "Subdistrict" (the column says it). */
const shortSubdistrict = (c: CircleCoverage, lang: Lang) =>
  subdistrictName(c, lang).replace(/街道$|\s+Subdistrict$/, '');

const value = (c: CircleCoverage, col: Column, lang: Lang): string | number => {
  switch (col) {
    case 'name':
      return localName(c, lang);
    case 'subdistrict':
      return shortSubdistrict(c, lang);
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
}) {
  const { lang } = p;
  const [sort, setSort] = useState<{ col: Column; asc: boolean }>({ col: 'gap', asc: false });
  const rows = [...p.table.circles].sort((a, b) => {
    const x = value(a, sort.col, lang);
    const y = value(b, sort.col, lang);
    const locale = lang === 'zh' ? 'zh-CN' : 'en-GB';
    const d = typeof x === 'number' ? x - (y as number) : String(x).localeCompare(String(y), locale);
    return (sort.asc ? d : -d) || a.id.localeCompare(b.id);
  });
  const pct = (v: number | null) => (v === null ? '—' : `${formatNumber(v * 100, lang, 1)}%`);
  const d = p.table.district;
  return (
    <div class="table-wrap">
      <table class="dashboard">
        <caption>{t('dashboard', lang)}</caption>
        <thead>
          <tr>
            {COLUMNS.map((c) => (
              <th
                key={c.id}
                scope="col"
                class={c.numeric ? 'num' : ''}
                aria-sort={sort.col === c.id ? (sort.asc ? 'ascending' : 'descending') : 'none'}
              >
                <button
                  type="button"
                  class="sort"
                  aria-label={`${t('sortBy', lang)}${t(c.label, lang)}`}
                  onClick={() => setSort({ col: c.id, asc: sort.col === c.id ? !sort.asc : !c.numeric })}
                >
                  {t(c.label, lang)}
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
                  {localName(c, lang)}
                </button>
                {c.edgeEffect ? ' †' : ''}
              </th>
              <td>{shortSubdistrict(c, lang)}</td>
              <td class="num">{formatNumber(c.population, lang)}</td>
              <td class="num">{pct(c.populationShare)}</td>
              <td class="num">{formatNumber(c.gapPopulation, lang)}</td>
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
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
