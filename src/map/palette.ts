/** Colours shared by the map style and the legend. */
import { ELDERCARE_TARGET_SHARE } from '../analysis/standards';
import type { CategoryId } from '../core/categories';

/** Fill colour of each subdistrict, by code order (pale, distinct neighbours). */
export const SUBDISTRICT_COLOURS = [
  '#e8e1cf',
  '#dfe8d4',
  '#d9e3ec',
  '#efdcd6',
  '#e4dcea',
  '#f0e6c8',
  '#d4e6e1',
  '#eadfd0',
  '#dde0ef',
  '#e6ecd0',
  '#f1dde4',
  '#d6e4d8',
];

export const CATEGORY_COLOURS: Record<CategoryId, string> = {
  'nursing-home': '#b2182b',
  'care-home': '#d6604d',
  'elder-service-centre': '#8c510a',
  'day-care': '#e08214',
  'elder-canteen': '#dd3497',
  'meal-point': '#f4a582',
  'nursing-station': '#7a0177',
  'nursing-hospital': '#543005',
  'elder-service-org': '#bf812d',
  kindergarten: '#2166ac',
  nursery: '#4393c3',
  'childcare-centre': '#5aae61',
  'baby-room': '#1b7837',
  'health-centre': '#542788',
  'cultural-centre': '#8073ac',
  park: '#4d9221',
  sports: '#35978f',
};

export const METRO_COLOURS: Record<string, string> = {
  '2': '#97d700',
  '4': '#5f259f',
  '8': '#009edb',
  '10': '#c6afd4',
  '12': '#007b63',
  '18': '#d6a461',
};

export const RIVERFRONT_COLOUR = '#0f7c8c';
export const BACKGROUND_COLOUR = '#cfd8dc';

/**
 * Colour of the gap outline and hatch (uncovered residential land): a neutral dark ink, so
 * the gaps read as a texture over the coverage colours rather than as another class.
 */
export const GAP_COLOUR = '#1c2a33';

/** The walking graph in network mode: a dark violet line, apart from the gap ink and the class colours. */
export const NETWORK_COLOUR = '#4a2a86';

/** Share of residents at which a circle meets the reference (Shanghai's 2025 eldercare target). */
export const REFERENCE_SHARE = ELDERCARE_TARGET_SHARE;

/**
 * Coverage classes (share of residents within the radius), colour-blind safe (ColorBrewer
 * RdYlBu, diverging at the 85 % reference): below the reference a light-to-dark ramp that
 * reads by lightness alone (worst = darkest), at or above it blue.
 */
export const COVERAGE_CLASSES = [
  { min: 0, max: 0.25, colour: '#a50026', zh: '低于25%', en: 'below 25%' },
  { min: 0.25, max: 0.5, colour: '#d73027', zh: '25–50%', en: '25–50%' },
  { min: 0.5, max: 0.7, colour: '#fc8d59', zh: '50–70%', en: '50–70%' },
  { min: 0.7, max: REFERENCE_SHARE, colour: '#fee090', zh: '70–85%', en: '70–85%' },
  { min: REFERENCE_SHARE, max: Infinity, colour: '#4575b4', zh: '85%及以上', en: '85% and above' },
] as const;

export function coverageColour(share: number | null): string {
  if (share === null) return '#bdbdbd';
  return COVERAGE_CLASSES.find((c) => share < c.max)!.colour;
}
