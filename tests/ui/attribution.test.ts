// @vitest-environment happy-dom
/**
 * Attribution (issue 22 items 5–6), without a map: links open in a new tab with rel=noopener,
 * also after the content is rebuilt (MapLibre rewrites it on every style and source change),
 * and the clearance a kept point needs above the attribution box.
 */
import { describe, expect, it } from 'vitest';
import { clearanceShift, keepLinksInNewTab, openLinksInNewTab } from '../../src/map/attribution';

const links = (root: ParentNode) =>
  [...root.querySelectorAll('a')].map((a) => [a.target, a.rel.split(' ').includes('noopener')]);

describe('outbound links', () => {
  it('gives every link target=_blank and rel=noopener, keeping its own rel', () => {
    const el = document.createElement('div');
    el.innerHTML =
      '<a href="https://www.openstreetmap.org/copyright">OSM</a> <a href="x" rel="license">x</a>';
    openLinksInNewTab(el);
    expect(links(el)).toEqual([
      ['_blank', true],
      ['_blank', true],
    ]);
    expect(el.querySelectorAll('a')[1]!.rel.split(' ')).toContain('license');
  });

  it('keeps doing so when the content is rebuilt', async () => {
    const el = document.createElement('div');
    document.body.append(el);
    const stop = keepLinksInNewTab(el);
    // as MapLibre's AttributionControl does on styledata/sourcedata
    el.innerHTML =
      '<div class="maplibregl-ctrl-attrib-inner"><a href="https://maplibre.org/">MapLibre</a></div>';
    await new Promise((r) => setTimeout(r, 0));
    expect(links(el)).toEqual([['_blank', true]]);
    stop();
    el.remove();
  });
});

describe('clearanceShift', () => {
  const box = { left: 300, top: 500, right: 360, bottom: 560 };
  it('is 0 for points clear of the box and moves a covered point above it with a margin', () => {
    expect(clearanceShift([{ x: 100, y: 540 }], box)).toBe(0);
    expect(clearanceShift([{ x: 330, y: 400 }], box)).toBe(0);
    expect(clearanceShift([{ x: 330, y: 530 }], box, 12)).toBe(530 - 488);
    expect(
      clearanceShift(
        [
          { x: 330, y: 530 },
          { x: 350, y: 555 },
        ],
        box,
        12,
      ),
    ).toBe(555 - 488);
  });
});
