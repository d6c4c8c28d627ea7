/** The optional online basemap: fetch a MapLibre style and draw our layers over it. */
import type { StyleSpecification } from 'maplibre-gl';

/** Layers of ours that an online basemap replaces. */
const REPLACED = ['background', 'district-fill', 'subdistrict-fill'];

/** Fetch an online style with a time limit (ms); throws with the reason when it cannot be used. */
export async function fetchOnlineStyle(url: string, timeoutMs = 6000): Promise<StyleSpecification> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    const response = await fetch(url, { signal: controller.signal });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const style = (await response.json()) as StyleSpecification;
    if (style?.version !== 8 || !Array.isArray(style.layers))
      throw new Error('not a MapLibre style (version 8)');
    return style;
  } finally {
    clearTimeout(timer);
  }
}

/** The online style with our sources and layers on top (online styles bring their own glyphs). */
export function mergeStyles(online: StyleSpecification, ours: StyleSpecification): StyleSpecification {
  return {
    ...online,
    sources: { ...online.sources, ...ours.sources },
    layers: [...online.layers, ...ours.layers.filter((l) => !REPLACED.includes(l.id))],
  };
}
