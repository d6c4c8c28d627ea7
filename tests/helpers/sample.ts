/**
 * Seeded samples for the oracle cross-checks: the same seed gives the same sample on every
 * machine, so a failure is reproducible; the seed is printed with each check's result.
 */
import { mulberry32 } from '../../src/analysis/random';

/** `n` distinct items of `items` (or all of them), drawn by a seeded Fisher–Yates shuffle, in their original order. */
export function seededSample<T>(items: readonly T[], n: number, seed: number): T[] {
  const rand = mulberry32(seed);
  const index = items.map((_, i) => i);
  for (let i = index.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [index[i], index[j]] = [index[j]!, index[i]!];
  }
  return index
    .slice(0, Math.min(n, items.length))
    .sort((a, b) => a - b)
    .map((i) => items[i]!);
}
