/**
 * Which facility types have a capacity, in which unit, for whom, and per how many people it
 * is stated: eldercare beds, places and seats per 100 residents aged 60+, childcare places
 * (托位) per 100 children of the age the type serves, health-centre beds per 1,000 residents,
 * park area per resident. A site's capacity counts only in its type's unit (a list giving
 * another unit, or none, leaves the site's capacity unknown, never assumed). Pure.
 */
import { type AgeGroup, targetGroupOf } from '../../core/ageGroups';
import type { CoverageCategory } from '../../core/categories';

export type CapacityUnit = 'beds' | 'places' | 'seats' | 'm²';

export interface CapacitySpec {
  unit: CapacityUnit;
  /** stated per this many people of the demand group (100: "beds per 100 elders") */
  per: number;
  /** the demand: the type's age group, or null for every resident */
  group: AgeGroup | null;
}

const UNIT_OF: Partial<Record<CoverageCategory, { unit: CapacityUnit; per: number }>> = {
  'nursing-home': { unit: 'beds', per: 100 },
  'care-home': { unit: 'beds', per: 100 },
  'nursing-hospital': { unit: 'beds', per: 100 },
  'day-care': { unit: 'places', per: 100 },
  'elder-service-centre': { unit: 'places', per: 100 },
  'elder-canteen': { unit: 'seats', per: 100 },
  'meal-point': { unit: 'seats', per: 100 },
  kindergarten: { unit: 'places', per: 100 },
  nursery: { unit: 'places', per: 100 },
  'childcare-centre': { unit: 'places', per: 100 },
  'baby-room': { unit: 'places', per: 100 },
  'health-centre': { unit: 'beds', per: 1000 },
  park: { unit: 'm²', per: 1 },
};

/** The capacity spec of a type, or null when the type has none (culture, sports, the riverfront). */
export function capacitySpec(category: CoverageCategory): CapacitySpec | null {
  const u = UNIT_OF[category];
  return u ? { ...u, group: targetGroupOf(category) } : null;
}

/** Every type with a capacity spec, in display order. */
export const CAPACITY_CATEGORIES = Object.keys(UNIT_OF) as CoverageCategory[];

/** Units as the source lists write them (the pipeline's `capacityUnit`), mapped to ours. */
const UNIT_ALIASES: Record<string, CapacityUnit> = {
  beds: 'beds',
  床位: 'beds',
  places: 'places',
  托位: 'places',
  学位: 'places',
  seats: 'seats',
  座位: 'seats',
  'm²': 'm²',
  m2: 'm²',
};

/**
 * A site's capacity in its type's unit, or null when unknown: no figure, a negative or
 * non-finite one, or a figure in another unit (a stated 0 is a known 0). A figure without a
 * unit (an imported capacity column) is read in the type's unit.
 */
export function capacityInUnit(
  category: CoverageCategory,
  capacity: number | null | undefined,
  unit: string | null | undefined,
): number | null {
  const spec = capacitySpec(category);
  if (!spec || typeof capacity !== 'number' || !Number.isFinite(capacity) || capacity < 0) return null;
  if (unit === null || unit === undefined || unit === '') return capacity;
  return UNIT_ALIASES[unit] === spec.unit ? capacity : null;
}
