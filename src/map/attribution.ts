/**
 * The map's attribution: MapLibre's compact AttributionControl (an ⓘ button on maps up to
 * 640 px wide or 480 px high, folded from the start), whose links open in a new tab, and which
 * never covers the points the map must keep in view (the resident's marker, the selected
 * facility, a search's places): when it would, the map is panned so the point sits clear of it.
 */
import type { Position } from 'geojson';
import { AttributionControl, type Map as MapLibreMap } from 'maplibre-gl';

/** Maps this small (CSS px) get the compact attribution, folded. */
export const COMPACT_MAX = { width: 640, height: 480 } as const;

/** Give every link under `root` target="_blank" and rel="noopener noreferrer" (outbound links never replace the map). */
export function openLinksInNewTab(root: ParentNode): void {
  for (const a of root.querySelectorAll<HTMLAnchorElement>('a[href]')) {
    a.target = '_blank';
    const rel = new Set(a.rel.split(/\s+/).filter(Boolean));
    rel.add('noopener');
    rel.add('noreferrer');
    a.rel = [...rel].join(' ');
  }
}

/**
 * Keep every link under `root` opening in a new tab, now and whenever its content is rebuilt
 * (MapLibre rewrites the attribution's HTML on every style and source change, after our own
 * listeners have run): a MutationObserver fixes each new link. Returns the disconnect.
 */
export function keepLinksInNewTab(root: HTMLElement): () => void {
  openLinksInNewTab(root);
  const observer = new MutationObserver(() => openLinksInNewTab(root));
  observer.observe(root, { childList: true, subtree: true });
  return () => observer.disconnect();
}

/** A box in CSS px relative to the map's container. */
export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/**
 * How far (px, positive = up) to move the map so that every point is at least `marginPx`
 * above the box; 0 when none is under it. Points above the box, or left of it, are clear.
 */
export function clearanceShift(points: { x: number; y: number }[], box: Box, marginPx = 12): number {
  let shift = 0;
  for (const p of points) {
    const under =
      p.x >= box.left - marginPx &&
      p.x <= box.right + marginPx &&
      p.y >= box.top - marginPx &&
      p.y <= box.bottom + marginPx;
    if (under) shift = Math.max(shift, p.y - (box.top - marginPx));
  }
  return shift;
}

export class MapAttribution {
  private control: AttributionControl | null = null;
  private unwatch: (() => void) | null = null;
  private readonly map: MapLibreMap;
  private readonly keepClear: () => Position[];
  /** true while our own clearance pan moves the map (its moveend is not checked again) */
  private shifting = false;

  constructor(map: MapLibreMap, keepClear: () => Position[]) {
    this.map = map;
    this.keepClear = keepClear;
    // Sources (an online basemap's too) add their own credits: their links open in a new tab as well.
    map.on('sourcedata', () => this.fixLinks());
    map.on('styledata', () => this.fixLinks());
    // after our own moves (fits, fly-tos) and a resize, check the kept points are clear
    map.on('moveend', (e) => {
      if (!(e as { originalEvent?: unknown }).originalEvent) this.keepPointsClear();
    });
    map.on('resize', () => this.keepPointsClear());
  }

  private get container(): HTMLElement | null {
    return (this.control as unknown as { _container?: HTMLElement } | null)?._container ?? null;
  }

  /** Replace the control with one crediting `parts` (HTML strings with links). */
  set(parts: string[]): void {
    this.unwatch?.();
    this.unwatch = null;
    if (this.control) this.map.removeControl(this.control);
    const canvas = this.map.getCanvasContainer();
    const small = canvas.offsetWidth <= COMPACT_MAX.width || canvas.offsetHeight <= COMPACT_MAX.height;
    this.control = new AttributionControl({ compact: small || undefined, customAttribution: parts });
    this.map.addControl(this.control, 'bottom-right');
    const el = this.container;
    if (el) {
      this.unwatch = keepLinksInNewTab(el);
      // folded from the start on small maps: the ⓘ button; one tap shows the credits
      if (small) {
        el.classList.remove('maplibregl-compact-show');
        el.removeAttribute('open');
      }
      el.querySelector('summary')?.addEventListener('click', () =>
        requestAnimationFrame(() => this.keepPointsClear()),
      );
    }
    this.fixLinks();
  }

  private fixLinks(): void {
    const el = this.container;
    if (el) openLinksInNewTab(el);
  }

  /** Pan the map (at once) when a kept point lies under the attribution. */
  keepPointsClear(): void {
    const el = this.container;
    if (!el) return;
    const outer = this.map.getContainer().getBoundingClientRect();
    const r = el.getBoundingClientRect();
    if (r.width === 0) return;
    const box = {
      left: r.left - outer.left,
      top: r.top - outer.top,
      right: r.right - outer.left,
      bottom: r.bottom - outer.top,
    };
    const points = this.keepClear().map((p) => this.map.project(p as [number, number]));
    const dy = clearanceShift(points, box);

    // moving the map's content up by dy = panning the view down by dy
    if (this.shifting) {
      this.shifting = false;
      return;
    }
    if (dy > 0 && dy < outer.height / 2) {
      this.shifting = true;
      this.map.panBy([0, dy], { duration: 0 });
    }
  }
}
