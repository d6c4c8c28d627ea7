/** A share with its range in markup: the range under the share (tables) and as a band over a bar. */
import type { CoverageTotals } from '../../analysis/coverage/tables';
import type { Lang } from '../../core/lang';
import { formatPct, formatRange, type ShareWithRange, shareRange } from './range';

/** A row's share and, when part of it is estimated, its range on a second line ("18.3%" / "(15–21%)"). */
export function ShareText(p: { row: Pick<CoverageTotals, 'populationShare' | 'estimate'>; lang: Lang }) {
  const r = shareRange(p.row);
  const range = formatRange(r, p.lang);
  return (
    <>
      {formatPct(r.share, p.lang)}
      {range && (
        <small class="sub range" data-range={range}>
          {p.lang === 'zh' ? `（${range}）` : ` (${range})`}
        </small>
      )}
    </>
  );
}

/** A share's range drawn over its bar (a lighter band from low to high); nothing without a range. */
export function RangeBand(p: { range: ShareWithRange }) {
  const { low, high } = p.range;
  if (low === null || high === null) return null;
  const left = Math.max(0, Math.min(100, low * 100));
  const right = Math.max(left, Math.min(100, high * 100));
  return <i class="range-band" style={{ left: `${left}%`, width: `${right - left}%` }} aria-hidden="true" />;
}
