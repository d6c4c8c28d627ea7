/**
 * Facts the reports state beside the model: the census share of residents aged 60+ (for
 * beds per 100 elders) and the sources that are not facility lists (the facility lists'
 * sources and dates are read from the facilities themselves, see sourceRows in assemble.ts).
 * Transcribed from geodata/SOURCES.md and the raw population/ folder; keep them in step.
 */
import type { FeatureCollection } from 'geojson';
import type { Bilingual } from '../../core/lang';

/** 7th census (2020-11-01), district level: population/district-indicators-2020.csv. */
export const CENSUS_2020 = {
  residents: 1_242_548,
  /** residents aged 60+ */
  age60plus: 394_927,
  /** 0–1 */
  share60plus: 0.3178,
  date: '2020-11-01',
} as const;

/**
 * The district's share (0–1) of residents aged 60+: from the census counts on the district
 * feature (`ageGroups2020.age60plus`, the population model's source), else the census figure
 * transcribed here. The coverage tables' 60+ counts use the same share wherever no local
 * age figures were imported; bed ratios fall back to it when the tables carry no counts.
 */
export function elderShare(district: FeatureCollection | undefined): { share: number; fromData: boolean } {
  const p = district?.features[0]?.properties as
    | { population2020?: number; ageGroups2020?: { age60plus?: number } }
    | undefined;
  const elders = p?.ageGroups2020?.age60plus;
  if (typeof elders === 'number' && p?.population2020 && elders > 0 && elders < p.population2020)
    return { share: elders / p.population2020, fromData: true };
  return { share: CENSUS_2020.share60plus, fromData: false };
}

/**
 * True when the user imported local age figures (a subdistrict's `ageGroups` or a circle's
 * `ageGroupsOverride`): the target groups then use them there, and the district share elsewhere.
 */
export function hasLocalAgeFigures(layers: {
  subdistricts: FeatureCollection;
  circles: FeatureCollection;
}): boolean {
  const has = (fc: FeatureCollection, key: string) => fc.features.some((f) => !!f.properties?.[key]);
  return has(layers.subdistricts, 'ageGroups') || has(layers.circles, 'ageGroupsOverride');
}

export interface SourceRow {
  what: Bilingual;
  source: string;
  date: string;
}

/** Sources other than the facility lists (see geodata/SOURCES.md). */
export const BASE_SOURCES: readonly SourceRow[] = [
  {
    what: { zh: '街道与区边界', en: 'Subdistrict and district boundaries' },
    source:
      'OSM-derived 街镇 polygons (github:Stockard/Shanghai-COVID-2022), © OpenStreetMap contributors, ODbL',
    date: '2022',
  },
  {
    what: {
      zh: '常住人口（街道）；60岁及以上占比（全区）',
      en: 'Residents (by subdistrict); share aged 60+ (district)',
    },
    source: '第七次全国人口普查 · 7th national census (subdistrict totals rounded to 100)',
    date: CENSUS_2020.date,
  },
  {
    what: { zh: '15分钟生活圈边界', en: '15-minute life-circle boundaries' },
    source: 'derived by this project from the boundaries and census (not official)',
    date: '—',
  },
  {
    what: {
      zh: 'OSM 街区细节与步行网络（五角场一带）',
      en: 'OSM detail and walking network (Wujiaochang area)',
    },
    source: 'OpenStreetMap exports, © OpenStreetMap contributors, ODbL',
    date: '2023-12, 2026-03',
  },
];

export const ATTRIBUTION = '© OpenStreetMap contributors (ODbL)';
