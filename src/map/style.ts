/**
 * The embedded default style: everything drawn from our own geodata, no tiles, sprites,
 * glyph servers or fonts from the internet. Text is rendered by MapLibre from local fonts
 * (the style has no `glyphs` URL), so Chinese labels need a CJK font on the device.
 */
import type {
  ExpressionSpecification,
  LayerSpecification,
  SourceSpecification,
  StyleSpecification,
} from 'maplibre-gl';
import { CATEGORIES } from '../core/categories';
import type { Lang } from '../core/lang';
import type { LayerCollections } from '../core/schema';
import {
  BACKGROUND_COLOUR,
  CATEGORY_COLOURS,
  GAP_COLOUR,
  METRO_COLOURS,
  RIVERFRONT_COLOUR,
  SUBDISTRICT_COLOURS,
} from './palette';
import { populationModelLayers } from './populationLayers';
import { PLACE_SOURCE, placeLayers, residentLineLabels, residentLines } from './residentLayers';
import { contextFills, networkGraphLine, streetLabels, streetLines } from './streetLayers';

/** Image id of the hatch drawn over gap polygons (made in the browser: see MapController). */
export const GAP_PATTERN = 'gap-hatch';

/** Fonts for labels, local only. */
export const LABEL_FONTS = ['Noto Sans CJK SC Regular', 'Noto Sans SC Regular', 'sans-serif'];
export const LOCAL_IDEOGRAPH_FONTS =
  "'Noto Sans CJK SC', 'Noto Sans SC', 'Source Han Sans SC', 'PingFang SC', 'Microsoft YaHei', sans-serif";

export const ATTRIBUTION_OSM =
  '© <a href="https://www.openstreetmap.org/copyright" target="_blank" rel="noopener noreferrer">OpenStreetMap</a> contributors (ODbL)';
/** The rest of the attribution in the map's language (short: small embeds show it on load). */
export const ATTRIBUTION_OFFICIAL: Record<Lang, string> = {
  zh: '杨浦区政府公开信息',
  en: 'Yangpu official lists',
};
export const ATTRIBUTION_DERIVED: Record<Lang, string> = {
  zh: '生活圈边界为本项目推导',
  en: 'circle boundaries derived by this project',
};
export const ATTRIBUTION_IMPORTED: Record<Lang, string> = {
  zh: '生活圈边界为用户导入',
  en: 'circle boundaries imported by the user',
};

/** Sources by id; each is GeoJSON from geodata/. */
export type SourceData = LayerCollections;

/** Toggleable groups of layers. */
export const LAYER_GROUPS = {
  subdistricts: ['subdistrict-fill', 'subdistrict-line', 'subdistrict-label'],
  circles: ['circle-fill', 'circle-line', 'circle-selected', 'circle-label'],
  gaps: ['gap-fill', 'gap-line'],
  riverfront: ['riverfront-line', 'riverfront-label'],
  metro: ['metro-line', 'metro-station', 'metro-station-label'],
  roads: ['elevated-road'],
  osm: [
    'osm-coverage-line',
    'residential-fill',
    'green-fill',
    'water-fill',
    'walk-casing',
    'walk-line',
    'walk-label',
  ],
  eldercare: ['eldercare-point'],
  childcare: ['childcare-point'],
  services: ['services-point'],
  population: ['population-model-fill', 'population-model-line'],
} as const;
export type LayerGroup = keyof typeof LAYER_GROUPS;

const categoryColour: ExpressionSpecification = [
  'match',
  ['get', 'category'],
  ...CATEGORIES.flatMap((c) => [c.id, CATEGORY_COLOURS[c.id]]),
  '#555555',
] as unknown as ExpressionSpecification;

function subdistrictColour(codes: string[]): ExpressionSpecification {
  return [
    'match',
    ['get', 'code'],
    ...codes.flatMap((code, i) => [code, SUBDISTRICT_COLOURS[i % SUBDISTRICT_COLOURS.length]!]),
    '#eeeeee',
  ] as unknown as ExpressionSpecification;
}

const selectedState: ExpressionSpecification = ['boolean', ['feature-state', 'selected'], false];

/** The label expression for a language: zh uses `name`, en uses `nameEn` when present. */
export function labelField(lang: Lang): ExpressionSpecification {
  return lang === 'en' ? ['coalesce', ['get', 'nameEn'], ['get', 'name']] : ['get', 'name'];
}

function pointLayer(id: string, source: string): LayerSpecification {
  return {
    id,
    type: 'circle',
    source,
    paint: {
      'circle-color': categoryColour,
      'circle-radius': ['interpolate', ['linear'], ['zoom'], 11, 2.5, 14, 5, 17, 8],
      // a planner's imported sites wear a dark ring (said in the legend); official ones a thin white edge
      'circle-stroke-color': ['case', IMPORTED, IMPORTED_RING, '#ffffff'],
      'circle-stroke-width': [
        'interpolate',
        ['linear'],
        ['zoom'],
        11,
        ['case', IMPORTED, 1.5, 0.5],
        14,
        ['case', IMPORTED, 2.5, 1.2],
      ],
    },
  };
}

/** Whether a facility comes from a planner's import. */
const IMPORTED: ExpressionSpecification = ['==', ['get', 'imported'], true];
/** The ring of an imported facility's marker (the legend's swatch uses it too). */
export const IMPORTED_RING = '#1a1a1a';

/** Facility points' paint emphasising one category (the one whose coverage is shown); null: all alike. */
export function focusPaint(
  category: string | null,
): Record<'circle-opacity' | 'circle-stroke-opacity' | 'circle-radius', ExpressionSpecification | number> {
  const focus: ExpressionSpecification = ['==', ['get', 'category'], category ?? ''];
  const byFocus = (on: number, off: number): ExpressionSpecification | number =>
    category ? ['case', focus, on, off] : on;
  return {
    'circle-opacity': byFocus(1, 0.3),
    'circle-stroke-opacity': byFocus(1, 0.3),
    'circle-radius': [
      'interpolate',
      ['linear'],
      ['zoom'],
      11,
      byFocus(4, 2),
      14,
      byFocus(7, 4),
      17,
      byFocus(10, 7),
    ] as ExpressionSpecification,
  };
}

/** Label of the derived riverfront line. */
export function riverfrontLabel(lang: Lang): string {
  return lang === 'en' ? 'Yangpu Riverside (derived line)' : '杨浦滨江（推导线）';
}

/** The full embedded style for the given data and language. */
export function buildStyle(data: SourceData, lang: Lang): StyleSpecification {
  const codes = data.subdistricts.features.map((f) => String(f.properties?.code));
  const sources: Record<string, SourceSpecification> = {};
  // The official lists and the circles' origin are credited by the map's attribution control
  // in its language (MapController); OSM's credit is the same in both.
  const osmAttribution = ATTRIBUTION_OSM;
  const attribution: Partial<Record<keyof SourceData, string>> = {
    subdistricts: osmAttribution,
    metroLines: osmAttribution,
    residential: osmAttribution,
    green: osmAttribution,
    water: osmAttribution,
    walkNetwork: osmAttribution,
    populationModel: osmAttribution,
  };
  for (const [id, fc] of Object.entries(data) as [keyof SourceData, GeoJSON.FeatureCollection][]) {
    sources[id] = {
      type: 'geojson',
      data: fc,
      ...(attribution[id] ? { attribution: attribution[id] } : {}),
      ...(id === 'circles' ? { promoteId: 'id' } : {}),
    };
  }
  const empty: GeoJSON.FeatureCollection = { type: 'FeatureCollection', features: [] };
  sources.gaps = { type: 'geojson', data: empty };
  sources.resident = { type: 'geojson', data: empty };
  sources.isochrone = { type: 'geojson', data: empty };
  sources.networkEdits = { type: 'geojson', data: empty };
  sources.networkGraph = { type: 'geojson', data: empty, attribution: osmAttribution };
  sources.highlight = { type: 'geojson', data: empty };
  sources[PLACE_SOURCE] = { type: 'geojson', data: empty };
  const text = labelField(lang);
  const layers: LayerSpecification[] = [
    { id: 'background', type: 'background', paint: { 'background-color': BACKGROUND_COLOUR } },
    { id: 'district-fill', type: 'fill', source: 'district', paint: { 'fill-color': '#f4f1ea' } },
    {
      id: 'subdistrict-fill',
      type: 'fill',
      source: 'subdistricts',
      paint: { 'fill-color': subdistrictColour(codes), 'fill-opacity': 1 },
    },
    ...contextFills(),
    // The main signal: each circle in its coverage class. Strong at district zoom, a tint at
    // street zoom so the streets and the gaps can be read through it.
    {
      id: 'circle-fill',
      type: 'fill',
      source: 'circles',
      paint: {
        'fill-color': ['coalesce', ['feature-state', 'fill'], 'rgba(0,0,0,0)'],
        'fill-opacity': [
          'interpolate',
          ['linear'],
          ['zoom'],
          11,
          ['case', selectedState, 0.92, 0.85],
          14,
          ['case', selectedState, 0.6, 0.5],
          16.5,
          ['case', selectedState, 0.28, 0.2],
        ] as ExpressionSpecification,
      },
    },
    ...streetLines(),
    networkGraphLine('networkGraph'),
    // Gaps: a light hatch and a thin outline, secondary at district zoom, crisp at street zoom.
    {
      id: 'gap-fill',
      type: 'fill',
      source: 'gaps',
      paint: {
        'fill-pattern': GAP_PATTERN,
        'fill-opacity': ['interpolate', ['linear'], ['zoom'], 11, 0.35, 14, 0.6, 16, 0.8],
      },
    },
    {
      id: 'gap-line',
      type: 'line',
      source: 'gaps',
      layout: { 'line-join': 'round' },
      paint: {
        'line-color': GAP_COLOUR,
        'line-width': ['interpolate', ['linear'], ['zoom'], 11, 0.3, 14, 0.8, 17, 1.8],
        'line-opacity': ['interpolate', ['linear'], ['zoom'], 11, 0.45, 15, 0.9],
      },
    },
    ...populationModelLayers(),
    {
      id: 'osm-coverage-line',
      type: 'line',
      source: 'osmCoverage',
      minzoom: 13.5,
      paint: { 'line-color': '#8d6e63', 'line-width': 1, 'line-dasharray': [1, 3], 'line-opacity': 0.6 },
    },
    // Circle boundaries in white separate the classes; subdistricts a thin grey above them.
    {
      id: 'circle-line',
      type: 'line',
      source: 'circles',
      paint: {
        'line-color': '#ffffff',
        'line-width': ['interpolate', ['linear'], ['zoom'], 11, 0.8, 15, 2],
        'line-opacity': 0.9,
      },
    },
    {
      id: 'subdistrict-line',
      type: 'line',
      source: 'subdistricts',
      paint: {
        'line-color': '#546e7a',
        'line-width': ['interpolate', ['linear'], ['zoom'], 11, 0.8, 15, 1.6],
        'line-opacity': 0.7,
      },
    },
    {
      id: 'elevated-road',
      type: 'line',
      source: 'elevatedRoads',
      paint: {
        'line-color': '#a1887f',
        'line-width': ['interpolate', ['linear'], ['zoom'], 11, 1, 15, 3],
        'line-opacity': 0.6,
      },
    },
    {
      id: 'metro-line',
      type: 'line',
      source: 'metroLines',
      filter: ['!=', ['get', 'route'], 'network'],
      paint: {
        'line-color': [
          'match',
          ['get', 'route'],
          ...Object.entries(METRO_COLOURS).flat(),
          '#777777',
        ] as unknown as ExpressionSpecification,
        'line-width': ['interpolate', ['linear'], ['zoom'], 11, 1.2, 15, 3],
        'line-opacity': ['interpolate', ['linear'], ['zoom'], 11, 0.5, 15, 0.8],
      },
    },
    {
      id: 'riverfront-line',
      type: 'line',
      source: 'riverfront',
      layout: { 'line-cap': 'round' },
      paint: {
        'line-color': RIVERFRONT_COLOUR,
        'line-width': ['interpolate', ['linear'], ['zoom'], 11, 2, 15, 5],
        'line-opacity': 0.7,
      },
    },
    {
      id: 'circle-selected',
      type: 'line',
      source: 'circles',
      layout: { 'line-join': 'round' },
      paint: {
        'line-color': '#111111',
        'line-width': ['case', selectedState, 3, 0],
      },
    },
    {
      id: 'metro-station',
      type: 'circle',
      source: 'metroStations',
      paint: {
        'circle-color': '#ffffff',
        'circle-radius': ['interpolate', ['linear'], ['zoom'], 11, 2, 15, 4.5],
        'circle-stroke-color': '#546e7a',
        'circle-stroke-width': 1.2,
      },
    },
    pointLayer('services-point', 'services'),
    pointLayer('childcare-point', 'childcare'),
    pointLayer('eldercare-point', 'eldercare'),
    {
      // walking isochrones around the resident's point: 15, 10, 5 minutes (darker nearer)
      id: 'walk-isochrone',
      type: 'fill',
      source: 'isochrone',
      paint: {
        'fill-color': '#1565c0',
        'fill-opacity': ['match', ['get', 'minutes'], 5, 0.22, 10, 0.14, 0.08],
        'fill-outline-color': '#0d47a1',
      },
    },
    ...residentLines(),
    {
      id: 'resident-route',
      type: 'line',
      source: 'resident',
      filter: ['==', ['get', 'kind'], 'route'],
      layout: { 'line-join': 'round', 'line-cap': 'round' },
      paint: { 'line-color': '#0d47a1', 'line-width': ['interpolate', ['linear'], ['zoom'], 12, 2, 16, 4] },
    },
    {
      id: 'network-gate',
      type: 'line',
      source: 'networkEdits',
      filter: ['==', ['get', 'kind'], 'gate'],
      layout: { 'line-cap': 'round' },
      paint: { 'line-color': '#1b7837', 'line-width': 6 },
    },
    {
      id: 'network-suggested-gate',
      type: 'line',
      source: 'networkEdits',
      filter: ['==', ['get', 'kind'], 'suggested-gate'],
      layout: { 'line-cap': 'round' },
      paint: { 'line-color': '#1b7837', 'line-width': 5, 'line-dasharray': [1, 1] },
    },
    {
      id: 'network-edit-point',
      type: 'circle',
      source: 'networkEdits',
      filter: ['==', ['geometry-type'], 'Point'],
      paint: {
        'circle-radius': 7,
        'circle-color': ['match', ['get', 'kind'], 'closure', '#b2182b', '#1b7837'],
        'circle-stroke-color': '#ffffff',
        'circle-stroke-width': 2,
      },
    },
    {
      id: 'highlight-ring',
      type: 'circle',
      source: 'highlight',
      paint: {
        'circle-radius': 11,
        'circle-color': 'rgba(0,0,0,0)',
        'circle-stroke-color': '#111111',
        'circle-stroke-width': 3,
      },
    },
    {
      id: 'resident-point',
      type: 'circle',
      source: 'resident',
      filter: ['==', ['geometry-type'], 'Point'],
      paint: {
        'circle-radius': 8,
        'circle-color': '#1565c0',
        'circle-stroke-color': '#ffffff',
        'circle-stroke-width': 3,
      },
    },
    ...placeLayers(),
    streetLabels(LABEL_FONTS),
    ...residentLineLabels(LABEL_FONTS),
    {
      id: 'metro-station-label',
      type: 'symbol',
      source: 'metroStations',
      minzoom: 13.5,
      layout: {
        'text-field': ['get', 'name'],
        'text-font': LABEL_FONTS,
        'text-size': 11,
        'text-offset': [0, 1.1],
        'text-anchor': 'top',
      },
      paint: { 'text-color': '#263238', 'text-halo-color': '#ffffff', 'text-halo-width': 1.2 },
    },
    {
      id: 'riverfront-label',
      type: 'symbol',
      source: 'riverfront',
      minzoom: 12,
      layout: {
        'symbol-placement': 'line',
        'text-field': riverfrontLabel(lang),
        'text-font': LABEL_FONTS,
        'text-size': 12,
      },
      paint: { 'text-color': RIVERFRONT_COLOUR, 'text-halo-color': '#ffffff', 'text-halo-width': 1.5 },
    },
    {
      id: 'circle-label',
      type: 'symbol',
      source: 'circles',
      minzoom: 12.5,
      layout: { 'text-field': text, 'text-font': LABEL_FONTS, 'text-size': 11 },
      paint: { 'text-color': '#5d4037', 'text-halo-color': '#ffffff', 'text-halo-width': 1.2 },
    },
    {
      id: 'subdistrict-label',
      type: 'symbol',
      source: 'subdistricts',
      maxzoom: 14,
      layout: {
        'text-field': text,
        'text-font': LABEL_FONTS,
        'text-size': ['interpolate', ['linear'], ['zoom'], 11, 12, 14, 16],
        'text-allow-overlap': true,
        'text-ignore-placement': true,
        'text-max-width': 6,
      },
      paint: { 'text-color': '#1c313a', 'text-halo-color': '#ffffff', 'text-halo-width': 1.8 },
    },
  ];
  return { version: 8, name: 'Yangpu life circles (embedded)', sources, layers };
}
