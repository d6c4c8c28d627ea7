/**
 * Coordinate-system handling for Chinese map sources. GCJ-02 (AutoNavi/Tencent/Apple China)
 * is offset ≈ 475 m from WGS84 in Yangpu; BD-09 (Baidu) ≈ 1 km. Conversion uses gcoord.
 */
import gcoord from 'gcoord';
import type { Position } from 'geojson';

export type Crs = 'WGS84' | 'GCJ02' | 'BD09';

/** Read a CRS name as sources write it ("GCJ-02", "BD-09 (corrected …)", "WGS-84 (OSM)"); null if unknown. */
export function parseCrs(text: string): Crs | null {
  const t = text
    .trim()
    .toUpperCase()
    .replace(/[\s_-]/g, '');
  if (t.startsWith('GCJ02')) return 'GCJ02';
  if (t.startsWith('BD09')) return 'BD09';
  if (t.startsWith('WGS84') || t.startsWith('EPSG:4326')) return 'WGS84';
  return null;
}

/** Convert a lon/lat from `crs` to WGS84. */
export function toWgs84(p: Position, crs: Crs): [number, number] {
  if (crs === 'WGS84') return [p[0]!, p[1]!];
  const out = gcoord.transform([p[0]!, p[1]!] as [number, number], gcoord[crs], gcoord.WGS84);
  return [out[0]!, out[1]!];
}

/** Convert a WGS84 lon/lat to `crs` (used to test which CRS a dataset is in). */
export function fromWgs84(p: Position, crs: Crs): [number, number] {
  if (crs === 'WGS84') return [p[0]!, p[1]!];
  const out = gcoord.transform([p[0]!, p[1]!] as [number, number], gcoord.WGS84, gcoord[crs]);
  return [out[0]!, out[1]!];
}
