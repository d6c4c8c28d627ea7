/** Lookups over the loaded layers: facilities by id, circles by id, and the search index. */
import type { Feature, Point } from 'geojson';
import { capacityInUnit } from '../../analysis/access/capacitySpec';
import type { FacilityPoint } from '../../analysis/coverage/engine';
import { labelPoint } from '../../analysis/labelPoint';
import { CATEGORIES } from '../../core/categories';
import type { CircleProps, FacilityProps } from '../../core/schema';
import type { LoadedData } from '../../data/load';
import { buildStreetIndex, type StreetIndex } from '../../data/streets';
import { s as fs } from '../facility/strings';
import type { Lang } from '../i18n';
import { streetItem } from '../search/place';
import type { SearchItem } from '../search/Search';

export interface DataIndex {
  facilities: Map<string, Feature<Point, FacilityProps>>;
  circles: Map<string, Feature<GeoJSON.Polygon | GeoJSON.MultiPolygon, CircleProps>>;
  points: FacilityPoint[];
  counts: Map<string, number>;
  /** a facility's name as lists show it: "（约略位置）" after it when located approximately */
  facilityLabel(id: string, lang: Lang): string;
  /** streets the data names: OSM lines where mapped, the street part of the lists' addresses */
  streets: StreetIndex;
  /** a subdistrict's name (as facilities and circles give it, in Chinese) in the language */
  subdistrictName(name: string, lang: Lang): string;
  search(lang: Lang): SearchItem[];
}

export function indexData(data: LoadedData): DataIndex {
  const facilities = new Map<string, Feature<Point, FacilityProps>>();
  for (const fc of [data.layers.eldercare, data.layers.childcare, data.layers.services]) {
    for (const f of fc.features as Feature<Point, FacilityProps>[]) facilities.set(f.properties.id, f);
  }
  const circles = new Map(
    (data.layers.circles.features as Feature<GeoJSON.Polygon | GeoJSON.MultiPolygon, CircleProps>[]).map(
      (f) => [f.properties.id, f],
    ),
  );
  const streets = buildStreetIndex(data.layers.walkNetwork, facilities.values(), data.unlocated);
  const counts = new Map<string, number>();
  for (const f of facilities.values())
    counts.set(f.properties.category, (counts.get(f.properties.category) ?? 0) + 1);
  const points = [...facilities.values()].map((f) => ({
    id: f.properties.id,
    category: f.properties.category,
    lonLat: f.geometry.coordinates,
    // in the type's unit, or null: unknown (never assumed)
    capacity: capacityInUnit(f.properties.category, f.properties.capacity, f.properties.capacityUnit),
  }));
  const subdistrictEn = new Map(
    data.layers.subdistricts.features.map((f) => {
      const p = f.properties as { name: string; nameEn?: string };
      return [p.name, p.nameEn ?? p.name];
    }),
  );
  const subdistrictName = (name: string, lang: Lang) =>
    lang === 'en' ? (subdistrictEn.get(name) ?? name) : name;
  const facilityLabel = (id: string, lang: Lang) => {
    const p = facilities.get(id)?.properties;
    if (!p) return id;
    return p.locatedApproximately
      ? `${p.name}${lang === 'zh' ? '（' : ' ('}${fs('approximate', lang)}${lang === 'zh' ? '）' : ')'}`
      : p.name;
  };
  const cache = new Map<Lang, SearchItem[]>();
  const search = (lang: Lang): SearchItem[] => {
    const hit = cache.get(lang);
    if (hit) return hit;
    const category = (id: string) => CATEGORIES.find((c) => c.id === id)?.[lang] ?? id;
    const items: SearchItem[] = [];
    for (const f of facilities.values()) {
      const p = f.properties;
      items.push({
        kind: 'facility',
        id: p.id,
        label: p.name,
        detail: [category(p.category), p.address, p.locatedApproximately ? fs('approximate', lang) : null]
          .filter(Boolean)
          .join(' · '),
        haystack: `${p.name} ${p.address ?? ''} ${category(p.category)}`.toLowerCase(),
        lonLat: f.geometry.coordinates,
      });
    }
    for (const f of circles.values()) {
      const p = f.properties;
      items.push({
        kind: 'circle',
        id: p.id,
        label: lang === 'en' ? p.nameEn || p.name : p.name,
        detail: subdistrictName(p.subdistrict, lang),
        haystack:
          `${p.name} ${p.nameEn} ${p.subdistrict} ${subdistrictName(p.subdistrict, 'en')}`.toLowerCase(),
        lonLat: labelPoint(f.geometry),
      });
    }
    for (const f of data.layers.subdistricts.features) {
      const p = f.properties as { name: string; nameEn: string; code: string };
      items.push({
        kind: 'subdistrict',
        id: p.code,
        label: lang === 'en' ? p.nameEn : p.name,
        detail: lang === 'en' ? p.name : p.nameEn,
        haystack: `${p.name} ${p.nameEn}`.toLowerCase(),
        lonLat: labelPoint(f.geometry as GeoJSON.Polygon),
      });
    }
    for (const street of streets.values()) items.push(streetItem(street, lang));
    for (const u of data.unlocated) {
      items.push({
        kind: 'unlocated',
        id: u.id,
        label: u.name,
        detail: `${category(u.category)} · ${u.address ?? ''}`,
        haystack: `${u.name} ${u.address ?? ''}`.toLowerCase(),
        lonLat: null,
      });
    }
    cache.set(lang, items);
    return items;
  };
  return { facilities, circles, points, counts, facilityLabel, streets, subdistrictName, search };
}
