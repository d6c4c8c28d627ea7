/**
 * Scenarios in a share link (?sc=…), versioned. Version 2 (written today): "2." then
 * base64url of a JSON array [name, [[categoryId, dLon, dLat, siteName, capacity?], …], gates?, closures?]
 * per scenario — gates [[dLonA, dLatA, dLonB, dLatB], …], closures [[dLon, dLat], …] —
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
  /** planned capacity in the type's unit (beds, places …; issue 20), an integer 0–100,000; absent = unknown */
  capacity?: number;
}

/** The largest planned capacity a proposed site may carry. */
export const MAX_SITE_CAPACITY = 100_000;

/** A 睦邻门: a new walking link between two points (each snapped onto the network by the engine). */
export interface ProposedGate {
  id: string;
  /** [lon, lat] of each end */
  a: [number, number];
  b: [number, number];
}

/** A closed walking link: the one nearest `at` ([lon, lat]). */
export interface ProposedClosure {
  id: string;
  at: [number, number];
}

export interface Scenario {
  id: string;
  name: string;
  sites: ProposedSite[];
  /** walking-network changes (count only in network mode) */
  gates?: ProposedGate[];
  closures?: ProposedClosure[];
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
const pack = (p: [number, number]) => [
  Math.round((p[0] - ORIGIN[0]) * 1e5),
  Math.round((p[1] - ORIGIN[1]) * 1e5),
];

export function encodeScenarios(list: Scenario[]): string {
  const packed = list.map((s) => {
    const entry: unknown[] = [
      s.name,
      s.sites.map((p) => [
        p.category,
        ...pack(p.lonLat),
        p.name,
        ...(p.capacity != null ? [p.capacity] : []),
      ]),
    ];
    if (s.gates?.length || s.closures?.length) {
      entry.push((s.gates ?? []).map((g) => [...pack(g.a), ...pack(g.b)]));
      entry.push((s.closures ?? []).map((c) => pack(c.at)));
    }
    return entry;
  });
  return V2 + b64url(JSON.stringify(packed));
}

const cleanName = (v: unknown, fallback: string) =>
  typeof v === 'string' && v.trim() ? v.trim().slice(0, MAX_NAME) : fallback;

/** [lon, lat] from two packed integers, or null when malformed or far away. */
function unpack(dLon: unknown, dLat: unknown): [number, number] | null {
  if (!Number.isInteger(dLon) || !Number.isInteger(dLat)) return null;
  const p: [number, number] = [
    Math.round(ORIGIN[0] * 1e5 + (dLon as number)) / 1e5,
    Math.round(ORIGIN[1] * 1e5 + (dLat as number)) / 1e5,
  ];
  return inBBox(p, MAP_BOUNDS) ? p : null;
}

function decodeGates(value: unknown, i: number): ProposedGate[] {
  if (!Array.isArray(value)) return [];
  return value.slice(0, MAX_SITES).flatMap((g, k): ProposedGate[] => {
    if (!Array.isArray(g)) return [];
    const a = unpack(g[0], g[1]);
    const b = unpack(g[2], g[3]);
    return a && b ? [{ id: `G${i + 1}-${k + 1}`, a, b }] : [];
  });
}

function decodeClosures(value: unknown, i: number): ProposedClosure[] {
  if (!Array.isArray(value)) return [];
  return value.slice(0, MAX_SITES).flatMap((c, k): ProposedClosure[] => {
    const at = Array.isArray(c) ? unpack(c[0], c[1]) : null;
    return at ? [{ id: `X${i + 1}-${k + 1}`, at }] : [];
  });
}

function decodeSite(p: unknown, categoryOf: (v: unknown) => CategoryId | null, i: number, k: number) {
  if (!Array.isArray(p)) return [];
  const category = categoryOf(p[0]);
  const lonLat = unpack(p[1], p[2]);
  if (!category || !lonLat) return [];
  const site: ProposedSite = {
    id: `P${i + 1}-${k + 1}`,
    name: cleanName(p[3], `#${k + 1}`),
    category,
    lonLat,
  };
  const capacity = p[4];
  if (Number.isInteger(capacity) && (capacity as number) >= 0 && (capacity as number) <= MAX_SITE_CAPACITY)
    site.capacity = capacity as number;
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
    const gates = v2 ? decodeGates(s[2], i) : [];
    const closures = v2 ? decodeClosures(s[3], i) : [];
    return [
      {
        id: `S${i + 1}`,
        name: cleanName(s[0], `Scenario ${i + 1}`),
        sites,
        ...(gates.length ? { gates } : {}),
        ...(closures.length ? { closures } : {}),
      },
    ];
  });
}
