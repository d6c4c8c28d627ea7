/**
 * HTML markers for planning: proposed sites (draggable squares with "+") and suggested
 * sites (numbered). Names are text: set as attributes, never as markup.
 */
import { type Map as MapLibreMap, Marker } from 'maplibre-gl';

export interface ProposedMarker {
  id: string;
  name: string;
  lonLat: [number, number];
}

export class SiteMarkers {
  private readonly map: MapLibreMap;
  private readonly proposed = new Map<string, Marker>();
  private suggested: Marker[] = [];

  constructor(map: MapLibreMap) {
    this.map = map;
  }

  /** Show exactly these proposed sites; `onMove` gets a site's new position after a drag. */
  setProposed(sites: ProposedMarker[], onMove: (id: string, lonLat: [number, number]) => void): void {
    const keep = new Set(sites.map((s) => s.id));
    for (const [id, marker] of this.proposed) {
      if (!keep.has(id)) {
        marker.remove();
        this.proposed.delete(id);
      }
    }
    for (const site of sites) {
      let marker = this.proposed.get(site.id);
      if (!marker) {
        const el = document.createElement('div');
        el.className = 'proposed-site';
        el.textContent = '+';
        const created = new Marker({ element: el, draggable: true }).setLngLat(site.lonLat).addTo(this.map);
        created.on('dragend', () => {
          const p = created.getLngLat();
          onMove(site.id, [p.lng, p.lat]);
        });
        this.proposed.set(site.id, created);
        marker = created;
      } else marker.setLngLat(site.lonLat);
      marker.getElement().title = site.name;
      marker.getElement().setAttribute('aria-label', site.name);
    }
  }

  /** Suggested (not yet accepted) sites as small numbered markers. */
  setSuggested(points: [number, number][]): void {
    for (const m of this.suggested) m.remove();
    this.suggested = points.map((p, i) => {
      const el = document.createElement('div');
      el.className = 'suggested-site';
      el.textContent = String(i + 1);
      return new Marker({ element: el }).setLngLat(p).addTo(this.map);
    });
  }
}
