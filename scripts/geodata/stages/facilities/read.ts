/** Reading the facility CSVs: the columns every file has and the parsing of its fields. */
import type { CategoryId } from '../../../../src/core/categories';
import type { LocationQuality } from '../../../../src/core/schema';
import { DataError } from '../../../../src/data/errors';

/** Columns every facility CSV has: WGS84 lon/lat plus the source's own coordinates and CRS. */
export const BASE_COLUMNS = [
  'id',
  'name',
  'category',
  'lon',
  'lat',
  'crs_original',
  'lon_original',
  'lat_original',
];

/** The source's geocode rating ("high …", "medium …", "low …") as a LocationQuality. */
export function qualityFrom(text: string | undefined): LocationQuality {
  const t = (text ?? '').toLowerCase();
  if (t.startsWith('high')) return 'high';
  if (t.startsWith('medium')) return 'medium';
  if (t.startsWith('low')) return 'low';
  return 'unrated';
}

/** A finite number, or null for an empty or non-numeric field. */
export function parseNumber(text: string | undefined): number | null {
  if (!text) return null;
  const v = Number(text);
  return Number.isFinite(v) ? v : null;
}

/** The row's category mapped by `map`; stops, naming file, row and field, when it is unknown. */
export function rowCategory(
  row: Record<string, string>,
  file: string,
  rowNo: number,
  map: (text: string) => CategoryId | null | undefined,
): CategoryId {
  const category = map(row.category ?? '');
  if (!category)
    throw new DataError(file, `row ${rowNo}, field category`, `unknown category "${row.category}"`);
  return category;
}
