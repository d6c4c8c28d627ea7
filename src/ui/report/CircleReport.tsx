/** 生活圈体检: one circle's health check — facts, map, every category, the weakest, sites, caveats. */
import type { MultiPolygon, Polygon } from 'geojson';
import { type CoverageCategory, categoryLabel } from '../../core/categories';
import type { CircleProps } from '../../core/schema';
import { ReportAccess } from '../access/ReportAccess';
import { distanceModelName } from '../distanceModel';
import { formatNumber, t } from '../i18n';
import { type CircleCategoryRow, type Ranked, takesSites } from './assemble';
import { LegendSymbol, MiniMap } from './MiniMap';
import { boundsOf, padBounds } from './mapGeometry';
import {
  boundaryNotice,
  Caveats,
  Head,
  listText,
  lonLatText,
  MethodAndSources,
  metres,
  num,
  type ReportContext,
  ReportTop,
  Section,
  ShareBar,
  SiteList,
  shareText,
  targetText,
  uncoveredTargetText,
} from './parts';
import type { CircleReportData } from './requests';
import { s } from './strings';

function CategoryTable(p: { ctx: ReportContext; rows: (CircleCategoryRow & { focus?: boolean })[] }) {
  const { lang } = p.ctx;
  return (
    <table class="category-table">
      <caption class="visually-hidden">{s('coverageByCategory', lang)}</caption>
      <Head
        cols={[
          s('colCategory', lang),
          { num: s('colRadius', lang) },
          s('colBar', lang),
          { num: s('colShare', lang) },
          { num: s('colUncovered', lang) },
          { num: s('colTargetGap', lang) },
          { num: s('colMedian', lang) },
          { num: s('colWorst', lang) },
          { num: s('colInside', lang) },
          { num: s('colReach', lang) },
        ]}
      />
      <tbody>
        {p.rows.map((r) => {
          const listed = r.facilities > 0 || r.category === 'riverfront';
          return (
            <tr
              key={`${r.category}@${r.radiusM}`}
              data-category={r.category}
              data-focus={r.focus ? 'true' : undefined}
              class={r.focus ? 'focus-row' : undefined}
            >
              <th scope="row">
                {categoryLabel(r.category, lang)}
                {r.focus ? ` ${s('focusRow', lang)}` : ''}
              </th>
              <td class="num">{formatNumber(r.radiusM, lang)}</td>
              <td>{listed ? <ShareBar share={r.share} width={96} /> : <em>{s('noList', lang)}</em>}</td>
              <td class="num">{listed ? shareText(r, lang) : '—'}</td>
              <td class="num">{listed ? num(r.gap, lang) : '—'}</td>
              <td class="num">{listed ? targetText(r.group, r.target?.gap, lang) : '—'}</td>
              <td class="num">{listed ? metres(r.medianM, lang) : '—'}</td>
              <td class="num">{listed ? metres(r.maxM, lang) : '—'}</td>
              <td class="num">{r.category === 'riverfront' ? '—' : r.inside.length}</td>
              <td class="num">{r.category === 'riverfront' ? '—' : r.inReach.length}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** The facilities inside the circle, by category (names as the lists give them). */
function InsideList(p: { ctx: ReportContext; rows: CircleCategoryRow[] }) {
  const { lang, names } = p.ctx;
  const rows = p.rows.filter((r) => r.inside.length > 0);
  if (rows.length === 0) return null;
  return (
    <div class="inside-list">
      <h3>{s('insideList', lang)}</h3>
      <p>
        {rows.map((r) => (
          <span key={r.category}>
            <strong>{categoryLabel(r.category, lang)}</strong>:{' '}
            {listText(
              r.inside.map((id) => names.facility(id)),
              lang,
            )}
            {'; '}
          </span>
        ))}
      </p>
    </div>
  );
}

/** The weakest of the other types in a sentence, with its ties (said to be ties, ranked by residents left out). */
function OtherWeakest(p: { ctx: ReportContext; weakest: Ranked<CircleCategoryRow> | null }) {
  const { lang } = p.ctx;
  const w = p.weakest;
  if (!w) return <p>{s('noWeak', lang)}</p>;
  const label = categoryLabel(w.row.category, lang);
  return (
    <>
      <p class="weakest" data-other-weakest={w.row.category}>
        <strong>{label}</strong> ({formatNumber(w.row.radiusM, lang)} {t('metres', lang)}):{' '}
        {shareText(w.row, lang)} · {t('uncovered', lang)} {num(w.row.gap, lang)} {t('residents', lang)}
        {uncoveredTargetText(w.row.group, w.row.target?.gap, lang)}
      </p>
      {w.tied.length > 0 && (
        <p class="note" data-tied={w.tied.length}>
          {s('tied', lang)
            .replace(
              '{others}',
              listText(
                w.tied.map((r) => categoryLabel(r.category, lang)),
                lang,
              ),
            )
            .replace('{share}', shareText(w.row, lang))
            .replace('{first}', label)}
        </p>
      )}
    </>
  );
}

/** The table's rows: the focus type at its distance first, then every type at its standard distance. */
function tableRows(data: CircleReportData): (CircleCategoryRow & { focus?: boolean })[] {
  const f = data.focus;
  if (!f) return data.rows;
  return [
    { ...f, focus: true },
    ...data.rows.filter((r) => r.category !== f.category || r.radiusM !== f.radiusM),
  ];
}

export function CircleReport(p: { ctx: ReportContext; data: CircleReportData }) {
  const { ctx, data } = p;
  const { lang, names } = ctx;
  const feature = ctx.layers.circles.features.find((f) => (f.properties as CircleProps).id === data.circleId);
  const circle = feature?.properties as CircleProps | undefined;
  const geometry = feature?.geometry as Polygon | MultiPolygon | undefined;
  const name = names.circle(data.circleId)[lang];
  const focus = data.focus;
  const first = data.rows[0];
  const focusLabel = focus ? categoryLabel(focus.category, lang) : '';
  const model = distanceModelName(data.distance, lang);
  const bounds = padBounds(boundsOf([geometry]) ?? [121.5, 31.28, 121.55, 31.32], 250);
  const facilities = focus
    ? [...ctx.facilities.values()]
        .filter((f) => f.properties.category === (focus.category as CoverageCategory))
        .map((f) => f.geometry.coordinates)
    : [];
  const focusText = focus ? `${focusLabel} · ${formatNumber(focus.radiusM, lang)} ${t('metres', lang)}` : '—';
  const mapTitle = focus
    ? `${name}: ${focusLabel} (${focus.radiusM} m, ${model}) — ${s('legendGaps', lang)}, ${s('legendFacilities', lang)}, ${s('legendSites', lang)}`
    : name;
  return (
    <article class="report-body" data-report="circle" data-focus={focus?.category}>
      <ReportTop
        ctx={ctx}
        data={data}
        kind={s('circleKind', lang)}
        title={name}
        place={circle ? names.subdistrict(circle.subdistrict)[lang] : undefined}
        facts={[
          [s('residents', lang), first ? num(first.population, lang) : '—'],
          [s('area', lang), circle ? `${formatNumber(circle.areaKm2, lang, 2)} ${t('km2', lang)}` : '—'],
          [s('subdistrict', lang), circle ? names.subdistrict(circle.subdistrict)[lang] : '—'],
          [s('focusFact', lang), focusText],
        ]}
      />
      {circle && <p class="derived">{boundaryNotice(ctx, [circle.id])}</p>}
      <div class="map-and-summary">
        <figure class="map-figure">
          <MiniMap
            lang={lang}
            title={mapTitle}
            bounds={bounds}
            width={360}
            maxHeight={330}
            river={ctx.layers.riverEdge.features.map((f) => f.geometry)}
            areas={[
              ...ctx.layers.circles.features.map((f) => ({
                geometry: f.geometry,
                kind:
                  (f.properties as CircleProps).id === data.circleId
                    ? ('focus' as const)
                    : ('context' as const),
              })),
            ]}
            gaps={data.gaps.map((g) => g.geometry)}
            facilities={facilities}
            sites={data.sites.map((x, i) => ({
              lonLat: x.lonLat,
              label: String(i + 1),
              shape: 'circle' as const,
            }))}
            worst={focus?.worstPoint ?? null}
          />
          <figcaption>
            <ul class="map-legend">
              <li>
                <LegendSymbol kind="focus" /> {s('legendCircle', lang)}
              </li>
              <li>
                <LegendSymbol kind="gap" /> {s('legendGaps', lang)}
                {focus ? ` · ${focusText} · ${model}` : ''}
              </li>
              <li>
                <LegendSymbol kind="facility" /> {s('legendFacilities', lang)}
              </li>
              <li>
                <LegendSymbol kind="circle" /> {s('legendSites', lang)}
              </li>
              <li>
                <LegendSymbol kind="worst" /> {s('legendWorst', lang)}
              </li>
            </ul>
            <small>{s('mapNote', lang)}</small>
          </figcaption>
        </figure>
        <div class="summary-box">
          <h2 id="report-focus">{s('focus', lang)}</h2>
          {focus ? (
            <>
              <p class="weakest" data-focus-row={focus.category}>
                <strong>{focusLabel}</strong> · {formatNumber(focus.radiusM, lang)} {t('metres', lang)} ·{' '}
                {model}
                {lang === 'zh' ? '：' : ': '}
                {shareText(focus, lang)} · {t('uncovered', lang)} {num(focus.gap, lang)}{' '}
                {t('residents', lang)}
                {uncoveredTargetText(focus.group, focus.target?.gap, lang)}
              </p>
              {focus.worstPoint && focus.maxM !== null && (
                <p>
                  {s('worstPoint', lang)}: {metres(focus.maxM, lang)} {s('fromNearest', lang)} ·{' '}
                  <span class="coords">{lonLatText(focus.worstPoint)}</span>
                </p>
              )}
              <h3>
                {s('suggestedFor', lang)}: {focusLabel}
              </h3>
              {takesSites(focus) ? (
                <>
                  <p class="note">
                    {s('suggestedHelp', lang)
                      .replace('{r}', formatNumber(focus.radiusM, lang))
                      .replace('{d}', model)}
                  </p>
                  <SiteList lang={lang} sites={data.sites} circleName={(id) => names.circle(id)[lang]} />
                </>
              ) : (
                <p class="note">{s('focusNoSites', lang)}</p>
              )}
            </>
          ) : (
            <p>—</p>
          )}
          <h3 id="report-weakest">{s('otherWeakest', lang)}</h3>
          <OtherWeakest ctx={ctx} weakest={data.weakest} />
        </div>
      </div>
      <ReportAccess ctx={ctx} access={data.access} scope={{ kind: 'circle', id: data.circleId }} />
      <Caveats
        lang={lang}
        data={data}
        targets={data.rows.some((r) => r.target)}
        items={[
          circle ? boundaryNotice(ctx, [circle.id]) : null,
          data.rows.some((r) => r.edge) ? s('edge', lang) : null,
        ]}
      />
      <Section title={s('coverageByCategory', lang)} id="report-categories" class="categories">
        <CategoryTable ctx={ctx} rows={tableRows(data)} />
        <InsideList ctx={ctx} rows={data.rows} />
      </Section>
      <MethodAndSources ctx={ctx} data={data} />
    </article>
  );
}
