/**
 * A proposed site's planned capacity (beds, places …) in a scenario, for the capacity
 * difference (issue 20): only for types with a capacity; empty = unknown, which changes no
 * capacity figure (never assumed). An integer 0–100,000; anything else is refused and the
 * old value kept.
 */
import { capacitySpec } from '../../analysis/access/capacitySpec';
import { isCoverageCategory } from '../../core/categories';
import type { Lang } from '../i18n';
import { MAX_SITE_CAPACITY, type ProposedSite } from '../scenarios/codec';
import { s, unitName } from './strings';

export function SiteCapacityField(p: {
  lang: Lang;
  site: ProposedSite;
  onCapacity(capacity: number | null): void;
}) {
  const spec = isCoverageCategory(p.site.category) ? capacitySpec(p.site.category) : null;
  if (!spec) return null;
  const label = `${s('siteCapacity', p.lang)} (${unitName(spec.unit, p.lang)})`;
  return (
    <input
      type="number"
      class="site-capacity"
      data-testid="site-capacity"
      min={0}
      max={MAX_SITE_CAPACITY}
      step={1}
      aria-label={label}
      title={`${label}; ${s('siteCapacityUnknown', p.lang)}`}
      placeholder={s('siteCapacity', p.lang)}
      value={p.site.capacity ?? ''}
      onChange={(e) => {
        const el = e.target as HTMLInputElement;
        const text = el.value.trim();
        if (text === '') return p.onCapacity(null);
        const v = Number(text);
        if (Number.isInteger(v) && v >= 0 && v <= MAX_SITE_CAPACITY) p.onCapacity(v);
        else el.value = p.site.capacity == null ? '' : String(p.site.capacity);
      }}
    />
  );
}
