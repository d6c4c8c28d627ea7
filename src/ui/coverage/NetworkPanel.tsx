import type { CoverageTable, DistanceKind } from '../../analysis/coverage/engine';
import type { Lang } from '../../core/lang';
import type { NetworkSummary } from '../../worker/coverageApi';
import { distanceModelLabel } from '../distanceModel';
import { formatNumber } from '../i18n';
import { s } from './strings';

const pct = (v: number | null | undefined, lang: Lang) =>
  v === null || v === undefined ? '—' : `${formatNumber(v * 100, lang, 1)}%`;

/** Walking (best available), straight line or walking on the network only: the choice, what the network covers, or why there is none. */
export function DistanceChoice(p: {
  lang: Lang;
  distance: DistanceKind;
  network: NetworkSummary | null;
  error: string | null;
  onDistance(d: DistanceKind): void;
}) {
  const { lang } = p;
  if (!p.network)
    return p.error ? (
      <p class="note">
        {s('networkUnavailable', lang)} {p.error}
      </p>
    ) : null;
  return (
    <fieldset class="tiers" data-testid="distance-choice">
      <legend>{s('distanceModel', lang)}</legend>
      {(['walk', 'straight', 'network'] as DistanceKind[]).map((d) => (
        <label key={d}>
          <input
            type="radio"
            name="distance"
            value={d}
            checked={p.distance === d}
            onChange={() => p.onDistance(d)}
          />
          {distanceModelLabel(d, lang)}
        </label>
      ))}
      <small class="note">
        {p.distance === 'walk' ? `${s('walkWhere', lang)} ` : ''}
        {s('networkWhere', lang)} {s('networkCovers', lang)} {pct(p.network.residentsShare, lang)}{' '}
        {s('ofResidents', lang)} ({formatNumber(p.network.lengthKm, lang, 1)} km).
      </small>
    </fieldset>
  );
}

/** Every circle with residents in the network: walking and straight-line shares of them, and the detour. */
export function NetworkComparison(p: { lang: Lang; table: CoverageTable; circleName(id: string): string }) {
  const { lang, table } = p;
  const rows = table.circles.filter((c) => c.network);
  if (table.distance !== 'network' || rows.length === 0) return null;
  const d = table.network;
  return (
    <div class="table-wrap">
      <p class="note">{s('mixedNote', lang)}</p>
      <table class="dashboard" data-testid="network-comparison">
        <caption>{s('sideBySide', lang)}</caption>
        <thead>
          <tr>
            <th scope="col">{s('colInNetwork', lang)}</th>
            <th scope="col" class="num">
              %
            </th>
            <th scope="col" class="num">
              {s('colWalking', lang)}
            </th>
            <th scope="col" class="num">
              {s('colStraight', lang)}
            </th>
            <th scope="col" class="num">
              {s('colDetour', lang)}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((c) => (
            <tr key={c.id} data-circle={c.id}>
              <th scope="row">{p.circleName(c.id)}</th>
              <td class="num">{pct(c.network!.residentsShare, lang)}</td>
              <td class="num">{pct(c.network!.share, lang)}</td>
              <td class="num">{pct(c.network!.straightShare, lang)}</td>
              <td class="num">
                {c.network!.detourIndex ? formatNumber(c.network!.detourIndex, lang, 2) : '—'}
              </td>
            </tr>
          ))}
        </tbody>
        {d && (
          <tfoot>
            <tr>
              <th scope="row">Σ</th>
              <td class="num">{pct(d.residentsShare, lang)}</td>
              <td class="num">{pct(d.share, lang)}</td>
              <td class="num">{pct(d.straightShare, lang)}</td>
              <td class="num">{d.detourIndex ? formatNumber(d.detourIndex, lang, 2) : '—'}</td>
            </tr>
          </tfoot>
        )}
      </table>
      <small class="note">{s('detourNote', lang)}</small>
    </div>
  );
}
