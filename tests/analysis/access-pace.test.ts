import { describe, expect, it } from 'vitest';
import {
  checkWalkTime,
  PACES,
  walkMinutes,
  walkRadiusM,
  walkTimeLabel,
} from '../../src/analysis/access/pace';

describe('walking paces', () => {
  it('15 minutes: 990 m at the adult pace (≈ the 1000 m tier), 720 m at an elder’s', () => {
    expect(walkRadiusM({ minutes: 15, pace: 'adult' })).toBe(990);
    expect(walkRadiusM({ minutes: 15, pace: 'elder' })).toBe(720);
    expect(walkRadiusM({ minutes: 5, pace: 1 })).toBe(300);
    expect(walkMinutes(720, 'elder')).toBe(15);
    expect(PACES.elder.citation).toMatch(/Asher/);
  });

  it('accepts minutes 1–45 and speeds 0.3–2 m/s, refuses the rest', () => {
    expect(checkWalkTime(15, 'elder')).toEqual({ minutes: 15, pace: 'elder' });
    expect(checkWalkTime(10, 0.9)).toEqual({ minutes: 10, pace: 0.9 });
    for (const [m, p] of [
      [0, 'adult'],
      [46, 'adult'],
      [15, 'runner'],
      [15, 0.1],
      [15, 3],
      [Number.NaN, 'adult'],
      ['15', 'adult'],
    ] as const)
      expect(checkWalkTime(m, p)).toBeNull();
  });

  it('labels say minutes, speed and metres in both languages', () => {
    expect(walkTimeLabel({ minutes: 15, pace: 'elder' }, 'en')).toBe(
      '15 min walk at 0.8 m/s (elder’s pace) = 720 m',
    );
    expect(walkTimeLabel({ minutes: 15, pace: 'elder' }, 'zh')).toBe(
      '步行15分钟 · 老年人步速 0.8 米/秒 = 720 米',
    );
  });
});
