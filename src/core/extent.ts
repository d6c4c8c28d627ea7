/**
 * Yangpu's extent: one bounding box (the district outline's, from the OSM boundary) and the
 * margins every layer derives from it. Degrees, [west, south, east, north], WGS-84.
 */
export type BBox = [number, number, number, number];

/** Bounding box of the district outline (geodata/district.geojson), degrees. */
export const DISTRICT_BBOX: BBox = [121.4808, 31.2489, 121.5648, 31.3488];

/** Origin of the local metric projection (the district's middle), [lon, lat] degrees. */
export const PROJECTION_ORIGIN: [number, number] = [121.525, 31.3];

/** Metres per degree of latitude, rounded (enough for margins; measurements use core/geo). */
const M_PER_DEG_LAT = 110_900;

/** `bbox` grown by `marginM` metres on every side. */
export function expandBBox(bbox: BBox, marginM: number): BBox {
  const dLat = marginM / M_PER_DEG_LAT;
  const midLat = ((bbox[1] + bbox[3]) / 2) * (Math.PI / 180);
  const dLon = marginM / (M_PER_DEG_LAT * Math.cos(midLat));
  const r = (v: number) => Math.round(v * 1e4) / 1e4;
  return [r(bbox[0] - dLon), r(bbox[1] - dLat), r(bbox[2] + dLon), r(bbox[3] + dLat)];
}

/** Every generated layer lies in here (the district and 5 km around: metro, roads, OSM detail). */
export const DATA_BBOX: BBox = expandBBox(DISTRICT_BBOX, 5_000);

/** Where the map may pan, and where a point from a URL or a share link may lie (15 km around). */
export const MAP_BOUNDS: BBox = expandBBox(DISTRICT_BBOX, 15_000);

/** Imported data must lie in here to count as "near Yangpu" (20 km around). */
export const IMPORT_BBOX: BBox = expandBBox(DISTRICT_BBOX, 20_000);

/** True when [lon, lat] is finite and inside `bbox`. */
export function inBBox(p: ArrayLike<number>, bbox: BBox): boolean {
  const lon = p[0];
  const lat = p[1];
  return (
    typeof lon === 'number' &&
    typeof lat === 'number' &&
    Number.isFinite(lon) &&
    Number.isFinite(lat) &&
    lon >= bbox[0] &&
    lon <= bbox[2] &&
    lat >= bbox[1] &&
    lat <= bbox[3]
  );
}
