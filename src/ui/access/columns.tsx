/**
 * The dashboard's access columns (sortable): capacity in reach per circle (the shown type's
 * unit per 100 of its target group; "≥" a lower bound, "unknown" where only sites of unknown
 * capacity reach) and the basket share (the elders' basket, the children's for childcare).
 */
import type { BasketSide } from '../../analysis/access/basket';
import type { AccessSummary } from '../../analysis/access/summary';
import { CATEGORIES } from '../../core/categories';
import type { DashboardColumn } from '../coverage/Dashboard';
import { formatNumber, type Lang } from '../i18n';
import { capacityText } from './CapacitySummary';
import { perShort, s } from './strings';

/** The dashboard view's name: "容量与清单" / "Capacity & basket". */
export const accessViewLabel = (lang: Lang) => s('dashboardView', lang);

export function basketSideOf(category: string): BasketSide {
  return CATEGORIES.find((c) => c.id === category)?.family === 'childcare' ? 'child' : 'elder';
}

export function accessColumns(
  a: AccessSummary | null,
  category: string,
  radiusM: number,
  lang: Lang,
): DashboardColumn[] {
  if (!a || a.category !== category || a.radiusM !== radiusM) return [];
  const out: DashboardColumn[] = [];
  const cap = a.capacity && 'unit' in a.capacity ? a.capacity : null;
  if (cap) {
    const byId = new Map(cap.circles.map((c) => [c.id, c]));
    out.push({
      id: 'capacity',
      label: s('colCapacity', lang),
      sub: `${perShort(cap.unit, cap.per, cap.group, lang)}*`,
      value: (c) => byId.get(c.id)?.ratio ?? null,
      cell: (c) => {
        const row = byId.get(c.id);
        return row ? capacityText(row, lang) : '—';
      },
      total: capacityText(cap.district, lang),
    });
  }
  const side = basketSideOf(category);
  const b = a.basket.sides[side];
  const shares = new Map(b.circles.map((c) => [c.id, c.share]));
  const pct = (v: number | null | undefined) =>
    v === null || v === undefined ? '—' : `${formatNumber(v * 100, lang, 1)}%`;
  out.push({
    id: 'basket',
    label: s('colBasket', lang),
    sub: `${s(side === 'elder' ? 'basketElder' : 'basketChild', lang)}*`,
    value: (c) => shares.get(c.id) ?? null,
    cell: (c) => pct(shares.get(c.id)),
    total: pct(b.district.share),
  });
  return out;
}
