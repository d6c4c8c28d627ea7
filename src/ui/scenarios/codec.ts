/**
 * Scenarios in a share link (?sc=…), versioned. Version 2 (written today): "2." then
 * base64url of a JSON array [name, [[categoryId, dLon, dLat, siteName], …]] per scenario,
 * coordinates as integers of 1e-5° from a fixed origin. Version 1 (the first wave's links,
 * no prefix) named categories by their index in the category list of that time; those
 * links keep working through the frozen V1_CATEGORIES table. Decoding validates
 * everything and drops what is malformed, never throws.
 */
import { type CategoryId, isCategoryId } from '../../core/categories';
import { inBBox, MAP_BOUNDS } from '../../core/extent';

export interface ProposedSite {
  id: string;
  name: string;
  category: CategoryId;
  /** [lon, lat] */
  lonLat: [number, number];
}

export interface Scenario {
  id: string;
  name: string;
  sites: ProposedSite[];
}

const ORIGIN: [number, number] = [121.4, 31.2];
export const MAX_SCENARIOS = 10;
export const MAX_SITES = 50;
const MAX_NAME = 60;
const V2 = '2.';

/** The category order of version-1 links (frozen: never edit). */
const V1_CATEGORIES: readonly CategoryId[] = [
  'nursing-home',
  'care-home',
  'elder-service-centre',
  'day-care',
  'elder-canteen',
  'meal-point',
  'nursing-station',
  'nursing-hospital',
  'elder-service-org',
  'kindergarten',
  'nursery',
  'childcare-centre',
  'baby-room',
  'health-centre',
  'cultural-centre',
  'park',
  'sports',
];

function b64url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function unb64url(text: string): string {
  if (!/^[A-Za-z0-9_+/-]*={0,2}$/.test(text)) throw new Error('not base64url');
  const bin = atob(text.replace(/=+$/, '').replace(/-/g, '+').replace(/_/g, '/'));
  return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(bin, (c) => c.charCodeAt(0)));
}

/** The share-link value for these scenarios (version 2). */
export function encodeScenarios(list: Scenario[]): string {
  const packed = list.map((s) => [
    s.name,
    s.sites.map((p) => [
      p.category,
      Math.round((p.lonLat[0] - ORIGIN[0]) * 1e5),
      Math.round((p.lonLat[1] - ORIGIN[1]) * 1e5),
      p.name,
    ]),
  ]);
  return V2 + b64url(JSON.stringify(packed));
}

const cleanName = (v: unknown, fallback: string) =>
  typeof v === 'string' && v.trim() ? v.trim().slice(0, MAX_NAME) : fallback;

function decodeSite(p: unknown, categoryOf: (v: unknown) => CategoryId | null, i: number, k: number) {
  if (!Array.isArray(p)) return [];
  const category = categoryOf(p[0]);
  const dLon = p[1];
  const dLat = p[2];
  if (!category || !Number.isInteger(dLon) || !Number.isInteger(dLat)) return [];
  const lon = Math.round(ORIGIN[0] * 1e5 + dLon) / 1e5;
  const lat = Math.round(ORIGIN[1] * 1e5 + dLat) / 1e5;
  if (!inBBox([lon, lat], MAP_BOUNDS)) return [];
  const site: ProposedSite = {
    id: `P${i + 1}-${k + 1}`,
    name: cleanName(p[3], `#${k + 1}`),
    category,
    lonLat: [lon, lat],
  };
  return [site];
}

/** Scenarios from a share-link value or storage (either version); [] for anything malformed. */
export function decodeScenarios(text: string | null | undefined): Scenario[] {
  if (!text || text.length > 20_000) return [];
  const v2 = text.startsWith(V2);
  const categoryOf = v2
    ? (v: unknown) => (isCategoryId(v) ? v : null)
    : (v: unknown) => (typeof v === 'number' && Number.isInteger(v) ? (V1_CATEGORIES[v] ?? null) : null);
  let packed: unknown;
  try {
    packed = JSON.parse(unb64url(v2 ? text.slice(V2.length) : text));
  } catch {
    return [];
  }
  if (!Array.isArray(packed)) return [];
  return packed.slice(0, MAX_SCENARIOS).flatMap((s, i): Scenario[] => {
    if (!Array.isArray(s) || !Array.isArray(s[1])) return [];
    const sites = (s[1] as unknown[]).slice(0, MAX_SITES).flatMap((p, k) => decodeSite(p, categoryOf, i, k));
    return [{ id: `S${i + 1}`, name: cleanName(s[0], `Scenario ${i + 1}`), sites }];
  });
}
