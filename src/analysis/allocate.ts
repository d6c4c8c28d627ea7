/**
 * Largest-remainder (Hamilton) apportionment: split `total` whole units across parties
 * in proportion to their weights, giving every party at least `minimum`.
 * Deterministic: ties in remainder go to the larger weight, then the lower index.
 */
export function largestRemainder(weights: number[], total: number, minimum = 0): number[] {
  if (weights.length === 0) return [];
  if (weights.some((w) => !(w >= 0))) throw new RangeError('weights must be non-negative numbers');
  if (minimum * weights.length > total) {
    throw new RangeError(`cannot give ${weights.length} parties at least ${minimum} of ${total}`);
  }
  const sum = weights.reduce((a, b) => a + b, 0);
  if (sum === 0) throw new RangeError('weights sum to zero');
  const quotas = weights.map((w) => (w / sum) * total);
  const seats = quotas.map((q) => Math.max(minimum, Math.floor(q)));
  let left = total - seats.reduce((a, b) => a + b, 0);
  const order = quotas
    .map((q, i) => ({ i, rem: q - Math.floor(q), w: weights[i]! }))
    .filter(({ i }) => seats[i]! === Math.floor(quotas[i]!)) // parties lifted to the minimum don't compete
    .sort((a, b) => b.rem - a.rem || b.w - a.w || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    seats[i]! += 1;
    left -= 1;
  }
  // If minimums over-allocated, take back from the largest-quota parties above the minimum.
  while (left < 0) {
    let best = -1;
    for (let i = 0; i < seats.length; i++) {
      if (seats[i]! > minimum && (best < 0 || seats[i]! - quotas[i]! > seats[best]! - quotas[best]!))
        best = i;
    }
    seats[best]! -= 1;
    left += 1;
  }
  return seats;
}

/** Round non-negative values to integers that sum exactly to round(sum), by largest remainder. */
export function roundPreservingSum(values: number[]): number[] {
  const total = Math.round(values.reduce((a, b) => a + b, 0));
  const floors = values.map(Math.floor);
  let left = total - floors.reduce((a, b) => a + b, 0);
  const order = values
    .map((v, i) => ({ i, rem: v - Math.floor(v) }))
    .sort((a, b) => b.rem - a.rem || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    floors[i]! += 1;
    left -= 1;
  }
  return floors;
}
