/**
 * The map follows the signals: one controller is made for the map element, and effects
 * draw what the features hold (coverage, gaps, selection, the resident's point, scenario
 * sites) and choose the interaction mode. Returns a function that undoes it all.
 */
import { effect } from '@preact/signals';
import { TIER_RADIUS_M } from '../../analysis/standards';
import type { MapView } from '../../map/MapView';
import type { LayerGroup } from '../../map/style';
import {
  distanceInForce,
  networkLines,
  onNetwork,
  selectedCircle,
  shownGaps,
  table,
} from '../coverage/state';
import { selectedFacility } from '../facility/state';
import { t } from '../i18n';
import { visible } from '../layers/state';
import { dropPointMode } from '../nearby/dropPointMode';
import { nearest, residentPoint, walks } from '../nearby/state';
import { openingView, straightTargets } from '../nearby/view';
import { addSiteMode } from '../scenarios/addSiteMode';
import { addGateMode, closeLinkMode } from '../scenarios/networkModes';
import {
  active,
  addingSite,
  gateStart,
  gateSuggestion,
  networkEdit,
  scenarioResult,
  scenarios,
  suggestion,
} from '../scenarios/state';
import { place, placeFeatures } from '../search/place';
import { selectMode } from './selectMode';
import { services } from './services';
import { baseData, controller, data, flags, index, lang, notice, panelOpen, tab, view } from './state';
import { exposeMap } from './testHooks';

/**
 * Run `draw` after the browser has painted the numbers (numbers first, then the map);
 * a newer call replaces one still waiting.
 */
function afterPaint(): (draw: () => void) => void {
  let frame = 0;
  return (draw) => {
    cancelAnimationFrame(frame);
    frame = requestAnimationFrame(() => setTimeout(draw, 0));
  };
}

const EMPTY: GeoJSON.FeatureCollection = { type: 'FeatureCollection', features: [] };

function drawEffects(c: MapView): (() => void)[] {
  const coverageLater = afterPaint();
  const gapsLater = afterPaint();
  let drawnData = data.peek();
  return [
    effect(() => {
      const l = lang.value;
      c.setLanguage(l);
      document.documentElement.lang = l === 'zh' ? 'zh-CN' : 'en';
      document.title = `${t('title', l)} · ${l === 'zh' ? 'Yangpu 15-minute life circles' : '杨浦15分钟社区生活圈'}`;
    }),
    effect(() => {
      for (const [g, on] of Object.entries(visible.value)) c.setLayerVisible(g as LayerGroup, on);
    }),
    effect(() => {
      const d = data.value;
      if (d && d !== drawnData) c.updateData(d.layers);
      drawnData = d;
    }),
    effect(() => {
      const shown = scenarioResult.value?.after ?? table.value;
      if (!shown) return;
      coverageLater(() => {
        c.setFocusCategory(shown.category === 'riverfront' ? null : shown.category);
        c.setCoverageTable(shown);
      });
    }),
    effect(() => {
      const g = shownGaps.value;
      gapsLater(() => c.setGaps(g ?? EMPTY));
    }),
    effect(() => {
      // network mode: the walking graph the distances are measured on
      const lines = onNetwork(distanceInForce.value) ? networkLines.value : null;
      c.setNetworkGraph(lines ?? EMPTY);
    }),
    effect(() => c.selectCircle(selectedCircle.value, false)),
    effect(() => {
      const f = selectedFacility.value ? index.value?.facilities.get(selectedFacility.value) : undefined;
      c.highlightFacility(f ? f.geometry.coordinates : null);
    }),
    effect(() => {
      // walking routes where the network reaches; straight dashed lines for the rest
      const w = walks.value;
      const walked = new Set(w?.categories.map((x) => x.category) ?? []);
      const targets = straightTargets(nearest.value, walked, selectedFacility.value, lang.value);
      c.setResident(residentPoint.value, targets, w?.categories.map((x) => x.route) ?? []);
      c.setIsochrones({
        type: 'FeatureCollection',
        features: (w?.isochrones ?? [])
          .slice()
          .reverse()
          .map((i) => ({
            type: 'Feature',
            properties: { minutes: i.minutes, metres: i.metres },
            geometry: i.geometry,
          })),
      });
    }),
    effect(() => c.hidePlannerLayers(tab.value === 'nearby')),
    effect(() => c.setPlace(placeFeatures(place.value, index.value?.streets))),
    effect(() => {
      // the map takes the space the panel leaves (MapLibre also watches its container)
      panelOpen.value;
      requestAnimationFrame(() => c.resize());
    }),
    effect(() => {
      c.setProposedSites(active.value?.sites ?? [], (id, lonLat) => {
        scenarios.value = scenarios
          .peek()
          .map((sc) =>
            sc.id === active.peek()?.id
              ? { ...sc, sites: sc.sites.map((x) => (x.id === id ? { ...x, lonLat } : x)) }
              : sc,
          );
      });
    }),
    effect(() =>
      c.setSuggestedSites((suggestion.value?.suggestions ?? []).map((x) => x.lonLat as [number, number])),
    ),
    effect(() => {
      const edit = networkEdit.value;
      c.setMode(
        addingSite.value
          ? addSiteMode
          : edit === 'gate'
            ? addGateMode
            : edit === 'closure'
              ? closeLinkMode
              : tab.value === 'nearby'
                ? dropPointMode
                : selectMode,
      );
    }),
    effect(() => {
      const sc = active.value;
      c.setNetworkEdits({
        gates: (sc?.gates ?? []).map((g) => ({ id: g.id, line: [g.a, g.b] })),
        closures: (sc?.closures ?? []).map((x) => ({ id: x.id, at: x.at })),
        suggested: (gateSuggestion.value ?? []).map((g, i) => ({ rank: i + 1, line: [g.a, g.b] })),
        pending: gateStart.value,
      });
    }),
  ];
}

/** Make the map in `container` and keep it in step with the app's state. */
export function attachMap(container: HTMLElement): () => void {
  const d = baseData.peek();
  if (!d) throw new Error('attachMap before the data was loaded');
  const c = services.makeMap({
    container,
    data: data.peek()?.layers ?? d.layers,
    lang: lang.peek(),
    basemapStyleUrl: flags.basemap,
    preserveDrawingBuffer: flags.pixels,
    visible: visible.peek(),
    onBasemapFailed: () => {
      notice.value = t('basemapFailed', lang.peek());
    },
  });
  exposeMap(c);
  const disposers: (() => void)[] = [];
  let alive = true;
  c.ready.then(() => {
    if (!alive) return;
    const opening = openingView({
      view: view.peek(),
      at: residentPoint.peek(),
      embedNearby: flags.embed && tab.peek() === 'nearby',
      results: nearest.peek(),
    });
    if (opening.kind === 'view') c.jumpTo(opening.view);
    // the resident widget opens on its place and the 15-minute walk (1000 m) around it
    else if (opening.kind === 'around') c.fitAround(opening.at, TIER_RADIUS_M[15]);
    // a shared at= link opens on the place and its nearest sites
    else if (opening.kind === 'fit') c.fitPoints(opening.points);
    c.onViewChange((next) => {
      view.value = next;
    });
    disposers.push(...drawEffects(c));
    controller.value = c;
  });
  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      addingSite.value = false;
      networkEdit.value = null;
    }
  };
  window.addEventListener('keydown', onKey);
  return () => {
    alive = false;
    window.removeEventListener('keydown', onKey);
    for (const dispose of disposers) dispose();
    controller.value = null;
    exposeMap(null);
    c.destroy();
  };
}
