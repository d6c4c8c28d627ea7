/**
 * Capacity in reach for the shown type: the district's figure ("1.33 beds per 100 elders in
 * reach"), whether it is a lower bound, the sites of unknown capacity by name (never
 * assumed), the decay choice, and the method in two sentences. Estimates.
 */
import type { CapacityRow, Decay } from '../../analysis/access/capacity';
import type { CapacitySummary as Summary } from '../../analysis/access/summary';
import { formatNumber, type Lang } from '../i18n';
import { perLabel, s } from './strings';

/** A capacity figure as text: the ratio, "≥ ratio" (lower bound), "unknown" or 0 (none in reach). */
export function capacityText(row: Pick<CapacityRow, 'ratio' | 'status'>, lang: Lang, digits = 2): string {
  if (row.status === 'unknown' || row.ratio === null) return s('unknownCapacity', lang);
  const smallest = 10 ** -digits;
  // a positive figure that rounds to 0 is not 0 (0 = no site in reach)
  const v =
    row.ratio > 0 && row.ratio < smallest / 2
      ? `< ${formatNumber(smallest, lang, digits)}`
      : formatNumber(row.ratio, lang, digits);
  return row.status === 'partial' ? `≥ ${v}` : v;
}

export function CapacitySummary(p: {
  lang: Lang;
  capacity: Summary;
  decay: Decay;
  facilityName(id: string): string;
  onDecay(d: Decay): void;
}) {
  const { lang, capacity: c } = p;
  const d = c.district;
  return (
    <div class="capacity" data-testid="capacity-summary">
      <h3>{s('capacityInReach', lang)}</h3>
      <div class="big">
        {perLabel(c.unit, c.per, c.group, lang)}:{' '}
        <strong data-testid="district-capacity">{capacityText(d, lang)}</strong>
        <small> ({s('estimates', lang)})</small>
      </div>
      {d.status === 'partial' && <p class="note">{s('lowerBound', lang)}</p>}
      {c.unknownSites.length > 0 && (
        <details class="unknown-sites" data-testid="unknown-sites">
          <summary>
            {s('unknownSites', lang)}: {c.unknownSites.length}
          </summary>
          <ul class="chips">
            {c.unknownSites.map((id) => (
              <li key={id}>{p.facilityName(id)}</li>
            ))}
          </ul>
        </details>
      )}
      <fieldset class="decay">
        <legend>{s('decay', lang)}</legend>
        {(['binary', 'gaussian'] as const).map((k) => (
          <label key={k}>
            <input type="radio" name="decay" checked={p.decay === k} onChange={() => p.onDecay(k)} />
            {s(k === 'binary' ? 'decayBinary' : 'decayGaussian', lang)}
          </label>
        ))}
      </fieldset>
      <p class="note">
        {s('twoStep', lang)} {p.decay === 'gaussian' ? s('decayNote', lang) : ''}
      </p>
    </div>
  );
}
