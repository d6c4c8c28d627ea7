/**
 * Thresholds in minutes at a walking pace: a walk of `minutes` at `speedMps` m/s is
 * minutes × 60 × speed metres, the radius every table, gap and report is measured at.
 * Two paces are offered, with their sources:
 *
 * - **adult** 1.1 m/s (66 m/min): GB 50180-2018 puts the 15-minute walk at 800–1000 m
 *   (0.9–1.1 m/s); we take its upper bound, the app's 15-minute radius (15 min ≈ 1000 m), which
 *   is also the design walking speed of the US MUTCD (2009, §4E.06: 3.5 ft/s = 1.07 m/s).
 * - **elder** 0.8 m/s (48 m/min): the mean walking speed of people aged 65+ in the Health
 *   Survey for England 2005 was 0.9 m/s for men and 0.8 m/s for women (Asher et al., "Most
 *   older pedestrians are unable to cross the road in time", Age and Ageing 41 (2012) 690–694);
 *   below the MUTCD's 3.0 ft/s (0.91 m/s) for slower pedestrians. "15 minutes for a
 *   75-year-old" is 720 m.
 *
 * Pure; no DOM.
 */

export type PaceId = 'adult' | 'elder';

export interface PaceInfo {
  id: PaceId;
  /** m/s */
  speedMps: number;
  zh: string;
  en: string;
  citation: string;
}

export const PACES: Record<PaceId, PaceInfo> = {
  adult: {
    id: 'adult',
    speedMps: 1.1,
    zh: '成人步速',
    en: 'adult pace',
    citation:
      'GB 50180-2018: 15 min ≈ 800–1000 m (0.9–1.1 m/s; upper bound used); MUTCD 2009 §4E.06: 3.5 ft/s = 1.07 m/s',
  },
  elder: {
    id: 'elder',
    speedMps: 0.8,
    zh: '老年人步速',
    en: 'elder’s pace',
    citation:
      'Asher et al., Age and Ageing 41 (2012) 690–694: mean walking speed aged 65+, men 0.9 m/s, women 0.8 m/s (Health Survey for England 2005)',
  },
};

export const PACE_IDS: readonly PaceId[] = ['adult', 'elder'];

/** Slowest and fastest pace accepted (m/s): a wheelchair or frail walk to a brisk one. */
export const MIN_SPEED_MPS = 0.3;
export const MAX_SPEED_MPS = 2;
/** Minutes accepted for a threshold. */
export const MIN_MINUTES = 1;
export const MAX_MINUTES = 45;

/** A threshold stated as a walk: minutes at a pace (a named one, or a speed in m/s). */
export interface WalkTime {
  minutes: number;
  pace: PaceId | number;
}

export function isPaceId(v: unknown): v is PaceId {
  return v === 'adult' || v === 'elder';
}

/** The speed (m/s) of a pace. */
export function paceSpeed(pace: PaceId | number): number {
  return typeof pace === 'number' ? pace : PACES[pace].speedMps;
}

/** The walk's length (m, whole metres): minutes × 60 s × speed. */
export function walkRadiusM(t: WalkTime): number {
  return Math.round(t.minutes * 60 * paceSpeed(t.pace));
}

/** Minutes (one decimal) a walk of `radiusM` takes at a pace. */
export function walkMinutes(radiusM: number, pace: PaceId | number): number {
  return Math.round((radiusM / (60 * paceSpeed(pace))) * 10) / 10;
}

/** A walk time that is valid (minutes and speed in range), or null. */
export function checkWalkTime(minutes: unknown, pace: unknown): WalkTime | null {
  if (typeof minutes !== 'number' || !Number.isFinite(minutes)) return null;
  if (minutes < MIN_MINUTES || minutes > MAX_MINUTES) return null;
  if (isPaceId(pace)) return { minutes, pace };
  if (typeof pace === 'number' && Number.isFinite(pace) && pace >= MIN_SPEED_MPS && pace <= MAX_SPEED_MPS)
    return { minutes, pace };
  return null;
}

/** "15 min at 0.8 m/s (elder’s pace) = 720 m" in one language. */
export function walkTimeLabel(t: WalkTime, lang: 'zh' | 'en'): string {
  const speed = paceSpeed(t.pace);
  const named = typeof t.pace === 'string' ? PACES[t.pace][lang] : null;
  const m = walkRadiusM(t);
  if (lang === 'zh') return `步行${t.minutes}分钟 · ${named ? `${named} ` : ''}${speed} 米/秒 = ${m} 米`;
  return `${t.minutes} min walk at ${speed} m/s${named ? ` (${named})` : ''} = ${m} m`;
}
