/**
 * A fake map for the headless harness, in the manner of mapbox-gl-draw's test map: it
 * implements MapView (what the UI may ask of the map), records everything the app draws,
 * emits 'load' and 'idle', and lets tests click at a lon/lat (the hit is found on the data
 * the map was given: the nearest visible facility within `hitToleranceM`, else the circle
 * containing the point) or drag a proposed site's marker. Nothing is rendered: what a real
 * renderer makes of these calls is tested in Chromium (tests/browser).
 */
import type { FeatureCollection, Point, Position } from 'geojson';
import type { CoverageTable } from '../../src/analysis/coverage/engine';
import { distanceM, pointInGeometry } from '../../src/core/geo';
import type { Lang } from '../../src/core/lang';
import type { AccessOverlayKind } from '../../src/map/accessOverlay';
import type { NetworkEdits, ResidentTarget } from '../../src/map/drawings';
import type { PngLegend } from '../../src/map/exportPng';
import type { MapView, MapViewOptions, MapViewState } from '../../src/map/MapView';
import type { ProposedMarker } from '../../src/map/markers';
import type { MapHit, MapMode, ModeContext } from '../../src/map/modes';
import { coverageColour } from '../../src/map/palette';
import { focusPaint, type LayerGroup, type SourceData } from '../../src/map/style';

type Listener = () => void;
const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };
/** Facility groups, as the map's point layers. */
const POINT_GROUPS = ['eldercare', 'childcare', 'services'] as const;

/** What the app has drawn, as the fake recorded it. */
export interface Drawn {
  lang: Lang;
  visible: Record<LayerGroup, boolean>;
  data: SourceData;
  /** circle id → fill colour (MapController's feature state) */
  fills: Map<string, string>;
  /** the table behind the fills */
  table: CoverageTable | null;
  focus: string | null;
  /** the point layers' paint for the focus (style.ts focusPaint) */
  focusPaint: ReturnType<typeof focusPaint>;
  gaps: FeatureCollection;
  selected: string | null;
  highlight: Position | null;
  resident: { point: Position | null; targets: ResidentTarget[]; routes: Position[][] };
  place: FeatureCollection;
  /** the last fitPoints call */
  fitted: { points: Position[]; maxZoom: number } | null;
  resized: number;
  isochrones: FeatureCollection;
  edits: NetworkEdits;
  networkGraph: FeatureCollection;
  plannerHidden: boolean;
  access: { kind: AccessOverlayKind | null; data: FeatureCollection | null; items: number; hidden: boolean };
  proposed: ProposedMarker[];
  suggested: [number, number][];
  basemap: string | null;
  cursor: string;
}

export class FakeMap implements MapView {
  readonly ready: Promise<void>;
  readonly drawn: Drawn;
  /** every call the app made, by method name, in order (for tests of "drawn again") */
  readonly calls: string[] = [];
  view: MapViewState = { zoom: 12, lon: 121.53, lat: 31.29 };
  hitToleranceM = 25;
  destroyed = false;
  /** set by a test to make the next exportPng fail (the UI's message is tested) */
  exportFails: string | null = null;
  private mode: MapMode | null = null;
  private readonly listeners = new Map<string, Listener[]>();
  private readonly viewHandlers: ((v: MapViewState) => void)[] = [];
  private onMove: ((id: string, lonLat: [number, number]) => void) | null = null;
  private idleTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly options: MapViewOptions;
  private readonly modeContext: ModeContext = {
    setCursor: (cursor) => {
      this.drawn.cursor = cursor;
    },
  };

  constructor(options: MapViewOptions) {
    this.options = options;
    this.drawn = {
      lang: options.lang,
      visible: { ...options.visible },
      data: options.data,
      fills: new Map(),
      table: null,
      focus: null,
      focusPaint: focusPaint(null),
      gaps: EMPTY,
      selected: null,
      highlight: null,
      resident: { point: null, targets: [], routes: [] },
      isochrones: EMPTY,
      edits: { gates: [], closures: [], suggested: [], pending: null },
      networkGraph: EMPTY,
      plannerHidden: false,
      access: { kind: null, data: null, items: 0, hidden: false },
      place: { type: 'FeatureCollection', features: [] },
      fitted: null,
      resized: 0,
      proposed: [],
      suggested: [],
      basemap: options.basemapStyleUrl,
      cursor: '',
    };
    this.ready = new Promise((resolve) => this.once('load', resolve));
    // 'load' on a later task, as a real map's style load
    setTimeout(() => this.fire('load'), 0);
  }

  // --- events -------------------------------------------------------------------------

  on(type: string, fn: Listener): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), fn]);
  }

  once(type: string, fn: Listener): void {
    const wrapped = () => {
      this.listeners.set(
        type,
        (this.listeners.get(type) ?? []).filter((f) => f !== wrapped),
      );
      fn();
    };
    this.on(type, wrapped);
  }

  fire(type: string): void {
    for (const fn of [...(this.listeners.get(type) ?? [])]) fn();
  }

  /** Resolves on the next 'idle' (one is emitted on a later task after every change). */
  idle(): Promise<void> {
    return new Promise((resolve) => {
      this.once('idle', resolve);
      this.changed();
    });
  }

  private changed(what?: string): void {
    if (what) this.calls.push(what);
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => {
      this.idleTimer = null;
      this.fire('idle');
    }, 0);
  }

  // --- what a test does -----------------------------------------------------------------

  /** What a click at `lonLat` hits (as MapController's hitAt, on the data instead of pixels). */
  hitAt(lonLat: [number, number]): MapHit {
    let facilityId: string | null = null;
    let best = this.hitToleranceM;
    for (const group of POINT_GROUPS) {
      if (!this.drawn.visible[group]) continue;
      for (const f of this.drawn.data[group].features) {
        const d = distanceM(lonLat, (f.geometry as Point).coordinates);
        if (d <= best && typeof f.properties?.id === 'string') {
          best = d;
          facilityId = f.properties.id;
        }
      }
    }
    let circleId: string | null = null;
    if (this.drawn.visible.circles) {
      const c = this.drawn.data.circles.features.find((f) =>
        pointInGeometry(lonLat, f.geometry as GeoJSON.Polygon | GeoJSON.MultiPolygon),
      );
      if (typeof c?.properties?.id === 'string') circleId = c.properties.id;
    }
    return { lonLat, facilityId, circleId };
  }

  /** Click the map at a lon/lat: the running mode gets the hit, as from MapLibre's click. */
  clickAt(lonLat: [number, number]): MapHit {
    const hit = this.hitAt(lonLat);
    this.mode?.onClick(hit, this.modeContext);
    return hit;
  }

  /** Drag a proposed site's marker to `lonLat` (the marker's dragend). */
  dragSite(id: string, lonLat: [number, number]): void {
    if (!this.drawn.proposed.some((s) => s.id === id)) throw new Error(`no proposed site ${id} on the map`);
    this.onMove?.(id, lonLat);
  }

  /** Move the view as a user's pan/zoom would (moveend). */
  moveTo(view: MapViewState): void {
    this.view = { ...view };
    for (const h of this.viewHandlers) h(this.view);
    this.changed('move');
  }

  /** The fill each circle should have for the shown table, and the one it has. */
  fillsVsTable(): { id: string; want: string; fill: string | undefined }[] {
    return (this.drawn.table?.circles ?? []).map((c) => ({
      id: c.id,
      want: coverageColour(c.populationShare),
      fill: this.drawn.fills.get(c.id),
    }));
  }

  // --- MapView ----------------------------------------------------------------------------

  get modeId(): string | null {
    return this.mode?.id ?? null;
  }

  async setBasemap(url: string | null): Promise<void> {
    if (url?.includes('fail')) {
      this.options.onBasemapFailed?.(`could not load ${url}`);
      return;
    }
    this.drawn.basemap = url;
    this.changed('setBasemap');
  }

  setLayerVisible(group: LayerGroup, visible: boolean): void {
    this.drawn.visible[group] = visible;
    this.changed('setLayerVisible');
  }

  updateData(data: SourceData): void {
    this.drawn.data = data;
    this.drawn.fills.clear();
    this.changed('updateData');
  }

  setCoverageTable(table: CoverageTable): void {
    this.drawn.table = table;
    for (const row of table.circles) this.drawn.fills.set(row.id, coverageColour(row.populationShare));
    this.changed('setCoverageTable');
  }

  setFocusCategory(category: string | null): void {
    this.drawn.focus = category;
    this.drawn.focusPaint = focusPaint(category);
    this.changed('setFocusCategory');
  }

  setGaps(gaps: FeatureCollection): void {
    this.drawn.gaps = gaps;
    this.changed('setGaps');
  }

  selectCircle(id: string | null, fly = false): void {
    this.drawn.selected = id;
    this.changed('selectCircle');
    const f = fly && id ? this.drawn.data.circles.features.find((x) => x.properties?.id === id) : undefined;
    if (f) {
      const ring = (f.geometry as GeoJSON.Polygon).coordinates?.[0] ?? [];
      const lon = ring.reduce((s, p) => s + p[0]!, 0) / Math.max(ring.length, 1);
      const lat = ring.reduce((s, p) => s + p[1]!, 0) / Math.max(ring.length, 1);
      this.moveTo({ zoom: 14, lon, lat });
    }
  }

  setMode(mode: MapMode): void {
    if (this.mode === mode) return;
    this.mode?.onStop?.(this.modeContext);
    this.mode = mode;
    mode.onSetup?.(this.modeContext);
    this.changed('setMode');
  }

  setProposedSites(sites: ProposedMarker[], onMove: (id: string, lonLat: [number, number]) => void): void {
    this.drawn.proposed = sites.map((s) => ({ ...s }));
    this.onMove = onMove;
    this.changed('setProposedSites');
  }

  setSuggestedSites(points: [number, number][]): void {
    this.drawn.suggested = points;
    this.changed('setSuggestedSites');
  }

  highlightFacility(lonLat: Position | null): void {
    this.drawn.highlight = lonLat;
    this.changed('highlightFacility');
  }

  setPlace(fc: FeatureCollection): void {
    this.drawn.place = fc;
    this.changed('setPlace');
  }

  fitPoints(points: Position[], maxZoom = 16): void {
    this.drawn.fitted = { points, maxZoom };
    this.changed('fitPoints');
  }

  resize(): void {
    this.drawn.resized++;
    this.changed('resize');
  }

  setResident(point: Position | null, targets: ResidentTarget[] = [], routes: Position[][] = []): void {
    this.drawn.resident = { point, targets, routes };
    this.changed('setResident');
  }

  setNetworkEdits(edits: NetworkEdits): void {
    this.drawn.edits = edits;
    this.changed('setNetworkEdits');
  }

  setNetworkGraph(fc: FeatureCollection): void {
    this.drawn.networkGraph = fc;
    this.changed('setNetworkGraph');
  }

  setIsochrones(fc: FeatureCollection): void {
    this.drawn.isochrones = fc;
    this.changed('setIsochrones');
  }

  hidePlannerLayers(hidden: boolean): void {
    this.drawn.plannerHidden = hidden;
    this.changed('hidePlannerLayers');
  }

  setAccessLayer(kind: AccessOverlayKind | null, data: FeatureCollection | null, items = 0): void {
    this.drawn.access = { ...this.drawn.access, kind: data ? kind : null, data, items };
    this.changed('setAccessLayer');
  }

  setAccessHidden(hidden: boolean): void {
    this.drawn.access = { ...this.drawn.access, hidden };
    this.changed('setAccessHidden');
  }

  get accessState(): { kind: AccessOverlayKind | null; features: number } {
    const a = this.drawn.access;
    return { kind: a.kind, features: a.kind && a.data ? a.data.features.length : 0 };
  }

  flyTo(lonLat: Position, zoom = 15): void {
    this.moveTo({ zoom: Math.max(this.view.zoom, zoom), lon: lonLat[0]!, lat: lonLat[1]! });
  }

  onViewChange(handler: (view: MapViewState) => void): void {
    this.viewHandlers.push(handler);
  }

  fitAround(center: Position, radiusM: number): void {
    // 2 × radius across a ~400 px frame: zoom where the square fits (at 31.3°N)
    const metresPerPx = (2 * radiusM) / 400;
    const zoom = Math.log2((156_543 * Math.cos((31.3 * Math.PI) / 180)) / metresPerPx);
    this.view = { zoom, lon: center[0]!, lat: center[1]! };
    this.changed('fitAround');
  }

  jumpTo(view: MapViewState): void {
    this.view = { ...view };
    this.changed('jumpTo');
  }

  async exportPng(legend: PngLegend): Promise<Blob> {
    this.calls.push('exportPng');
    if (this.exportFails) throw new Error(this.exportFails);
    // a PNG signature and the legend as text: the UI's part (file name, legend) is what is tested here
    return new Blob([new Uint8Array([0x89, 0x50, 0x4e, 0x47]), JSON.stringify(legend)], {
      type: 'image/png',
    });
  }

  setLanguage(lang: Lang): void {
    this.drawn.lang = lang;
    this.changed('setLanguage');
  }

  destroy(): void {
    this.destroyed = true;
    if (this.idleTimer) clearTimeout(this.idleTimer);
  }
}
