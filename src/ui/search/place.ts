/**
 * A place a search chose beyond a facility, circle or subdistrict (no JSX): a street (its OSM
 * lines and the facilities whose address names it) or a crossing placed where the OSM lines of
 * two streets meet. Also what the search adds for a query naming a crossing.
 */
import { signal } from '@preact/signals';
import type { FeatureCollection, Position } from 'geojson';
import type { Lang } from '../../core/lang';
import { crossingStreets } from '../../core/streets';
import { resolveCrossing, type Street, type StreetIndex } from '../../data/streets';
import type { SearchItem } from './Search';
import { s } from './strings';

export type Place = { kind: 'street'; name: string } | { kind: 'crossing'; names: string[]; at: Position };

/** the street or crossing shown (null for none) */
export const place = signal<Place | null>(null);

const FC = (features: GeoJSON.Feature[]): FeatureCollection => ({ type: 'FeatureCollection', features });

/** A street as a search item: "控江路 · places on it: 4 facilities · OSM line". */
export function streetItem(street: Street, lang: Lang): SearchItem {
  const n = street.facilities.length + street.unlocated.length;
  return {
    kind: 'street',
    id: street.name,
    label: street.name,
    detail: [
      s('street', lang),
      n > 0
        ? lang === 'zh'
          ? `${n} ${s('facilitiesOnStreet', lang)}`
          : `${n} ${s('facilitiesOnStreet', lang)}`
        : '',
      street.lines.length > 0 ? s('osmLine', lang) : '',
    ]
      .filter(Boolean)
      .join(' · '),
    haystack: street.name.toLowerCase(),
    lonLat: street.facilities[0]?.lonLat ?? street.lines[0]?.[0] ?? null,
  };
}

/**
 * What a query naming a crossing adds to the results: the crossing itself where the OSM lines
 * meet; else a note saying why it cannot be placed, and the streets the data holds.
 */
export function crossingResults(
  query: string,
  streets: StreetIndex,
  lang: Lang,
): { items: SearchItem[]; note: string | null } {
  const names = crossingStreets(query, new Set(streets.keys()));
  if (!names) return { items: [], note: null };
  const answer = resolveCrossing(names, streets);
  if (answer.placed) {
    const label = answer.streets.map((x) => x.name).join(' × ');
    // streets meeting at several junctions: one result per junction, each at its own point
    const many = answer.at.length > 1;
    return {
      items: answer.at.map((at, k) => ({
        kind: 'crossing' as const,
        id: label,
        label: many ? `${label} (${k + 1})` : label,
        detail: `${s('crossing', lang)} · ${s('osmLine', lang)}`,
        haystack: label,
        lonLat: at,
      })),
      note: null,
    };
  }
  const why: string[] = [];
  const list = (xs: string[]) => xs.join(lang === 'zh' ? '、' : ', ');
  if (answer.unknown.length)
    why.push(`${s('unknownStreet', lang)}${list(answer.unknown)}${lang === 'zh' ? '。' : '.'}`);
  if (answer.noLine.length) why.push(`${list(answer.noLine)} ${s('noLine', lang)}`);
  if (answer.apart) why.push(s('apart', lang));
  if (answer.streets.length) why.push(s('offerStreets', lang));
  return { items: answer.streets.map((x) => streetItem(x, lang)), note: why.join(' ') };
}

/** What the map draws for a place: the streets' OSM lines, the facilities' points, a crossing's point. */
export function placeFeatures(p: Place | null, streets: StreetIndex | undefined): FeatureCollection {
  if (!p || !streets) return FC([]);
  const named = (p.kind === 'street' ? [p.name] : p.names)
    .map((n) => streets.get(n))
    .filter((x) => x !== undefined);
  const lines = named.flatMap((x) => x.lines);
  const points = p.kind === 'crossing' ? [p.at] : named.flatMap((x) => x.facilities.map((f) => f.lonLat));
  return FC([
    ...lines.map((coordinates) => ({
      type: 'Feature' as const,
      properties: { kind: 'street' },
      geometry: { type: 'LineString' as const, coordinates },
    })),
    ...points.map((coordinates) => ({
      type: 'Feature' as const,
      properties: { kind: p.kind === 'crossing' ? 'crossing' : 'facility' },
      geometry: { type: 'Point' as const, coordinates },
    })),
  ]);
}

/** The points a place's view fits: its facilities and its OSM lines' vertices (a crossing: its point). */
export function placeFitPoints(p: Place, streets: StreetIndex): Position[] {
  if (p.kind === 'crossing') return [p.at];
  const st = streets.get(p.name);
  return st ? [...st.facilities.map((f) => f.lonLat), ...st.lines.flat()] : [];
}
