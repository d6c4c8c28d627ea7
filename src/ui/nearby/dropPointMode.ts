/** Interaction mode "drop a point" (near me): a click sets the resident's point; a facility opens its card. */
import { MODE } from '../../map/ids';
import type { MapMode } from '../../map/modes';
import { selectedFacility } from '../facility/state';
import { locationMessage, residentPoint } from './state';

export const dropPointMode: MapMode = {
  id: MODE.dropPoint,
  onClick(hit) {
    if (hit.facilityId) {
      selectedFacility.value = hit.facilityId;
      return;
    }
    residentPoint.value = hit.lonLat;
    locationMessage.value = null;
  },
};
