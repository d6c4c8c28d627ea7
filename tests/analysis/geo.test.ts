import { describe, expect, it } from 'vitest';
import {
  geometryArea,
  haversineMetres,
  lineLength,
  pointInGeometry,
  signedRingArea,
  yangpuProjection,
} from '../../src/analysis/geo';

describe('geo', () => {
  it('a 1 km square in projected metres has an area of 1 km² (±0.1%)', () => {
    const ring = [
      [0, 0],
      [1000, 0],
      [1000, 1000],
      [0, 1000],
      [0, 0],
    ].map(([x, y]) => yangpuProjection.toLonLat(x!, y!));
    expect(geometryArea({ type: 'Polygon', coordinates: [ring] }) / 1e6).toBeCloseTo(1, 3);
    expect(signedRingArea(ring)).toBeGreaterThan(0); // counter-clockwise
  });

  it('projected distances agree with the haversine distance within 0.5% across the district', () => {
    const a = [121.48, 31.25];
    const b = [121.56, 31.35];
    expect(lineLength([a, b]) / haversineMetres(a, b)).toBeCloseTo(1, 2);
  });

  it('point in polygon respects holes', () => {
    const outer = [
      [0, 0],
      [10, 0],
      [10, 10],
      [0, 10],
      [0, 0],
    ];
    const hole = [
      [4, 4],
      [4, 6],
      [6, 6],
      [6, 4],
      [4, 4],
    ];
    const g = { type: 'Polygon' as const, coordinates: [outer, hole] };
    expect(pointInGeometry([2, 2], g)).toBe(true);
    expect(pointInGeometry([5, 5], g)).toBe(false);
    expect(pointInGeometry([11, 5], g)).toBe(false);
  });
});
