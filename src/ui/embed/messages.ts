/**
 * The embed API's message shapes (documented in README.md, "Embed API") and their strict
 * parser. A host page talks to an embedded map with window.postMessage:
 *
 *   host → map  { type: 'yangpu:set', category?, radiusM?, circle?, at?, walk?, distance? }
 *   map → host  { type: 'yangpu:ready', version: 1, state }      once, when the map is drawn
 *               { type: 'yangpu:select', circle: { … } }          a user chose a circle
 *               { type: 'yangpu:select', facility: { … } }        a user chose a facility
 *               { type: 'yangpu:select', at: [lon, lat] }         a user chose a place (near me)
 *
 * A message is accepted only when it is a plain object of exactly the documented keys and
 * every value passes the URL module's validators (../url.ts); anything else is ignored
 * whole. Nothing is ever evaluated. Pure: no DOM, no signals.
 */
import { checkWalkTime, type WalkTime } from '../../analysis/access/pace';
import type { CircleCoverage, DistanceKind } from '../../analysis/coverage/tables';
import type { CoverageCategory } from '../../core/categories';
import { shareRange } from '../coverage/range';
import { validCategory, validDistance, validId, validLonLat, validRadius } from '../url';

export const EMBED_API_VERSION = 1;

/** What a host may ask for; a key left out leaves that part of the view as it is. */
export interface SetMessage {
  type: 'yangpu:set';
  /** the facility type shown (a category id, or 'riverfront') */
  category?: CoverageCategory;
  /** walking distance, m (50–3000, rounded); null = the type's standard distance */
  radiusM?: number | null;
  /** a circle id to select (and fly to); null clears the selection */
  circle?: string | null;
  /** the resident's place [lon, lat] (degrees, WGS84); null clears it */
  at?: [number, number] | null;
  /** the threshold as a walk: { minutes: 1–45, pace: 'adult' | 'elder' | m/s 0.3–2 } (sets the distance); null clears it */
  walk?: WalkTime | null;
  /** how distance is measured: 'walk' (walking, best available), 'straight' or 'network' */
  distance?: DistanceKind;
}

/** A circle's access figures in a select message (issue 20; estimates of the population model). */
export interface CircleAccessFigures {
  /** capacity in reach per `per` people of the group, for the shown type; null unknown or no capacity spec */
  capacity: number | null;
  capacityStatus: 'complete' | 'partial' | 'unknown' | 'none' | null;
  capacityUnit: string | null;
  per: number | null;
  /** share (0–1) of elders / children under 6 with the whole 一老一小 basket */
  basketElder: number | null;
  basketChild: number | null;
}

/** The state the map reports when it is ready. */
export interface EmbedState {
  category: CoverageCategory;
  /** the walking distance in force, m */
  radiusM: number;
  circle: string | null;
  at: [number, number] | null;
  lang: 'zh' | 'en';
  tab: string;
  /** the distance in force: 'walk' (walking, best available), 'straight' or 'network' */
  distance: DistanceKind;
}

/** The circle a `yangpu:select` reports. */
export interface SelectedCircle {
  id: string;
  name: string;
  nameEn: string;
  /** covered share of residents (0–1) for `category` within `radiusM`; null when not computed */
  coveredShare: number | null;
  /** walk mode, where some of the circle's residents are estimated: the share's range (0–1); else null */
  coveredShareLow: number | null;
  coveredShareHigh: number | null;
  /** walk mode: the share of the circle's residents whose walk is measured on the network (0–1); else null */
  measuredShare: number | null;
  /** how the share was measured (the table's distance) */
  distance: DistanceKind | null;
  category: CoverageCategory;
  radiusM: number;
  /** capacity in reach and the basket (estimates); null until computed */
  access: CircleAccessFigures | null;
}

export type OutMessage =
  | { type: 'yangpu:ready'; version: number; state: EmbedState }
  | {
      type: 'yangpu:select';
      circle: SelectedCircle;
    }
  | {
      type: 'yangpu:select';
      facility: { id: string; name: string; category: string; lonLat: [number, number] };
    }
  | { type: 'yangpu:select'; at: [number, number] };

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** A validator that also accepts null (clear); it returns `undefined` for a rejected value. */
const orNull =
  <T>(valid: (v: unknown) => T | null) =>
  (value: unknown): T | null | undefined =>
    value === null ? null : (valid(value) ?? undefined);

const lonLatPair = (v: unknown): [number, number] | null =>
  Array.isArray(v) && v.length === 2 ? validLonLat(v[0], v[1]) : null;

/** Each documented key of `yangpu:set` and its validator (undefined = rejected). */
const SET_FIELDS: { [K in Exclude<keyof SetMessage, 'type'>]-?: (v: unknown) => SetMessage[K] } = {
  category: (v) => validCategory(v) ?? undefined,
  radiusM: orNull(validRadius),
  circle: orNull(validId),
  at: orNull(lonLatPair),
  walk: orNull((v) =>
    isPlainObject(v) && Object.keys(v).every((k) => k === 'minutes' || k === 'pace')
      ? checkWalkTime(v.minutes, v.pace)
      : null,
  ),
  distance: (v) => validDistance(v) ?? undefined,
};

/** A circle's payload for `yangpu:select` from its table row (null: not computed yet). Pure. */
export function selectedCirclePayload(
  circle: { id: string; name: string; nameEn: string },
  row: CircleCoverage | null,
  distance: DistanceKind | null,
  category: CoverageCategory,
  radiusM: number,
  access: CircleAccessFigures | null = null,
): SelectedCircle {
  const range = row ? shareRange(row) : null;
  return {
    id: circle.id,
    name: circle.name,
    nameEn: circle.nameEn || circle.name,
    coveredShare: row?.populationShare ?? null,
    coveredShareLow: range?.low ?? null,
    coveredShareHigh: range?.high ?? null,
    measuredShare: row?.estimate?.measuredShare ?? null,
    distance,
    category,
    radiusM,
    access,
  };
}

/** The command in a message from the host, or null when the message is not exactly a documented one. */
export function parseEmbedMessage(data: unknown): SetMessage | null {
  if (!isPlainObject(data) || data.type !== 'yangpu:set') return null;
  const keys = Object.keys(data).filter((k) => k !== 'type');
  if (keys.length === 0 || keys.some((k) => !Object.hasOwn(SET_FIELDS, k))) return null;
  const out: Record<string, unknown> = { type: 'yangpu:set' };
  for (const k of keys as (keyof typeof SET_FIELDS)[]) {
    const value = SET_FIELDS[k](data[k]);
    if (value === undefined) return null;
    out[k] = value;
  }
  return out as unknown as SetMessage;
}
