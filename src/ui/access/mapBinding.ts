/**
 * The access layer on the map: one overlay per map controller (src/map/accessOverlay.ts),
 * drawn from the worker's answer for the chosen layer, hidden in the resident's view. The
 * tests read what is drawn through `window.__yangpuAccess` (with ?test=1 only).
 */
import { effect } from '@preact/signals';
import type { MapView } from '../../map/MapView';
import { controller, flags, tab } from '../app/state';
import { accessLayer, accessLayerKind } from './state';

declare global {
  interface Window {
    __yangpuAccess?: { readonly state: MapView['accessState'] };
  }
}

export function startAccessMap(): () => void {
  let inner: (() => void)[] = [];
  const stop = effect(() => {
    const c = controller.value;
    for (const d of inner) d();
    inner = [];
    if (!c) return;
    if (flags.test)
      window.__yangpuAccess = {
        get state() {
          return c.accessState;
        },
      };
    const overlay = window.__yangpuAccess;
    inner.push(
      effect(() => {
        const layer = accessLayer.value;
        const kind = accessLayerKind.value;
        c.setAccessLayer(
          kind,
          layer && layer.kind === kind ? layer.features : null,
          layer?.breaks.length ?? 0,
        );
      }),
      effect(() => c.setAccessHidden(tab.value === 'nearby')),
      () => {
        if (overlay && window.__yangpuAccess === overlay) delete window.__yangpuAccess;
      },
    );
  });
  return () => {
    stop();
    for (const d of inner) d();
  };
}
