/**
 * What we already know, in WGS-84, for the CRS evidence: the facilities of geodata/ and the
 * outlines of the district, its subdistricts and the circles. The app builds it from the
 * shipped layers, `npm run import-check` from geodata/ — with this one function.
 */
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';

export interface KnownFacility {
  id: string;
  name: string;
  address: string | null;
  category: string;
  /** WGS-84 [lon, lat], degrees */
  lonLat: [number, number];
}

export interface KnownArea {
  kind: 'district' | 'subdistrict' | 'circle';
  name: string;
  /** WGS-84 */
  geometry: Polygon | MultiPolygon;
}

export interface KnownData {
  facilities: KnownFacility[];
  areas: KnownArea[];
}

interface KnownLayers {
  district: FeatureCollection;
  subdistricts: FeatureCollection;
  circles: FeatureCollection;
  eldercare: FeatureCollection;
  childcare: FeatureCollection;
  services: FeatureCollection;
}

const text = (v: unknown): string => (typeof v === 'string' || typeof v === 'number' ? String(v) : '');

/** The known facilities and outlines of a set of layers (the shipped ones, not the user's imports). */
export function knownFromLayers(layers: KnownLayers): KnownData {
  const facilities: KnownFacility[] = [];
  for (const fc of [layers.eldercare, layers.childcare, layers.services]) {
    for (const f of fc.features) {
      if (f.geometry?.type !== 'Point') continue;
      const [lon, lat] = f.geometry.coordinates;
      facilities.push({
        id: text(f.properties?.id),
        name: text(f.properties?.name),
        address: text(f.properties?.address) || null,
        category: text(f.properties?.category),
        lonLat: [lon!, lat!],
      });
    }
  }
  const areas: KnownArea[] = [];
  const add = (kind: KnownArea['kind'], fc: FeatureCollection) => {
    for (const f of fc.features) {
      const g = f.geometry;
      if (g?.type === 'Polygon' || g?.type === 'MultiPolygon')
        areas.push({ kind, name: text(f.properties?.name), geometry: g });
    }
  };
  add('district', layers.district);
  add('subdistrict', layers.subdistricts);
  add('circle', layers.circles);
  return { facilities, areas };
}
