/**
 * A Lorenz curve as SVG (no library): the cumulative share of the measure against the
 * cumulative share of people, with the line of equality and the Gini in the title. Several
 * curves may share one plot (the district report's types). Text is set as text, never HTML.
 */
import type { Lorenz } from '../../analysis/access/fairness';
import { formatNumber, type Lang } from '../i18n';
import { s } from './strings';

export interface LorenzCurve {
  label: string;
  lorenz: Lorenz;
  gini: number | null;
  colour: string;
}

const W = 240;
const H = 200;
const M = { l: 34, r: 8, t: 8, b: 30 };

export function LorenzPlot(p: { lang: Lang; curves: LorenzCurve[]; xLabel: string; title: string }) {
  const { lang } = p;
  const x = (v: number) => M.l + v * (W - M.l - M.r);
  const y = (v: number) => H - M.b - v * (H - M.t - M.b);
  const path = (l: Lorenz) =>
    l.people.map((px, i) => `${i ? 'L' : 'M'}${x(px).toFixed(1)},${y(l.measure[i]!).toFixed(1)}`).join('');
  const ticks = [0, 0.5, 1];
  const pct = (v: number) => `${formatNumber(v * 100, lang, 0)}%`;
  return (
    <figure class="lorenz" data-testid="lorenz">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={p.title} width="100%">
        <title>{p.title}</title>
        <rect x={x(0)} y={y(1)} width={x(1) - x(0)} height={y(0) - y(1)} class="frame" />
        {ticks.map((v) => (
          <g key={v}>
            <line x1={x(v)} x2={x(v)} y1={y(0)} y2={y(0) + 4} class="tick" />
            <text x={x(v)} y={y(0) + 14} text-anchor="middle" class="tick-label">
              {pct(v)}
            </text>
            <line x1={x(0) - 4} x2={x(0)} y1={y(v)} y2={y(v)} class="tick" />
            <text x={x(0) - 6} y={y(v) + 3} text-anchor="end" class="tick-label">
              {pct(v)}
            </text>
          </g>
        ))}
        <line x1={x(0)} y1={y(0)} x2={x(1)} y2={y(1)} class="equality" />
        {p.curves.map((c) => (
          <path
            key={c.label}
            d={path(c.lorenz)}
            class="curve"
            style={{ stroke: c.colour }}
            data-gini={c.gini ?? ''}
          />
        ))}
        <text x={(x(0) + x(1)) / 2} y={H - 4} text-anchor="middle" class="axis-label">
          {p.xLabel}
        </text>
      </svg>
      <figcaption>
        <span class="equality-key">— {s('equality', lang)}</span>
        {p.curves.map((c) => (
          <span key={c.label} class="curve-key">
            {/* the swatch carries the curve's colour; the text keeps the page's contrast */}
            <span aria-hidden="true" style={{ color: c.colour }}>
              ●
            </span>{' '}
            {c.label}
            {c.gini !== null ? ` · ${s('gini', lang)} ${formatNumber(c.gini, lang, 3)}` : ''}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}
