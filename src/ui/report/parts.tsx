/** Pieces every report uses: header, facts, bars, heat table, sites, caveats, method and sources. */
import type { Feature, Point } from 'geojson';
import type { ComponentChildren } from 'preact';
import type { DistanceKind } from '../../analysis/coverage/engine';
import type { Suggestion } from '../../analysis/coverage/siting';
import type { RouteFactors } from '../../analysis/network/routeFactors';
import { ELDERCARE_TARGET_SHARE } from '../../analysis/standards';
import { AGE_GROUP_INFO, type AgeGroup } from '../../core/ageGroups';
import { type CoverageCategory, categoryLabel } from '../../core/categories';
import type { CircleProps, FacilityProps } from '../../core/schema';
import type { LoadedData } from '../../data/load';
import { COVERAGE_CLASSES } from '../../map/palette';
import { formatRange, formatShareRange } from '../coverage/range';
import { s as ts, uncoveredPeople } from '../coverage/targetStrings';
import { walkMethodSentence } from '../coverage/walkMethod';
import { type DistanceModel, distanceModelLabel, distanceModelName } from '../distanceModel';
import { formatNumber, type Lang, t } from '../i18n';
import { dateSpan, type EldercareSupply, facilitySources, type HeatRow } from './assemble';
import { ATTRIBUTION, BASE_SOURCES } from './facts';
import type { NameBook } from './names';
import { s, shortLabel } from './strings';

/** What every report view reads besides its figures. */
export interface ReportContext {
  lang: Lang;
  names: NameBook;
  layers: LoadedData['layers'];
  facilities: ReadonlyMap<string, Feature<Point, FacilityProps>>;
  /** the live map view this report came from (absolute URL) */
  liveHref: string;
  /** YYYY-MM-DD */
  today: string;
  /** true when the user imported local age figures (else the district's census shares apply everywhere) */
  localAges: boolean;
}

export const pct = (v: number | null | undefined, lang: Lang, digits = 1) =>
  v === null || v === undefined ? '—' : `${formatNumber(v * 100, lang, digits)}%`;
export const num = (v: number, lang: Lang) => formatNumber(Math.round(v), lang);
export const metres = (v: number | null, lang: Lang) =>
  v === null ? '—' : `${formatNumber(v, lang)} ${t('metres', lang)}`;
export const lonLatText = (p: ArrayLike<number>) => `${p[0]!.toFixed(5)}, ${p[1]!.toFixed(5)}`;

/** Shares below this (0–1) are hatched in bars and heat cells, so greyscale print tells them apart. */
const HATCH_BELOW = 0.5;

/** The coverage class of a share: the index in the map's COVERAGE_CLASSES (-1 = no figure). */
export function shareClass(share: number | null): number {
  if (share === null) return -1;
  return COVERAGE_CLASSES.findIndex((c) => share < c.max);
}

/** Patterns shared by every chart of the page (one definition, referenced by id). */
export function ChartDefs() {
  return (
    <svg class="defs" width="0" height="0" aria-hidden="true" focusable="false">
      <defs>
        <pattern
          id="report-hatch"
          width="6"
          height="6"
          patternUnits="userSpaceOnUse"
          patternTransform="rotate(45)"
        >
          <rect width="6" height="6" fill="#ffffff" fill-opacity="0" />
          <line x1="0" y1="0" x2="0" y2="6" stroke="#1c1c1c" stroke-width="1.6" />
        </pattern>
        <pattern
          id="report-gap"
          width="5"
          height="5"
          patternUnits="userSpaceOnUse"
          patternTransform="rotate(135)"
        >
          <line x1="0" y1="0" x2="0" y2="5" stroke="#67001f" stroke-width="1.4" />
        </pattern>
      </defs>
    </svg>
  );
}

/** A share as a bar (0–100 %) with the 85 % reference dashed; below 50 % hatched too (greyscale). */
export function ShareBar(p: { share: number | null; width?: number }) {
  const w = p.width ?? 120;
  const h = 12;
  const k = shareClass(p.share);
  const fill = k >= 0 ? COVERAGE_CLASSES[k]!.colour : '#bdbdbd';
  const x = Math.max(0, Math.min(1, p.share ?? 0)) * w;
  const ref = ELDERCARE_TARGET_SHARE * w;
  return (
    <svg
      class="share-bar"
      viewBox={`0 0 ${w} ${h}`}
      width={w}
      height={h}
      aria-hidden="true"
      focusable="false"
    >
      <rect x="0" y="1" width={w} height={h - 2} fill="#eceff1" stroke="#90a4ae" stroke-width="0.5" />
      <rect x="0" y="1" width={x} height={h - 2} fill={fill} />
      {p.share !== null && p.share < HATCH_BELOW && (
        <rect x="0" y="1" width={x} height={h - 2} fill="url(#report-hatch)" />
      )}
      <line x1={ref} x2={ref} y1="0" y2={h} stroke="#000" stroke-width="1.2" stroke-dasharray="2 1.5" />
    </svg>
  );
}

/**
 * The top of a report: its kind, title, place and date, then its key facts in boxes ending
 * with the distance model in force.
 */
export function ReportTop(p: {
  ctx: ReportContext;
  data: CommonFigures;
  kind: string;
  title: string;
  /** e.g. the circle's subdistrict */
  place?: string;
  facts: [string, ComponentChildren][];
}) {
  const { lang } = p.ctx;
  return (
    <>
      <header class="report-header">
        <p class="report-kind">
          {p.kind} · {t('title', lang)}
        </p>
        <h1>{p.title}</h1>
        <p class="report-sub">
          {p.place ? `${p.place} · ` : ''}
          {s('generated', lang)} {p.ctx.today}
        </p>
      </header>
      <Facts items={[...p.facts, [s('distance', lang), distanceFact(p.data, lang)]]} />
    </>
  );
}

/** A table's column headers in order; `{ num }` ones are right-aligned (numbers below them). */
export function Head(p: { cols: (string | { num: string })[] }) {
  return (
    <thead>
      <tr>
        {p.cols.map((c, i) =>
          typeof c === 'string' ? (
            <th key={i} scope="col">
              {c}
            </th>
          ) : (
            <th key={i} scope="col" class="num">
              {c.num}
            </th>
          ),
        )}
      </tr>
    </thead>
  );
}

/** Label–value pairs in a row of boxes. */
export function Facts(p: { items: [string, ComponentChildren][] }) {
  return (
    <dl class="report-facts">
      {p.items.map(([k, v]) => (
        <div key={k}>
          <dt>{k}</dt>
          <dd>{v}</dd>
        </div>
      ))}
    </dl>
  );
}

/** What every report's figures carry besides their own (see ./requests.ts). */
export interface CommonFigures {
  distance: DistanceKind;
  /** walk mode: the route factors the estimate used (for the method sentence); else null */
  routeFactors?: RouteFactors | null;
  /** network mode: residents in the walking network / the report's residents (0–1); else null */
  networkShare: number | null;
  /** categories without a list */
  missing: CoverageCategory[];
}

/**
 * The boundary notice for the given circles (all when omitted): derived by this project, or
 * imported by the user (with the file's name, from the circle's `method`).
 */
export function boundaryNotice(ctx: ReportContext, circleIds?: string[]): string {
  const { lang } = ctx;
  const circles = ctx.layers.circles.features
    .map((f) => f.properties as CircleProps)
    .filter((p) => !circleIds || circleIds.includes(p.id));
  const imported = circles.find((p) => !p.derived);
  if (!imported) return t(circleIds?.length === 1 ? 'derivedCircle' : 'derivedNotice', lang);
  return `${s('importedBoundary', lang)} ${imported.method.replace(/^imported from\s*/, '')}.`;
}

/** "60+: 13,309" / "60岁+：13,309": a target group's figure (an estimate, marked * in headers); "—" without one. */
export function targetText(group: AgeGroup | null, value: number | null | undefined, lang: Lang): string {
  if (!group || value === null || value === undefined) return '—';
  const g = AGE_GROUP_INFO[group];
  return lang === 'zh' ? `${g.shortZh}：${num(value, lang)}` : `${g.shortEn}: ${num(value, lang)}`;
}

/** " · 未覆盖老年人：13,309*" / " · uncovered elders: 13,309*": a figure's target-group part, or nothing. */
export function uncoveredTargetText(
  group: AgeGroup | null,
  gap: number | null | undefined,
  lang: Lang,
): string {
  if (!group || gap === null || gap === undefined) return '';
  return ` · ${uncoveredPeople(group, lang)}${lang === 'zh' ? '：' : ': '}${num(gap, lang)}*`;
}

/**
 * Beds per 100 residents aged 60+ as printed: the figure, or "—" with why when no
 * institution of the area lists beds (unknown is not zero) or nobody lives there.
 */
export function bedsPer100Text(x: EldercareSupply, lang: Lang): string {
  if (x.bedsPer100Elders !== null) return formatNumber(x.bedsPer100Elders, lang, 2);
  if (x.institutions === 0 || x.withBeds > 0) return '—';
  return lang === 'zh' ? `—（${s('noBedCounts', lang)}）` : `— (${s('noBedCounts', lang)})`;
}

/** "名单未列床位的机构（3）：A、B、C" / "Institutions the list gives no beds for (3): A, B, C"; '' when none. */
export function withoutBedsText(x: EldercareSupply, lang: Lang): string {
  if (x.withoutBeds.length === 0) return '';
  const head = `${s('withoutBeds', lang)}${lang === 'zh' ? `（${x.withoutBeds.length}）：` : ` (${x.withoutBeds.length}): `}`;
  return head + listText(x.withoutBeds, lang);
}

/** Items joined as the language lists them (、 in Chinese, commas in English). */
export const listText = (items: string[], lang: Lang) => items.join(lang === 'zh' ? '、' : ', ');

/** The distance model in force, in words (`short`: for a fact box, a legend or a caption). */
export function distanceText(distance: DistanceModel, lang: Lang, short = false): string {
  return short ? distanceModelLabel(distance, lang) : distanceModelName(distance, lang, 'full');
}

/** The distance model for a fact box, with the share of residents in the walking network. */
function distanceFact(data: CommonFigures, lang: Lang): string {
  const share =
    data.networkShare !== null ? ` · ${s('inNetwork', lang)} ${pct(data.networkShare, lang)}` : '';
  return `${distanceText(data.distance, lang, true)}${share}`;
}

/** A table of areas × categories with the share in each cell (colour class, hatch below 50 %). */
export function HeatTable(p: {
  lang: Lang;
  caption: string;
  rowHeader: string;
  categories: CoverageCategory[];
  rows: HeatRow[];
  rowLabel(id: string): string;
  total?: HeatRow & { label: string };
}) {
  const { lang } = p;
  const cells = (r: HeatRow) =>
    r.shares.map((v, i) => {
      const range = formatRange({ share: v, low: r.lows?.[i] ?? null, high: r.highs?.[i] ?? null }, lang);
      return (
        <td key={p.categories[i]} class={`heat c${shareClass(v)}`}>
          {v === null ? '—' : formatNumber(v * 100, lang, 0)}
          {range && <small class="heat-range">{range.replace('%', '')}</small>}
        </td>
      );
    });
  return (
    <table class="heat-table">
      <caption class="visually-hidden">{p.caption}</caption>
      <thead>
        <tr>
          <th scope="col">{p.rowHeader}</th>
          {p.categories.map((c) => (
            <th key={c} scope="col" class="rot" title={categoryLabel(c, lang)}>
              <span>{shortLabel(c, lang)}</span>
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {p.rows.map((r) => (
          <tr key={r.id}>
            <th scope="row">{p.rowLabel(r.id)}</th>
            {cells(r)}
          </tr>
        ))}
      </tbody>
      {p.total && (
        <tfoot>
          <tr>
            <th scope="row">{p.total.label}</th>
            {cells(p.total)}
          </tr>
        </tfoot>
      )}
    </table>
  );
}

/** The heat table's key: the classes with their colour and the hatch. */
export function HeatKey(p: { lang: Lang }) {
  return (
    <p class="heat-key">
      {COVERAGE_CLASSES.map((c, i) => (
        <span key={c.colour} class={`heat c${i}`}>
          {c[p.lang]}
        </span>
      ))}{' '}
      {s('heatLegend', p.lang)}
    </p>
  );
}

/** Suggested sites in order with the residents each newly covers. */
export function SiteList(p: {
  lang: Lang;
  sites: Suggestion[];
  circleName(id: string): string;
  marker?: string;
}) {
  const { lang } = p;
  if (p.sites.length === 0) return <p>{s('noSites', lang)}</p>;
  return (
    <ol class="sites">
      {p.sites.map((x, i) => (
        <li key={lonLatText(x.lonLat)}>
          <span class="site-no" aria-hidden="true">
            {p.marker ?? ''}
            {i + 1}
          </span>{' '}
          {s('newlyCovers', lang)} <strong>{num(x.gain, lang)}</strong> {t('residents', lang)}
          {x.circleId ? ` · ${s('inCircle', lang)} ${p.circleName(x.circleId)}` : ''} ·{' '}
          <span class="coords">{lonLatText(x.lonLat)}</span>
        </li>
      ))}
    </ol>
  );
}

export function Section(p: { title: string; id: string; class?: string; children: ComponentChildren }) {
  return (
    <section class={`report-section ${p.class ?? ''}`} aria-labelledby={p.id}>
      <h2 id={p.id}>{p.title}</h2>
      {p.children}
    </section>
  );
}

/** The distance model as a sentence (with the share of residents in the walking network). */
function distanceCaveat(data: CommonFigures, lang: Lang): string {
  const share = data.networkShare === null ? null : pct(data.networkShare, lang);
  if (lang === 'zh')
    return `${s('distance', lang)}：${distanceText(data.distance, lang)}${share ? `（${s('inNetwork', lang)}：${share}）` : ''}。`;
  return `${s('distance', lang)}: ${distanceText(data.distance, lang)}${share ? ` (${s('inNetwork', lang)}: ${share})` : ''}.`;
}

/**
 * Caveats as a list: the distance model, then the report's own items, then what every report
 * says (childcare lists incomplete, categories without a list, the population model).
 */
export function Caveats(p: {
  lang: Lang;
  data: CommonFigures;
  items: (string | null | false)[];
  /** target-group figures (marked *) are shown: say how they are estimated */
  targets?: boolean;
}) {
  const { lang, data } = p;
  const items = [
    distanceCaveat(data, lang),
    ...p.items,
    t('childcareCaveat', lang),
    data.missing.length
      ? `${s('missing', lang)} ${listText(
          data.missing.map((c) => categoryLabel(c, lang)),
          lang,
        )}`
      : null,
    t('populationModel', lang),
    p.targets ? ts('ageNote', lang) : null,
  ].filter((x): x is string => !!x);
  return (
    <Section title={s('caveats', lang)} id="report-caveats" class="keep">
      <ul class="caveats">
        {items.map((x) => (
          <li key={x}>{x}</li>
        ))}
      </ul>
    </Section>
  );
}

/** A share with its range where part of it is estimated: "18.3% (15–21%)" / "18.3%（15–21%）". */
export const shareText = (
  f: { share: number | null; low?: number | null; high?: number | null },
  lang: Lang,
  digits = 1,
) => formatShareRange({ share: f.share, low: f.low ?? null, high: f.high ?? null }, lang, digits);

/** The method in two sentences (the first names the distance model), every source with its date, the attribution and the way back. */
export function MethodAndSources(p: { ctx: ReportContext; data: CommonFigures }) {
  const { lang, liveHref } = p.ctx;
  const lists = facilitySources([...p.ctx.facilities.values()].map((f) => f.properties));
  return (
    <Section title={s('method', lang)} id="report-method" class="keep method">
      <p>
        {p.data.distance === 'walk'
          ? s('methodWalk', lang)
          : s('methodCoverage', lang).replace('{d}', distanceModelName(p.data.distance, lang, 'full'))}{' '}
        {s('methodSiting', lang)}
      </p>
      {p.data.distance === 'walk' && (
        <p data-testid="report-walk-method">
          {walkMethodSentence(p.data.routeFactors, lang)} {s('rangeNote', lang)}
        </p>
      )}
      <table class="sources">
        <caption>{s('sources', lang)}</caption>
        <Head cols={[s('colWhat', lang), s('colSource', lang), s('colDate', lang)]} />
        <tbody>
          {BASE_SOURCES.map((r) => (
            <tr key={r.source}>
              <td>{r.what[lang]}</td>
              <td>{r.source}</td>
              <td>{r.date}</td>
            </tr>
          ))}
          {lists.map((r) => (
            <tr key={r.source}>
              <td>
                {listText(
                  r.categories.map((c) => categoryLabel(c, lang)),
                  lang,
                )}
              </td>
              <td>
                {r.source} ({r.records})
              </td>
              <td>{dateSpan(r.dates)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p class="attribution">
        {ATTRIBUTION} · {s('liveView', lang)}:{' '}
        <a href={liveHref} data-live-link="">
          {liveHref}
        </a>
      </p>
    </Section>
  );
}
