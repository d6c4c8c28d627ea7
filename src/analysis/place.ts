/**
 * Where a point is, in the names the data holds: its subdistrict and life circle (point in
 * polygon), the named area it lies in (an OSM residential estate or park, where mapped), and the
 * nearest named place (a facility or a metro station) with its straight-line distance in m. Pure.
 */
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import { distanceM, pointInGeometry } from '../core/geo';

export interface NamedPoint {
  name: string;
  /** 'station' for a metro station, else a facility's category id */
  kind: string;
  lonLat: Position;
}

export interface PlaceDescription {
  subdistrict: { name: string; nameEn: string | null } | null;
  circle: { id: string; name: string; nameEn: string | null } | null;
  /** the named area (OSM residential or green) the point lies in, if any */
  within: { name: string } | null;
  /** the nearest named place, straight-line distance in m */
  nearest: (NamedPoint & { distanceM: number }) | null;
}

type Area = Feature<Polygon | MultiPolygon, Record<string, unknown> | null>;

const inside = (p: Position, areas: readonly Area[]) => areas.find((f) => pointInGeometry(p, f.geometry));

export function describePlace(
  point: Position,
  data: {
    subdistricts: readonly Area[];
    circles: readonly Area[];
    /** named polygons (OSM residential, green); those without a name are skipped */
    areas: readonly Area[];
    named: readonly NamedPoint[];
  },
): PlaceDescription {
  const sd = inside(point, data.subdistricts)?.properties;
  const c = inside(point, data.circles)?.properties;
  const area = data.areas.find(
    (f) => typeof f.properties?.name === 'string' && f.properties.name && pointInGeometry(point, f.geometry),
  );
  let nearest: PlaceDescription['nearest'] = null;
  for (const n of data.named) {
    const d = distanceM(point, n.lonLat);
    if (!nearest || d < nearest.distanceM) nearest = { ...n, distanceM: d };
  }
  const str = (v: unknown) => (typeof v === 'string' && v ? v : null);
  return {
    subdistrict: sd ? { name: String(sd.name), nameEn: str(sd.nameEn) } : null,
    circle: c ? { id: String(c.id), name: String(c.name), nameEn: str(c.nameEn) } : null,
    within: area ? { name: String(area.properties!.name) } : null,
    nearest,
  };
}
