/**
 * Interaction modes, after mapbox-gl-draw: each mode is one object with setup, click and
 * stop; the MapController runs exactly one at a time and sends it every map click. The
 * default is "select" (a facility or a circle); features add theirs (drop a point, add a
 * site, later add a gate).
 */
import type { ModeId } from './ids';

/** What was under a click: the position, and the facility or circle there (if any). */
export interface MapHit {
  /** [lon, lat] */
  lonLat: [number, number];
  facilityId: string | null;
  circleId: string | null;
}

/** What a mode may do to the map while it runs. */
export interface ModeContext {
  setCursor(cursor: string): void;
}

export interface MapMode {
  readonly id: ModeId;
  /** called when the mode starts */
  onSetup?(context: ModeContext): void;
  /** every click on the map while the mode runs */
  onClick(hit: MapHit, context: ModeContext): void;
  /** called when another mode replaces this one */
  onStop?(context: ModeContext): void;
}
