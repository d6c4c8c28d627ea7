/** The near-me feature's state (no JSX): the resident's point and what is nearest to it. */
import { computed, signal } from '@preact/signals';
import { type NearestResult, nearestByCategory } from '../../analysis/nearest';
import type { WalksFrom } from '../../analysis/network/nearest';
import { COVERAGE_CATEGORIES } from '../../core/categories';
import { pointInGeometry } from '../../core/geo';
import { index, riverfrontLines } from '../app/state';

/** the resident's point, [lon, lat] */
export const residentPoint = signal<[number, number] | null>(null);
/** why the device location could not be used (text), or null */
export const locationMessage = signal<string | null>(null);
/** walks along the network from the point (null outside the network or without one) */
export const walks = signal<WalksFrom | null>(null);

/** Straight-line nearest of every category (always; the walks replace them where the network reaches). */
export const nearest = computed<NearestResult[]>(() => {
  const p = residentPoint.value;
  const idx = index.value;
  if (!p || !idx) return [];
  return nearestByCategory(p, idx.points, COVERAGE_CATEGORIES, riverfrontLines.value);
});

/** The life circle the resident's point is in (null outside every circle). */
export const residentCircle = computed(() => {
  const p = residentPoint.value;
  const idx = index.value;
  if (!p || !idx) return null;
  for (const f of idx.circles.values()) if (pointInGeometry(p, f.geometry)) return f.properties;
  return null;
});
