/**
 * The one owner of the MapLibre map: sources, layers, visibility, language and the
 * optional online basemap. UI code talks to this class, never to MapLibre directly.
 */
import type { FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import {
  AttributionControl,
  type ExpressionSpecification,
  type GeoJSONSource,
  type LayerSpecification,
  Map as MapLibreMap,
  Marker,
  NavigationControl,
  ScaleControl,
  type StyleSpecification,
  setWorkerUrl,
} from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import type { CoverageTable } from '../analysis/coverage/engine';
import { labelPoint } from '../analysis/labelPoint';
import { geometryBBox } from '../core/geo';
import type { Lang } from '../core/lang';
import { coverageColour, GAP_COLOUR } from './palette';
import {
  ATTRIBUTION_DERIVED,
  ATTRIBUTION_IMPORTED,
  ATTRIBUTION_OFFICIAL,
  ATTRIBUTION_OSM,
  buildStyle,
  GAP_PATTERN,
  LAYER_GROUPS,
  type LayerGroup,
  LOCAL_IDEOGRAPH_FONTS,
  labelField,
  type SourceData,
} from './style';

setWorkerUrl(workerUrl);

/** Yangpu's extent [west, south, east, north] (degrees). */
export const YANGPU_BOUNDS: [number, number, number, number] = [121.478, 31.247, 121.567, 31.351];

export interface MapControllerOptions {
  container: HTMLElement;
  data: SourceData;
  lang: Lang;
  /** an online MapLibre style to draw under our layers; null for the embedded style */
  basemapStyleUrl: string | null;
  /** keep the drawing buffer so tests can read pixels */
  preserveDrawingBuffer?: boolean;
  visible: Record<LayerGroup, boolean>;
  onBasemapFailed?: (reason: string) => void;
}

/** Fetch an online style with a time limit; null (and a reason) when it cannot be used. */
async function fetchOnlineStyle(url: string, timeoutMs = 6000): Promise<StyleSpecification> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    const response = await fetch(url, { signal: controller.signal });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const style = (await response.json()) as StyleSpecification;
    if (style?.version !== 8 || !Array.isArray(style.layers))
      throw new Error('not a MapLibre style (version 8)');
    return style;
  } finally {
    clearTimeout(timer);
  }
}

export class MapController {
  readonly map: MapLibreMap;
  private lang: Lang;
  private visible: Record<LayerGroup, boolean>;
  private data: SourceData;
  private readonly options: MapControllerOptions;
  private selected: string | null = null;
  /** resolves when the style and data are drawn for the first time */
  readonly ready: Promise<void>;

  constructor(options: MapControllerOptions) {
    this.options = options;
    this.data = options.data;
    this.lang = options.lang;
    this.visible = { ...options.visible };
    this.map = new MapLibreMap({
      container: options.container,
      style: this.embeddedStyle(),
      bounds: YANGPU_BOUNDS,
      fitBoundsOptions: { padding: 20 },
      maxBounds: [121.3, 31.15, 121.75, 31.45],
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
    this.setAttribution(true);
    // The gap hatch is an image made here; add it with every style (the embedded one or an online basemap).
    const addHatch = () => {
      if (!this.map.hasImage(GAP_PATTERN)) this.map.addImage(GAP_PATTERN, hatchPattern());
    };
    this.map.on('style.load', addHatch);
    this.map.on('styleimagemissing', (e) => {
      if (e.id === GAP_PATTERN) addHatch();
    });
    this.ready = new Promise((resolve) => this.map.once('load', () => resolve()));
    if (options.basemapStyleUrl) void this.useOnlineBasemap(options.basemapStyleUrl);
  }

  private embeddedStyle(): StyleSpecification {
    const style = buildStyle(this.data, this.lang);
    // Subdistrict and circle labels are drawn at one point each, well inside the polygon
    // (a polygon source would repeat its label in every tile it crosses).
    style.sources.subdistrictLabels = { type: 'geojson', data: labelPoints(this.data.subdistricts) };
    style.sources.circleLabels = { type: 'geojson', data: labelPoints(this.data.circles) };
    for (const layer of style.layers) {
      if (layer.id === 'subdistrict-label') (layer as { source: string }).source = 'subdistrictLabels';
      if (layer.id === 'circle-label') (layer as { source: string }).source = 'circleLabels';
    }
    for (const layer of style.layers) this.applyVisibility(layer);
    return style;
  }

  private applyVisibility(layer: LayerSpecification): void {
    for (const [group, ids] of Object.entries(LAYER_GROUPS) as [LayerGroup, readonly string[]][]) {
      if (ids.includes(layer.id)) {
        layer.layout = { ...(layer.layout ?? {}), visibility: this.visible[group] ? 'visible' : 'none' };
      }
    }
  }

  /** Draw our layers over an online style; keep the embedded style if that fails. */
  private async useOnlineBasemap(url: string): Promise<void> {
    try {
      const online = await fetchOnlineStyle(url);
      const ours = this.embeddedStyle();
      const merged: StyleSpecification = {
        ...online,
        sources: { ...online.sources, ...ours.sources },
        layers: [
          ...online.layers,
          ...ours.layers.filter((l) => !['background', 'district-fill', 'subdistrict-fill'].includes(l.id)),
        ],
      };
      // Online styles need their own glyphs; our labels then use its font stack.
      this.map.setStyle(merged);
    } catch (e) {
      this.options.onBasemapFailed?.((e as Error).message);
    }
  }

  setLayerVisible(group: LayerGroup, visible: boolean): void {
    this.visible[group] = visible;
    for (const id of LAYER_GROUPS[group]) {
      if (this.map.getLayer(id)) this.map.setLayoutProperty(id, 'visibility', visible ? 'visible' : 'none');
    }
  }

  private attribution: AttributionControl | null = null;

  /** The attribution; it names the derived circle boundaries only while they are shown. */
  private setAttribution(derivedCircles: boolean): void {
    if (this.attribution) this.map.removeControl(this.attribution);
    this.attribution = new AttributionControl({
      customAttribution: [
        ATTRIBUTION_OSM,
        ATTRIBUTION_OFFICIAL,
        derivedCircles ? ATTRIBUTION_DERIVED : ATTRIBUTION_IMPORTED,
      ],
    });
    this.map.addControl(this.attribution, 'bottom-right');
  }

  /** Replace the data of the circles and facility sources (after an import or a reset). */
  updateData(data: SourceData): void {
    this.setAttribution(data.circles.features[0]?.properties?.derived !== false);
    this.data = data;
    const set = (id: string, fc: GeoJSON.FeatureCollection) =>
      (this.map.getSource(id) as GeoJSONSource | undefined)?.setData(fc);
    set('circles', data.circles);
    set('circleLabels', labelPoints(data.circles));
    set('eldercare', data.eldercare);
    set('childcare', data.childcare);
    set('services', data.services);
  }

  /** Colour each circle by its covered share. */
  setCoverageTable(table: CoverageTable): void {
    for (const row of table.circles) {
      this.map.setFeatureState(
        { source: 'circles', id: row.id },
        { fill: coverageColour(row.populationShare) },
      );
    }
  }

  /** Emphasise the facilities of one category (the one whose coverage is shown); null shows all alike. */
  setFocusCategory(category: string | null): void {
    for (const id of ['eldercare-point', 'childcare-point', 'services-point']) {
      if (!this.map.getLayer(id)) continue;
      const focus: ExpressionSpecification = ['==', ['get', 'category'], category ?? ''];
      this.map.setPaintProperty(id, 'circle-opacity', category ? ['case', focus, 1, 0.3] : 1);
      this.map.setPaintProperty(id, 'circle-stroke-opacity', category ? ['case', focus, 1, 0.3] : 1);
      this.map.setPaintProperty(
        id,
        'circle-radius',
        category
          ? [
              'interpolate',
              ['linear'],
              ['zoom'],
              11,
              ['case', focus, 4, 2],
              14,
              ['case', focus, 7, 4],
              17,
              ['case', focus, 10, 7],
            ]
          : ['interpolate', ['linear'], ['zoom'], 11, 2.5, 14, 5, 17, 8],
      );
    }
  }

  /** Draw the gap polygons. */
  setGaps(gaps: FeatureCollection): void {
    (this.map.getSource('gaps') as GeoJSONSource | undefined)?.setData(gaps);
  }

  /** Highlight one circle (or none) and, optionally, fit the view to it. */
  selectCircle(id: string | null, fly = false): void {
    if (this.selected)
      this.map.setFeatureState({ source: 'circles', id: this.selected }, { selected: false });
    this.selected = id;
    if (!id) return;
    this.map.setFeatureState({ source: 'circles', id }, { selected: true });
    if (fly) {
      const f = this.data.circles.features.find((x) => x.properties?.id === id);
      if (f)
        this.map.fitBounds(geometryBBox(f.geometry as Polygon | MultiPolygon), {
          padding: 60,
          duration: 600,
        });
    }
  }

  /**
   * One handler for map clicks: the facility under the pointer (if any, within a few
   * pixels), else the circle, and always the clicked position.
   */
  onClick(
    handler: (hit: { lonLat: [number, number]; facilityId: string | null; circleId: string | null }) => void,
  ): void {
    const pointLayers = ['eldercare-point', 'childcare-point', 'services-point'];
    this.map.on('click', (e) => {
      const box: [[number, number], [number, number]] = [
        [e.point.x - 5, e.point.y - 5],
        [e.point.x + 5, e.point.y + 5],
      ];
      const layers = pointLayers.filter((id) => this.map.getLayer(id) && this.visibleLayer(id));
      const facility = layers.length ? this.map.queryRenderedFeatures(box, { layers })[0] : undefined;
      const circle = this.map.getLayer('circle-fill')
        ? this.map.queryRenderedFeatures(e.point, { layers: ['circle-fill'] })[0]
        : undefined;
      handler({
        lonLat: [e.lngLat.lng, e.lngLat.lat],
        facilityId: typeof facility?.properties?.id === 'string' ? facility.properties.id : null,
        circleId: typeof circle?.properties?.id === 'string' ? circle.properties.id : null,
      });
    });
    for (const id of pointLayers) {
      this.map.on('mouseenter', id, () => {
        this.map.getCanvas().style.cursor = 'pointer';
      });
      this.map.on('mouseleave', id, () => {
        this.map.getCanvas().style.cursor = '';
      });
    }
  }

  private visibleLayer(id: string): boolean {
    return this.map.getLayoutProperty(id, 'visibility') !== 'none';
  }

  private proposed = new Map<string, Marker>();

  /**
   * Proposed sites as draggable markers (drawn unlike existing facilities: a square with a
   * plus). `onMove` gets the new position after a drag.
   */
  setProposedSites(
    sites: { id: string; name: string; lonLat: [number, number] }[],
    onMove: (id: string, lonLat: [number, number]) => void,
  ): void {
    const keep = new Set(sites.map((s) => s.id));
    for (const [id, marker] of this.proposed) {
      if (!keep.has(id)) {
        marker.remove();
        this.proposed.delete(id);
      }
    }
    for (const site of sites) {
      let marker = this.proposed.get(site.id);
      if (!marker) {
        const el = document.createElement('div');
        el.className = 'proposed-site';
        el.textContent = '+';
        marker = new Marker({ element: el, draggable: true }).setLngLat(site.lonLat).addTo(this.map);
        const m = marker;
        m.on('dragend', () => {
          const p = m.getLngLat();
          onMove(site.id, [p.lng, p.lat]);
        });
        this.proposed.set(site.id, marker);
      } else marker.setLngLat(site.lonLat);
      // names are text: set as the title attribute, never as markup
      marker.getElement().title = site.name;
      marker.getElement().setAttribute('aria-label', site.name);
    }
  }

  /** Suggested (not yet accepted) sites as small numbered markers. */
  private suggested: Marker[] = [];
  setSuggestedSites(points: [number, number][]): void {
    for (const m of this.suggested) m.remove();
    this.suggested = points.map((p, i) => {
      const el = document.createElement('div');
      el.className = 'suggested-site';
      el.textContent = String(i + 1);
      return new Marker({ element: el }).setLngLat(p).addTo(this.map);
    });
  }

  /** Ring around one facility (or none). */
  highlightFacility(lonLat: Position | null): void {
    (this.map.getSource('highlight') as GeoJSONSource | undefined)?.setData({
      type: 'FeatureCollection',
      features: lonLat
        ? [{ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: lonLat } }]
        : [],
    });
  }

  /** The resident's point and dashed lines to the nearest facilities (or nothing). */
  setResident(point: Position | null, targets: Position[] = []): void {
    const features: GeoJSON.Feature[] = [];
    if (point) {
      for (const t of targets) {
        features.push({
          type: 'Feature',
          properties: {},
          geometry: { type: 'LineString', coordinates: [point, t] },
        });
      }
      features.push({ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: point } });
    }
    (this.map.getSource('resident') as GeoJSONSource | undefined)?.setData({
      type: 'FeatureCollection',
      features,
    });
  }

  flyTo(lonLat: Position, zoom = 15): void {
    this.map.flyTo({
      center: lonLat as [number, number],
      zoom: Math.max(this.map.getZoom(), zoom),
      duration: 700,
    });
  }

  /** The current view (zoom and centre) after each move. */
  onViewChange(handler: (view: { zoom: number; lon: number; lat: number }) => void): void {
    this.map.on('moveend', () => {
      const c = this.map.getCenter();
      handler({ zoom: this.map.getZoom(), lon: c.lng, lat: c.lat });
    });
  }

  jumpTo(view: { zoom: number; lon: number; lat: number }): void {
    this.map.jumpTo({ center: [view.lon, view.lat], zoom: view.zoom });
  }

  /**
   * The map as a PNG with a legend and the attribution drawn in: the next frame is copied
   * while it is still in the drawing buffer, so no preserveDrawingBuffer is needed.
   */
  exportPng(legend: {
    title: string;
    rows: { colour: string; label: string }[];
    attribution: string;
  }): Promise<Blob> {
    return new Promise((resolve, reject) => {
      this.map.once('render', () => {
        const src = this.map.getCanvas();
        const out = document.createElement('canvas');
        out.width = src.width;
        out.height = src.height;
        const ctx = out.getContext('2d');
        if (!ctx) return reject(new Error('no 2D canvas'));
        ctx.drawImage(src, 0, 0);
        const scale = src.width / src.clientWidth;
        ctx.scale(scale, scale);
        const w = 230;
        const h = 30 + legend.rows.length * 20;
        ctx.fillStyle = 'rgba(255,255,255,0.92)';
        ctx.fillRect(10, 10, w, h);
        ctx.fillStyle = '#1c313a';
        ctx.font = 'bold 13px sans-serif';
        ctx.fillText(legend.title, 18, 28);
        ctx.font = '12px sans-serif';
        legend.rows.forEach((row, i) => {
          ctx.fillStyle = row.colour;
          ctx.fillRect(18, 38 + i * 20, 14, 12);
          ctx.fillStyle = '#1c313a';
          ctx.fillText(row.label, 40, 49 + i * 20);
        });
        const attributionWidth = ctx.measureText(legend.attribution).width + 12;
        const cw = src.clientWidth;
        const ch = src.clientHeight;
        ctx.fillStyle = 'rgba(255,255,255,0.85)';
        ctx.fillRect(cw - attributionWidth, ch - 20, attributionWidth, 20);
        ctx.fillStyle = '#333333';
        ctx.fillText(legend.attribution, cw - attributionWidth + 6, ch - 6);
        out.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG encoding failed'))), 'image/png');
      });
      this.map.triggerRepaint();
    });
  }

  setLanguage(lang: Lang): void {
    this.lang = lang;
    for (const id of ['subdistrict-label', 'circle-label']) {
      if (this.map.getLayer(id)) this.map.setLayoutProperty(id, 'text-field', labelField(lang));
    }
    if (this.map.getLayer('riverfront-label')) {
      this.map.setLayoutProperty(
        'riverfront-label',
        'text-field',
        lang === 'en' ? 'Yangpu Riverside (derived line)' : '杨浦滨江（推导线）',
      );
    }
  }

  destroy(): void {
    this.map.remove();
  }
}

/** A 12×12 px diagonal hatch in the gap colour, made locally (no sprite is fetched). */
function hatchPattern(): { width: number; height: number; data: Uint8Array } {
  const size = 12;
  const data = new Uint8Array(size * size * 4);
  const v = Number.parseInt(GAP_COLOUR.slice(1), 16);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const d = (x + y) % size;
      const on = d <= 2;
      const o = (y * size + x) * 4;
      data[o] = (v >> 16) & 255;
      data[o + 1] = (v >> 8) & 255;
      data[o + 2] = v & 255;
      data[o + 3] = on ? 220 : 40;
    }
  }
  return { width: size, height: size, data };
}

/** One label point per polygon, well inside it. */
function labelPoints(fc: GeoJSON.FeatureCollection): GeoJSON.FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: fc.features.map((f) => ({
      type: 'Feature',
      properties: f.properties,
      geometry: { type: 'Point', coordinates: labelPoint(f.geometry as GeoJSON.Polygon) },
    })),
  };
}
