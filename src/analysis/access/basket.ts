/**
 * The 一老一小 basket: for every resident cell and circle, how many of a basket's items are
 * within their standard walk, and how many people have the whole basket. An item is a set
 * of types of which any one will do (a canteen or a meal point); each type counts at its own
 * standard distance (standards.ts) in the distance model in force.
 *
 * The elders' basket (一老) is weighed by residents aged 60+, the children's (一小) by children
 * under 6 (under 3 and 3–5); both also by every resident. Estimates of the population model.
 * The basket is editable: {@link encodeBasket} / {@link parseBasket} carry it in a link. Pure.
 */
import type { AgeGroup } from '../../core/ageGroups';
import { type CoverageCategory, isCategoryId } from '../../core/categories';
import type { CoverageEngine } from '../coverage/engine';
import { DEFAULT_STANDARDS } from '../standards';
import { demandOf } from './demand';
import { type AccessDistance, distanceKey, measuredWith, type ReachOptions, siteReach } from './reach';

export type BasketSide = 'elder' | 'child';
export const BASKET_SIDES: readonly BasketSide[] = ['elder', 'child'];

/** One item: any of its types within its standard. */
export type BasketItem = CoverageCategory[];

export type Basket = Record<BasketSide, BasketItem[]>;

/** The basket of issue 20: elders' everyday care and children's. */
export const DEFAULT_BASKET: Basket = {
  elder: [
    ['elder-canteen', 'meal-point'],
    ['day-care', 'elder-service-centre'],
    ['nursing-station', 'health-centre'],
    ['care-home'],
  ],
  child: [['kindergarten'], ['nursery', 'childcare-centre', 'baby-room'], ['park']],
};

/** Which age groups weigh each side. */
export const SIDE_GROUPS: Record<BasketSide, AgeGroup[]> = {
  elder: ['age60plus'],
  child: ['under3', 'age3to5'],
};

export const MAX_ITEMS = 8;

export interface BasketRow {
  /** people of the side's group (estimate) */
  people: number;
  /** of them, with every item in reach */
  whole: number;
  /** whole ÷ people (0–1); null without people */
  share: number | null;
  /** people-weighted mean count of items in reach; null without people */
  meanItems: number | null;
  /** people with exactly k items in reach (k = 0 … items) */
  byCount: number[];
  /** every resident, and those with the whole basket */
  residents: number;
  residentsWhole: number;
  residentsShare: number | null;
}

export interface BasketSideResult {
  side: BasketSide;
  items: BasketItem[];
  /** the standard distance (m) each type of each item counts at */
  radii: number[][];
  /** the groups weighing the side, or null when their shares are unknown (then every resident) */
  groups: AgeGroup[] | null;
  circles: (BasketRow & { id: string })[];
  subdistricts: (BasketRow & { name: string })[];
  district: BasketRow;
  /** per grid cell: items within reach (0 off land) */
  cellCount: Uint8Array;
}

export interface BasketResult {
  /** the distance model measured with */
  distance: AccessDistance;
  sides: Record<BasketSide, BasketSideResult>;
}

/** The standard distance (m) of a type. */
export const standardRadius = (c: CoverageCategory): number => DEFAULT_STANDARDS[c].radiusM;

/** 1 where a land cell is within its standard of a site of `category` (the union of the catchments). */
function reachMask(engine: CoverageEngine, category: CoverageCategory, options: ReachOptions): Uint8Array {
  const r = siteReach(engine, category, standardRadius(category), options);
  const mask = new Uint8Array(engine.model.land.length);
  for (let t = 0; t < r.cells.length; t++) mask[r.cells[t]!] = 1;
  return mask;
}

function emptyRow(items: number): BasketRow {
  return {
    people: 0,
    whole: 0,
    share: null,
    meanItems: null,
    byCount: new Array(items + 1).fill(0),
    residents: 0,
    residentsWhole: 0,
    residentsShare: null,
  };
}

const cache = new WeakMap<CoverageEngine, Map<string, BasketResult>>();

/** The basket per cell, circle, subdistrict and the district (cached per engine, basket and distance). */
export function basketAccess(
  engine: CoverageEngine,
  basket: Basket = DEFAULT_BASKET,
  options: ReachOptions = {},
): BasketResult {
  const key = `${encodeBasket(basket)}@${distanceKey(engine, 'health-centre', options)}`;
  let byKey = cache.get(engine);
  if (!byKey) {
    byKey = new Map();
    cache.set(engine, byKey);
  }
  const hit = byKey.get(key);
  if (hit) return hit;
  const masks = new Map<CoverageCategory, Uint8Array>();
  const maskOf = (c: CoverageCategory) => {
    let m = masks.get(c);
    if (!m) {
      m = reachMask(engine, c, options);
      masks.set(c, m);
    }
    return m;
  };
  const sides = {} as Record<BasketSide, BasketSideResult>;
  for (const side of BASKET_SIDES) sides[side] = sideResult(engine, side, basket[side], maskOf);
  const out: BasketResult = { distance: measuredWith(engine, 'health-centre', options.distance), sides };
  byKey.set(key, out);
  return out;
}

function sideResult(
  engine: CoverageEngine,
  side: BasketSide,
  items: BasketItem[],
  maskOf: (c: CoverageCategory) => Uint8Array,
): BasketSideResult {
  const model = engine.model;
  const { landCells, buckets, bucketOf, population, circles, subdistrictNames } = model;
  const n = items.length;
  const cellCount = new Uint8Array(model.land.length);
  for (const item of items) {
    const ms = item.map(maskOf);
    for (const c of landCells) if (ms.some((m) => m[c])) cellCount[c]!++;
  }
  const groupDemand = SIDE_GROUPS[side].map((g) => demandOf(model, g));
  const known = groupDemand.every((d) => d !== null);
  const K = circles.length;
  const S = subdistrictNames.length;
  const rows = Array.from({ length: K + S + 1 }, () => emptyRow(n));
  for (const c of landCells) {
    const pop = population[c]!;
    if (!(pop > 0)) continue;
    const people = known ? groupDemand.reduce((s, d) => s + d![c]!, 0) : pop;
    const count = cellCount[c]!;
    const [k, sd] = buckets[bucketOf[c]!]!;
    for (const row of [k >= 0 ? rows[k] : null, sd >= 0 ? rows[K + sd] : null, rows[K + S]]) {
      if (!row) continue;
      row.people += people;
      row.residents += pop;
      row.byCount[count]! += people;
      if (count === n) {
        row.whole += people;
        row.residentsWhole += pop;
      }
    }
  }
  for (const row of rows) {
    row.share = row.people > 0 ? row.whole / row.people : null;
    row.residentsShare = row.residents > 0 ? row.residentsWhole / row.residents : null;
    row.meanItems = row.people > 0 ? row.byCount.reduce((s, p, k) => s + p * k, 0) / row.people : null;
  }
  return {
    side,
    items,
    radii: items.map((item) => item.map(standardRadius)),
    groups: known ? SIDE_GROUPS[side] : null,
    circles: circles.map((circle, k) => ({ id: circle.id, ...rows[k]! })),
    subdistricts: subdistrictNames.map((name, s) => ({ name, ...rows[K + s]! })),
    district: rows[K + S]!,
    cellCount,
  };
}

/**
 * The basket in a link: `o:elder-canteen~meal-point,day-care;c:kindergarten,park` — sides
 * `o` (一老) and `c` (一小), items by commas, a item's types by `~`. Compact and URL-safe.
 */
export function encodeBasket(b: Basket): string {
  const side = (items: BasketItem[]) => items.map((item) => item.join('~')).join(',');
  return `o:${side(b.elder)};c:${side(b.child)}`;
}

/** The basket a link carries, or null when it is not one (unknown type, empty, too many items). */
export function parseBasket(text: string): Basket | null {
  const out: Basket = { elder: [], child: [] };
  const seen = new Set<string>();
  for (const part of text.split(';')) {
    const m = /^([oc]):(.*)$/.exec(part);
    if (!m) return null;
    const side: BasketSide = m[1] === 'o' ? 'elder' : 'child';
    if (seen.has(side)) return null;
    seen.add(side);
    if (m[2] === '') continue;
    for (const raw of m[2]!.split(',')) {
      const types = raw.split('~');
      if (!types.every(isCategoryId)) return null;
      const unique = [...new Set(types)] as CoverageCategory[];
      out[side].push(unique);
    }
    if (out[side].length > MAX_ITEMS) return null;
  }
  if (!out.elder.length && !out.child.length) return null;
  return out;
}

/** True when two baskets hold the same items in the same order. */
export function sameBasket(a: Basket, b: Basket): boolean {
  return encodeBasket(a) === encodeBasket(b);
}
