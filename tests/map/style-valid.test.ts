/**
 * The map's style passes MapLibre's own style validator (a bad layer stops the whole map
 * loading: e.g. a data expression where a layout property takes none), in both languages,
 * with the real geodata as sources.
 */
import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import { describe, expect, it } from 'vitest';
import { buildStyle } from '../../src/map/style';
import { loadGeodata } from '../harness/app';

describe('map style', () => {
  it.each(['zh', 'en'] as const)('is valid for MapLibre (%s)', (lang) => {
    const style = buildStyle(loadGeodata().layers as never, lang);
    const errors = validateStyleMin(style as never).map((e) => e.message);
    expect(errors).toEqual([]);
  });

  it('the resident’s picked line label may overlap, the others give way', () => {
    const style = buildStyle(loadGeodata().layers as never, 'zh');
    const layout = (id: string) => style.layers.find((l) => l.id === id)?.layout as Record<string, unknown>;
    expect(layout('resident-line-label-picked')['text-allow-overlap']).toBe(true);
    expect(layout('resident-line-label')['text-allow-overlap']).toBe(false);
  });
});
