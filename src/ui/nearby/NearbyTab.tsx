import './nearby.css';
import { batch } from '@preact/signals';
import { DISTRICT_BBOX, inBBox } from '../../core/extent';
import { controller, index, lang } from '../app/state';
import { network, walkFactors } from '../coverage/state';
import { EmbedThisView } from '../embed/EmbedThisView';
import { selectedFacility } from '../facility/state';
import { t } from '../i18n';
import { Nearby } from './Nearby';
import { placeText } from './placeText';
import { locationMessage, nearest, residentPlace, residentPoint, walks } from './state';
import { nearbyFitPoints } from './view';

/** Pick a facility from the list: its card, its line highlighted, the view on the place and it. */
function pickFacility(id: string): void {
  selectedFacility.value = id;
  const at = residentPoint.peek();
  const f = index.peek()?.facilities.get(id);
  if (at && f) controller.peek()?.fitPoints([at, f.geometry.coordinates], 16);
}

/** Use the device's location when it is in Yangpu; say why not otherwise. */
function useLocation(): void {
  const l = lang.peek();
  if (!('geolocation' in navigator)) {
    locationMessage.value = t('locationUnavailable', l);
    return;
  }
  navigator.geolocation.getCurrentPosition(
    (pos) => {
      const p: [number, number] = [pos.coords.longitude, pos.coords.latitude];
      if (!inBBox(p, DISTRICT_BBOX)) {
        locationMessage.value = t('locationOutside', l);
        return;
      }
      batch(() => {
        locationMessage.value = null;
        residentPoint.value = p;
      });
      // the view fits the place and its nearest sites
      controller.peek()?.fitPoints(nearbyFitPoints(p, nearest.peek()));
    },
    () => {
      locationMessage.value = t('locationUnavailable', l);
    },
    { timeout: 10_000 },
  );
}

/** The resident's tab: the nearest facility of every type from a point. */
export function NearbyTab() {
  const idx = index.value;
  return (
    <>
      <Nearby
        lang={lang.value}
        point={residentPoint.value}
        placeText={residentPlace.value ? placeText(residentPlace.value, lang.value) : null}
        picked={selectedFacility.value}
        results={nearest.value}
        walks={walks.value}
        hasNetwork={network.value !== null}
        factors={walkFactors.value}
        facilityName={(id) => idx?.facilityLabel(id, lang.value) ?? id}
        onFacility={pickFacility}
        onUseLocation={useLocation}
        onClear={() => {
          residentPoint.value = null;
        }}
        message={locationMessage.value}
      />
      <EmbedThisView lang={lang.value} />
    </>
  );
}
