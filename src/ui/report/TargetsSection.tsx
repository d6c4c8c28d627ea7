/** The district report's targets: the district's own figures, and where that many new sites would cover the most. */
import { formatRowShare } from '../coverage/range';
import { formatNumber, t } from '../i18n';
import type { EldercareSupply, TargetOutcome } from './assemble';
import { MiniMap } from './MiniMap';
import { boundsOf, padBounds } from './mapGeometry';
import { bedsPer100Text, Head, num, type ReportContext, Section, targetText } from './parts';
import { s } from './strings';
import { BEDS_2023, DISTRICT_TARGETS, TARGET_ANALYSES, TARGET_KINDS, TARGET_SOURCES } from './targets';

/** The district's bounds (lon/lat) with a little margin. */
export const districtBounds = (ctx: ReportContext) =>
  padBounds(
    boundsOf(ctx.layers.district.features.map((f) => f.geometry)) ?? [121.48, 31.25, 121.565, 31.35],
    200,
  );

function FiguresTable(p: { ctx: ReportContext }) {
  const { lang } = p.ctx;
  const analysed = new Set(TARGET_ANALYSES.map((a) => a.target));
  return (
    <table class="compact targets-table">
      <caption>{s('targetFigures', lang)}</caption>
      <Head
        cols={[
          s('colYear', lang),
          s('colWhatKind', lang),
          { num: s('colCount', lang) },
          s('colSource', lang),
          '',
        ]}
      />
      <tbody>
        {DISTRICT_TARGETS.map((x) => (
          <tr key={x.id} data-target={x.id}>
            <td class="nowrap">
              {x.year} {s(x.status, lang)}
            </td>
            <th scope="row">
              {TARGET_KINDS[x.kind][lang]}
              {x.note ? ` (${x.note[lang]})` : ''}
            </th>
            <td class="num">{formatNumber(x.count, lang)}</td>
            <td>{x.source === 'plan2023' ? '①' : '②'}</td>
            <td>
              {analysed.has(x.id)
                ? s('analysed', lang)
                : x.kind === 'kindergarten-places'
                  ? s('notAnalysed', lang)
                  : ''}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function OutcomeFigure(p: { ctx: ReportContext; outcome: TargetOutcome }) {
  const { ctx, outcome: o } = p;
  const { lang } = ctx;
  const a = TARGET_ANALYSES.find((x) => x.id === o.id)!;
  const target = DISTRICT_TARGETS.find((x) => x.id === a.target)!;
  const title = a.label?.[lang] ?? `${TARGET_KINDS[target.kind][lang]} ${o.sites.length}`;
  const basis = a.noList && o.existing > 0 ? `${a.basis[lang]} ${s('importedCounted', lang)}` : a.basis[lang];
  return (
    <figure class="target-figure" data-analysis={o.id}>
      <MiniMap
        lang={lang}
        title={`${title} — ${s('legendSites', lang)}`}
        bounds={districtBounds(ctx)}
        width={220}
        maxHeight={250}
        river={ctx.layers.riverEdge.features.map((f) => f.geometry)}
        areas={ctx.layers.subdistricts.features.map((f) => ({
          geometry: f.geometry,
          kind: 'member' as const,
        }))}
        sites={o.sites.map((x, i) => ({ lonLat: x.lonLat, label: String(i + 1), shape: 'circle' as const }))}
      />
      <figcaption>
        <strong>
          {target.year} {s(target.status, lang)}: {title}
        </strong>
        <br />
        {basis}
        <br />
        {s('colBefore', lang)} {formatRowShare(o.before, lang)} → {s('colAfter', lang)}{' '}
        <strong>{formatRowShare(o.after, lang)}</strong> · {s('colGain', lang)} {num(o.newlyCovered, lang)}{' '}
        {t('residents', lang)}
        {o.group && o.newlyCoveredTarget !== null
          ? ` (${s('targetNewly', lang)} ${targetText(o.group, o.newlyCoveredTarget, lang)}*)`
          : ''}
      </figcaption>
    </figure>
  );
}

export function TargetsSection(p: { ctx: ReportContext; targets: TargetOutcome[]; supply: EldercareSupply }) {
  const { ctx } = p;
  const { lang } = ctx;
  const x = p.supply;
  const after = x.elders > 0 ? ((x.beds + BEDS_2023) / x.elders) * 100 : null;
  return (
    <Section title={s('targets', lang)} id="report-targets" class="targets">
      <p>{s('targetsIntro', lang)}</p>
      <FiguresTable ctx={ctx} />
      <p class="note">
        {s('sourcesTargets', lang)}: ① {TARGET_SOURCES.plan2023[lang]}; ② {TARGET_SOURCES.gwr2024[lang]}.
      </p>
      <p>
        {s('bedsLine', lang)} {bedsPer100Text(x, lang)} {s('to', lang)}{' '}
        <strong>{after === null ? '—' : formatNumber(after, lang, 2)}</strong> {s('bedsMaybeListed', lang)}
      </p>
      <div class="target-grid">
        {p.targets.map((o) => (
          <OutcomeFigure key={o.id} ctx={ctx} outcome={o} />
        ))}
      </div>
      <h3>{s('lackData', lang)}</h3>
      <p>{s('lackDataText', lang)}</p>
    </Section>
  );
}
