/** Which layer groups are shown (no JSX). */
import { signal } from '@preact/signals';
import type { LayerGroup } from '../../map/style';

export const DEFAULT_VISIBLE: Record<LayerGroup, boolean> = {
  subdistricts: true,
  circles: true,
  gaps: true,
  riverfront: true,
  metro: true,
  roads: true,
  osm: true,
  eldercare: true,
  childcare: true,
  services: false,
  population: false,
};

export const visible = signal<Record<LayerGroup, boolean>>({ ...DEFAULT_VISIBLE });

export function toggleLayer(group: LayerGroup): void {
  visible.value = { ...visible.value, [group]: !visible.value[group] };
}
