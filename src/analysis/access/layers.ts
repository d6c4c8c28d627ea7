/**
 * The access analysis's map layers, as polygons of cells by class (cells.ts):
 * - 'capacity': capacity in reach per cell, in classes relative to the district's figure
 *   (none in reach; below half; half to the district's; up to twice; twice or more; reached
 *   only by sites of unknown capacity);
 * - 'basket-elder' / 'basket-child': the number of the basket's items in reach;
 * - 'difference': cells a scenario newly covers (1) and loses (2);
 * - 'capacity-difference': cells where capacity in reach rises (1) or falls (2).
 * Pure.
 */
import type { FeatureCollection, MultiPolygon } from 'geojson';
import type { CoverageCategory } from '../../core/categories';
import type { CoverageEngine } from '../coverage/engine';
import { basketAccess, DEFAULT_BASKET } from './basket';
import { capacityAccess, isCapacityResult } from './capacity';
import { type CellClassProps, classPolygons } from './cells';
import { capacityDifference, coverageDifference } from './difference';
import type { AccessOptions } from './summary';

export type AccessLayerKind =
  | 'capacity'
  | 'basket-elder'
  | 'basket-child'
  | 'difference'
  | 'capacity-difference';
export const ACCESS_LAYER_KINDS: readonly AccessLayerKind[] = [
  'capacity',
  'basket-elder',
  'basket-child',
  'difference',
  'capacity-difference',
];

/** Capacity classes: 0 none in reach … 4 twice the district or more; 5 unknown capacity only. */
export const CAPACITY_CLASSES = 6;
/** Class breaks as fractions of the district's figure. */
export const CAPACITY_BREAKS = [0.5, 1, 2] as const;

export interface AccessLayer {
  kind: AccessLayerKind;
  features: FeatureCollection<MultiPolygon, CellClassProps>;
  /** capacity: the class breaks in capacity per `per` people (district × 0.5, 1, 2); basket: the item count */
  breaks: number[];
  /** capacity: the district's figure the breaks are relative to */
  reference: number | null;
}

export function capacityClass(ratio: number, unknown: number, reference: number): number {
  if (!(ratio > 0)) return unknown > 0 ? 5 : 0;
  const rel = reference > 0 ? ratio / reference : Infinity;
  if (rel < CAPACITY_BREAKS[0]) return 1;
  if (rel < CAPACITY_BREAKS[1]) return 2;
  if (rel < CAPACITY_BREAKS[2]) return 3;
  return 4;
}

/** One of the layers for a type at a radius (m), for the circles given (all by default). */
export function accessLayer(
  engine: CoverageEngine,
  kind: AccessLayerKind,
  category: CoverageCategory,
  radiusM: number,
  options: AccessOptions & { scenario?: CoverageEngine; circles?: number[] } = {},
): AccessLayer | null {
  const model = engine.model;
  const circles = options.circles;
  if (kind === 'capacity') {
    const r = capacityAccess(engine, { ...options, category, radiusM });
    if (!isCapacityResult(r)) return null;
    const ref = r.district.ratio ?? 0;
    return {
      kind,
      features: classPolygons(model, (c) => capacityClass(r.cellRatio[c]!, r.cellUnknown[c]!, ref), circles),
      breaks: CAPACITY_BREAKS.map((b) => b * ref),
      reference: r.district.ratio,
    };
  }
  if (kind === 'basket-elder' || kind === 'basket-child') {
    const side = kind === 'basket-elder' ? 'elder' : 'child';
    const b = basketAccess(engine, options.basket ?? DEFAULT_BASKET, options).sides[side];
    return {
      kind,
      features: classPolygons(model, (c) => b.cellCount[c]!, circles),
      breaks: b.items.map((_, k) => k + 1),
      reference: null,
    };
  }
  const after = options.scenario;
  if (!after) return null;
  if (kind === 'difference') {
    const d = coverageDifference(engine, after, category, radiusM, options.distance);
    return {
      kind,
      features: classPolygons(model, (c) => (d.cell[c] === 1 ? 1 : d.cell[c] === -1 ? 2 : -1), circles),
      breaks: [],
      reference: null,
    };
  }
  const d = capacityDifference(engine, after, { ...options, category, radiusM });
  if (!d) return null;
  return {
    kind,
    features: classPolygons(
      model,
      (c) => {
        const v = d.cellChange[c]!;
        return v > 1e-9 ? 1 : v < -1e-9 ? 2 : -1;
      },
      circles,
    ),
    breaks: [],
    reference: null,
  };
}
