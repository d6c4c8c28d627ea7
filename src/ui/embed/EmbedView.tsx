/**
 * ?embed=1: the map fills the frame at any size from 320×320 up. The coverage widget lays a
 * small legend over it (one type, its distance and the district's share; on small frames a
 * toggle); `tab=nearby` is the resident widget: the map beside (or above) a compact list of
 * the nearest facility of every type from `at=`.
 */
import './embed.css';
import type { Ref } from 'preact';
import { useEffect, useLayoutEffect, useState } from 'preact/hooks';
import { categoryLabel } from '../../core/categories';
import type { Lang } from '../../core/lang';
import { COVERAGE_CLASSES } from '../../map/palette';
import { tab } from '../app/state';
import { recordShown } from '../app/testHooks';
import { formatRowShare, shareRange } from '../coverage/range';
import { category, radius, selectedCircle, table } from '../coverage/state';
import { distanceName } from '../coverage/walkMethod';
import { formatNumber, localName, t } from '../i18n';
import { viewLink } from '../url';
import { NearbyWidget } from './NearbyWidget';
import { s } from './strings';

/** Frames this small start with the legend folded (CSS px). */
const SMALL_FRAME = '(max-width: 600px), (max-height: 420px)';

function useSmallFrame(): boolean {
  const [small, setSmall] = useState(() => matchMedia(SMALL_FRAME).matches);
  useEffect(() => {
    const q = matchMedia(SMALL_FRAME);
    const onChange = () => setSmall(q.matches);
    q.addEventListener('change', onChange);
    return () => q.removeEventListener('change', onChange);
  }, []);
  return small;
}

/** The coverage widget's overlay: what is shown, the legend (folded on small frames) and the full map. */
function EmbedLegend(p: { lang: Lang }) {
  const { lang } = p;
  const small = useSmallFrame();
  const [open, setOpen] = useState(!small);
  useEffect(() => setOpen(!small), [small]);
  const tb = table.value;
  // Numbers first: stamp (for the tests) when a new table is in the DOM, before paint.
  useLayoutEffect(() => recordShown(tb), [tb]);
  const what = `${categoryLabel(category.value, lang)} · ${formatNumber(radius.value, lang)} ${t('metres', lang)}`;
  // whole percents in the frame; the range where part of the share is estimated (walking, best available)
  const share = tb ? formatRowShare(tb.district, lang, 0) : '—';
  const row = selectedCircle.value ? tb?.circles.find((c) => c.id === selectedCircle.value) : undefined;
  return (
    <div class={open ? 'embed-legend open' : 'embed-legend'} data-testid="embed-legend">
      <button
        type="button"
        class="embed-legend-toggle"
        aria-expanded={open}
        aria-controls="embed-legend-body"
        onClick={() => setOpen(!open)}
      >
        <span class="visually-hidden">{s('legendToggle', lang)}: </span>
        <span class="embed-what">
          {what} · {s('district', lang)}
        </span>{' '}
        <span class="embed-share-group">
          <strong data-testid="embed-share">{share}</strong>
          <span aria-hidden="true"> {open ? '▴' : '▾'}</span>
        </span>
      </button>
      {row && (
        <p class="embed-circle" aria-live="polite">
          {localName(row, lang)}: <strong>{formatRowShare(row, lang, 0)}</strong>
        </p>
      )}
      <div id="embed-legend-body" hidden={!open}>
        <strong>{t('coverageLegend', lang)}</strong>
        {tb && tb.distance !== 'straight' && (
          <p class="embed-distance" data-testid="embed-distance">
            {distanceName(tb.distance, lang)}
            {shareRange(tb.district).low !== null ? ` · ${s('rangeShort', lang)}` : ''}
          </p>
        )}
        <ul class="legend">
          {COVERAGE_CLASSES.map((k) => (
            <li key={k.colour} class="legend-row">
              <span class="swatch" style={{ background: k.colour }} />
              <span>{k[lang]}</span>
            </li>
          ))}
        </ul>
        <a href={viewLink(false)} target="_blank" rel="noopener noreferrer">
          {t('openFull', lang)} ↗
        </a>
      </div>
    </div>
  );
}

export function EmbedView(p: { lang: Lang; mapRef: Ref<HTMLElement> }) {
  const nearby = tab.value === 'nearby';
  const label = `${t('title', p.lang)} · ${nearby ? s('nearbyTitle', p.lang) : categoryLabel(category.value, p.lang)}`;
  return (
    <main class={nearby ? 'layout embed embed-nearby' : 'layout embed'}>
      <section ref={p.mapRef} class="map" aria-label={label} />
      {nearby ? <NearbyWidget lang={p.lang} /> : <EmbedLegend lang={p.lang} />}
    </main>
  );
}
