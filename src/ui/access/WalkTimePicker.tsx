/**
 * The threshold as a walking time: minutes at an adult's or an elder's pace (cited in
 * analysis/access/pace.ts); one click sets "15 minutes for a 75-year-old". The radius it
 * makes is the one every table, gap, report and link then uses.
 */
import {
  MAX_MINUTES,
  MIN_MINUTES,
  PACES,
  type PaceId,
  type WalkTime,
  walkRadiusM,
  walkTimeLabel,
} from '../../analysis/access/pace';
import type { Lang } from '../i18n';
import { s } from './strings';

export function WalkTimePicker(p: {
  lang: Lang;
  walkTime: WalkTime | null;
  onWalkTime(t: WalkTime | null): void;
}) {
  const { lang } = p;
  const minutes = p.walkTime?.minutes ?? 15;
  const pace: PaceId = typeof p.walkTime?.pace === 'string' ? p.walkTime.pace : 'adult';
  const elder15 = { minutes: 15, pace: 'elder' as const };
  const isElder15 = p.walkTime?.minutes === 15 && p.walkTime.pace === 'elder';
  return (
    <fieldset class="walk-time" data-testid="walk-time">
      <legend>{s('walkTime', lang)}</legend>
      <button
        type="button"
        class={isElder15 ? 'chip on' : 'chip'}
        aria-pressed={isElder15}
        data-testid="elder-15"
        onClick={() => p.onWalkTime(elder15)}
      >
        {s('elder15', lang)} ({walkRadiusM(elder15)} {lang === 'zh' ? '米' : 'm'})
      </button>
      <label>
        <input
          type="number"
          min={MIN_MINUTES}
          max={MAX_MINUTES}
          step={1}
          value={minutes}
          aria-label={s('minutes', lang)}
          onChange={(e) => {
            const v = Number((e.target as HTMLInputElement).value);
            if (Number.isFinite(v) && v >= MIN_MINUTES && v <= MAX_MINUTES)
              p.onWalkTime({ minutes: Math.round(v), pace });
          }}
        />{' '}
        {s('minutes', lang)}
      </label>
      <label>
        {s('pace', lang)}{' '}
        <select
          value={pace}
          onChange={(e) => p.onWalkTime({ minutes, pace: (e.target as HTMLSelectElement).value as PaceId })}
        >
          {(Object.keys(PACES) as PaceId[]).map((id) => (
            <option key={id} value={id}>
              {s(id === 'adult' ? 'paceAdult' : 'paceElder', lang)}
            </option>
          ))}
        </select>
      </label>
      {p.walkTime && (
        <p class="walk-time-now" data-testid="walk-time-label">
          {walkTimeLabel(p.walkTime, lang)}{' '}
          <button
            type="button"
            class="link"
            aria-label={lang === 'zh' ? '清除步行时间' : 'Clear the walking time'}
            onClick={() => p.onWalkTime(null)}
          >
            ×
          </button>
        </p>
      )}
      <small class="note">{s('paceNote', lang)}</small>
    </fieldset>
  );
}
