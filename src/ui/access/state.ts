/**
 * The access analysis's state in the app (issue 20; no JSX): the walk time the threshold was
 * set as (minutes at a pace), the basket, the 2SFCA decay, the map layer chosen, and what the
 * worker answered for the current type, distance and scenario.
 */
import { batch, computed, effect, signal } from '@preact/signals';
import { type Basket, DEFAULT_BASKET, encodeBasket } from '../../analysis/access/basket';
import type { Decay } from '../../analysis/access/capacity';
import type { AccessLayer, AccessLayerKind } from '../../analysis/access/layers';
import { type WalkTime, walkRadiusM } from '../../analysis/access/pace';
import type { AccessSummary, BasketSummary, OverviewRow } from '../../analysis/access/summary';
import type { CapacityDifferenceSummary, DifferenceSummary } from '../../worker/accessApi';
import { radius, radiusM } from '../coverage/state';

/** The threshold as a walk: minutes at a pace (null: metres, a tier or a custom distance). */
export const walkTime = signal<WalkTime | null>(null);
export const basket = signal<Basket>(DEFAULT_BASKET);
/** the basket as a link carries it; null when it is the default one */
export const basketParam = computed(() => {
  const text = encodeBasket(basket.value);
  return text === encodeBasket(DEFAULT_BASKET) ? null : text;
});
export const decay = signal<Decay>('binary');
/** the access layer drawn on the map (null: none) */
export const accessLayerKind = signal<AccessLayerKind | null>(null);

/** Today's access figures for the shown type and distance (null until answered). */
export const accessSummary = signal<AccessSummary | null>(null);
/** Every type at its standard (the district report, asked when a report needs it). */
export const overview = signal<{ rows: OverviewRow[]; basket: BasketSummary } | null>(null);
/** The active scenario against today (null without a scenario that changes anything). */
export const difference = signal<{
  coverage: DifferenceSummary;
  capacity: CapacityDifferenceSummary | null;
} | null>(null);
/** The map layer's polygons for the current query (null while none). */
export const accessLayer = signal<AccessLayer | null>(null);
export const accessMs = signal<number | null>(null);

/** Set the threshold as a walk of `minutes` at a pace (one click: "15 minutes for a 75-year-old"). */
export function setWalkTime(t: WalkTime | null): void {
  // together: the guard below must never see the walk time beside the old radius
  batch(() => {
    walkTime.value = t;
    if (t) radiusM.value = walkRadiusM(t);
  });
}

/** A walk time no longer stands once the radius is changed otherwise (a tier, a custom distance, a type). */
export function startWalkTimeGuard(): () => void {
  return effect(() => {
    const t = walkTime.value;
    if (t && radius.value !== walkRadiusM(t)) walkTime.value = null;
  });
}

/** The basket and decay a worker query carries (reports and the map alike). */
export function accessQueryOptions(): { decay: Decay; basket?: string } {
  const b = basketParam.peek();
  return b ? { decay: decay.peek(), basket: b } : { decay: decay.peek() };
}
