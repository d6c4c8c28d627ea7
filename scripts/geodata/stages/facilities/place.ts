/**
 * CRS conversion and check: every facility coordinate is converted by us from the source's
 * original coordinates (GCJ-02 or BD-09) with gcoord and compared with the WGS84 value the raw
 * file gives.
 */
import type { Position } from 'geojson';
import { DATA_BBOX, inBBox } from '../../../../src/core/extent';
import { distanceM, round6 } from '../../../../src/core/geo';
import { type Crs, parseCrs, toWgs84 } from '../../../../src/data/crs';
import { DataError } from '../../../../src/data/errors';

/** Largest allowed gap (m) between our CRS conversion and the raw file's WGS84 value. */
export const MAX_CONVERSION_GAP_M = 5;

/** Converted points checked against the raw WGS84 values, with the largest gap (m). */
export interface ConversionCheck {
  points: number;
  maxGapM: number;
}

function givenWgs84(row: Record<string, string>, file: string, where: string): Position {
  const given: Position = [Number(row.lon), Number(row.lat)];
  if (!Number.isFinite(given[0]) || !Number.isFinite(given[1])) {
    throw new DataError(file, `${where}, field lon/lat`, `"${row.lon}, ${row.lat}" is not a pair of numbers`);
  }
  return given;
}

function convertOriginal(row: Record<string, string>, crs: Crs, file: string, where: string): Position {
  const original: Position = [Number(row.lon_original), Number(row.lat_original)];
  if (!Number.isFinite(original[0]) || !Number.isFinite(original[1])) {
    throw new DataError(
      file,
      `${where}, field lon_original/lat_original`,
      `missing or not numeric for ${crs}`,
    );
  }
  return toWgs84(original, crs);
}

/**
 * Locate one CSV row: convert lon_original/lat_original from crs_original with gcoord and
 * require agreement within MAX_CONVERSION_GAP_M (m) with the given WGS84 lon/lat; `check`
 * counts the converted points and keeps the largest gap (m, unrounded). Returns [lon, lat]
 * with 6 decimals, or null when the row has no WGS84 coordinate (the source could not locate
 * it honestly). Stops on a bad number, an unknown CRS, a failed check or a point outside the
 * data extent.
 */
export function locateRow(
  row: Record<string, string>,
  file: string,
  rowNo: number,
  check: ConversionCheck,
): Position | null {
  const where = `row ${rowNo} (${row.id})`;
  if (!row.lon || !row.lat) return null;
  const given = givenWgs84(row, file, where);
  let p: Position = given;
  const crs = parseCrs(row.crs_original ?? '');
  if (!crs)
    throw new DataError(
      file,
      `${where}, field crs_original`,
      `unknown coordinate system "${row.crs_original}"`,
    );
  if (crs !== 'WGS84') {
    p = convertOriginal(row, crs, file, where);
    const gap = distanceM(p, given);
    check.points += 1;
    check.maxGapM = Math.max(check.maxGapM, gap);
    if (gap > MAX_CONVERSION_GAP_M) {
      throw new DataError(
        file,
        `${where}, field lon/lat`,
        `our ${crs}→WGS84 conversion lands ${gap.toFixed(1)} m from the given WGS84 value (limit ${MAX_CONVERSION_GAP_M} m): wrong crs_original?`,
      );
    }
  }
  if (!inBBox(p, DATA_BBOX)) {
    throw new DataError(
      file,
      `${where}, field lon/lat`,
      `[${p[0]}, ${p[1]}] is outside Yangpu's bounding box`,
    );
  }
  return [round6(p[0]!), round6(p[1]!)];
}
