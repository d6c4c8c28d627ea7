/** Types of the importer: options, what it accepted and rejected, and bilingual messages. */
import type { MultiPolygon, Polygon } from 'geojson';
import type { AgeGroup, AgeGroupCounts } from '../../core/ageGroups';
import type { Crs } from '../crs';
import type { ImportKind } from './kinds';
import type { KnownData } from './known';
import type { ImportedNetwork } from './network';

export type { ImportKind } from './kinds';
export type { KnownArea, KnownData, KnownFacility } from './known';
export type { ImportedNetwork } from './network';

/** Files larger than this are refused before reading (bytes). */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

export interface Message {
  zh: string;
  en: string;
}

export interface Issue {
  /** "feature 3" / "第3个要素", "row 12, field lat" / "第12行，lat列", or null for the whole file */
  where: Message | null;
  /** the CSV row (the header is row 1) or the GeoJSON feature index (from 0); null for the whole file */
  index: number | null;
  message: Message;
}

/** Columns (CSV) or properties (GeoJSON) the loader reads; the user can override the detected mapping. */
export type Field =
  | 'lon'
  | 'lat'
  | 'name'
  | 'address'
  | 'category'
  | 'id'
  | 'capacity'
  | 'population'
  /** residents per age group (population files) */
  | AgeGroup;

export interface ImportOptions {
  kind: ImportKind;
  /** the coordinate system the user states for the file */
  crs: Crs;
  /** category for facilities when the file has none */
  category?: string;
  /** the district outline, for the "inside the district" fallback of the CRS evidence */
  district?: Polygon | MultiPolygon;
  /** what we already know (WGS-84): facilities and outlines the CRS evidence compares the file with */
  known?: KnownData;
  /** explicit column (CSV) or property (GeoJSON) for a field (else detected from its header and content) */
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
  /** places, beds or seats as the file states them; null when the file has none */
  capacity?: number | null;
  /** WGS-84 [lon, lat], degrees (6 decimals) */
  lonLat: [number, number];
  /** true when the point is near Yangpu (in the import box) but outside the district outline */
  outsideDistrict?: boolean;
}

export interface ImportedCircle {
  id: string;
  name: string;
  subdistrict: string | null;
  population: number | null;
  /** WGS-84 */
  geometry: Polygon | MultiPolygon;
}

/** How well the file fits what we know under one coordinate-system hypothesis. */
export interface CrsHypothesis {
  crs: Crs;
  /** points: how many lie within NEAR_M (30 m) of a known facility */
  near?: number;
  /** points: median distance to the nearest known facility (m) */
  nearestMedianM?: number | null;
  /** points sharing a name or address with a known facility: how many lie within SAME_M (50 m) of it */
  same?: number;
  /** …and their median distance to it (m) */
  sameMedianM?: number | null;
  /** polygons: median of each polygon's best IoU with a known outline (0–1) */
  iouMedian?: number;
  /** polygons: how many have a best IoU ≥ 0.8 */
  iouGood?: number;
  /** polygons: IoU of all polygons together with the district outline */
  districtIou?: number;
  /** points or polygons inside the district (fallback evidence) */
  inside?: number;
  /** the score the hypotheses are ranked by */
  score: number;
}

/** The evidence for the file's coordinate system, shown in the preview and printed by import-check. */
export interface CrsEvidence {
  /** what the ranking rests on */
  basis: 'facilities' | 'outlines' | 'district' | 'columns' | 'none';
  /** points or polygons examined (a sample of at most 2,000 points or 300 polygons) */
  sample: number;
  /** points sharing a name or address with a known facility */
  matched: number;
  /** the coordinate system named by the chosen coordinate columns (e.g. 经度(百度) → BD09), if any */
  columnsCrs: Crs | null;
  /** one entry per hypothesis, best first */
  hypotheses: CrsHypothesis[];
  /** the best hypothesis when it is clearly better than the others, else null */
  best: Crs | null;
  /** readable lines, best hypothesis first */
  lines: Message[];
}

export interface ImportResult {
  /** a problem with the whole file (nothing accepted), else null */
  fatal: Message | null;
  encoding: string | null;
  /** how the file was read */
  format: 'csv' | 'geojson' | 'osm' | null;
  facilities: ImportedFacility[];
  circles: ImportedCircle[];
  population: ImportedPopulation[];
  /** a walking network (kind "network") */
  network: ImportedNetwork | null;
  /** CSV: the header; GeoJSON: the property names found (for the column mapping) */
  header: string[];
  /** the column or property used for each field (null: none found) */
  columns: Partial<Record<Field, string | null>>;
  /** required fields no column was found for: nothing is read until they are chosen */
  missing: Field[];
  rejected: Issue[];
  warnings: Issue[];
  /** the system the evidence points to when it is clearly better than the stated one, else null */
  suggestedCrs: Crs | null;
  evidence: CrsEvidence | null;
}

/** A message in both languages. */
export const m = (zh: string, en: string): Message => ({ zh, en });

const FIELD_ZH: Record<string, string> = { geometry: '几何', coordinates: '坐标' };

/** Where in a CSV: "row 12, field lat" / "第12行，lat列" (the header is row 1). */
export const rowAt = (row: number, field?: string): Message =>
  field
    ? m(`第${row}行，${FIELD_ZH[field] ?? `“${field}”`}列`, `row ${row}, field ${field}`)
    : m(`第${row}行`, `row ${row}`);

/** Where in GeoJSON: "feature 3 (point 2), id" / "第3个要素（第2个点），属性 id" (features from 0). */
export function featureAt(index: number, field?: string, point?: number): Message {
  const zhField = field ? `，${FIELD_ZH[field] ?? `属性“${field}”`}` : '';
  return m(
    `第${index}个要素${point ? `（第${point}个点）` : ''}${zhField}`,
    `feature ${index}${point ? ` (point ${point})` : ''}${field ? `, ${field}` : ''}`,
  );
}

/** An issue about the whole file. */
export const fileIssue = (message: Message): Issue => ({ where: null, index: null, message });

/** A result with nothing in it yet. */
export const emptyResult = (): ImportResult => ({
  fatal: null,
  encoding: null,
  format: null,
  facilities: [],
  circles: [],
  population: [],
  network: null,
  header: [],
  columns: {},
  missing: [],
  rejected: [],
  warnings: [],
  suggestedCrs: null,
  evidence: null,
});
