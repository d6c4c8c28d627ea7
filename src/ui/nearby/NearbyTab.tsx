import './nearby.css';
import { batch } from '@preact/signals';
import { DISTRICT_BBOX, inBBox } from '../../core/extent';
import { chooseFacility, flyTo } from '../app/actions';
import { index, lang } from '../app/state';
import { network, walkFactors } from '../coverage/state';
import { EmbedThisView } from '../embed/EmbedThisView';
import { t } from '../i18n';
import { Nearby } from './Nearby';
import { locationMessage, nearest, residentPoint, walks } from './state';

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
      flyTo(p, 15);
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
        results={nearest.value}
        walks={walks.value}
        hasNetwork={network.value !== null}
        factors={walkFactors.value}
        facilityName={(id) => idx?.facilityLabel(id, lang.value) ?? id}
        onFacility={chooseFacility}
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
