import type { Ref } from 'preact';
import type { Lang } from '../../core/lang';
import { COVERAGE_CLASSES } from '../../map/palette';
import { t } from '../i18n';

/** ?embed=1: the map, the coverage legend, the attribution and a link to the full view. */
export function EmbedView(p: { lang: Lang; mapRef: Ref<HTMLElement> }) {
  const fullViewUrl = location.href.replace(/([?&])embed=1&?/, '$1').replace(/[?&]$/, '');
  return (
    <main class="layout embed">
      <section ref={p.mapRef} class="map" aria-label={t('title', p.lang)} />
      <div class="embed-legend">
        <strong>{t('coverageLegend', p.lang)}</strong>
        <ul class="legend">
          {COVERAGE_CLASSES.map((k) => (
            <li key={k.colour} class="legend-row">
              <span class="swatch" style={{ background: k.colour }} />
              <span>{k[p.lang]}</span>
            </li>
          ))}
        </ul>
        <a href={fullViewUrl} target="_blank" rel="noopener noreferrer">
          {t('openFull', p.lang)} ↗
        </a>
      </div>
    </main>
  );
}
