import type { Lang } from '../../core/lang';
import { t } from '../i18n';
import { TABS, type Tab } from './state';

const LABEL = { coverage: 'tabCoverage', nearby: 'tabNearby', layers: 'tabLayers' } as const;

/** The tab list (arrow keys move between tabs, as the APG tabs pattern asks). */
export function Tabs(p: { lang: Lang; current: Tab; onChoose(tab: Tab): void }) {
  return (
    <div role="tablist" class="tabs" aria-label={t('title', p.lang)}>
      {TABS.map((id) => (
        <button
          key={id}
          type="button"
          role="tab"
          id={`tab-${id}`}
          aria-selected={p.current === id}
          aria-controls={`panel-${id}`}
          tabIndex={p.current === id ? 0 : -1}
          onClick={() => p.onChoose(id)}
          onKeyDown={(e) => {
            const i = TABS.indexOf(p.current);
            const next = e.key === 'ArrowRight' ? i + 1 : e.key === 'ArrowLeft' ? i - 1 : null;
            if (next === null) return;
            const target = TABS[(next + TABS.length) % TABS.length]!;
            p.onChoose(target);
            document.getElementById(`tab-${target}`)?.focus();
          }}
        >
          {t(LABEL[id], p.lang)}
        </button>
      ))}
    </div>
  );
}
