/** Interaction mode "add a site": the next click proposes a site of the shown category there. */
import { MODE } from '../../map/ids';
import type { MapMode } from '../../map/modes';
import { lang } from '../app/state';
import { category } from '../coverage/state';
import { t } from '../i18n';
import { addingSite, addSites, scenarios } from './state';

export const addSiteMode: MapMode = {
  id: MODE.addSite,
  onSetup(context) {
    context.setCursor('crosshair');
  },
  onClick(hit) {
    addingSite.value = false;
    const l = lang.peek();
    addSites([hit.lonLat], category.peek(), l, `${t('newScenario', l)} ${scenarios.peek().length + 1}`);
  },
  onStop(context) {
    context.setCursor('');
  },
};
