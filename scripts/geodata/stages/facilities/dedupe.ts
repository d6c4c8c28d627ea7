/**
 * De-duplication rules: one real place appears once, with the best coordinate and every
 * source id in `sourceIds`. The official lists win; these rules find the record a later source
 * repeats.
 */
import type { Position } from 'geojson';
import { distanceM } from '../../../../src/core/geo';
import type { FacilityFeature } from '../../../../src/core/schema';

/** Merge rules for the platform dataset's meal points into official canteens (m). */
export const MEAL_POINT_MERGE_ANY_M = 50;
export const MEAL_POINT_MERGE_CANTEEN_M = 200;
/** Merge rule for the old kindergarten list into the current one (m). */
export const CHILDCARE_MERGE_M = 150;

/** The rules as SOURCES.md states them. */
export const MERGE_RULES = {
  hostHome: 'canteen-list host homes merged into the official institution with the same name',
  platformMatched: 'platform record with matched_official_id merged into that official institution',
  mealPoint: `platform meal point merged into the nearest official canteen when ≤ ${MEAL_POINT_MERGE_ANY_M} m, or ≤ ${MEAL_POINT_MERGE_CANTEEN_M} m and its name says 长者食堂`,
  platformCentre:
    'platform elder-service centre merged into the centre named by the official canteen list (flag differs_from_ED…)',
  olderKindergarten: `older kindergarten merged into a current one within ${CHILDCARE_MERGE_M} m with the same core name`,
};

/** One rule and what it merged ("S4-0100 → EI013"), for SOURCES.md. */
export interface MergeLog {
  rule: string;
  count: number;
  examples: string[];
}

/** The log of `rule`: every merge counted, the first `maxExamples` listed. */
export function mergeLog(rule: string, merged: string[], maxExamples = merged.length): MergeLog {
  return { rule, count: merged.length, examples: merged.slice(0, maxExamples) };
}

/** Record that source record `id` is the place `target`, and log "id → shown" in `log`. */
export function mergeInto(
  target: FacilityFeature,
  id: string,
  log: string[],
  shown = target.properties.id,
): void {
  target.properties.sourceIds.push(id);
  log.push(`${id} → ${shown}`);
}

/** Strip administrative prefixes and brackets so names from different sources compare. */
export function normaliseName(name: string): string {
  return name
    .replace(/[（(][^）)]*[）)]/g, '')
    .replace(/^(上海市|上海)?(杨浦区|杨浦)?/, '')
    .replace(/^(上海市|上海)?(杨浦区|杨浦)?/, '')
    .replace(/^民办/, '')
    .replace(/(有限公司|总部|分部)/g, '')
    .replace(/幼稚园$/, '幼儿园')
    .trim();
}

/** The nursing home whose normalised name contains `name`'s: the host a canteen-list row repeats. */
export function namedNursingHome(features: FacilityFeature[], name: string): FacilityFeature | undefined {
  const key = normaliseName(name);
  return features.find(
    (f) => f.properties.category === 'nursing-home' && normaliseName(f.properties.name).includes(key),
  );
}

/**
 * The official canteen a platform meal point at `at` repeats: the nearest canteen when it is
 * within MEAL_POINT_MERGE_ANY_M, or MEAL_POINT_MERGE_CANTEEN_M when the point's name says
 * 长者食堂. Returns it with the distance (m), or undefined.
 */
export function canteenOfMealPoint(
  features: FacilityFeature[],
  at: Position,
  name: string,
): { target: FacilityFeature; distanceM: number } | undefined {
  let best: FacilityFeature | undefined;
  let bestD = Infinity;
  for (const f of features) {
    if (f.properties.category !== 'elder-canteen') continue;
    const d = distanceM(at, f.geometry.coordinates);
    if (d < bestD) {
      bestD = d;
      best = f;
    }
  }
  const isCanteen = name.includes('长者食堂');
  if (best && (bestD <= MEAL_POINT_MERGE_ANY_M || (isCanteen && bestD <= MEAL_POINT_MERGE_CANTEEN_M))) {
    return { target: best, distanceM: bestD };
  }
  return undefined;
}

/**
 * The current kindergarten (id CN…) an older-list kindergarten repeats: within
 * CHILDCARE_MERGE_M (m) of `at` and with the same core name (one contains the other, or equal
 * without 路).
 */
export function currentKindergarten(
  features: FacilityFeature[],
  name: string,
  at: Position,
): FacilityFeature | undefined {
  const core = normaliseName(name).replace(/幼儿园$/, '');
  return features.find((f) => {
    if (!f.properties.sourceIds[0]!.startsWith('CN')) return false;
    const other = normaliseName(f.properties.name).replace(/幼儿园$/, '');
    const d = distanceM(at, f.geometry.coordinates);
    const similar =
      other.includes(core) || core.includes(other) || other.replace(/路/g, '') === core.replace(/路/g, '');
    return d <= CHILDCARE_MERGE_M && similar;
  });
}
