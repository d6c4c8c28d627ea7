import { describe, expect, it } from 'vitest';
import { distanceM } from '../../src/core/geo';
import { fromWgs84, parseCrs, toWgs84 } from '../../src/data/crs';

describe('crs', () => {
  it('reads the CRS names the sources use', () => {
    expect(parseCrs('GCJ-02')).toBe('GCJ02');
    expect(parseCrs('BD-09 (corrected 2026-11-22)')).toBe('BD09');
    expect(parseCrs('WGS-84 (OSM)')).toBe('WGS84');
    expect(parseCrs('Mercator')).toBeNull();
  });

  it('round-trips GCJ-02 and BD-09 within 1 m in Yangpu', () => {
    const p = [121.52, 31.29];
    for (const crs of ['GCJ02', 'BD09'] as const) {
      expect(distanceM(toWgs84(fromWgs84(p, crs), crs), p)).toBeLessThan(1);
    }
  });

  it('GCJ-02 is offset about 475 m in Yangpu, BD-09 about 1 km', () => {
    const p = [121.52, 31.29];
    const gcj = distanceM(fromWgs84(p, 'GCJ02'), p);
    const bd = distanceM(fromWgs84(p, 'BD09'), p);
    expect(gcj).toBeGreaterThan(400);
    expect(gcj).toBeLessThan(550);
    expect(bd).toBeGreaterThan(800);
    expect(bd).toBeLessThan(1300);
  });
});
