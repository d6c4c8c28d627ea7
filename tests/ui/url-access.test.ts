/** The access analysis's URL parameters (issue 20): min/pace, bk, acc, decay — parsed strictly, round-tripped. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_BASKET, encodeBasket } from '../../src/analysis/access/basket';
import { parseUrlState, parseWalk, serialiseUrlState } from '../../src/ui/url';

describe('access parameters in the URL', () => {
  it('a walk of 15 minutes at an elder’s pace sets the radius (720 m), winning over r=', () => {
    const s = parseUrlState('?cat=nursing-home&r=1000&min=15&pace=elder');
    expect(s.walk).toEqual({ minutes: 15, pace: 'elder' });
    expect(s.radiusM).toBe(720);
    expect(parseUrlState('?min=10').walk).toEqual({ minutes: 10, pace: 'adult' });
    expect(parseUrlState('?min=10&pace=0.9').walk).toEqual({ minutes: 10, pace: 0.9 });
  });

  it('malformed walks, baskets, layers and decays fall back to none / the default', () => {
    for (const [min, pace] of [
      ['0', 'adult'],
      ['99', 'adult'],
      ['15', 'jog'],
      ['15', '5'],
      ['1e1', 'adult'],
      ['abc', null],
    ] as const)
      expect(parseWalk(min, pace), `${min} ${pace}`).toBeNull();
    const s = parseUrlState('?min=x&bk=o:nope&acc=<script>&decay=cubic');
    expect(s.walk).toBeNull();
    expect(s.basket).toBeNull();
    expect(s.accessLayer).toBeNull();
    expect(s.decay).toBe('binary');
  });

  it('round-trips: serialise then parse gives the same access state', () => {
    const bk = 'o:elder-canteen~meal-point,care-home;c:park';
    const s = parseUrlState(
      `?cat=nursing-home&min=15&pace=elder&bk=${encodeURIComponent(bk)}&acc=capacity&decay=gaussian`,
    );
    expect(s.basket).toBe(bk);
    expect(s.accessLayer).toBe('capacity');
    expect(s.decay).toBe('gaussian');
    const text = serialiseUrlState({ ...s, radiusM: 720 }, '');
    const back = parseUrlState(text);
    expect(back.walk).toEqual(s.walk);
    expect(back.basket).toBe(bk);
    expect(back.accessLayer).toBe('capacity');
    expect(back.decay).toBe('gaussian');
    expect(back.radiusM).toBe(720);
    // defaults write nothing
    const plain = serialiseUrlState({ ...parseUrlState(''), basket: null }, '');
    expect(plain).toBe('');
    expect(encodeBasket(DEFAULT_BASKET)).not.toBe('');
  });
});
