/**
 * Interaction modes for walking-network edits: "add a gate" (two clicks: its two ends) and
 * "close a link" (one click on it). Each ends itself after its last click.
 */
import { MODE } from '../../map/ids';
import type { MapMode } from '../../map/modes';
import { lang } from '../app/state';
import { t } from '../i18n';
import { addClosure, addGate, gateStart, networkEdit, scenarios } from './state';

const nameIfNew = () => `${t('newScenario', lang.peek())} ${scenarios.peek().length + 1}`;

export const addGateMode: MapMode = {
  id: MODE.addGate,
  onSetup(context) {
    gateStart.value = null;
    context.setCursor('crosshair');
  },
  onClick(hit) {
    const a = gateStart.peek();
    if (!a) {
      gateStart.value = hit.lonLat;
      return;
    }
    gateStart.value = null;
    networkEdit.value = null;
    addGate(a, hit.lonLat, nameIfNew());
  },
  onStop(context) {
    gateStart.value = null;
    context.setCursor('');
  },
};

export const closeLinkMode: MapMode = {
  id: MODE.closeLink,
  onSetup(context) {
    context.setCursor('crosshair');
  },
  onClick(hit) {
    networkEdit.value = null;
    addClosure(hit.lonLat, nameIfNew());
  },
  onStop(context) {
    context.setCursor('');
  },
};
