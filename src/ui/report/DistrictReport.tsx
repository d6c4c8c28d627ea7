/** 全区概览: every category's district coverage, the 33 circles ranked, the 12 subdistricts compared, targets. */
import type { MultiPolygon, Polygon } from 'geojson';
import { labelPoint } from '../../analysis/labelPoint';
import { ELDERCARE_TARGET_SHARE } from '../../analysis/standards';
import { categoryLabel } from '../../core/categories';
import type { CircleProps, DistrictProps } from '../../core/schema';
import { ReportAccess } from '../access/ReportAccess';
import { formatNumber, t } from '../i18n';
import { type CategoryFigures, type RankRow, weakCategories } from './assemble';
import { MiniMap } from './MiniMap';
import {
  bedsPer100Text,
  boundaryNotice,
  Caveats,
  Head,
  HeatKey,
  HeatTable,
  listText,
  MethodAndSources,
  num,
  pct,
  type ReportContext,
  ReportTop,
  Section,
  ShareBar,
  shareText,
  targetText,
  withoutBedsText,
} from './parts';
import type { DistrictReportData } from './requests';
import { SupplyFacts } from './SubdistrictReport';
import { s, shortLabel } from './strings';
import { districtBounds, TargetsSection } from './TargetsSection';

function CoverageBars(p: { ctx: ReportContext; rows: CategoryFigures[] }) {
  const { lang } = p.ctx;
  return (
    <table class="category-table">
      <caption class="visually-hidden">{s('districtCoverage', lang)}</caption>
      <Head
        cols={[
          s('colCategory', lang),
          { num: s('colRadius', lang) },
          { num: t('facilities', lang) },
          s('colBar', lang),
          { num: s('colShare', lang) },
          { num: s('colUncovered', lang) },
          { num: s('colTargetGap', lang) },
        ]}
      />
      <tbody>
        {p.rows.map((r) => {
          const listed = r.facilities > 0 || r.category === 'riverfront';
          return (
            <tr key={r.category} data-category={r.category}>
              <th scope="row">{categoryLabel(r.category, lang)}</th>
              <td class="num">{formatNumber(r.radiusM, lang)}</td>
              <td class="num">{r.category === 'riverfront' ? '—' : r.facilities}</td>
              <td>{listed ? <ShareBar share={r.share} width={130} /> : <em>{s('noList', lang)}</em>}</td>
              <td class="num">{listed ? shareText(r, lang) : '—'}</td>
              <td class="num">{listed ? num(r.gap, lang) : '—'}</td>
              <td class="num">{listed ? targetText(r.group, r.target?.gap, lang) : '—'}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** A subdistrict's name without 街道 / Subdistrict (the column says it). */
const shortSubdistrict = (name: string) => name.replace(/街道$|\s+Subdistrict$/, '');

/** Grey by rank quarter (best lightest): reads the same in colour and greyscale. */
const QUARTER_FILLS = ['#f7f7f7', '#cccccc', '#969696', '#636363'];

function RankingMap(p: { ctx: ReportContext; ranking: RankRow[] }) {
  const { ctx } = p;
  const { lang } = ctx;
  const rankOf = new Map(p.ranking.map((r, i) => [r.circleId, i]));
  const n = p.ranking.length;
  return (
    <figure class="map-figure ranking-map">
      <MiniMap
        lang={lang}
        title={s('ranking', lang)}
        bounds={districtBounds(ctx)}
        width={300}
        maxHeight={360}
        river={ctx.layers.riverEdge.features.map((f) => f.geometry)}
        areas={ctx.layers.circles.features.map((f) => {
          const id = (f.properties as CircleProps).id;
          const k = rankOf.get(id) ?? 0;
          return {
            geometry: f.geometry,
            kind: 'member' as const,
            fill: QUARTER_FILLS[Math.min(3, Math.floor((4 * k) / Math.max(1, n)))],
            label: String(k + 1),
            labelAt: labelPoint(f.geometry as Polygon | MultiPolygon),
          };
        })}
      />
      <figcaption>
        <strong>{s('ranking', lang)}</strong>
        <ul class="map-legend">
          {QUARTER_FILLS.map((fill, q) => (
            <li key={fill}>
              <svg class="legend-symbol" viewBox="0 0 20 16" width="20" height="16" aria-hidden="true">
                <rect x="2" y="3" width="16" height="10" fill={fill} stroke="#607d8b" />
              </svg>{' '}
              {s('colRank', lang)} {Math.floor((q * n) / 4) + 1}–{Math.floor(((q + 1) * n) / 4)}
            </li>
          ))}
        </ul>
        <small>{s('mapNote', lang)}</small>
      </figcaption>
    </figure>
  );
}

function RankingTable(p: { ctx: ReportContext; ranking: RankRow[] }) {
  const { lang, names } = p.ctx;
  return (
    <table class="compact ranking">
      <caption class="visually-hidden">{s('ranking', lang)}</caption>
      <Head
        cols={[
          { num: s('colRank', lang) },
          s('circles', lang),
          { num: s('colResidents', lang) },
          { num: s('colMean', lang) },
          { num: s('colBelow', lang) },
          s('colWeakest', lang),
        ]}
      />
      <tbody>
        {p.ranking.map((r, i) => (
          <tr key={r.circleId} data-circle={r.circleId}>
            <td class="num">{i + 1}</td>
            <th scope="row">{names.circle(r.circleId)[lang]}</th>
            <td class="num">{num(r.population, lang)}</td>
            <td class="num">{pct(r.meanShare, lang)}</td>
            <td class="num">{r.below85}</td>
            <td>{r.weakest ? shortLabel(r.weakest, lang) : '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function SupplyTable(p: { ctx: ReportContext; data: DistrictReportData }) {
  const { lang, names } = p.ctx;
  return (
    <>
      <table class="compact supply-table">
        <Head
          cols={[
            s('subdistrict', lang),
            { num: s('colResidents', lang) },
            { num: `${categoryLabel('nursing-home', lang)} / ${categoryLabel('care-home', lang)}` },
            { num: s('bedsListed', lang) },
            { num: s('bedsPer100', lang) },
          ]}
        />
        <tbody>
          {p.data.supplyBy.map(({ name, supply: x }) => (
            <tr key={name}>
              <th scope="row">{shortSubdistrict(names.subdistrict(name)[lang])}</th>
              <td class="num">{num(x.residents, lang)}</td>
              <td class="num">
                {x.nursingHomes} / {x.careHomes}
              </td>
              <td class="num">
                {num(x.beds, lang)} ({x.withBeds}/{x.institutions})
              </td>
              <td class="num" data-beds-per-100={x.bedsPer100Elders === null ? 'unknown' : undefined}>
                {bedsPer100Text(x, lang)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p class="note supply-without">
        {p.data.supplyBy
          .filter(({ supply: x }) => x.withoutBeds.length > 0)
          .map(({ name, supply: x }) => (
            <span key={name} data-without-beds={x.withoutBeds.length}>
              <strong>{shortSubdistrict(names.subdistrict(name)[lang])}</strong> {withoutBedsText(x, lang)}.{' '}
            </span>
          ))}
      </p>
    </>
  );
}

/** The few things a reader should take away, from the figures below. */
function KeyPoints(p: { ctx: ReportContext; data: DistrictReportData }) {
  const { lang, names } = p.ctx;
  const listed = p.data.rows.filter((r) => r.facilities > 0);
  const below = listed.filter((r) => (r.share ?? 0) < ELDERCARE_TARGET_SHARE);
  const lowest = weakCategories(listed, 3);
  const best = p.data.ranking[0];
  const worst = p.data.ranking[p.data.ranking.length - 1];
  const x = p.data.supply;
  return (
    <Section title={s('keyPoints', lang)} id="report-key" class="keep key-points">
      <ul>
        <li>
          <strong>
            {below.length}/{listed.length}
          </strong>{' '}
          {s('kpBelow', lang)}
        </li>
        <li>
          {s('kpLowest', lang)}:{' '}
          {lowest.map((r) => `${categoryLabel(r.category, lang)} ${shareText(r, lang)}`).join('; ')}
        </li>
        {best && worst && (
          <li>
            {s('kpBest', lang)}: {names.circle(best.circleId)[lang]} {pct(best.meanShare, lang)};{' '}
            {s('kpWorst', lang)}: {names.circle(worst.circleId)[lang]} {pct(worst.meanShare, lang)}
          </li>
        )}
        <li>
          {s('bedsPer100', lang)}: {bedsPer100Text(x, lang)} ({s('bedsListed', lang)} {num(x.beds, lang)})
        </li>
        {p.data.missing.length > 0 && (
          <li>
            {s('missing', lang)}{' '}
            {listText(
              p.data.missing.map((c) => categoryLabel(c, lang)),
              lang,
            )}
          </li>
        )}
      </ul>
    </Section>
  );
}

export function DistrictReport(p: { ctx: ReportContext; data: DistrictReportData }) {
  const { ctx, data } = p;
  const { lang, names } = ctx;
  const district = ctx.layers.district.features[0]?.properties as DistrictProps | undefined;
  const title = lang === 'en' ? (district?.nameEn ?? 'Yangpu District') : (district?.name ?? '杨浦区');
  const rowsByCat = new Map(data.rows.map((r) => [r.category, r]));
  return (
    <article class="report-body" data-report="district">
      <ReportTop
        ctx={ctx}
        data={data}
        kind={s('districtKind', lang)}
        title={title}
        facts={[
          [s('residents', lang), num(data.rows[0]?.population ?? 0, lang)],
          [s('area', lang), district ? `${formatNumber(district.areaKm2, lang, 1)} ${t('km2', lang)}` : '—'],
          [s('circles', lang), String(data.ranking.length)],
        ]}
      />
      <p class="derived">{boundaryNotice(ctx)}</p>
      <Section title={s('districtCoverage', lang)} id="report-district" class="district-coverage">
        <CoverageBars ctx={ctx} rows={data.rows} />
      </Section>
      <div class="map-and-summary">
        <KeyPoints ctx={ctx} data={data} />
        <RankingMap ctx={ctx} ranking={data.ranking} />
      </div>
      <Section title={s('ranking', lang)} id="report-ranking" class="ranking-section">
        <RankingTable ctx={ctx} ranking={data.ranking} />
        <p class="note">{s('rankingNote', lang)}</p>
      </Section>
      <Section title={s('subdistrictsCompared', lang)} id="report-subdistricts" class="subdistricts">
        <HeatTable
          lang={lang}
          caption={s('subdistrictsCompared', lang)}
          rowHeader={s('subdistrict', lang)}
          categories={data.categories}
          rows={data.heat}
          rowLabel={(name) => shortSubdistrict(names.subdistrict(name)[lang])}
          total={{
            id: 'district',
            label: title,
            population: data.rows[0]?.population ?? 0,
            shares: data.categories.map((c) => rowsByCat.get(c)?.share ?? null),
            lows: data.categories.map((c) => rowsByCat.get(c)?.low ?? null),
            highs: data.categories.map((c) => rowsByCat.get(c)?.high ?? null),
          }}
        />
        <HeatKey lang={lang} />
        <h3>{s('supply', lang)}</h3>
        <SupplyTable ctx={ctx} data={data} />
        <SupplyFacts ctx={ctx} supply={data.supply} />
      </Section>
      <TargetsSection ctx={ctx} targets={data.targets} supply={data.supply} />
      <ReportAccess ctx={ctx} access={data.access} scope={{ kind: 'district' }} />
      <Caveats
        lang={lang}
        data={data}
        items={[boundaryNotice(ctx)]}
        targets={data.rows.some((r) => r.target)}
      />
      <MethodAndSources ctx={ctx} data={data} />
    </article>
  );
}
