/**
 * The access layer on the map: one overlay per map controller (src/map/accessOverlay.ts),
 * drawn from the worker's answer for the chosen layer, hidden in the resident's view. The
 * tests read what is drawn through `window.__yangpuAccess` (with ?test=1 only).
 */
import { effect } from '@preact/signals';
import { AccessOverlay } from '../../map/accessOverlay';
import { controller, flags, tab } from '../app/state';
import { accessLayer, accessLayerKind } from './state';

declare global {
  interface Window {
    __yangpuAccess?: AccessOverlay;
  }
}

export function startAccessMap(): () => void {
  let inner: (() => void)[] = [];
  const stop = effect(() => {
    const c = controller.value;
    for (const d of inner) d();
    inner = [];
    if (!c) return;
    const overlay = new AccessOverlay(c.map);
    if (flags.test) window.__yangpuAccess = overlay;
    inner.push(
      effect(() => {
        const layer = accessLayer.value;
        const kind = accessLayerKind.value;
        overlay.set(kind, layer && layer.kind === kind ? layer.features : null, layer?.breaks.length ?? 0);
      }),
      effect(() => overlay.setHidden(tab.value === 'nearby')),
      () => {
        if (window.__yangpuAccess === overlay) delete window.__yangpuAccess;
      },
    );
  });
  return () => {
    stop();
    for (const d of inner) d();
  };
}
