/**
 * The active scenario against today: residents (and the type's target group) newly covered
 * and lost, and capacity in reach before → after for the district. The same figures as the
 * scenario table's gains (the masks the table counts).
 */
import type { CapacityDifferenceSummary, DifferenceSummary as Diff } from '../../worker/accessApi';
import { formatNumber, type Lang } from '../i18n';
import { s } from './strings';

export function DifferenceSummary(p: {
  lang: Lang;
  coverage: Diff;
  capacity: CapacityDifferenceSummary | null;
}) {
  const { lang } = p;
  const d = p.coverage.district;
  const n = (v: number) => formatNumber(v, lang);
  const r = (v: number | null) => (v === null ? '—' : formatNumber(v, lang, 2));
  return (
    <div class="difference" data-testid="difference">
      <h3>{s('differenceTitle', lang)}</h3>
      <div>
        {s('residentsGained', lang)}: <strong data-testid="diff-residents">+{n(d.residentsGained)}</strong>
        {d.residentsLost > 0 && ` · ${s('lost', lang)} −${n(d.residentsLost)}`}
      </div>
      {d.targetGained !== null && (
        <div>
          {s('targetGained', lang)}: +{n(d.targetGained)}
          {d.targetLost ? ` · −${n(d.targetLost)}` : ''} <small>({s('estimates', lang)})</small>
        </div>
      )}
      {p.capacity && (
        <div>
          {s('capacityChange', lang)}: {r(p.capacity.district.before)} → {r(p.capacity.district.after)}
        </div>
      )}
    </div>
  );
}
