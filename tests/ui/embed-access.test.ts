/** The embed API's access additions (issue 20): `walk` in yangpu:set, access figures in a circle's select. */
import { describe, expect, it } from 'vitest';
import type { AccessSummary } from '../../src/analysis/access/summary';
import { circleAccessFigures } from '../../src/ui/access/embed';
import { parseEmbedMessage } from '../../src/ui/embed/messages';

describe('embed API: walking time and access figures', () => {
  it('accepts a walk of minutes at a pace, or null; refuses anything else whole', () => {
    expect(parseEmbedMessage({ type: 'yangpu:set', walk: { minutes: 15, pace: 'elder' } })).toEqual({
      type: 'yangpu:set',
      walk: { minutes: 15, pace: 'elder' },
    });
    expect(parseEmbedMessage({ type: 'yangpu:set', walk: null })).toEqual({ type: 'yangpu:set', walk: null });
    for (const walk of [
      { minutes: 15 },
      { minutes: 15, pace: 'sprint' },
      { minutes: 0, pace: 'adult' },
      { minutes: 15, pace: 'adult', extra: 1 },
      '15',
      [15, 'elder'],
    ])
      expect(parseEmbedMessage({ type: 'yangpu:set', walk }), JSON.stringify(walk)).toBeNull();
  });

  it('a circle’s figures: capacity (null when unknown, never 0) and the basket shares, only for the same query', () => {
    const a = {
      category: 'nursing-home',
      radiusM: 1000,
      capacity: { unit: 'beds', per: 100, circles: [{ id: 'c1', ratio: null, status: 'unknown' }] },
      basket: {
        sides: {
          elder: { circles: [{ id: 'c1', share: 0.2 }] },
          child: { circles: [{ id: 'c1', share: 0.1 }] },
        },
      },
    } as unknown as AccessSummary;
    expect(circleAccessFigures(a, 'c1', 'nursing-home', 1000)).toEqual({
      capacity: null,
      capacityStatus: 'unknown',
      capacityUnit: 'beds',
      per: 100,
      basketElder: 0.2,
      basketChild: 0.1,
    });
    expect(circleAccessFigures(a, 'c1', 'nursing-home', 500)).toBeNull();
  });
});
