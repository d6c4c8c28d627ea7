/**
 * A circle's access figures in its profile (issue 20): capacity in reach for the shown type
 * (the circle beside the district; "≥" a lower bound, the unknown sites in reach counted) and
 * the 一老一小 basket (share with every item, mean items in reach). Estimates.
 */
import type { AccessSummary } from '../../analysis/access/summary';
import { formatNumber, type Lang } from '../i18n';
import { capacityText } from './CapacitySummary';
import { perLabel, s } from './strings';

export function CircleAccess(p: { lang: Lang; circleId: string; summary: AccessSummary | null }) {
  const { lang, summary: a } = p;
  if (!a) return null;
  const cap = a.capacity && 'unit' in a.capacity ? a.capacity : null;
  const row = cap?.circles.find((c) => c.id === p.circleId);
  const pct = (v: number | null | undefined) =>
    v === null || v === undefined ? '—' : `${formatNumber(v * 100, lang, 1)}%`;
  return (
    <div class="circle-access" data-testid="circle-access">
      <h4>{s('access', lang)}</h4>
      <dl class="facts">
        {cap && row && (
          <>
            <dt>{perLabel(cap.unit, cap.per, cap.group, lang)}*</dt>
            <dd data-testid="circle-capacity">
              {capacityText(row, lang)} ({s('districtRef', lang)} {capacityText(cap.district, lang)})
              {row.unknownInReach.length > 0 && (
                <small>
                  {' '}
                  · {s('unknownCapacity', lang)}: {row.unknownInReach.length}
                </small>
              )}
            </dd>
          </>
        )}
        {(['elder', 'child'] as const).map((side) => {
          const b = a.basket.sides[side];
          const c = b.circles.find((x) => x.id === p.circleId);
          return (
            <div key={side} class="fact-pair">
              <dt>{s(side === 'elder' ? 'basketShareElder' : 'basketShareChild', lang)}*</dt>
              <dd data-testid={`circle-basket-${side}`}>
                {pct(c?.share)}
                {c?.meanItems !== null && c?.meanItems !== undefined && (
                  <small>
                    {' '}
                    ({formatNumber(c.meanItems, lang, 1)} / {b.items.length} {s('basketItems', lang)})
                  </small>
                )}
              </dd>
            </div>
          );
        })}
      </dl>
    </div>
  );
}
