/** Checks of positions and polygons, and conversion from the stated CRS. */
import type { Position } from 'geojson';
import { IMPORT_BBOX, inBBox } from '../../core/extent';
import { signedRingArea } from '../../core/geo';
import { type Crs, toWgs84 } from '../crs';
import { findRingSelfIntersection } from '../validate';
import { type Message, m } from './types';

/** [lon, lat] in the stated CRS → WGS-84. */
export function convert(p: [number, number], crs: Crs): [number, number] {
  return crs === 'WGS84' ? p : toWgs84(p, crs);
}

/** True when a WGS-84 position is near Yangpu (IMPORT_BBOX). */
export function near(p: Position): boolean {
  return inBBox(p, IMPORT_BBOX);
}

export function checkPosition(p: unknown): Message | null {
  if (!Array.isArray(p) || p.length < 2)
    return m('坐标不是[经度, 纬度]数组', 'a coordinate is not a [lon, lat] array');
  if ((p as unknown[]).some((v) => typeof v !== 'number'))
    return m('坐标不是数字', 'a coordinate is not a number');
  const [lon, lat] = p as [number, number];
  if (!Number.isFinite(lon) || !Number.isFinite(lat))
    return m('坐标不是有限数', 'a coordinate is not finite');
  if (Math.abs(lon) > 180 || Math.abs(lat) > 90)
    return m(`坐标[${lon}, ${lat}]超出经纬度范围`, `coordinate [${lon}, ${lat}] is out of range`);
  return null;
}

/** Check and normalise one polygon's rings: closed, ≥ 4 positions, no self-intersection; fix winding. */
export function checkPolygon(rings: unknown, fixed: { count: number }): Position[][] | Message {
  if (!Array.isArray(rings)) return m('多边形不是环的数组', 'the polygon is not an array of rings');
  if (rings.length === 0) return m('多边形没有环', 'the polygon has no rings');
  const out: Position[][] = [];
  for (const [r, ring] of (rings as unknown[]).entries()) {
    if (!Array.isArray(ring)) return m(`第${r}个环不是坐标数组`, `ring ${r} is not an array`);
    for (const p of ring) {
      const bad = checkPosition(p);
      if (bad) return bad;
    }
    const pts = ring as Position[];
    if (pts.length < 4) return m(`第${r}个环少于4个点`, `ring ${r} has fewer than 4 positions`);
    const a = pts[0]!;
    const b = pts[pts.length - 1]!;
    if (a[0] !== b[0] || a[1] !== b[1]) return m(`第${r}个环未闭合`, `ring ${r} is not closed`);
    if (findRingSelfIntersection(pts))
      return m(`第${r}个环自相交（如“蝴蝶结”形）`, `ring ${r} intersects itself (a bow-tie)`);
    const area = signedRingArea(pts);
    if (area === 0) return m(`第${r}个环面积为零`, `ring ${r} has zero area`);
    const wantCcw = r === 0;
    if (area > 0 !== wantCcw) {
      fixed.count++;
      out.push([...pts].reverse().map((p) => [p[0]!, p[1]!]));
    } else out.push(pts.map((p) => [p[0]!, p[1]!]));
  }
  return out;
}
