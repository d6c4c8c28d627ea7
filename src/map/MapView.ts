/**
 * What the UI may ask of the map: the one interface in front of the MapLibre map. The app
 * uses MapController (MapLibre in a browser); the headless test harness starts the app with
 * a fake that records what is drawn and lets tests click at a lon/lat. Nothing here names
 * MapLibre, so the UI never reaches past it.
 */
import type { FeatureCollection, Position } from 'geojson';
import type { CoverageTable } from '../analysis/coverage/engine';
import type { Lang } from '../core/lang';
import type { NetworkEdits } from './drawings';
import type { PngLegend } from './exportPng';
import type { ProposedMarker } from './markers';
import type { MapMode } from './modes';
import type { LayerGroup, SourceData } from './style';

export type { NetworkEdits } from './drawings';

/** Map view: zoom and centre (degrees). */
import type { AccessOverlayKind } from './accessOverlay';
import type { ResidentTarget } from './drawings';

export interface MapViewState {
  zoom: number;
  lon: number;
  lat: number;
}

/** How the app makes its map (MapController in the app, a fake in the harness). */
export interface MapViewOptions {
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

export type MapViewFactory = (options: MapViewOptions) => MapView;

export interface MapView {
  /** resolves when the style and data are drawn for the first time */
  readonly ready: Promise<void>;
  /** the interaction mode running (null before the first) */
  readonly modeId: string | null;
  /** Draw our layers over an online style (null: back to the embedded style). */
  setBasemap(url: string | null): Promise<void>;
  setLayerVisible(group: LayerGroup, visible: boolean): void;
  /** Replace the data of the circles and facility sources (after an import or a reset). */
  updateData(data: SourceData): void;
  /** Colour each circle by its covered share. */
  setCoverageTable(table: CoverageTable): void;
  /** Emphasise the facilities of one category; null shows all alike. */
  setFocusCategory(category: string | null): void;
  setGaps(gaps: FeatureCollection): void;
  /** Highlight one circle (or none) and, optionally, fit the view to it. */
  selectCircle(id: string | null, fly?: boolean): void;
  /** Run one interaction mode (the previous one is stopped). */
  setMode(mode: MapMode): void;
  setProposedSites(sites: ProposedMarker[], onMove: (id: string, lonLat: [number, number]) => void): void;
  setSuggestedSites(points: [number, number][]): void;
  highlightFacility(lonLat: Position | null): void;
  setResident(point: Position | null, targets?: ResidentTarget[], routes?: Position[][]): void;
  /** A street search's result: the street's OSM lines and its facility points (empty to clear). */
  setPlace(fc: FeatureCollection): void;
  /** Fit the view to points (lon/lat), no closer than `maxZoom`. */
  fitPoints(points: Position[], maxZoom?: number): void;
  /** Fit the map to its container again (after the layout changed). */
  resize(): void;
  setNetworkEdits(edits: NetworkEdits): void;
  setNetworkGraph(fc: FeatureCollection): void;
  setIsochrones(fc: FeatureCollection): void;
  hidePlannerLayers(hidden: boolean): void;
  /** Draw an access layer (issue 20; null: none); `items` = the basket's item count (its ramp). */
  setAccessLayer(kind: AccessOverlayKind | null, data: FeatureCollection | null, items?: number): void;
  /** Hide the access layer (the resident's view) or show it again. */
  setAccessHidden(hidden: boolean): void;
  /** What the access layer draws: its kind and number of polygons. */
  readonly accessState: { kind: AccessOverlayKind | null; features: number };
  flyTo(lonLat: Position, zoom?: number): void;
  /** The current view after each move. */
  onViewChange(handler: (view: MapViewState) => void): void;
  /** Show the square of `radiusM` metres around a point (at once). */
  fitAround(center: Position, radiusM: number): void;
  jumpTo(view: MapViewState): void;
  /** The map as a PNG with a legend and the attribution drawn in. */
  exportPng(legend: PngLegend): Promise<Blob>;
  setLanguage(lang: Lang): void;
  destroy(): void;
}
