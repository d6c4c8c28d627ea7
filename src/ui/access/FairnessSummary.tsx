/**
 * Fairness of the shown type's access: the Gini of the walk to the nearest site and of
 * capacity in reach, the worst-served tenth of circles and their share of the people, and
 * the Lorenz curves. Estimates (the population model's residents and target groups).
 */
import type { FairnessResult } from '../../analysis/access/fairness';
import { formatNumber, type Lang } from '../i18n';
import { LorenzPlot } from './LorenzPlot';
import { s } from './strings';

export const LORENZ_COLOURS = { distance: '#5e3c99', capacity: '#e66101' } as const;

export function FairnessSummary(p: {
  lang: Lang;
  distance: FairnessResult | null;
  capacity: FairnessResult | null;
  circleName(id: string): string;
}) {
  const { lang } = p;
  const f = p.distance;
  if (!f) return null;
  const g = (v: number | null) => (v === null ? '—' : formatNumber(v, lang, 3));
  const curves = [
    { label: s('curveDistance', lang), lorenz: f.lorenz, gini: f.gini, colour: LORENZ_COLOURS.distance },
    ...(p.capacity
      ? [
          {
            label: s('curveCapacity', lang),
            lorenz: p.capacity.lorenz,
            gini: p.capacity.gini,
            colour: LORENZ_COLOURS.capacity,
          },
        ]
      : []),
  ];
  return (
    <div class="fairness" data-testid="fairness">
      <h3>{s('fairness', lang)}</h3>
      <div>
        {s('giniDistance', lang)}: <strong data-testid="gini-distance">{g(f.gini)}</strong>
      </div>
      {p.capacity && (
        <div>
          {s('giniCapacity', lang)}: <strong data-testid="gini-capacity">{g(p.capacity.gini)}</strong>
          {p.capacity.lowerBound ? ' *' : ''}
        </div>
      )}
      <div>
        {s('worstDecile', lang)}: {f.worstDecile.circles.map(p.circleName).join(lang === 'zh' ? '、' : ', ')}{' '}
        — {s('worstDecileShare', lang)} {formatNumber(f.worstDecile.peopleShare * 100, lang, 1)}%
      </div>
      <LorenzPlot
        lang={lang}
        curves={curves}
        title={`${s('lorenz', lang)}: ${curves.map((c) => `${c.label} ${g(c.gini)}`).join('; ')}`}
        xLabel={s('lorenzPeople', lang)}
      />
      <p class="note">
        {s('estimates', lang)}. {p.capacity?.lowerBound ? `* ${s('lowerBound', lang)}.` : ''}
      </p>
    </div>
  );
}
