/**
 * Planning scenarios: named sets of proposed sites. Kept in localStorage (so they survive
 * reloads) and, compactly, in the share URL (?sc=…): base64url of a small JSON array with
 * coordinates as integers of 1e-5° from a fixed origin. Decoding validates everything.
 */
import { signal } from '@preact/signals';
import { CATEGORIES, type CategoryId } from '../core/categories';

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
const STORE = 'yangpu.scenarios.v1';
const MAX_SCENARIOS = 10;
const MAX_SITES = 50;

type Packed = [string, [number, number, number, string][]][];

function b64url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function unb64url(text: string): string {
  const bin = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return new TextDecoder().decode(Uint8Array.from(bin, (c) => c.charCodeAt(0)));
}

export function encodeScenarios(list: Scenario[]): string {
  const packed: Packed = list.map((s) => [
    s.name,
    s.sites.map((p) => [
      CATEGORIES.findIndex((c) => c.id === p.category),
      Math.round((p.lonLat[0] - ORIGIN[0]) * 1e5),
      Math.round((p.lonLat[1] - ORIGIN[1]) * 1e5),
      p.name,
    ]),
  ]);
  return b64url(JSON.stringify(packed));
}

const cleanName = (v: unknown, fallback: string) =>
  typeof v === 'string' && v.trim() ? v.trim().slice(0, 60) : fallback;

/** Decode scenarios from the URL or storage; anything malformed is dropped, never thrown. */
export function decodeScenarios(text: string | null): Scenario[] {
  if (!text) return [];
  try {
    const packed = JSON.parse(unb64url(text)) as unknown;
    if (!Array.isArray(packed)) return [];
    return packed.slice(0, MAX_SCENARIOS).flatMap((s, i): Scenario[] => {
      if (!Array.isArray(s) || !Array.isArray(s[1])) return [];
      const sites = (s[1] as unknown[]).slice(0, MAX_SITES).flatMap((p, k): ProposedSite[] => {
        if (!Array.isArray(p)) return [];
        const category = CATEGORIES[Number(p[0])]?.id;
        const lon = Math.round((ORIGIN[0] + Number(p[1]) / 1e5) * 1e5) / 1e5;
        const lat = Math.round((ORIGIN[1] + Number(p[2]) / 1e5) * 1e5) / 1e5;
        if (!category || !(lon > 121.3 && lon < 121.75 && lat > 31.15 && lat < 31.45)) return [];
        return [
          { id: `P${i + 1}-${k + 1}`, name: cleanName(p[3], `#${k + 1}`), category, lonLat: [lon, lat] },
        ];
      });
      return [{ id: `S${i + 1}`, name: cleanName(s[0], `Scenario ${i + 1}`), sites }];
    });
  } catch {
    return [];
  }
}

export function loadStoredScenarios(): Scenario[] {
  try {
    return decodeScenarios(localStorage.getItem(STORE));
  } catch {
    return [];
  }
}

export function storeScenarios(list: Scenario[]): void {
  try {
    localStorage.setItem(STORE, encodeScenarios(list));
  } catch {
    // storage full or disabled: the URL still carries the scenarios
  }
}

const fromUrl =
  typeof location === 'undefined' ? [] : decodeScenarios(new URLSearchParams(location.search).get('sc'));
/** URL first (a shared link), else what this browser kept. */
export const scenarios = signal<Scenario[]>(
  fromUrl.length ? fromUrl : typeof localStorage === 'undefined' ? [] : loadStoredScenarios(),
);
export const activeScenario = signal<string | null>(scenarios.value[0]?.id ?? null);
export const addingSite = signal(false);

let counter = 0;
export function newId(prefix: string): string {
  counter += 1;
  return `${prefix}${Date.now().toString(36)}${counter}`;
}
