/** A circle's access figures for the embed API's select message (issue 20). Pure. */
import type { AccessSummary } from '../../analysis/access/summary';
import type { CircleAccessFigures } from '../embed/messages';

export function circleAccessFigures(
  a: AccessSummary | null,
  circleId: string,
  category: string,
  radiusM: number,
): CircleAccessFigures | null {
  if (!a || a.category !== category || a.radiusM !== radiusM) return null;
  const cap = a.capacity && 'unit' in a.capacity ? a.capacity : null;
  const row = cap?.circles.find((c) => c.id === circleId);
  const share = (side: 'elder' | 'child') =>
    a.basket.sides[side].circles.find((c) => c.id === circleId)?.share ?? null;
  return {
    capacity: row?.ratio ?? null,
    capacityStatus: row?.status ?? null,
    capacityUnit: cap?.unit ?? null,
    per: cap?.per ?? null,
    basketElder: share('elder'),
    basketChild: share('child'),
  };
}
