/** The near-me feature's state (no JSX): the resident's point and what is nearest to it. */
import { computed, signal } from '@preact/signals';
import { type NearestResult, nearestByCategory } from '../../analysis/nearest';
import type { WalksFrom } from '../../analysis/network/nearest';
import { describePlace, type NamedPoint, type PlaceDescription } from '../../analysis/place';
import { COVERAGE_CATEGORIES } from '../../core/categories';
import { pointInGeometry } from '../../core/geo';
import { data, index, riverfrontLines } from '../app/state';

/** the resident's point, [lon, lat] */
export const residentPoint = signal<[number, number] | null>(null);
/** why the device location could not be used (text), or null */
export const locationMessage = signal<string | null>(null);
/** walks along the network from the point (null outside the network or without one) */
export const walks = signal<WalksFrom | null>(null);

/** Straight-line nearest of every category (always; the walks replace them where the network reaches). */
export const nearest = computed<NearestResult[]>(() => {
  const p = residentPoint.value;
  const idx = index.value;
  if (!p || !idx) return [];
  return nearestByCategory(p, idx.points, COVERAGE_CATEGORIES, riverfrontLines.value);
});

/** The life circle the resident's point is in (null outside every circle). */
export const residentCircle = computed(() => {
  const p = residentPoint.value;
  const idx = index.value;
  if (!p || !idx) return null;
  for (const f of idx.circles.values()) if (pointInGeometry(p, f.geometry)) return f.properties;
  return null;
});

type Area = Parameters<typeof describePlace>[1]['areas'][number];

/** The named places a point is described by: facilities and metro stations (lon/lat). */
const namedPoints = computed<NamedPoint[]>(() => {
  const d = data.value;
  const idx = index.value;
  if (!d || !idx) return [];
  return [
    ...[...idx.facilities.values()].map((f) => ({
      name: f.properties.name,
      kind: f.properties.category as string,
      lonLat: f.geometry.coordinates,
    })),
    ...d.layers.metroStations.features.flatMap((f) =>
      f.geometry.type === 'Point' && typeof f.properties?.name === 'string'
        ? [{ name: f.properties.name, kind: 'station', lonLat: f.geometry.coordinates }]
        : [],
    ),
  ];
});

/** Where the resident's point is: subdistrict, life circle, named area, nearest named place. */
export const residentPlace = computed<PlaceDescription | null>(() => {
  const p = residentPoint.value;
  const d = data.value;
  if (!p || !d) return null;
  const polygons = (fc: GeoJSON.FeatureCollection) =>
    fc.features.filter((f) => f.geometry.type === 'Polygon' || f.geometry.type === 'MultiPolygon') as Area[];
  return describePlace(p, {
    subdistricts: polygons(d.layers.subdistricts),
    circles: polygons(d.layers.circles),
    areas: [...polygons(d.layers.residential), ...polygons(d.layers.green)],
    named: namedPoints.value,
  });
});
