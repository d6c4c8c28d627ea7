/**
 * The one owner of the MapLibre map: sources, layers, visibility, language, interaction
 * modes and the optional online basemap. UI code talks to it through MapView (./MapView.ts),
 * never to MapLibre.
 * It keeps what it draws (coverage colours, gaps, selection, the resident's point, the
 * focus category) and draws it again after a style change (an online basemap's setStyle).
 */
import type { FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import {
  type GeoJSONSource,
  type LayerSpecification,
  Map as MapLibreMap,
  NavigationControl,
  ScaleControl,
  type StyleSpecification,
  setWorkerUrl,
} from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { AccessOverlay, type AccessOverlayKind } from './accessOverlay';
import 'maplibre-gl/dist/maplibre-gl.css';
import type { CoverageTable } from '../analysis/coverage/engine';
import { DISTRICT_BBOX, MAP_BOUNDS } from '../core/extent';
import { geometryBBox } from '../core/geo';
import type { Lang } from '../core/lang';
import { MapAttribution } from './attribution';
import { fetchOnlineStyle, mergeStyles } from './basemap';
import {
  labelPoints,
  type NetworkEdits,
  networkEditFeatures,
  type ResidentTarget,
  residentFeatures,
} from './drawings';
import { exportMapPng, type PngLegend } from './exportPng';
import { fitAround, fitPoints } from './fit';
import { CIRCLE_FILL, LABEL_LAYERS, PLANNER_LAYERS, POINT_LAYERS, RIVERFRONT_LABEL, SOURCE } from './ids';
import { hatchPattern } from './images';
import type { MapView, MapViewOptions } from './MapView';
import { type ProposedMarker, SiteMarkers } from './markers';
import type { MapHit, MapMode, ModeContext } from './modes';
import { coverageColour } from './palette';
import { PLACE_SOURCE } from './residentLayers';
import {
  ATTRIBUTION_DERIVED,
  ATTRIBUTION_IMPORTED,
  ATTRIBUTION_OFFICIAL,
  ATTRIBUTION_OSM,
  buildStyle,
  focusPaint,
  GAP_PATTERN,
  LAYER_GROUPS,
  type LayerGroup,
  LOCAL_IDEOGRAPH_FONTS,
  labelField,
  riverfrontLabel,
  type SourceData,
} from './style';

setWorkerUrl(workerUrl);

export type { NetworkEdits } from './drawings';

/** The options MapView names (the container, the data, language, basemap, visibility). */
export type MapControllerOptions = MapViewOptions;

const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };

/** What the controller has drawn beyond the style itself (restored after a style change). */
interface Drawn {
  fills: Map<string, string>;
  gaps: FeatureCollection;
  focus: string | null;
  selected: string | null;
  highlight: Position | null;
  resident: { point: Position | null; targets: ResidentTarget[]; routes: Position[][] };
  place: FeatureCollection;
  isochrones: FeatureCollection;
  plannerHidden: boolean;
  edits: NetworkEdits;
  networkGraph: FeatureCollection;
}

export class MapController implements MapView {
  readonly map: MapLibreMap;
  /** resolves when the style and data are drawn for the first time */
  readonly ready: Promise<void>;
  private lang: Lang;
  private visible: Record<LayerGroup, boolean>;
  private data: SourceData;
  private readonly options: MapControllerOptions;
  private readonly drawn: Drawn = {
    fills: new Map(),
    gaps: EMPTY,
    focus: null,
    selected: null,
    highlight: null,
    resident: { point: null, targets: [], routes: [] },
    place: EMPTY,
    isochrones: EMPTY,
    plannerHidden: false,
    edits: { gates: [], closures: [], suggested: [], pending: null },
    networkGraph: EMPTY,
  };
  private readonly markers: SiteMarkers;
  private readonly attribution: MapAttribution;
  private derivedCircles = true;
  private mode: MapMode | null = null;
  private readonly modeContext: ModeContext = {
    setCursor: (cursor) => {
      this.map.getCanvas().style.cursor = cursor;
    },
  };
  private styleLoads = 0;
  private readonly access: AccessOverlay;

  constructor(options: MapControllerOptions) {
    this.options = options;
    this.data = options.data;
    this.lang = options.lang;
    this.visible = { ...options.visible };
    this.map = new MapLibreMap({
      container: options.container,
      style: this.embeddedStyle(),
      bounds: DISTRICT_BBOX,
      fitBoundsOptions: { padding: 20 },
      maxBounds: MAP_BOUNDS,
      minZoom: 10,
      maxZoom: 18,
      attributionControl: false,
      localIdeographFontFamily: LOCAL_IDEOGRAPH_FONTS,
      canvasContextAttributes: { preserveDrawingBuffer: options.preserveDrawingBuffer ?? false },
      dragRotate: false,
      pitchWithRotate: false,
    });
    this.map.touchZoomRotate.disableRotation();
    this.map.addControl(new NavigationControl({ showCompass: false }), 'top-right');
    this.map.addControl(new ScaleControl({ unit: 'metric' }), 'bottom-right');
    this.attribution = new MapAttribution(this.map, () => this.keptPoints());
    this.setAttribution(options.data.circles.features[0]?.properties?.derived !== false);
    this.markers = new SiteMarkers(this.map);
    this.access = new AccessOverlay(this.map);
    // Every style (the embedded one or an online basemap) gets the hatch and what we drew.
    this.map.on('style.load', () => {
      this.addImages();
      if (this.styleLoads++ > 0) this.restore();
    });
    this.map.on('styleimagemissing', (e) => {
      if (e.id === GAP_PATTERN) this.addImages();
    });
    this.map.on('click', (e) => this.mode?.onClick(this.hitAt(e.point, e.lngLat), this.modeContext));
    for (const id of POINT_LAYERS) {
      this.map.on('mouseenter', id, () => this.modeContext.setCursor('pointer'));
      this.map.on('mouseleave', id, () => this.modeContext.setCursor(''));
    }
    this.ready = new Promise((resolve) => this.map.once('load', () => resolve()));
    if (options.basemapStyleUrl) void this.setBasemap(options.basemapStyleUrl);
  }

  private addImages(): void {
    if (!this.map.hasImage(GAP_PATTERN)) this.map.addImage(GAP_PATTERN, hatchPattern());
  }

  private embeddedStyle(): StyleSpecification {
    const style = buildStyle(this.data, this.lang);
    // Subdistrict and circle labels are drawn at one point each, well inside the polygon
    // (a polygon source would repeat its label in every tile it crosses).
    style.sources[SOURCE.subdistrictLabels] = { type: 'geojson', data: labelPoints(this.data.subdistricts) };
    style.sources[SOURCE.circleLabels] = { type: 'geojson', data: labelPoints(this.data.circles) };
    for (const layer of style.layers) {
      if (layer.id === 'subdistrict-label') (layer as { source: string }).source = SOURCE.subdistrictLabels;
      if (layer.id === 'circle-label') (layer as { source: string }).source = SOURCE.circleLabels;
      this.applyVisibility(layer);
    }
    return style;
  }

  private applyVisibility(layer: LayerSpecification): void {
    for (const [group, ids] of Object.entries(LAYER_GROUPS) as [LayerGroup, readonly string[]][]) {
      if (ids.includes(layer.id)) {
        layer.layout = { ...(layer.layout ?? {}), visibility: this.visible[group] ? 'visible' : 'none' };
      }
    }
  }

  /**
   * Draw our layers over an online style (or back on the embedded style with null). If the
   * style cannot be used, the embedded one stays and onBasemapFailed says why.
   */
  async setBasemap(url: string | null): Promise<void> {
    try {
      const style = url
        ? mergeStyles(await fetchOnlineStyle(url), this.embeddedStyle())
        : this.embeddedStyle();
      this.map.setStyle(style, { diff: false });
    } catch (e) {
      this.options.onBasemapFailed?.((e as Error).message);
    }
  }

  /** Draw again, on a new style, everything the controller drew on the old one. */
  private restore(): void {
    const d = this.drawn;
    this.setLanguage(this.lang);
    this.setGaps(d.gaps);
    this.highlightFacility(d.highlight);
    this.setResident(d.resident.point, d.resident.targets, d.resident.routes);
    this.setIsochrones(d.isochrones);
    this.setPlace(d.place);
    this.setNetworkEdits(d.edits);
    this.setNetworkGraph(d.networkGraph);
    this.hidePlannerLayers(d.plannerHidden);
    this.setFocusCategory(d.focus);
    for (const [id, fill] of d.fills) this.map.setFeatureState({ source: SOURCE.circles, id }, { fill });
    if (d.selected) this.map.setFeatureState({ source: SOURCE.circles, id: d.selected }, { selected: true });
  }

  setLayerVisible(group: LayerGroup, visible: boolean): void {
    this.visible[group] = visible;
    for (const id of LAYER_GROUPS[group]) {
      const hidden = this.drawn.plannerHidden && (PLANNER_LAYERS as readonly string[]).includes(id);
      if (this.map.getLayer(id))
        this.map.setLayoutProperty(id, 'visibility', visible && !hidden ? 'visible' : 'none');
    }
  }

  /**
   * The attribution in the map's language; it names the derived circle boundaries only while
   * they are shown. Compact (folded to its ⓘ button) on small maps; see attribution.ts.
   */
  private setAttribution(derivedCircles: boolean): void {
    this.derivedCircles = derivedCircles;
    this.attribution.set([
      ATTRIBUTION_OSM,
      ATTRIBUTION_OFFICIAL[this.lang],
      (derivedCircles ? ATTRIBUTION_DERIVED : ATTRIBUTION_IMPORTED)[this.lang],
    ]);
  }

  /** Points the attribution must never cover: the resident's marker, the selected facility, a search's places. */
  private keptPoints(): Position[] {
    const d = this.drawn;
    const place = d.place.features.flatMap((f) =>
      f.geometry.type === 'Point' ? [f.geometry.coordinates] : [],
    );
    return [...(d.resident.point ? [d.resident.point] : []), ...(d.highlight ? [d.highlight] : []), ...place];
  }

  private source(id: string): GeoJSONSource | undefined {
    return this.map.getSource(id) as GeoJSONSource | undefined;
  }

  /** Replace the data of the circles and facility sources (after an import or a reset). */
  updateData(data: SourceData): void {
    this.setAttribution(data.circles.features[0]?.properties?.derived !== false);
    this.data = data;
    this.drawn.fills.clear();
    this.source(SOURCE.circles)?.setData(data.circles);
    this.source(SOURCE.circleLabels)?.setData(labelPoints(data.circles));
    for (const id of ['eldercare', 'childcare', 'services'] as const) this.source(id)?.setData(data[id]);
  }

  /** Colour each circle by its covered share. */
  setCoverageTable(table: CoverageTable): void {
    for (const row of table.circles) {
      const fill = coverageColour(row.populationShare);
      this.drawn.fills.set(row.id, fill);
      this.map.setFeatureState({ source: SOURCE.circles, id: row.id }, { fill });
    }
  }

  /** Emphasise the facilities of one category (the one whose coverage is shown); null shows all alike. */
  setFocusCategory(category: string | null): void {
    this.drawn.focus = category;
    const paint = focusPaint(category);
    for (const id of POINT_LAYERS) {
      if (!this.map.getLayer(id)) continue;
      for (const p of Object.keys(paint) as (keyof typeof paint)[])
        this.map.setPaintProperty(id, p, paint[p]);
    }
  }

  /** Draw the gap polygons. */
  setGaps(gaps: FeatureCollection): void {
    this.drawn.gaps = gaps;
    this.source(SOURCE.gaps)?.setData(gaps);
  }

  /** Highlight one circle (or none) and, optionally, fit the view to it. */
  selectCircle(id: string | null, fly = false): void {
    const previous = this.drawn.selected;
    if (previous) this.map.setFeatureState({ source: SOURCE.circles, id: previous }, { selected: false });
    this.drawn.selected = id;
    if (!id) return;
    this.map.setFeatureState({ source: SOURCE.circles, id }, { selected: true });
    const f = fly ? this.data.circles.features.find((x) => x.properties?.id === id) : undefined;
    if (f)
      this.map.fitBounds(geometryBBox(f.geometry as Polygon | MultiPolygon), { padding: 60, duration: 600 });
  }

  /** Run one interaction mode (the previous one is stopped). */
  setMode(mode: MapMode): void {
    if (this.mode === mode) return;
    this.mode?.onStop?.(this.modeContext);
    this.mode = mode;
    mode.onSetup?.(this.modeContext);
  }

  get modeId(): string | null {
    return this.mode?.id ?? null;
  }

  /** The facility under a click (within a few pixels), else the circle, and the position. */
  private hitAt(point: { x: number; y: number }, lngLat: { lng: number; lat: number }): MapHit {
    const box: [[number, number], [number, number]] = [
      [point.x - 5, point.y - 5],
      [point.x + 5, point.y + 5],
    ];
    const layers = POINT_LAYERS.filter(
      (id) => this.map.getLayer(id) && this.map.getLayoutProperty(id, 'visibility') !== 'none',
    );
    const facility = layers.length ? this.map.queryRenderedFeatures(box, { layers })[0] : undefined;
    const circle = this.map.getLayer(CIRCLE_FILL)
      ? this.map.queryRenderedFeatures([point.x, point.y], { layers: [CIRCLE_FILL] })[0]
      : undefined;
    return {
      lonLat: [lngLat.lng, lngLat.lat],
      facilityId: typeof facility?.properties?.id === 'string' ? facility.properties.id : null,
      circleId: typeof circle?.properties?.id === 'string' ? circle.properties.id : null,
    };
  }

  /** Proposed sites as draggable markers; `onMove` gets the new position after a drag. */
  setProposedSites(sites: ProposedMarker[], onMove: (id: string, lonLat: [number, number]) => void): void {
    this.markers.setProposed(sites, onMove);
  }

  /** Suggested (not yet accepted) sites as small numbered markers. */
  setSuggestedSites(points: [number, number][]): void {
    this.markers.setSuggested(points);
  }

  /** Ring around one facility (or none). */
  highlightFacility(lonLat: Position | null): void {
    this.drawn.highlight = lonLat;
    this.source(SOURCE.highlight)?.setData({
      type: 'FeatureCollection',
      features: lonLat
        ? [{ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: lonLat } }]
        : [],
    });
  }

  /**
   * The resident's point with dashed straight lines to the nearest facilities and, where the
   * walking network reaches, the walking routes (solid) instead.
   */
  setResident(point: Position | null, targets: ResidentTarget[] = [], routes: Position[][] = []): void {
    this.drawn.resident = { point, targets, routes };
    this.source(SOURCE.resident)?.setData(residentFeatures(point, targets, routes));
  }

  /**
   * A scenario's walking-network edits: gates (solid green lines), closed links (red marks),
   * suggested gates (dashed) and the first end of a gate being drawn.
   */
  setNetworkEdits(edits: NetworkEdits): void {
    this.drawn.edits = edits;
    this.source(SOURCE.networkEdits)?.setData(networkEditFeatures(edits));
  }

  /** The walking graph distances are measured on (network mode); an empty collection hides it. */
  setNetworkGraph(fc: FeatureCollection): void {
    this.drawn.networkGraph = fc;
    this.source(SOURCE.networkGraph)?.setData(fc);
  }

  /** Walking isochrones (polygons with a `minutes` property), drawn under the routes. */
  setIsochrones(fc: FeatureCollection): void {
    this.drawn.isochrones = fc;
    this.source(SOURCE.isochrone)?.setData(fc);
  }

  /** Hide the planner's coverage colours and gaps (the resident's view), or show them again. */
  hidePlannerLayers(hidden: boolean): void {
    this.drawn.plannerHidden = hidden;
    for (const id of PLANNER_LAYERS) {
      if (!this.map.getLayer(id)) continue;
      const group = (Object.entries(LAYER_GROUPS) as [LayerGroup, readonly string[]][]).find(([, ids]) =>
        ids.includes(id),
      )?.[0];
      const on = !hidden && (group ? this.visible[group] : true);
      this.map.setLayoutProperty(id, 'visibility', on ? 'visible' : 'none');
    }
  }

  setAccessLayer(kind: AccessOverlayKind | null, data: FeatureCollection | null, items = 0): void {
    this.access.set(kind, data, items);
  }

  setAccessHidden(hidden: boolean): void {
    this.access.setHidden(hidden);
  }

  get accessState(): { kind: AccessOverlayKind | null; features: number } {
    return this.access.state;
  }

  flyTo(lonLat: Position, zoom = 15): void {
    this.map.flyTo({
      center: lonLat as [number, number],
      zoom: Math.max(this.map.getZoom(), zoom),
      duration: 700,
    });
  }

  /** A street search's result: the street's OSM lines and its facility points (empty to clear). */
  setPlace(fc: FeatureCollection): void {
    this.drawn.place = fc;
    this.source(PLACE_SOURCE)?.setData(fc);
  }

  /** Fit the view to points (lon/lat), no closer than `maxZoom`; room is left for the controls. */
  fitPoints(points: Position[], maxZoom = 16): void {
    fitPoints(this.map, points, maxZoom);
  }

  /** Fit the map to its container again (after the layout changed, e.g. the panel folded). */
  resize(): void {
    this.map.resize();
  }

  /** The current view (zoom and centre) after each move. */
  onViewChange(handler: (view: { zoom: number; lon: number; lat: number }) => void): void {
    this.map.on('moveend', () => {
      const c = this.map.getCenter();
      handler({ zoom: this.map.getZoom(), lon: c.lng, lat: c.lat });
    });
  }

  /** Show the square of `radiusM` metres around a point (at once, no animation). */
  fitAround(center: Position, radiusM: number): void {
    fitAround(this.map, center, radiusM);
  }

  jumpTo(view: { zoom: number; lon: number; lat: number }): void {
    this.map.jumpTo({ center: [view.lon, view.lat], zoom: view.zoom });
  }

  /** The map as a PNG with a legend and the attribution drawn in. */
  exportPng(legend: PngLegend): Promise<Blob> {
    return exportMapPng(this.map, legend);
  }

  setLanguage(lang: Lang): void {
    if (lang !== this.lang) {
      this.lang = lang;
      this.setAttribution(this.derivedCircles);
    }
    for (const id of LABEL_LAYERS) {
      if (this.map.getLayer(id)) this.map.setLayoutProperty(id, 'text-field', labelField(lang));
    }
    if (this.map.getLayer(RIVERFRONT_LABEL)) {
      this.map.setLayoutProperty(RIVERFRONT_LABEL, 'text-field', riverfrontLabel(lang));
    }
  }

  destroy(): void {
    this.map.remove();
  }
}
