import { effect } from '@preact/signals';
import type { Position } from 'geojson';
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { type CoverageAnswer, CoverageClient } from '../analysis/client';
import type { CoverageTable, FacilityPoint } from '../analysis/coverage/engine';
import type { SitingResult } from '../analysis/coverage/siting';
import { nearestByCategory } from '../analysis/nearest';
import { DEFAULT_STANDARDS } from '../analysis/standards';
import { CATEGORIES, COVERAGE_CATEGORIES } from '../core/categories';
import {
  clearImports,
  deleteImport,
  type ImportedLayer,
  loadImports,
  mergeImports,
  saveImport,
} from '../data/imports';
import type { LoadedData } from '../data/load';
import { MapController, YANGPU_BOUNDS } from '../map/MapController';
import { COVERAGE_CLASSES } from '../map/palette';
import { LAYER_GROUPS, type LayerGroup } from '../map/style';
import { CircleDetail } from './CircleDetail';
import { CoveragePanel } from './CoveragePanel';
import { Dashboard } from './Dashboard';
import { indexData } from './dataIndex';
import { beforeAfterCsv, download, downloadGeoJson, tableCsv } from './exporters';
import { FacilityCard } from './FacilityCard';
import { ImportPanel } from './ImportPanel';
import { type Lang, t } from './i18n';
import { LayersPanel } from './LayersPanel';
import { Nearby } from './Nearby';
import { ScenarioPanel } from './ScenarioPanel';
import { Search, type SearchItem } from './Search';
import {
  activeScenario,
  addingSite,
  encodeScenarios,
  newId,
  type Scenario,
  scenarios,
  storeScenarios,
} from './scenarios';
import {
  basemapUrl,
  category,
  embedMode,
  lang,
  notice,
  panelOpen,
  pushUrl,
  radiusM,
  readPixels,
  replaceUrl,
  residentPoint,
  selectedCircle,
  selectedFacility,
  syncFromUrl,
  type Tab,
  tab,
  testMode,
  view,
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
const TABS: { id: Tab; label: 'tabCoverage' | 'tabNearby' | 'tabLayers' }[] = [
  { id: 'coverage', label: 'tabCoverage' },
  { id: 'nearby', label: 'tabNearby' },
  { id: 'layers', label: 'tabLayers' },
];

function inYangpu([lon, lat]: [number, number]): boolean {
  const [w, s, e, n] = YANGPU_BOUNDS;
  return lon >= w && lon <= e && lat >= s && lat <= n;
}

export function App({ data: base }: { data: LoadedData }) {
  const [imports, setImports] = useState<ImportedLayer[]>([]);
  useEffect(() => {
    loadImports().then(setImports);
  }, []);
  // The defaults with the imports applied; the defaults themselves are never changed.
  const data = useMemo(() => mergeImports(base, imports, 'baby-room'), [base, imports]);
  const mapEl = useRef<HTMLElement>(null);
  const controller = useRef<MapController | null>(null);
  const client = useRef<CoverageClient | null>(null);
  const index = useMemo(() => indexData(data), [data]);
  const [table, setTable] = useState<CoverageTable | null>(null);
  const [gaps, setGaps] = useState<GeoJSON.FeatureCollection | null>(null);
  const [defaults, setDefaults] = useState<CoverageTable[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [workerMs, setWorkerMs] = useState<number | null>(null);
  const [nearbyMessage, setNearbyMessage] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const [scenarioResult, setScenarioResult] = useState<{
    before: CoverageTable;
    after: CoverageTable;
  } | null>(null);
  const [comparison, setComparison] = useState<{
    names: string[];
    rows: { name: string; shares: (number | null)[] }[];
  } | null>(null);
  const [suggestion, setSuggestion] = useState<SitingResult | null>(null);
  const [suggesting, setSuggesting] = useState(false);
  const active = scenarios.value.find((x) => x.id === activeScenario.value) ?? null;
  const scenarioSites = (sc: Scenario | null, cat: string): FacilityPoint[] =>
    (sc?.sites ?? [])
      .filter((x) => x.category === cat)
      .map((x) => ({ id: x.id, category: x.category, lonLat: x.lonLat }));
  const shown = useRef<{ response: CoverageAnswer; requestedAt: number; receivedAt: number } | null>(null);
  const current: Lang = lang.value;
  const radius = radiusM.value ?? DEFAULT_STANDARDS[category.value].radiusM;
  const riverfrontLines = useMemo(
    () =>
      data.layers.riverfront.features.map(
        (f) => (f.geometry as GeoJSON.LineString).coordinates as Position[],
      ),
    [data],
  );
  const facilityName = (id: string) => index.facilities.get(id)?.properties.name ?? id;

  // The worker, and a request to it whenever the category or distance signals change:
  // a signals effect runs at once (not after the next paint, as a component effect would).
  useEffect(() => {
    const { district, subdistricts, circles, residential, osmCoverage, riverEdge } = data.layers;
    const c = new CoverageClient({
      layers: { district, subdistricts, circles, residential, osmCoverage, riverEdge },
      facilities: index.points,
      riverfront: riverfrontLines,
    });
    client.current = c;
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
  }, [data, index, riverfrontLines]);

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

  // ... then recolour the map and redraw the gaps (of the scenario when one adds sites).
  useEffect(() => {
    const s = shown.current;
    if (!s || s.response.table !== table) return;
    const c = controller.current;
    c?.ready.then(() => {
      c.setFocusCategory(s.response.table.category === 'riverfront' ? null : s.response.table.category);
      if (scenarioResult) return;
      c.setCoverageTable(s.response.table);
      s.response.gaps.then((g) => {
        if (!g || shown.current !== s) return;
        c.setGaps(g.gaps);
        setGaps(g.gaps);
      });
    });
  }, [table]);

  // Scenario: coverage with the active scenario's sites of the shown category.
  useEffect(() => {
    const sites = scenarioSites(active, category.value);
    const c = client.current;
    if (!c || sites.length === 0) {
      if (scenarioResult) {
        setScenarioResult(null);
        const s = shown.current;
        if (s) {
          controller.current?.setCoverageTable(s.response.table);
          s.response.gaps.then((g) => {
            if (g && shown.current === s) {
              controller.current?.setGaps(g.gaps);
              setGaps(g.gaps);
            }
          });
        }
      }
      return;
    }
    let stale = false;
    const requestedAt = performance.now();
    c.scenario(category.value, radius, sites).then((r) => {
      if (stale) return;
      setScenarioResult({ before: r.before, after: r.after });
      if (testMode) {
        (window as unknown as { __yangpuScenario: unknown }).__yangpuScenario = {
          requestedAt,
          receivedAt: performance.now(),
          workerMs: r.ms,
          newlyCovered: r.after.district.coveredPopulation - r.before.district.coveredPopulation,
        };
      }
      controller.current?.setCoverageTable(r.after);
      r.gaps.then((g) => {
        if (stale) return;
        controller.current?.setGaps(g.gaps);
        setGaps(g.gaps);
      });
    });
    return () => {
      stale = true;
    };
  }, [active, category.value, radius]);

  // Scenarios persist (localStorage) and travel in the URL (?sc=).
  useEffect(() => {
    storeScenarios(scenarios.value);
    const params = new URLSearchParams(location.search);
    if (scenarios.value.length) params.set('sc', encodeScenarios(scenarios.value));
    else params.delete('sc');
    const next = params.toString();
    history.replaceState(null, '', `${location.pathname}${next ? `?${next}` : ''}${location.hash}`);
    controller.current?.ready.then(() =>
      controller.current?.setProposedSites(active?.sites ?? [], (id, lonLat) =>
        updateSites((list) => list.map((x) => (x.id === id ? { ...x, lonLat } : x))),
      ),
    );
    setComparison(null);
  }, [scenarios.value, activeScenario.value]);

  useEffect(() => {
    controller.current?.ready.then(() =>
      controller.current?.setSuggestedSites(
        suggestion ? suggestion.suggestions.map((x) => x.lonLat as [number, number]) : [],
      ),
    );
  }, [suggestion]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') addingSite.value = false;
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  // The map.
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
    c.ready.then(() => {
      const v = view.peek();
      if (v) c.jumpTo(v);
      c.onViewChange((next) => {
        view.value = next;
        replaceUrl();
      });
    });
    c.onClick(({ lonLat, facilityId, circleId }) => {
      if (addingSite.peek()) {
        addingSite.value = false;
        addSites([lonLat]);
        return;
      }
      if (facilityId) {
        selectedFacility.value = facilityId;
        pushUrl();
      } else if (tab.peek() === 'nearby') {
        residentPoint.value = lonLat;
        setNearbyMessage(null);
        pushUrl();
      } else if (circleId) {
        selectedCircle.value = circleId;
        selectedFacility.value = null;
        tab.value = 'coverage';
        pushUrl();
      }
    });
    if (testMode) window.__yangpuMap = c;
    const onPop = () => syncFromUrl();
    window.addEventListener('popstate', onPop);
    return () => {
      window.removeEventListener('popstate', onPop);
      c.destroy();
    };
  }, [base]);

  // Imports change the circles and facilities on the map.
  useEffect(() => {
    if (data === base) return;
    controller.current?.ready.then(() => controller.current?.updateData(data.layers));
  }, [data]);

  useEffect(() => {
    controller.current?.setLanguage(current);
    document.documentElement.lang = current === 'zh' ? 'zh-CN' : 'en';
    document.title = `${t('title', current)} · ${current === 'zh' ? 'Yangpu 15-minute life circles' : '杨浦15分钟社区生活圈'}`;
  }, [current]);

  useEffect(() => {
    for (const g of GROUP_ORDER) controller.current?.setLayerVisible(g, visible.value[g]);
  }, [visible.value]);

  // Selected circle: highlight it; load every category's table for its profile.
  useEffect(() => {
    const id = selectedCircle.value;
    controller.current?.ready.then(() => controller.current?.selectCircle(id, false));
    if (id && !defaults) client.current?.defaults().then(setDefaults);
  }, [selectedCircle.value]);

  // Selected facility: ring it.
  useEffect(() => {
    const f = selectedFacility.value ? index.facilities.get(selectedFacility.value) : undefined;
    controller.current?.ready.then(() =>
      controller.current?.highlightFacility(f ? f.geometry.coordinates : null),
    );
  }, [selectedFacility.value]);

  // The resident's point: nearest facility of every category, lines to them.
  const nearest = useMemo(
    () =>
      residentPoint.value
        ? nearestByCategory(residentPoint.value, index.points, COVERAGE_CATEGORIES, riverfrontLines)
        : [],
    [residentPoint.value, index, riverfrontLines],
  );
  useEffect(() => {
    const p = residentPoint.value;
    const targets = nearest
      .filter((r) => r.nearest[0] && r.category !== 'riverfront')
      .map((r) => r.nearest[0]!.lonLat);
    controller.current?.ready.then(() => controller.current?.setResident(p, targets));
  }, [nearest]);

  /** Change the active scenario's sites (creating a scenario when there is none). */
  function updateSites(change: (sites: Scenario['sites']) => Scenario['sites']): void {
    let list = scenarios.peek();
    let id = activeScenario.peek();
    if (!list.some((x) => x.id === id)) {
      const created: Scenario = {
        id: newId('S'),
        name: `${t('newScenario', lang.peek())} ${list.length + 1}`,
        sites: [],
      };
      list = [...list, created];
      id = created.id;
      activeScenario.value = id;
    }
    scenarios.value = list.map((x) => (x.id === id ? { ...x, sites: change(x.sites) } : x));
  }
  function addSites(points: Position[]): void {
    const cat = category.peek();
    if (cat === 'riverfront') return;
    updateSites((sites) => [
      ...sites,
      ...points.map((p, i) => ({
        id: newId('P'),
        name: `${CATEGORIES.find((c) => c.id === cat)?.[lang.peek()] ?? cat} #${sites.length + i + 1}`,
        category: cat,
        lonLat: [p[0]!, p[1]!] as [number, number],
      })),
    ]);
  }

  const go = (fn: () => void) => {
    fn();
    pushUrl();
  };
  const selectCircle = (id: string, fly = true) => {
    go(() => {
      selectedCircle.value = id;
      tab.value = 'coverage';
    });
    if (fly) controller.current?.selectCircle(id, true);
  };
  const selectFacility = (id: string) => {
    const f = index.facilities.get(id);
    go(() => {
      selectedFacility.value = id;
    });
    if (f) controller.current?.flyTo(f.geometry.coordinates, 15);
  };
  const onSearch = (item: SearchItem) => {
    if (item.kind === 'facility') selectFacility(item.id);
    else if (item.kind === 'circle') selectCircle(item.id);
    else if (item.kind === 'subdistrict' && item.lonLat) controller.current?.flyTo(item.lonLat, 13.5);
    else if (item.kind === 'unlocated') go(() => (tab.value = 'layers'));
  };
  const useLocation = () => {
    if (!('geolocation' in navigator)) return setNearbyMessage(t('locationUnavailable', current));
    navigator.geolocation.getCurrentPosition(
      (pos) => {
        const p: [number, number] = [pos.coords.longitude, pos.coords.latitude];
        if (!inYangpu(p)) return setNearbyMessage(t('locationOutside', current));
        setNearbyMessage(null);
        go(() => (residentPoint.value = p));
        controller.current?.flyTo(p, 15);
      },
      () => setNearbyMessage(t('locationUnavailable', current)),
      { timeout: 10_000 },
    );
  };
  const share = async () => {
    const url = location.href.replace(/([?&])test=1&?/, '$1').replace(/[?&]$/, '');
    try {
      await navigator.clipboard.writeText(url);
      setCopied(true);
      setTimeout(() => setCopied(false), 2500);
    } catch {
      window.prompt(t('share', current), url);
    }
  };
  const stamp = () => `${table?.category ?? 'coverage'}-${table?.radiusM ?? radius}m`;
  const exportCsv = () =>
    table &&
    download(
      new Blob([tableCsv(table)], { type: 'text/csv;charset=utf-8' }),
      `yangpu-circles-${stamp()}.csv`,
    );
  const exportGaps = () => gaps && downloadGeoJson(gaps, `yangpu-gaps-${stamp()}.geojson`);
  const exportPng = async () => {
    const c = controller.current;
    if (!c) return;
    const categoryLabel =
      category.value === 'riverfront'
        ? t('riverfrontAccess', current)
        : (CATEGORIES.find((x) => x.id === category.value)?.[current] ?? category.value);
    const blob = await c.exportPng({
      title: `${categoryLabel} · ${radius} ${t('metres', current)}`,
      rows: COVERAGE_CLASSES.map((k) => ({ colour: k.colour, label: k[current] })),
      attribution: `© OpenStreetMap contributors · 杨浦区公开信息 · ${data.layers.circles.features[0]?.properties?.derived === false ? 'circles imported' : 'circles derived'}`,
    });
    download(blob, `yangpu-map-${stamp()}.png`);
  };

  const exportSites = () =>
    active &&
    downloadGeoJson(
      {
        type: 'FeatureCollection',
        features: active.sites.map((x) => ({
          type: 'Feature',
          properties: { id: x.id, name: x.name, category: x.category, scenario: active.name, proposed: true },
          geometry: { type: 'Point', coordinates: x.lonLat },
        })),
      },
      'yangpu-scenario-sites.geojson',
    );
  const exportBeforeAfter = () =>
    scenarioResult &&
    download(
      new Blob([beforeAfterCsv(scenarioResult.before, scenarioResult.after)], {
        type: 'text/csv;charset=utf-8',
      }),
      `yangpu-scenario-${stamp()}.csv`,
    );
  const compare = async () => {
    const c = client.current;
    if (!c || !table) return;
    const results: { after: CoverageTable }[] = [];
    for (const sc of scenarios.value)
      results.push(await c.scenario(category.value, radius, scenarioSites(sc, category.value)));
    setComparison({
      names: scenarios.value.map((x) => x.name),
      rows: table.circles.map((circleRow, k) => ({
        name: circleRow.name,
        shares: [circleRow.populationShare, ...results.map((r) => r.after.circles[k]!.populationShare)],
      })),
    });
  };
  const suggest = async (count: number, onlySelected: boolean) => {
    const c = client.current;
    if (!c) return;
    setSuggesting(true);
    try {
      const r = await c.suggest(
        category.value,
        radius,
        scenarioSites(active, category.value),
        count,
        onlySelected && selectedCircle.value ? [selectedCircle.value] : undefined,
      );
      setSuggestion(r.result);
      if (testMode) (window as unknown as { __yangpuSuggestMs: number }).__yangpuSuggestMs = r.ms;
    } finally {
      setSuggesting(false);
    }
  };

  const facility = selectedFacility.value
    ? index.facilities.get(selectedFacility.value)?.properties
    : undefined;
  const circle = selectedCircle.value ? index.circles.get(selectedCircle.value)?.properties : undefined;
  const fullViewUrl = () => location.href.replace(/([?&])embed=1&?/, '$1').replace(/[?&]$/, '');

  if (embedMode) {
    return (
      <main class="layout embed">
        <section ref={mapEl} class="map" aria-label={t('title', current)} />
        <div class="embed-legend">
          <strong>{t('coverageLegend', current)}</strong>
          <ul class="legend">
            {COVERAGE_CLASSES.map((k) => (
              <li key={k.colour} class="legend-row">
                <span class="swatch" style={{ background: k.colour }} />
                <span>{k[current]}</span>
              </li>
            ))}
          </ul>
          <a href={fullViewUrl()} target="_blank" rel="noopener noreferrer">
            {t('openFull', current)} ↗
          </a>
        </div>
      </main>
    );
  }

  return (
    <main class={panelOpen.value ? 'layout' : 'layout collapsed'}>
      <section ref={mapEl} class="map" aria-label={t('title', current)} />
      <aside class="panel" aria-label={t('title', current)}>
        <header class="panel-header">
          <div>
            <h1>{t('title', current)}</h1>
            <p class="subtitle">{t('subtitle', current)}</p>
          </div>
          <button
            type="button"
            class="lang"
            lang={current === 'zh' ? 'en' : 'zh-CN'}
            title={t('languageLabel', current)}
            onClick={() => go(() => (lang.value = current === 'zh' ? 'en' : 'zh'))}
          >
            {t('language', current)}
          </button>
        </header>
        <Search lang={current} items={index.search(current)} onChoose={onSearch} />
        {notice.value && (
          <p class="notice" role="status">
            {notice.value}
          </p>
        )}
        {facility && (
          <FacilityCard
            lang={current}
            facility={facility}
            onClose={() => go(() => (selectedFacility.value = null))}
          />
        )}
        <div role="tablist" class="tabs" aria-label={t('title', current)}>
          {TABS.map((x) => (
            <button
              key={x.id}
              type="button"
              role="tab"
              id={`tab-${x.id}`}
              aria-selected={tab.value === x.id}
              aria-controls={`panel-${x.id}`}
              tabIndex={tab.value === x.id ? 0 : -1}
              onClick={() => go(() => (tab.value = x.id))}
              onKeyDown={(e) => {
                const i = TABS.findIndex((y) => y.id === tab.value);
                const next = e.key === 'ArrowRight' ? i + 1 : e.key === 'ArrowLeft' ? i - 1 : null;
                if (next === null) return;
                const target = TABS[(next + TABS.length) % TABS.length]!;
                go(() => (tab.value = target.id));
                document.getElementById(`tab-${target.id}`)?.focus();
              }}
            >
              {t(x.label, current)}
            </button>
          ))}
        </div>
        <div role="tabpanel" id={`panel-${tab.value}`} aria-labelledby={`tab-${tab.value}`} class="tabpanel">
          {tab.value === 'coverage' && (
            <>
              <p class="derived" data-testid="circles-origin">
                {data.layers.circles.features[0]?.properties?.derived === false
                  ? t('officialCircles', current)
                  : t('derivedNotice', current)}
              </p>
              {circle && (
                <CircleDetail
                  lang={current}
                  circle={circle}
                  row={table?.circles.find((c) => c.id === circle.id) ?? null}
                  defaults={defaults}
                  facilityName={facilityName}
                  onFacility={selectFacility}
                  onPoint={(p) => controller.current?.flyTo(p, 15)}
                  onClose={() => go(() => (selectedCircle.value = null))}
                />
              )}
              <CoveragePanel
                lang={current}
                category={category.value}
                radiusM={radius}
                table={table}
                busy={busy}
                workerMs={workerMs}
                facilityCount={index.counts.get(category.value) ?? 0}
                onCategory={(c) =>
                  go(() => {
                    category.value = c;
                    radiusM.value = null;
                  })
                }
                onRadius={(r) => go(() => (radiusM.value = r))}
                onCircle={(id) => selectCircle(id)}
              />
              <div class="buttons">
                <button type="button" onClick={share}>
                  {copied ? t('copied', current) : t('share', current)}
                </button>
                <button type="button" onClick={exportCsv} disabled={!table}>
                  {t('exportCsv', current)}
                </button>
                <button type="button" onClick={exportGaps} disabled={!gaps}>
                  {t('exportGaps', current)}
                </button>
                <button type="button" onClick={exportPng}>
                  {t('exportPng', current)}
                </button>
              </div>
              <ScenarioPanel
                lang={current}
                scenarios={scenarios.value}
                active={active}
                canAdd={category.value !== 'riverfront'}
                adding={addingSite.value}
                before={scenarioResult?.before ?? null}
                after={scenarioResult?.after ?? null}
                comparison={comparison}
                suggestion={suggestion}
                suggesting={suggesting}
                selectedCircle={selectedCircle.value}
                circleName={(id) =>
                  id ? (index.circles.get(id)?.properties[current === 'en' ? 'nameEn' : 'name'] ?? id) : '—'
                }
                onNewScenario={() => {
                  const created: Scenario = {
                    id: newId('S'),
                    name: `${t('newScenario', current)} ${scenarios.value.length + 1}`,
                    sites: [],
                  };
                  scenarios.value = [...scenarios.value, created];
                  activeScenario.value = created.id;
                }}
                onSelectScenario={(id) => {
                  activeScenario.value = id;
                }}
                onRenameScenario={(name) => {
                  scenarios.value = scenarios.value.map((x) =>
                    x.id === active?.id ? { ...x, name: name.slice(0, 60) } : x,
                  );
                }}
                onDeleteScenario={() => {
                  scenarios.value = scenarios.value.filter((x) => x.id !== active?.id);
                  activeScenario.value = scenarios.value[0]?.id ?? null;
                }}
                onStartAdding={() => {
                  addingSite.value = !addingSite.value;
                }}
                onRenameSite={(id, name) =>
                  updateSites((list) =>
                    list.map((x) => (x.id === id ? { ...x, name: name.slice(0, 60) } : x)),
                  )
                }
                onRemoveSite={(id) => updateSites((list) => list.filter((x) => x.id !== id))}
                onCompare={compare}
                onExportSites={exportSites}
                onExportBeforeAfter={exportBeforeAfter}
                onSuggest={suggest}
                onAcceptSuggestion={(indices) => {
                  if (!suggestion) return;
                  addSites(indices.map((i) => suggestion.suggestions[i]!.lonLat));
                  setSuggestion(null);
                }}
              />
              {table && (
                <Dashboard
                  lang={current}
                  table={table}
                  selected={selectedCircle.value}
                  onSelect={(id) => selectCircle(id)}
                />
              )}
            </>
          )}
          {tab.value === 'nearby' && (
            <Nearby
              lang={current}
              point={residentPoint.value}
              results={nearest}
              facilityName={facilityName}
              onFacility={selectFacility}
              onUseLocation={useLocation}
              onClear={() => go(() => (residentPoint.value = null))}
              message={nearbyMessage}
            />
          )}
          {tab.value === 'layers' && (
            <>
              <LayersPanel
                lang={current}
                visible={visible.value}
                counts={index.counts}
                unlocated={data.unlocated}
                onToggle={(g) => go(() => (visible.value = { ...visible.value, [g]: !visible.value[g] }))}
              />
              <ImportPanel
                lang={current}
                imports={imports}
                district={data.layers.district.features[0]?.geometry as GeoJSON.Polygon}
                targets={{
                  circles: data.layers.circles.features.map((f) => ({
                    id: String(f.properties?.id),
                    name: String(f.properties?.name),
                  })),
                  subdistricts: data.layers.subdistricts.features.map((f) => String(f.properties?.name)),
                }}
                onAccept={(layer) => {
                  setImports([...imports, layer]);
                  saveImport(layer).catch((e: Error) => {
                    notice.value = e.message;
                  });
                }}
                onRemove={(id) => {
                  setImports(imports.filter((l) => l.id !== id));
                  deleteImport(id).catch(() => {});
                }}
                onReset={() => {
                  setImports([]);
                  clearImports().catch(() => {});
                }}
                onExport={() =>
                  downloadGeoJson(
                    {
                      type: 'FeatureCollection',
                      features: [
                        ...data.layers.circles.features,
                        ...data.layers.eldercare.features,
                        ...data.layers.childcare.features,
                        ...data.layers.services.features,
                      ],
                    },
                    'yangpu-dataset.geojson',
                  )
                }
              />
            </>
          )}
        </div>
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
    </main>
  );
}
