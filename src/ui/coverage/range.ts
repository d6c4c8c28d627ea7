/**
 * Shares with their range (walking, best available): where some of an area's residents are
 * counted by the route-factor estimate rather than a measured walk, the share is shown with
 * the range the factors' quartiles give — "18.3% (15–21%)" / "18.3%（15–21%）" — and alone
 * where the whole figure is measured on the network (or the mode has no estimate). Pure.
 */
import type { CoverageTotals, WalkEstimate } from '../../analysis/coverage/tables';
import type { Lang } from '../../core/lang';
import { formatNumber } from '../i18n';

/** A share (0–1) and, when part of it is estimated, its low and high ends (0–1). */
export interface ShareWithRange {
  share: number | null;
  /** null when there is no range to show (all measured, no estimate, or low = high) */
  low: number | null;
  high: number | null;
}

/** The walk estimate of a row, when the row has one with some residents estimated. */
export function estimatedPart(t: Pick<CoverageTotals, 'estimate'>): WalkEstimate | null {
  const e = t.estimate;
  if (!e || e.measuredShare === null || e.measuredShare >= 1) return null;
  return e;
}

/** The share of a row and its range (only where some residents are estimated). */
export function shareRange(t: Pick<CoverageTotals, 'populationShare' | 'estimate'>): ShareWithRange {
  const e = estimatedPart(t);
  const share = t.populationShare;
  if (!e || share === null || e.shareLow === null || e.shareHigh === null || e.shareLow === e.shareHigh)
    return { share, low: null, high: null };
  // the ends bracket the share whatever the rounding of the factors' counts
  return { share, low: Math.min(e.shareLow, share), high: Math.max(e.shareHigh, share) };
}

/** A share (0–1) as a percentage with `digits` decimals (default 1: "18.3%"); "—" for null. */
export function formatPct(v: number | null | undefined, lang: Lang, digits = 1): string {
  return v === null || v === undefined ? '—' : `${formatNumber(v * 100, lang, digits)}%`;
}

const EPS = 1e-9;

/**
 * The range alone, whole percents rounded outwards so it always contains the share:
 * "15–21%"; null when there is none.
 */
export function formatRange(r: ShareWithRange, lang: Lang): string | null {
  if (r.low === null || r.high === null) return null;
  const lo = Math.floor(r.low * 100 + EPS);
  const hi = Math.min(100, Math.ceil(r.high * 100 - EPS));
  return `${formatNumber(lo, lang)}–${formatNumber(Math.max(lo, hi), lang)}%`;
}

/** "18.3% (15–21%)" (en) / "18.3%（15–21%）" (zh); the share alone where there is no range. */
export function formatShareRange(r: ShareWithRange, lang: Lang, digits = 1): string {
  const main = formatPct(r.share, lang, digits);
  const range = formatRange(r, lang);
  if (!range) return main;
  return lang === 'zh' ? `${main}（${range}）` : `${main} (${range})`;
}

/** A row's share with its range, formatted. */
export function formatRowShare(
  t: Pick<CoverageTotals, 'populationShare' | 'estimate'>,
  lang: Lang,
  digits = 1,
): string {
  return formatShareRange(shareRange(t), lang, digits);
}
