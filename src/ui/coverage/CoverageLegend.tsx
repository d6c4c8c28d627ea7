/**
 * The coverage legend: the class ramp with its breaks and the 85 % reference, then the gap
 * hatch, the facilities of the chosen type, the walking graph in network mode and the
 * street context.
 */

import type { RouteFactors } from '../../analysis/network/routeFactors';
import type { CoverageCategory } from '../../analysis/standards';
import {
  CATEGORY_COLOURS,
  COVERAGE_CLASSES,
  GAP_COLOUR,
  NETWORK_COLOUR,
  REFERENCE_SHARE,
} from '../../map/palette';
import { type DistanceModel, distanceModelName } from '../distanceModel';
import { type Lang, t } from '../i18n';
import { legendText, s } from './strings';
import { walkMethodSentence } from './walkMethod';

const pct = (v: number) => `${Math.round(v * 100)}%`;

export function CoverageLegend(p: {
  lang: Lang;
  category: CoverageCategory;
  network?: boolean;
  /** walking (best available): the route factors of the estimate, for the method sentence */
  walk?: { factors: RouteFactors | null };
  /** the distance model in force, named in the legend */
  distance: DistanceModel;
}) {
  const { lang } = p;
  const breaks = COVERAGE_CLASSES.slice(1).map((k) => k.min);
  const description = COVERAGE_CLASSES.map((k) => `${k[lang]}`).join(', ');
  const dot = p.category === 'riverfront' ? null : CATEGORY_COLOURS[p.category];
  return (
    <div class="coverage-legend">
      <h3>{t('coverageLegend', lang)}</h3>
      <p class="note">
        {legendText('ramp', lang)} ({distanceModelName(p.distance, lang)})
      </p>
      {p.walk && (
        <p class="note" data-testid="walk-method">
          <strong>{legendText('walk', lang)}:</strong> {s('walkWhere', lang)}{' '}
          {walkMethodSentence(p.walk.factors, lang)} {s('rangeNote', lang)}
        </p>
      )}
      <div
        class="ramp"
        role="img"
        aria-label={`${legendText('classes', lang)}: ${description}; ${legendText('reference', lang)}`}
      >
        <div class="ramp-bar">
          {COVERAGE_CLASSES.map((k) => (
            <span
              key={k.colour}
              style={{ background: k.colour, flexGrow: Math.min(1, k.max) - k.min }}
              title={k[lang]}
            />
          ))}
          <i class="ramp-reference" style={{ left: pct(REFERENCE_SHARE) }} />
        </div>
        <div class="ramp-ticks" aria-hidden="true">
          <span style={{ left: '0%' }}>0</span>
          {breaks.map((b) => (
            <span key={b} style={{ left: pct(b) }}>
              {Math.round(b * 100)}
            </span>
          ))}
          <span style={{ left: '100%' }}>100%</span>
        </div>
        <div class="ramp-reference-label" style={{ left: pct(REFERENCE_SHARE) }} aria-hidden="true">
          ▲ {legendText('reference', lang)}
        </div>
      </div>
      <ul class="legend">
        <li class="legend-row">
          <span
            class="swatch gap"
            style={{
              background: `repeating-linear-gradient(135deg, ${GAP_COLOUR} 0 1.5px, transparent 1.5px 5px)`,
            }}
          />
          <span>
            {t('gapLegend', lang)} ({distanceModelName(p.distance, lang)})
          </span>
        </li>
        {dot && (
          <li class="legend-row">
            <span class="swatch dot" style={{ background: dot }} />
            <span>{legendText('facilities', lang)}</span>
          </li>
        )}
        {p.network && (
          <li class="legend-row">
            <span class="swatch network" style={{ background: NETWORK_COLOUR }} />
            <span>{legendText('network', lang)}</span>
          </li>
        )}
        <li class="legend-row">
          <span class="swatch street" />
          <span>{legendText('streets', lang)}</span>
        </li>
      </ul>
    </div>
  );
}
