/** Interaction mode "select" (the default): a click opens a facility's card, else a circle's profile. */
import { batch } from '@preact/signals';
import { MODE } from '../../map/ids';
import type { MapMode } from '../../map/modes';
import { selectedCircle } from '../coverage/state';
import { selectedFacility } from '../facility/state';
import { tab } from './state';

export const selectMode: MapMode = {
  id: MODE.select,
  onClick(hit) {
    batch(() => {
      if (hit.facilityId) selectedFacility.value = hit.facilityId;
      else if (hit.circleId) {
        selectedCircle.value = hit.circleId;
        selectedFacility.value = null;
        tab.value = 'coverage';
      }
    });
  },
};
