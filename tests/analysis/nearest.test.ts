import { describe, expect, it } from 'vitest';
import { nearestByCategory, walkingMinutes } from '../../src/analysis/nearest';
import { yangpuProjection as P } from '../../src/core/geo';

const at = (x: number, y: number) => P.toLonLat(x, y);

describe('nearestByCategory', () => {
  const facilities = [
    { id: 'a', category: 'kindergarten', lonLat: at(100, 0) },
    { id: 'b', category: 'kindergarten', lonLat: at(0, 500) },
    { id: 'c', category: 'park', lonLat: at(-800, 0) },
  ];

  it('finds the nearest facilities per category, closest first, with distances in m', () => {
    const [k, p] = nearestByCategory(at(0, 0), facilities, ['kindergarten', 'park']);
    expect(k!.nearest.map((n) => n.id)).toEqual(['a', 'b']);
    expect(k!.nearest[0]!.distanceM).toBeCloseTo(100, -0.5);
    expect(k!.meetsStandard).toBe(true); // 100 m ≤ 300 m
    expect(p!.meetsStandard).toBe(false); // 800 m > 500 m
  });

  it('reports no facility for an empty category and does not meet it', () => {
    const [r] = nearestByCategory(at(0, 0), facilities, ['baby-room']);
    expect(r!.nearest).toEqual([]);
    expect(r!.meetsStandard).toBe(false);
  });

  it('measures the riverfront to the nearest point of its line', () => {
    const line = [at(-1000, 200), at(1000, 200)];
    const [r] = nearestByCategory(at(0, 0), [], ['riverfront'], [line]);
    expect(r!.nearest[0]!.distanceM).toBeCloseTo(200, 3);
  });

  it('estimates walking minutes at the standards’ 60 m per minute', () => {
    expect(walkingMinutes(300)).toBe(5);
  });
});
