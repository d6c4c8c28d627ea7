import { effect } from '@preact/signals';
import type { Position } from 'geojson';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { type CoverageAnswer, CoverageClient } from '../analysis/client';
import type { CoverageTable, FacilityPoint } from '../analysis/coverage/engine';
import { DEFAULT_STANDARDS } from '../analysis/standards';
import { CATEGORIES, type CategoryInfo, FAMILIES } from '../data/categories';
import type { LoadedData } from '../data/load';
import { MapController } from '../map/MapController';
import { CATEGORY_COLOURS, RIVERFRONT_COLOUR } from '../map/palette';
import { LAYER_GROUPS, type LayerGroup } from '../map/style';
import { CoveragePanel } from './CoveragePanel';
import { type Lang, t } from './i18n';
import {
  basemapUrl,
  category,
  lang,
  notice,
  panelOpen,
  pushUrl,
  radiusM,
  readPixels,
  syncFromUrl,
  testMode,
  visible,
} from './state';

declare global {
  interface Window {
    /** exposed only with ?test=1, for the browser tests */
    __yangpuMap?: MapController;
    /**
     * Exposed only with ?test=1: the last coverage shown, when it was requested and when its
     * numbers reached the DOM (ms, performance.now), and the main-thread time from the
     * worker's answer to that DOM update.
     */
    __yangpuCoverage?: {
      table: CoverageTable;
      shownAt: number;
      requestedAt: number;
      receivedAt: number;
      mainThreadMs: number;
      workerMs: number;
    };
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

function facilityPoints(data: LoadedData): FacilityPoint[] {
  return [data.layers.eldercare, data.layers.childcare, data.layers.services].flatMap((fc) =>
    fc.features.map((f) => ({
      id: String(f.properties?.id),
      category: String(f.properties?.category),
      lonLat: (f.geometry as GeoJSON.Point).coordinates,
    })),
  );
}

export function App({ data }: { data: LoadedData }) {
  const mapEl = useRef<HTMLElement>(null);
  const controller = useRef<MapController | null>(null);
  const [counts] = useState(() => countByCategory(data));
  const [table, setTable] = useState<CoverageTable | null>(null);
  const [busy, setBusy] = useState(false);
  const [workerMs, setWorkerMs] = useState<number | null>(null);
  const shown = useRef<{ response: CoverageAnswer; requestedAt: number; receivedAt: number } | null>(null);
  const current = lang.value;
  const radius = radiusM.value ?? DEFAULT_STANDARDS[category.value].radiusM;

  // The worker, and a request to it whenever the category or distance signals change:
  // a signals effect runs at once (not after the next paint, as a component effect would).
  useEffect(() => {
    const { district, subdistricts, circles, residential, osmCoverage, riverEdge, riverfront } = data.layers;
    const c = new CoverageClient({
      layers: { district, subdistricts, circles, residential, osmCoverage, riverEdge },
      facilities: facilityPoints(data),
      riverfront: riverfront.features.map(
        (f) => (f.geometry as GeoJSON.LineString).coordinates as Position[],
      ),
    });
    const dispose = effect(() => {
      const cat = category.value;
      const r = radiusM.value ?? DEFAULT_STANDARDS[cat].radiusM;
      const requestedAt = performance.now();
      setBusy(true);
      c.coverage(cat, r)
        .then((response) => {
          if (!response) return; // superseded by a newer request
          shown.current = { response, requestedAt, receivedAt: performance.now() };
          setTable(response.table);
          setWorkerMs(response.ms);
          setBusy(false);
        })
        .catch((e: Error) => {
          setBusy(false);
          notice.value = e.message;
        });
    });
    return () => {
      dispose();
      c.terminate();
    };
  }, [data]);

  // Numbers first: stamp when the new table is in the DOM (before paint) ...
  useLayoutEffect(() => {
    const s = shown.current;
    if (!s || s.response.table !== table || !testMode) return;
    const now = performance.now();
    window.__yangpuCoverage = {
      table: s.response.table,
      shownAt: now,
      requestedAt: s.requestedAt,
      receivedAt: s.receivedAt,
      mainThreadMs: now - s.receivedAt,
      workerMs: s.response.ms,
    };
  }, [table]);

  // ... then recolour the map and redraw the gaps.
  useEffect(() => {
    const s = shown.current;
    if (!s || s.response.table !== table) return;
    const c = controller.current;
    c?.ready.then(() => {
      c.setCoverageTable(s.response.table);
      c.setFocusCategory(s.response.table.category === 'riverfront' ? null : s.response.table.category);
      s.response.gaps.then((g) => {
        if (g && shown.current === s) c.setGaps(g.gaps);
      });
    });
  }, [table]);

  useEffect(() => {
    if (!mapEl.current) return;
    const c = new MapController({
      container: mapEl.current,
      data: data.layers,
      lang: lang.peek(),
      basemapStyleUrl: basemapUrl,
      preserveDrawingBuffer: readPixels,
      visible: visible.peek(),
      onBasemapFailed: () => {
        notice.value = t('basemapFailed', lang.peek());
      },
    });
    controller.current = c;
    c.onCircleClick((id) => c.selectCircle(id));
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
        <CoveragePanel
          lang={current}
          category={category.value}
          radiusM={radius}
          table={table}
          busy={busy}
          workerMs={workerMs}
          facilityCount={counts.get(category.value) ?? 0}
          onCategory={(c) => {
            category.value = c;
            radiusM.value = null;
            pushUrl();
          }}
          onRadius={(r) => {
            radiusM.value = r;
            pushUrl();
          }}
          onCircle={(id) => controller.current?.selectCircle(id, true)}
        />
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
