/**
 * Street-zoom context drawn from our OSM layers (the 五角场/复旦/同济 extract and any imported
 * OSM data): residential blocks, green and water under the coverage colours, the walking
 * network over them, street names on top. Quiet and faint until the view is close.
 */
import type { ExpressionSpecification, LayerSpecification } from 'maplibre-gl';
import { NETWORK_COLOUR } from './palette';

/** Opacity rising from 0 at zoom `from` to `to` at zoom `full`. */
export function fadeIn(from: number, full: number, to: number): ExpressionSpecification {
  return ['interpolate', ['linear'], ['zoom'], from, 0, full, to];
}

/** Street width (px) by OSM highway class, growing with the zoom; `casing` px wider for the outline. */
function streetWidth(casing: number): ExpressionSpecification {
  const major = [
    'match',
    ['get', 'highway'],
    ['trunk', 'trunk_link', 'primary', 'primary_link', 'secondary'],
    1,
    0,
  ];
  const minor = ['match', ['get', 'highway'], ['footway', 'path', 'steps', 'pedestrian'], 1, 0];
  const at = (base: number) => ['+', casing, ['*', base, ['-', ['+', 1, major], ['*', 0.5, minor]]]];
  return [
    'interpolate',
    ['exponential', 1.6],
    ['zoom'],
    14,
    at(1.5),
    18,
    at(9),
  ] as unknown as ExpressionSpecification;
}

/** Residential, green and water fills (under the circles' coverage colours). */
export function contextFills(): LayerSpecification[] {
  return [
    {
      id: 'residential-fill',
      type: 'fill',
      source: 'residential',
      minzoom: 12.5,
      paint: { 'fill-color': '#e3d6c6', 'fill-opacity': fadeIn(12.5, 15, 0.7) },
    },
    {
      id: 'green-fill',
      type: 'fill',
      source: 'green',
      minzoom: 12.5,
      paint: { 'fill-color': '#c7dfb4', 'fill-opacity': fadeIn(12.5, 15, 0.8) },
    },
    {
      id: 'water-fill',
      type: 'fill',
      source: 'water',
      filter: ['==', ['geometry-type'], 'Polygon'],
      paint: { 'fill-color': '#a9cfe6' },
    },
  ];
}

/** The walking network: a grey casing and a light street, wider for main roads (over the coverage tint). */
export function streetLines(): LayerSpecification[] {
  return [
    {
      id: 'walk-casing',
      type: 'line',
      source: 'walkNetwork',
      minzoom: 14,
      layout: { 'line-cap': 'round', 'line-join': 'round' },
      paint: { 'line-color': '#9aa5ab', 'line-width': streetWidth(1.5), 'line-opacity': fadeIn(14, 15, 0.8) },
    },
    {
      id: 'walk-line',
      type: 'line',
      source: 'walkNetwork',
      minzoom: 14,
      layout: { 'line-cap': 'round', 'line-join': 'round' },
      paint: { 'line-color': '#fbfaf7', 'line-width': streetWidth(0), 'line-opacity': fadeIn(14, 15, 1) },
    },
  ];
}

/**
 * Network mode: the walking graph the distances are measured on (largest component, walk
 * rules applied; the shipped OSM network or an imported one), a thin dark line from
 * district zoom, over the street context, so a planner sees where walking distance applies.
 */
export function networkGraphLine(source: string): LayerSpecification {
  return {
    id: 'network-graph-line',
    type: 'line',
    source,
    layout: { 'line-join': 'round', 'line-cap': 'round' },
    paint: {
      'line-color': NETWORK_COLOUR,
      'line-width': ['interpolate', ['linear'], ['zoom'], 11, 0.4, 14, 0.9, 17, 1.6],
      'line-opacity': ['interpolate', ['linear'], ['zoom'], 11, 0.45, 14, 0.7, 17, 0.85],
    },
  };
}

/** Street names along the lines, where OSM has them, in the map's label fonts. */
export function streetLabels(fonts: string[]): LayerSpecification {
  return {
    id: 'walk-label',
    type: 'symbol',
    source: 'walkNetwork',
    minzoom: 15,
    filter: ['has', 'name'],
    layout: {
      'symbol-placement': 'line',
      'text-field': ['get', 'name'],
      'text-font': fonts,
      'text-size': ['interpolate', ['linear'], ['zoom'], 15, 10, 18, 13],
      'text-max-angle': 30,
      'symbol-spacing': 300,
    },
    paint: { 'text-color': '#455a64', 'text-halo-color': '#ffffff', 'text-halo-width': 1.4 },
  };
}
