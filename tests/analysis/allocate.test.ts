import { describe, expect, it } from 'vitest';
import { largestRemainder, roundPreservingSum } from '../../src/analysis/allocate';

describe('largestRemainder', () => {
  it('gives the textbook Hamilton result', () => {
    // quotas 4.4, 3.3, 2.3 → floors 4,3,2; one seat left goes to the largest remainder (0.4)
    expect(largestRemainder([44, 33, 23], 10)).toEqual([5, 3, 2]);
  });

  it('always sums to the total and respects the minimum', () => {
    const weights = [900, 10, 10, 10, 70];
    const seats = largestRemainder(weights, 8, 1);
    expect(seats.reduce((a, b) => a + b, 0)).toBe(8);
    expect(Math.min(...seats)).toBeGreaterThanOrEqual(1);
  });

  it('is deterministic on ties', () => {
    expect(largestRemainder([1, 1, 1], 2)).toEqual([1, 1, 0]);
  });

  it('rejects impossible minimums', () => {
    expect(() => largestRemainder([1, 1, 1], 2, 1)).toThrow(RangeError);
  });
});

describe('roundPreservingSum', () => {
  it('keeps the rounded total', () => {
    const out = roundPreservingSum([1.4, 1.4, 1.2]);
    expect(out.reduce((a, b) => a + b, 0)).toBe(4);
  });
});
