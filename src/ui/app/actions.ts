/** Navigation that also moves the map: choose a circle, a facility or a search result. */
import { batch } from '@preact/signals';
import type { Position } from 'geojson';
import { selectedCircle } from '../coverage/state';
import { selectedFacility } from '../facility/state';
import { place, placeFitPoints } from '../search/place';
import type { SearchItem } from '../search/Search';
import { controller, index, tab } from './state';

export function chooseCircle(id: string, fly = true): void {
  batch(() => {
    selectedCircle.value = id;
    tab.value = 'coverage';
  });
  if (fly) controller.peek()?.selectCircle(id, true);
}

export function chooseFacility(id: string): void {
  selectedFacility.value = id;
  const f = index.peek()?.facilities.get(id);
  if (f) controller.peek()?.flyTo(f.geometry.coordinates, 15);
}

export function flyTo(lonLat: Position, zoom = 15): void {
  controller.peek()?.flyTo(lonLat, zoom);
}

/** Show a street (its OSM line, the facilities on it) or a crossing, and fit the map to it. */
export function choosePlace(next: NonNullable<typeof place.value>): void {
  batch(() => {
    place.value = next;
    selectedFacility.value = null;
  });
  const streets = index.peek()?.streets;
  if (streets) controller.peek()?.fitPoints(placeFitPoints(next, streets), 16);
}

export function chooseSearchItem(item: SearchItem): void {
  if (item.kind === 'street') choosePlace({ kind: 'street', name: item.id });
  else if (item.kind === 'crossing' && item.lonLat)
    choosePlace({ kind: 'crossing', names: item.id.split(' × '), at: item.lonLat });
  else if (item.kind === 'facility') chooseFacility(item.id);
  else if (item.kind === 'circle') chooseCircle(item.id);
  else if (item.kind === 'subdistrict' && item.lonLat) flyTo(item.lonLat, 13.5);
  else if (item.kind === 'unlocated') tab.value = 'layers';
}
