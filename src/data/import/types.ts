/** Types of the importer: options, what it accepted and rejected, and bilingual messages. */
import type { MultiPolygon, Polygon } from 'geojson';
import type { AgeGroup, AgeGroupCounts } from '../../core/ageGroups';
import type { Crs } from '../crs';

/** Files larger than this are refused before reading (bytes). */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

export interface Message {
  zh: string;
  en: string;
}

export interface Issue {
  /** "feature 3", "row 12, field lat", or null for the whole file */
  where: string | null;
  message: Message;
}

export type ImportKind = 'facilities' | 'circles' | 'population';

/** CSV columns the loader reads; the user can override the detected mapping. */
export type Field = 'lon' | 'lat' | 'name' | 'address' | 'category' | 'id' | 'population' | AgeGroup;

export interface ImportOptions {
  kind: ImportKind;
  /** the coordinate system the user states for the file */
  crs: Crs;
  /** category for facilities when the file has none */
  category?: string;
  /** the district outline, for the CRS suggestion and the "near Yangpu" check */
  district?: Polygon | MultiPolygon;
  /** explicit CSV column for a field (else detected from common names) */
  columns?: Partial<Record<Field, string>>;
  /** for population imports: the circles and subdistricts rows may name */
  targets?: { circles: { id: string; name: string }[]; subdistricts: string[] };
}

/** Population figures for a circle (by id) or a subdistrict (by name): residents, and/or residents per age group. */
export interface ImportedPopulation {
  target: 'circle' | 'subdistrict';
  key: string;
  /** residents; null when the row gives age groups only */
  population: number | null;
  /** residents aged 60+, 3–5, under 3, when the file has those columns */
  ageGroups?: AgeGroupCounts;
}

export interface ImportedFacility {
  id: string;
  name: string;
  category: string;
  address: string | null;
  lonLat: [number, number];
}

export interface ImportedCircle {
  id: string;
  name: string;
  subdistrict: string | null;
  population: number | null;
  geometry: Polygon | MultiPolygon;
}

export interface ImportResult {
  /** a problem with the whole file (nothing accepted), else null */
  fatal: Message | null;
  encoding: string | null;
  facilities: ImportedFacility[];
  circles: ImportedCircle[];
  population: ImportedPopulation[];
  /** CSV only: the header and the column used for each field */
  header: string[];
  columns: Partial<Record<Field, string | null>>;
  rejected: Issue[];
  warnings: Issue[];
  /** the CRS under which most points fall inside the district, when it differs from the stated one */
  suggestedCrs: Crs | null;
}

/** A message in both languages. */
export const m = (zh: string, en: string): Message => ({ zh, en });

/** A result with nothing in it yet. */
export const emptyResult = (): ImportResult => ({
  fatal: null,
  encoding: null,
  facilities: [],
  circles: [],
  population: [],
  header: [],
  columns: {},
  rejected: [],
  warnings: [],
  suggestedCrs: null,
});
