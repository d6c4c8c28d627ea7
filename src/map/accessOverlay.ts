/**
 * The access analysis's map layer (issue 20) over the coverage colours and under the gaps:
 * polygons of cells by class (analysis/access/layers.ts), coloured per layer kind. Kept apart
 * from the controller and the style: it adds its own source and layer to the controller's
 * map, again after every style load (an online basemap), and hides in the resident's view.
 */
import type { FeatureCollection } from 'geojson';
import type { ExpressionSpecification, GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';
import {
  basketColours,
  CAPACITY_CHANGE_COLOURS,
  CAPACITY_COLOURS,
  DIFFERENCE_COLOURS,
} from './accessPalette';

export type AccessOverlayKind =
  | 'capacity'
  | 'basket-elder'
  | 'basket-child'
  | 'difference'
  | 'capacity-difference';

const SOURCE = 'access-cells';
const LAYER = 'access-fill';
const LINE = 'access-line';
/** drawn under the gaps' hatch */
const BEFORE = 'gap-fill';
const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };

/** The fill colour expression of a kind (by the features' `value`). */
export function accessFillColour(kind: AccessOverlayKind, items = 0): ExpressionSpecification {
  const colours =
    kind === 'capacity'
      ? [...CAPACITY_COLOURS]
      : kind === 'difference'
        ? ['#000000', DIFFERENCE_COLOURS.gained, DIFFERENCE_COLOURS.lost]
        : kind === 'capacity-difference'
          ? ['#000000', CAPACITY_CHANGE_COLOURS.rise, CAPACITY_CHANGE_COLOURS.fall]
          : basketColours(items);
  return [
    'match',
    ['get', 'value'],
    ...colours.flatMap((c, i) => [i, c]),
    '#000000',
  ] as unknown as ExpressionSpecification;
}

export class AccessOverlay {
  private readonly map: MapLibreMap;
  private data: FeatureCollection = EMPTY;
  private kind: AccessOverlayKind | null = null;
  private items = 0;
  private hidden = false;

  constructor(map: MapLibreMap) {
    this.map = map;
    // every style load (an online basemap replaces the style) loses our source and layers
    map.on('style.load', () => this.install());
    this.install();
  }

  /** Add the source and layers if the style lacks them (false while no style is loaded yet). */
  private install(): boolean {
    try {
      if (!this.map.getSource(SOURCE)) this.map.addSource(SOURCE, { type: 'geojson', data: this.data });
    } catch {
      return false; // the style is not loaded yet: style.load will call again
    }
    const before = this.map.getLayer(BEFORE) ? BEFORE : undefined;
    if (!this.map.getLayer(LAYER))
      this.map.addLayer(
        { id: LAYER, type: 'fill', source: SOURCE, paint: { 'fill-color': '#000000', 'fill-opacity': 0.85 } },
        before,
      );
    if (!this.map.getLayer(LINE))
      this.map.addLayer(
        {
          id: LINE,
          type: 'line',
          source: SOURCE,
          paint: { 'line-color': '#37474f', 'line-width': 0.4, 'line-opacity': 0.5 },
        },
        before,
      );
    this.apply();
    return true;
  }

  private apply(): void {
    if (!this.map.getLayer(LAYER) && !this.install()) return;
    (this.map.getSource(SOURCE) as GeoJSONSource | undefined)?.setData(this.kind ? this.data : EMPTY);
    if (this.kind) this.map.setPaintProperty(LAYER, 'fill-color', accessFillColour(this.kind, this.items));
    const vis = this.kind && !this.hidden ? 'visible' : 'none';
    this.map.setLayoutProperty(LAYER, 'visibility', vis);
    this.map.setLayoutProperty(LINE, 'visibility', vis);
  }

  /** Draw a layer (null: none). `items` = the basket's item count (its ramp). */
  set(kind: AccessOverlayKind | null, data: FeatureCollection | null, items = 0): void {
    this.kind = data ? kind : null;
    this.data = data ?? EMPTY;
    this.items = items;
    this.apply();
  }

  /** Hide it (the resident's view) or show it again. */
  setHidden(hidden: boolean): void {
    this.hidden = hidden;
    this.apply();
  }

  /** What is drawn (tests): the kind and the number of polygons. */
  get state(): { kind: AccessOverlayKind | null; features: number } {
    return { kind: this.kind, features: this.kind ? this.data.features.length : 0 };
  }
}
