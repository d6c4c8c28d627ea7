import './search.css';
import type { Position } from 'geojson';
import { useMemo, useState } from 'preact/hooks';
import { type Lang, t } from '../i18n';

export interface SearchItem {
  kind: 'facility' | 'circle' | 'subdistrict' | 'unlocated' | 'street' | 'crossing';
  id: string;
  /** what is shown */
  label: string;
  /** secondary text (address, category, subdistrict) */
  detail: string;
  /** lower-cased text searched */
  haystack: string;
  lonLat: Position | null;
}

/**
 * A combobox over facilities, addresses, streets, circles and subdistricts (Chinese substrings,
 * English names). `extra` adds results a substring cannot find (a crossing of two streets) and a
 * note saying why a query cannot be placed.
 */
export function Search(p: {
  lang: Lang;
  items: SearchItem[];
  onChoose(item: SearchItem): void;
  extra?(query: string): { items: SearchItem[]; note: string | null };
}) {
  const { lang } = p;
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const [open, setOpen] = useState(false);
  const { results, note } = useMemo(() => {
    const q = query.trim().toLowerCase();
    if (!q) return { results: [], note: null };
    const extra = p.extra?.(query.trim()) ?? { items: [], note: null };
    const seen = new Set(extra.items.map((i) => `${i.kind}:${i.id}`));
    const found = p.items.filter((i) => i.haystack.includes(q) && !seen.has(`${i.kind}:${i.id}`));
    // streets first among the substring hits: "控江路" is the street before the facilities on it
    found.sort((a, b) => Number(b.kind === 'street') - Number(a.kind === 'street'));
    return { results: [...extra.items, ...found].slice(0, 12), note: extra.note };
  }, [query, p.items, p.extra]);
  const choose = (item: SearchItem | undefined) => {
    if (!item) return;
    setOpen(false);
    setQuery(item.label);
    p.onChoose(item);
  };
  return (
    <div class="search">
      <input
        type="search"
        // biome-ignore lint/a11y/noRedundantRoles: an input is a combobox only with a list attribute; the APG combobox pattern needs the role
        role="combobox"
        list={undefined}
        aria-label={t('search', lang)}
        placeholder={t('search', lang)}
        aria-expanded={open && results.length > 0}
        aria-controls="search-results"
        aria-autocomplete="list"
        aria-activedescendant={open && results[active] ? `search-${active}` : undefined}
        value={query}
        onInput={(e) => {
          setQuery((e.target as HTMLInputElement).value);
          setActive(0);
          setOpen(true);
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') {
            e.preventDefault();
            setOpen(true);
            setActive((a) => Math.min(a + 1, results.length - 1));
          } else if (e.key === 'ArrowUp') {
            e.preventDefault();
            setActive((a) => Math.max(a - 1, 0));
          } else if (e.key === 'Enter') {
            e.preventDefault();
            choose(results[active]);
          } else if (e.key === 'Escape') {
            setOpen(false);
          }
        }}
      />
      {open && query.trim() && (
        <div id="search-results" role="listbox" aria-label={t('search', lang)} class="search-results">
          {note && (
            <p class="search-note" data-testid="search-note">
              {note}
            </p>
          )}
          {results.length === 0 && !note && <div class="empty">{t('noResults', lang)}</div>}
          {results.map((item, i) => (
            // biome-ignore lint/a11y/useFocusableInteractive: options are reached by aria-activedescendant from the input (APG combobox), not by focus
            <div
              key={`${item.kind}:${item.id}:${item.label}`}
              id={`search-${i}`}
              role="option"
              aria-selected={i === active}
              class={i === active ? 'active' : ''}
              onMouseDown={(e) => {
                e.preventDefault();
                choose(item);
              }}
            >
              <span>{item.label}</span>
              <small>{item.detail}</small>
            </div>
          ))}
        </div>
      )}
    </div>
  );
}
