/** Ids the map uses in more than one place: sources, layers and interaction modes. */

/** Sources drawn from data the app computes (not from geodata/). */
export const SOURCE = {
  circles: 'circles',
  gaps: 'gaps',
  resident: 'resident',
  highlight: 'highlight',
  isochrone: 'isochrone',
  networkEdits: 'networkEdits',
  /** the walking graph distances are measured on (network mode) */
  networkGraph: 'networkGraph',
  circleLabels: 'circleLabels',
  subdistrictLabels: 'subdistrictLabels',
} as const;

/** The planner's coverage layers, hidden in the resident's view. */
export const PLANNER_LAYERS = ['circle-fill', 'gap-fill', 'gap-line'] as const;

/** Facility point layers (clickable). */
export const POINT_LAYERS = ['eldercare-point', 'childcare-point', 'services-point'] as const;

/** Layers whose text follows the language. */
export const LABEL_LAYERS = ['subdistrict-label', 'circle-label'] as const;
export const RIVERFRONT_LABEL = 'riverfront-label';
export const CIRCLE_FILL = 'circle-fill';

/** Interaction modes (one object each, see modes.ts). */
export const MODE = {
  select: 'select',
  dropPoint: 'drop-point',
  addSite: 'add-site',
  addGate: 'add-gate',
  closeLink: 'close-link',
} as const;
export type ModeId = (typeof MODE)[keyof typeof MODE];
