/** 街道行动页: a subdistrict's circles side by side, its worst gaps, sites for weak types, eldercare supply. */
import type { MultiPolygon, Polygon } from 'geojson';
import { labelPoint } from '../../analysis/labelPoint';
import { categoryLabel } from '../../core/categories';
import type { CircleProps, SubdistrictProps } from '../../core/schema';
import { ReportAccess } from '../access/ReportAccess';
import { formatNumber, t } from '../i18n';
import type { EldercareSupply } from './assemble';
import { LegendSymbol, MiniMap, SHAPES } from './MiniMap';
import { boundsOf, padBounds } from './mapGeometry';
import {
  bedsPer100Text,
  boundaryNotice,
  Caveats,
  Facts,
  Head,
  HeatKey,
  HeatTable,
  MethodAndSources,
  num,
  type ReportContext,
  ReportTop,
  Section,
  SiteList,
  shareText,
  targetText,
  uncoveredTargetText,
  withoutBedsText,
} from './parts';
import type { SubdistrictReportData } from './requests';
import { s } from './strings';

/** Institutions, listed beds and beds per 100 residents aged 60+ (with how the elders are estimated). */
export function SupplyFacts(p: { ctx: ReportContext; supply: EldercareSupply }) {
  const { lang } = p.ctx;
  const x = p.supply;
  return (
    <>
      <Facts
        items={[
          [
            s('institutions', lang),
            `${x.institutions} (${categoryLabel('nursing-home', lang)} ${x.nursingHomes}, ${categoryLabel('care-home', lang)} ${x.careHomes})`,
          ],
          [
            s('bedsListed', lang),
            `${num(x.beds, lang)} (${x.withBeds}/${x.institutions} ${s('bedsOf', lang)})`,
          ],
          [s('elders', lang), num(x.elders, lang)],
          [s('bedsPer100', lang), bedsPer100Text(x, lang)],
        ]}
      />
      {x.withoutBeds.length > 0 && (
        <p class="note" data-without-beds={x.withoutBeds.length}>
          {withoutBedsText(x, lang)}
        </p>
      )}
      <p class="note">{p.ctx.localAges ? s('elderNoteData', lang) : s('elderNote', lang)}</p>
    </>
  );
}

export function SubdistrictReport(p: { ctx: ReportContext; data: SubdistrictReportData }) {
  const { ctx, data } = p;
  const { lang, names } = ctx;
  const feature = ctx.layers.subdistricts.features.find(
    (f) => (f.properties as SubdistrictProps).name === data.name,
  );
  const sub = feature?.properties as SubdistrictProps | undefined;
  const title = names.subdistrict(data.name)[lang];
  const members = new Set(data.circleIds);
  const circleName = (id: string) => names.circle(id)[lang];
  const weakLabel = (k: number) => categoryLabel(data.weak[k]!.row.category, lang);
  const bounds = padBounds(boundsOf([feature?.geometry]) ?? [121.5, 31.28, 121.55, 31.32], 200);
  const rowsByCat = new Map(data.rows.map((r) => [r.category, r]));
  return (
    <article class="report-body" data-report="subdistrict">
      <ReportTop
        ctx={ctx}
        data={data}
        kind={s('subdistrictKind', lang)}
        title={title}
        facts={[
          [s('residents', lang), num(data.rows[0]?.population ?? 0, lang)],
          [s('area', lang), sub ? `${formatNumber(sub.areaKm2, lang, 2)} ${t('km2', lang)}` : '—'],
          [s('circles', lang), String(data.circleIds.length)],
        ]}
      />
      <div class="map-and-summary">
        <figure class="map-figure">
          <MiniMap
            lang={lang}
            title={`${title}: ${data.weak[0] ? `${weakLabel(0)} — ${s('legendGaps', lang)}, ` : ''}${s('legendSites', lang)}`}
            bounds={bounds}
            width={360}
            maxHeight={330}
            river={ctx.layers.riverEdge.features.map((f) => f.geometry)}
            areas={ctx.layers.circles.features.map((f) => {
              const c = f.properties as CircleProps;
              const member = members.has(c.id);
              return {
                geometry: f.geometry,
                kind: member ? ('member' as const) : ('context' as const),
                ...(member
                  ? { label: circleName(c.id), labelAt: labelPoint(f.geometry as Polygon | MultiPolygon) }
                  : {}),
              };
            })}
            gaps={data.gaps.map((g) => g.geometry)}
            facilities={
              data.weak[0]
                ? [...ctx.facilities.values()]
                    .filter((f) => f.properties.category === data.weak[0]!.row.category)
                    .map((f) => f.geometry.coordinates)
                : []
            }
            sites={data.weak.flatMap((w, k) =>
              w.sites.map((x, i) => ({ lonLat: x.lonLat, label: String(i + 1), shape: SHAPES[k]! })),
            )}
          />
          <figcaption>
            <ul class="map-legend">
              <li>
                <LegendSymbol kind="member" /> {s('legendCircles', lang)}
              </li>
              {data.weak[0] && (
                <li>
                  <LegendSymbol kind="gap" /> {s('legendGaps', lang)} · {weakLabel(0)}
                </li>
              )}
              {data.weak[0] && (
                <li>
                  <LegendSymbol kind="facility" /> {s('legendFacilities', lang)} · {weakLabel(0)}
                </li>
              )}
              {data.weak.map((w, k) => (
                <li key={w.row.category}>
                  <LegendSymbol kind={SHAPES[k]!} /> {s('legendSites', lang)} · {weakLabel(k)}
                </li>
              ))}
            </ul>
            <small>{s('mapNote', lang)}</small>
          </figcaption>
        </figure>
        <div class="summary-box">
          <h2 id="report-worst-gaps">{s('worstGaps', lang)}</h2>
          <table class="compact">
            <Head
              cols={[
                s('circles', lang),
                s('colCategory', lang),
                { num: s('colUncovered', lang) },
                { num: s('colTargetGap', lang) },
                { num: s('colShare', lang) },
              ]}
            />
            <tbody>
              {data.worstGaps.map((g) => (
                <tr key={`${g.circleId}-${g.category}`}>
                  <th scope="row">{circleName(g.circleId)}</th>
                  <td>
                    {categoryLabel(g.category, lang)} ({g.radiusM} m)
                  </td>
                  <td class="num">{num(g.gap, lang)}</td>
                  <td class="num">{targetText(g.group, g.targetGap, lang)}</td>
                  <td class="num">{shareText(g, lang)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
      <Section title={s('heatTitle', lang)} id="report-heat" class="heat">
        <HeatTable
          lang={lang}
          caption={s('heatTitle', lang)}
          rowHeader={s('circles', lang)}
          categories={data.categories}
          rows={data.heat}
          rowLabel={circleName}
          total={{
            id: data.name,
            label: title,
            population: data.rows[0]?.population ?? 0,
            shares: data.categories.map((c) => rowsByCat.get(c)?.share ?? null),
            lows: data.categories.map((c) => rowsByCat.get(c)?.low ?? null),
            highs: data.categories.map((c) => rowsByCat.get(c)?.high ?? null),
          }}
        />
        <HeatKey lang={lang} />
      </Section>
      <Section title={s('weakTypes', lang)} id="report-weak" class="weak">
        {data.weak.length === 0 && <p>{s('noWeak', lang)}</p>}
        {data.weak.map((w, k) => (
          <div key={w.row.category} class="weak-type">
            <h3>
              <LegendSymbol kind={SHAPES[k]!} /> {weakLabel(k)} ({w.row.radiusM} m): {shareText(w.row, lang)}{' '}
              · {t('uncovered', lang)} {num(w.row.gap, lang)}
              {uncoveredTargetText(w.row.group, w.row.target?.gap, lang)}
            </h3>
            <SiteList lang={lang} sites={w.sites} circleName={circleName} />
          </div>
        ))}
      </Section>
      <Section title={s('supply', lang)} id="report-supply" class="supply">
        <SupplyFacts ctx={ctx} supply={data.supply} />
      </Section>
      <ReportAccess ctx={ctx} access={data.access} scope={{ kind: 'subdistrict', name: data.name }} />
      <Caveats
        lang={lang}
        data={data}
        items={[boundaryNotice(ctx, data.circleIds)]}
        targets={data.rows.some((r) => r.target)}
      />
      <MethodAndSources ctx={ctx} data={data} />
    </article>
  );
}
