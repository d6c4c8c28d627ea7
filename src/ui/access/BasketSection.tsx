/**
 * The 一老一小 basket: the district's share of elders and of children under 6 with every item
 * in reach, and an editor (remove an item, add one, back to the default) — the basket
 * travels in the link (bk=). Estimates.
 */
import {
  type Basket,
  type BasketSide,
  DEFAULT_BASKET,
  MAX_ITEMS,
  sameBasket,
} from '../../analysis/access/basket';
import type { BasketSummary } from '../../analysis/access/summary';
import { CATEGORIES, type CategoryId, categoryLabel, FAMILIES } from '../../core/categories';
import { formatNumber, type Lang } from '../i18n';
import { s } from './strings';

const pct = (v: number | null, lang: Lang) => (v === null ? '—' : `${formatNumber(v * 100, lang, 1)}%`);

export function BasketSection(p: {
  lang: Lang;
  basket: Basket;
  summary: BasketSummary | null;
  onBasket(b: Basket): void;
}) {
  const { lang } = p;
  const sides: BasketSide[] = ['elder', 'child'];
  const itemText = (item: string[]) =>
    item.map((c) => categoryLabel(c as CategoryId, lang)).join(lang === 'zh' ? '或' : ' or ');
  const total = p.basket.elder.length + p.basket.child.length;
  // the basket keeps at least one item (an empty one is no basket)
  const remove = (side: BasketSide, k: number) => {
    if (total > 1) p.onBasket({ ...p.basket, [side]: p.basket[side].filter((_, i) => i !== k) });
  };
  const add = (side: BasketSide, c: CategoryId) =>
    p.onBasket({ ...p.basket, [side]: [...p.basket[side], [c]] });
  return (
    <div class="basket" data-testid="basket">
      <h3>{s('basket', lang)}</h3>
      {p.summary &&
        sides.map((side) => (
          <div key={side}>
            {s(side === 'elder' ? 'basketShareElder' : 'basketShareChild', lang)}:{' '}
            <strong data-testid={`basket-${side}`}>{pct(p.summary!.sides[side].district.share, lang)}</strong>
            {p.summary!.sides[side].district.meanItems !== null && (
              <small>
                {' '}
                ({formatNumber(p.summary!.sides[side].district.meanItems!, lang, 1)} /{' '}
                {p.summary!.sides[side].items.length} {s('basketItems', lang)})
              </small>
            )}
          </div>
        ))}
      <details class="basket-edit">
        <summary>{s('basketEdit', lang)}</summary>
        {sides.map((side) => (
          <div key={side} class="basket-side">
            <h4>{s(side === 'elder' ? 'basketElder' : 'basketChild', lang)}</h4>
            <ol>
              {p.basket[side].map((item, k) => (
                <li key={item.join('~')}>
                  {itemText(item)}{' '}
                  <button
                    type="button"
                    class="link"
                    disabled={total <= 1}
                    aria-label={`${s('basketRemove', lang)}: ${itemText(item)}`}
                    onClick={() => remove(side, k)}
                  >
                    ×
                  </button>
                </li>
              ))}
            </ol>
            {p.basket[side].length < MAX_ITEMS && (
              <label>
                {s('basketAdd', lang)}{' '}
                <select
                  data-testid={`basket-add-${side}`}
                  value=""
                  onChange={(e) => {
                    const v = (e.target as HTMLSelectElement).value;
                    if (v) add(side, v as CategoryId);
                  }}
                >
                  <option value="">—</option>
                  {FAMILIES.map((f) => (
                    <optgroup key={f.id} label={f[lang]}>
                      {CATEGORIES.filter((c) => c.family === f.id).map((c) => (
                        <option key={c.id} value={c.id}>
                          {c[lang]}
                        </option>
                      ))}
                    </optgroup>
                  ))}
                </select>
              </label>
            )}
          </div>
        ))}
        {!sameBasket(p.basket, DEFAULT_BASKET) && (
          <button type="button" onClick={() => p.onBasket(DEFAULT_BASKET)}>
            {s('basketReset', lang)}
          </button>
        )}
      </details>
      <p class="note">{s('basketNote', lang)}</p>
    </div>
  );
}
