/**
 * The resident's lines and the places a search found: straight dashed lines to the nearest
 * sites, each labelled with its type and distance (the one picked in the list drawn bold), and
 * a street search's OSM street lines and facility points (ringed). Kept apart from style.ts.
 */
import type { LayerSpecification } from 'maplibre-gl';

/** Source of a street search's result: OSM lines of the street (kind "street") and its facility points. */
export const PLACE_SOURCE = 'place';

const straight = ['all', ['==', ['geometry-type'], 'LineString'], ['!=', ['get', 'kind'], 'route']];
const picked = ['==', ['get', 'picked'], true];

/** Straight lines to the nearest sites (dashed; the picked one bold and blue). */
export function residentLines(): LayerSpecification[] {
  return [
    {
      id: 'resident-line',
      type: 'line',
      source: 'resident',
      filter: straight as never,
      paint: {
        'line-color': ['case', picked, '#0d47a1', '#263238'],
        'line-width': ['case', picked, 3.5, 1.5],
        'line-dasharray': [2, 1.5],
      } as never,
    },
  ];
}

/**
 * A label on each straight line: its type and distance (the picked one larger, never hidden).
 * Two layers, as `text-allow-overlap` takes no data expression: the others may give way, the
 * picked one (drawn above them) never does.
 */
export function residentLineLabels(fonts: string[]): LayerSpecification[] {
  const label = (id: string, isPicked: boolean): LayerSpecification =>
    ({
      id,
      type: 'symbol',
      source: 'resident',
      filter: ['all', straight, isPicked ? picked : ['!', picked]],
      layout: {
        'symbol-placement': 'line-center',
        'text-field': ['get', 'label'],
        'text-font': fonts,
        'text-size': isPicked ? 13 : 11,
        'text-allow-overlap': isPicked,
        'symbol-sort-key': isPicked ? 0 : ['get', 'rank'],
        'text-max-angle': 80,
      },
      paint: {
        'text-color': isPicked ? '#0d47a1' : '#263238',
        'text-halo-color': '#ffffff',
        'text-halo-width': 1.6,
      },
    }) as never;
  return [label('resident-line-label', false), label('resident-line-label-picked', true)];
}

/** A street search's result: the street's OSM lines (yellow under-stroke) and its facilities (rings). */
export function placeLayers(): LayerSpecification[] {
  return [
    {
      id: 'place-street',
      type: 'line',
      source: PLACE_SOURCE,
      filter: ['==', ['geometry-type'], 'LineString'],
      layout: { 'line-join': 'round', 'line-cap': 'round' },
      paint: { 'line-color': '#f9a825', 'line-width': 7, 'line-opacity': 0.75 },
    },
    {
      id: 'place-point',
      type: 'circle',
      source: PLACE_SOURCE,
      filter: ['==', ['geometry-type'], 'Point'],
      paint: {
        'circle-radius': 9,
        'circle-color': 'rgba(0,0,0,0)',
        'circle-stroke-color': '#e65100',
        'circle-stroke-width': 2.5,
      },
    },
  ];
}
