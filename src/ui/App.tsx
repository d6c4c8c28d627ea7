import { useEffect, useRef, useState } from 'preact/hooks';
import { CATEGORIES, type CategoryInfo, FAMILIES } from '../data/categories';
import type { LoadedData } from '../data/load';
import { MapController } from '../map/MapController';
import { CATEGORY_COLOURS, RIVERFRONT_COLOUR } from '../map/palette';
import { LAYER_GROUPS, type LayerGroup } from '../map/style';
import { type Lang, t } from './i18n';
import { basemapUrl, lang, notice, panelOpen, pushUrl, syncFromUrl, testMode, visible } from './state';

declare global {
  interface Window {
    /** exposed only with ?test=1, for the browser tests */
    __yangpuMap?: MapController;
  }
}

const GROUP_ORDER = Object.keys(LAYER_GROUPS) as LayerGroup[];

function countByCategory(data: LoadedData): Map<string, number> {
  const counts = new Map<string, number>();
  for (const fc of [data.layers.eldercare, data.layers.childcare, data.layers.services]) {
    for (const f of fc.features) {
      const c = String(f.properties?.category);
      counts.set(c, (counts.get(c) ?? 0) + 1);
    }
  }
  return counts;
}

function LegendRow({ info, count, current }: { info: CategoryInfo; count: number; current: Lang }) {
  return (
    <li class={count === 0 ? 'legend-row empty' : 'legend-row'}>
      <span
        class="swatch dot"
        style={{ background: CATEGORY_COLOURS[info.id as keyof typeof CATEGORY_COLOURS] }}
      />
      <span>{current === 'zh' ? info.zh : info.en}</span>
      <span class="count">{count}</span>
    </li>
  );
}

export function App({ data }: { data: LoadedData }) {
  const mapEl = useRef<HTMLElement>(null);
  const controller = useRef<MapController | null>(null);
  const [counts] = useState(() => countByCategory(data));
  const current = lang.value;

  useEffect(() => {
    if (!mapEl.current) return;
    const c = new MapController({
      container: mapEl.current,
      data: data.layers,
      lang: lang.peek(),
      basemapStyleUrl: basemapUrl,
      preserveDrawingBuffer: testMode,
      visible: visible.peek(),
      onBasemapFailed: () => {
        notice.value = t('basemapFailed', lang.peek());
      },
    });
    controller.current = c;
    if (testMode) window.__yangpuMap = c;
    const onPop = () => syncFromUrl();
    window.addEventListener('popstate', onPop);
    return () => {
      window.removeEventListener('popstate', onPop);
      c.destroy();
    };
  }, [data]);

  useEffect(() => {
    controller.current?.setLanguage(current);
    document.documentElement.lang = current === 'zh' ? 'zh-CN' : 'en';
    document.title = `${t('title', current)} · ${current === 'zh' ? 'Yangpu 15-minute life circles' : '杨浦15分钟社区生活圈'}`;
  }, [current]);

  useEffect(() => {
    for (const g of GROUP_ORDER) controller.current?.setLayerVisible(g, visible.value[g]);
  }, [visible.value]);

  const toggle = (group: LayerGroup) => {
    visible.value = { ...visible.value, [group]: !visible.value[group] };
    pushUrl();
  };
  const switchLang = () => {
    lang.value = current === 'zh' ? 'en' : 'zh';
    pushUrl();
  };

  return (
    <div class={panelOpen.value ? 'layout' : 'layout collapsed'}>
      <section ref={mapEl} class="map" aria-label={t('title', current)} />
      <aside class="panel" aria-label={t('layers', current)}>
        <header class="panel-header">
          <div>
            <h1>{t('title', current)}</h1>
            <p class="subtitle">{t('subtitle', current)}</p>
          </div>
          <button type="button" class="lang" onClick={switchLang} aria-label={t('languageLabel', current)}>
            {t('language', current)}
          </button>
        </header>
        {notice.value && (
          <p class="notice" role="status">
            {notice.value}
          </p>
        )}
        <p class="derived">{t('derivedNotice', current)}</p>
        <section>
          <h2>{t('layers', current)}</h2>
          <ul class="toggles">
            {GROUP_ORDER.map((g) => (
              <li key={g}>
                <label>
                  <input type="checkbox" checked={visible.value[g]} onChange={() => toggle(g)} />
                  {t(`group.${g}`, current)}
                </label>
              </li>
            ))}
          </ul>
        </section>
        <section>
          <h2>{t('legend', current)}</h2>
          {FAMILIES.filter((f) => f.id === 'eldercare' || f.id === 'childcare').map((family) => (
            <div key={family.id}>
              <h3>{current === 'zh' ? family.zh : family.en}</h3>
              <ul class="legend">
                {CATEGORIES.filter((c) => c.family === family.id).map((c) => (
                  <LegendRow key={c.id} info={c} count={counts.get(c.id) ?? 0} current={current} />
                ))}
              </ul>
            </div>
          ))}
          <h3>{current === 'zh' ? '其他' : 'Other'}</h3>
          <ul class="legend">
            {CATEGORIES.filter((c) => c.family !== 'eldercare' && c.family !== 'childcare').map((c) => (
              <LegendRow key={c.id} info={c} count={counts.get(c.id) ?? 0} current={current} />
            ))}
            <li class="legend-row">
              <span class="swatch line" style={{ background: RIVERFRONT_COLOUR }} />
              <span>{t('group.riverfront', current)}</span>
            </li>
            <li class="legend-row">
              <span class="swatch dashed" />
              <span>{t('group.circles', current)}</span>
            </li>
          </ul>
        </section>
      </aside>
      <button
        type="button"
        class="panel-toggle"
        onClick={() => {
          panelOpen.value = !panelOpen.value;
        }}
        aria-expanded={panelOpen.value}
      >
        {panelOpen.value ? t('hidePanel', current) : t('showPanel', current)}
      </button>
    </div>
  );
}
