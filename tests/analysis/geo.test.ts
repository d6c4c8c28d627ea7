import { describe, expect, it } from 'vitest';
import {
  distanceM,
  geometryArea,
  lineLength,
  pointInGeometry,
  signedRingArea,
  yangpuProjection,
} from '../../src/core/geo';

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

  it('projected distances agree with an independent haversine distance within 0.3% across the district (the sphere is itself ~0.1–0.2% off the ellipsoid here)', () => {
    // The oracle: great-circle distance on the mean-radius sphere (independent of our projection).
    const haversine = (p: number[], q: number[]) => {
      const r = 6371008.8;
      const rad = Math.PI / 180;
      const s =
        Math.sin(((q[1]! - p[1]!) * rad) / 2) ** 2 +
        Math.cos(p[1]! * rad) * Math.cos(q[1]! * rad) * Math.sin(((q[0]! - p[0]!) * rad) / 2) ** 2;
      return 2 * r * Math.asin(Math.sqrt(s));
    };
    const a = [121.48, 31.25];
    const b = [121.56, 31.35];
    expect(Math.abs(distanceM(a, b) / haversine(a, b) - 1)).toBeLessThan(0.003);
    expect(lineLength([a, b])).toBeCloseTo(distanceM(a, b), 6);
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
