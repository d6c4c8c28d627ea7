/**
 * The "population model" layer group: which method places residents where (derived layer
 * population-model.geojson). Kept apart from style.ts so the map's styling can change
 * without touching it.
 */
import type { ExpressionSpecification, LayerSpecification } from 'maplibre-gl';
import type { PopulationMethod } from '../core/schema';

/** Fill colour and opacity of each method (the legend reads them too). */
export const POPULATION_METHOD_STYLE: Record<PopulationMethod, { colour: string; opacity: number }> = {
  land: { colour: '#ffe0b2', opacity: 0.75 },
  /** inside the extent: land without homes (drawn under the rest) */
  extent: { colour: '#fafafa', opacity: 0.8 },
  'buildings-area': { colour: '#e1bee7', opacity: 0.85 },
  landuse: { colour: '#fb8c00', opacity: 0.85 },
  'other-building': { colour: '#9e9e9e', opacity: 0.9 },
  building: { colour: '#6a1b9a', opacity: 0.95 },
};
/** Outline of the OSM extent (where buildings and land use are complete). */
export const POPULATION_EXTENT_COLOUR = '#4a148c';

const byMethod = (pick: 'colour' | 'opacity', fallback: string | number) =>
  [
    'match',
    ['get', 'method'],
    ...Object.entries(POPULATION_METHOD_STYLE).flatMap(([m, s]) => [m, s[pick]]),
    fallback,
  ] as unknown as ExpressionSpecification;

/** Draw order inside the fill layer (the order of POPULATION_METHOD_STYLE): land first, buildings last. */
const sortKey = [
  'match',
  ['get', 'method'],
  ...Object.keys(POPULATION_METHOD_STYLE).flatMap((m, i) => [m, i]),
  0,
] as unknown as ExpressionSpecification;

/** The group's layers, drawn from the `populationModel` source. */
export function populationModelLayers(): LayerSpecification[] {
  return [
    {
      id: 'population-model-fill',
      type: 'fill',
      source: 'populationModel',
      layout: { 'fill-sort-key': sortKey },
      paint: { 'fill-color': byMethod('colour', '#000000'), 'fill-opacity': byMethod('opacity', 0) },
    },
    {
      id: 'population-model-line',
      type: 'line',
      source: 'populationModel',
      filter: ['match', ['get', 'method'], ['extent', 'buildings-area', 'landuse'], true, false],
      paint: {
        'line-color': ['case', ['==', ['get', 'method'], 'extent'], POPULATION_EXTENT_COLOUR, '#8e5b00'],
        'line-width': ['case', ['==', ['get', 'method'], 'extent'], 2, 0.6],
        'line-dasharray': [2, 1],
      },
    },
  ];
}
