/**
 * Names in both languages for what the reports mention: circles, subdistricts, facilities.
 * Coverage rows carry the Chinese name only, so English names come from the layers. Issue 16
 * gives coverage rows `nameEn`: this is the one place to read it from the rows instead.
 */
import type { Feature, FeatureCollection, Point } from 'geojson';
import type { Bilingual } from '../../core/lang';
import type { CircleProps, FacilityProps, SubdistrictProps } from '../../core/schema';

export interface NameBook {
  circle(id: string): Bilingual;
  /** by the subdistrict's Chinese name (as coverage rows give it) */
  subdistrict(name: string): Bilingual;
  /** facilities have Chinese names only */
  facility(id: string): string;
}

export function nameBook(layers: {
  circles: FeatureCollection;
  subdistricts: FeatureCollection;
  facilities: Iterable<Feature<Point, FacilityProps>>;
}): NameBook {
  const circles = new Map<string, Bilingual>();
  for (const f of layers.circles.features) {
    const p = f.properties as CircleProps;
    circles.set(p.id, { zh: p.name, en: p.nameEn || p.name });
  }
  const subdistricts = new Map<string, Bilingual>();
  for (const f of layers.subdistricts.features) {
    const p = f.properties as SubdistrictProps;
    subdistricts.set(p.name, { zh: p.name, en: p.nameEn || p.name });
  }
  const facilities = new Map<string, string>();
  for (const f of layers.facilities) facilities.set(f.properties.id, f.properties.name);
  return {
    circle: (id) => circles.get(id) ?? { zh: id, en: id },
    subdistrict: (name) => subdistricts.get(name) ?? { zh: name, en: name },
    facility: (id) => facilities.get(id) ?? id,
  };
}

/**
 * The subdistrict a link names: its Chinese name, the name without 街道, its English name
 * (any case) or its code; null when none matches.
 */
export function findSubdistrict(subdistricts: FeatureCollection, asked: string): SubdistrictProps | null {
  const q = asked.trim().toLowerCase();
  for (const f of subdistricts.features) {
    const p = f.properties as SubdistrictProps;
    const names = [
      p.name,
      p.name.replace(/街道$/, ''),
      p.nameEn,
      p.nameEn?.replace(/\s+Subdistrict$/i, ''),
      p.code,
    ];
    if (names.some((n) => n && n.toLowerCase() === q)) return p;
  }
  return null;
}
