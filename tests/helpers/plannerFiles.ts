/**
 * Files of the kinds Yangpu planners hold, made from our own data (geodata/, WGS-84) — never
 * invented places: facility lists geocoded with Baidu (BD-09) or Amap (GCJ-02), converted
 * with gcoord, with their columns renamed and shuffled the way Chinese lists name them, some
 * names dropped and some rows repeated; circles exported in GCJ-02 by a web GIS tool; the
 * subdistricts in BD-09 as a bare JSON array of Features.
 *
 * `npx tsx tests/helpers/plannerFiles.ts <dir>` writes them (e.g. to try `npm run import-check`).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon, Position } from 'geojson';
import { readLayer } from '../../scripts/bench/coverage-data';
import { mulberry32 } from '../../src/analysis/random';
import { CATEGORIES } from '../../src/core/categories';
import { type Crs, fromWgs84 } from '../../src/data/crs';
import { type KnownData, knownFromLayers } from '../../src/data/importer';

export interface Truth {
  id: string;
  name: string;
  address: string | null;
  category: string;
  lonLat: [number, number];
}

/** Our facilities (eldercare, childcare, services), WGS-84. */
export function ourFacilities(layers = ['eldercare', 'childcare', 'services']): Truth[] {
  return layers.flatMap((l) =>
    readLayer<FeatureCollection<Point>>(`${l}.geojson`).features.map((f) => ({
      id: String(f.properties?.id),
      name: String(f.properties?.name),
      address: (f.properties?.address as string | null) ?? null,
      category: String(f.properties?.category),
      lonLat: f.geometry.coordinates as [number, number],
    })),
  );
}

/** What the app passes the importer: the shipped facilities and outlines. */
export function knownData(): KnownData {
  const l = (n: string) => readLayer(`${n}.geojson`);
  return knownFromLayers({
    district: l('district'),
    subdistricts: l('subdistricts'),
    circles: l('circles'),
    eldercare: l('eldercare'),
    childcare: l('childcare'),
    services: l('services'),
  });
}

const zhCategory = (id: string) => CATEGORIES.find((c) => c.id === id)?.zh.split('/')[0] ?? id;
const q = (v: string | number | null) => {
  const s = v === null ? '' : String(v);
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};
const fixed6 = (v: number) => v.toFixed(6);

function shuffle<T>(items: T[], seed: number): T[] {
  const rand = mulberry32(seed);
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

export interface PlannerCsv {
  name: string;
  text: string;
  /** the true WGS-84 position of every row's facility, by our id (the file's 编号/id column) */
  truth: Map<string, [number, number]>;
  /** rows written (duplicates included) and how many had their name dropped / were repeats */
  rows: number;
  dropped: number;
  repeats: number;
}

/**
 * A facility list as a planner gets it from a geocoding service: columns 编号, 机构名称, 类别
 * (Chinese labels), 地址, 经度(百度)/纬度(百度) (or lng/lat for Amap), shuffled; every 17th
 * name dropped, every 23rd row repeated at the end.
 */
export function geocodedList(crs: Crs, facilities = ourFacilities(), seed = 14): PlannerCsv {
  const tag = crs === 'BD09' ? '(百度)' : crs === 'GCJ02' ? '(高德)' : '';
  const columns = ['编号', '机构名称', '类别', '地址', `经度${tag}`, `纬度${tag}`];
  const order = shuffle(columns, seed);
  let dropped = 0;
  const rows = facilities.map((f, i) => {
    const [lon, lat] = fromWgs84(f.lonLat, crs);
    const dropName = i % 17 === 16;
    if (dropName) dropped++;
    const values: Record<string, string> = {
      编号: f.id,
      机构名称: dropName ? '' : f.name,
      类别: zhCategory(f.category),
      地址: f.address ?? '',
      [`经度${tag}`]: fixed6(lon),
      [`纬度${tag}`]: fixed6(lat),
    };
    return order.map((c) => q(values[c]!)).join(',');
  });
  const repeats = rows.filter((_, i) => i % 23 === 22 && i % 17 !== 16);
  const all = [...shuffle(rows, seed + 1), ...repeats];
  return {
    name: `facilities-${crs.toLowerCase()}.csv`,
    text: `${order.join(',')}\n${all.join('\n')}\n`,
    truth: new Map(facilities.map((f) => [f.id, f.lonLat])),
    rows: all.length,
    dropped,
    repeats: repeats.length,
  };
}

/** An Amap export with both pairs: lng/lat (GCJ-02, as written) beside wgs84_lon/wgs84_lat (converted). */
export function twoPairList(facilities = ourFacilities(['childcare'])): PlannerCsv {
  const header = 'id,facility_name,official_address,lng,lat,wgs84_lon,wgs84_lat,type';
  const rows = facilities.map((f) => {
    const [lon, lat] = fromWgs84(f.lonLat, 'GCJ02');
    return [
      f.id,
      f.name,
      f.address,
      fixed6(lon),
      fixed6(lat),
      fixed6(f.lonLat[0]),
      fixed6(f.lonLat[1]),
      f.category,
    ]
      .map(q)
      .join(',');
  });
  return {
    name: 'childcare-two-pairs.csv',
    text: `${header}\n${rows.join('\n')}\n`,
    truth: new Map(facilities.map((f) => [f.id, f.lonLat])),
    rows: rows.length,
    dropped: 0,
    repeats: 0,
  };
}

const convertPolygon = (g: Polygon | MultiPolygon, crs: Crs): Polygon | MultiPolygon => {
  const ring = (r: Position[]) => r.map((p) => fromWgs84(p, crs).map((v) => Math.round(v * 1e6) / 1e6));
  return g.type === 'Polygon'
    ? { type: 'Polygon', coordinates: g.coordinates.map(ring) }
    : { type: 'MultiPolygon', coordinates: g.coordinates.map((p) => p.map(ring)) };
};

/** Our circles as a web GIS tool exports them in GCJ-02 (FeatureCollection, Chinese property names). */
export function circlesIn(crs: Crs): {
  name: string;
  text: string;
  truth: Feature<Polygon | MultiPolygon>[];
} {
  const fc = readLayer<FeatureCollection<Polygon | MultiPolygon>>('circles.geojson');
  const features = fc.features.map((f) => ({
    type: 'Feature',
    properties: { 编号: f.properties?.id, 名称: f.properties?.name, 所属街道: f.properties?.subdistrict },
    geometry: convertPolygon(f.geometry, crs),
  }));
  return {
    name: `circles-${crs.toLowerCase()}.geojson`,
    text: JSON.stringify({ type: 'FeatureCollection', features }),
    truth: fc.features,
  };
}

/** Our subdistricts in `crs` as a bare JSON array of Features (not valid GeoJSON; some tools write it). */
export function subdistrictsArray(crs: Crs): { name: string; text: string } {
  const fc = readLayer<FeatureCollection<Polygon | MultiPolygon>>('subdistricts.geojson');
  const features = fc.features.map((f) => ({
    type: 'Feature',
    properties: { name: f.properties?.name },
    geometry: convertPolygon(f.geometry, crs),
  }));
  return { name: `subdistricts-${crs.toLowerCase()}-array.json`, text: JSON.stringify(features) };
}

if (process.argv[1] && import.meta.filename === process.argv[1]) {
  const dir = process.argv[2];
  if (!dir) {
    console.error('usage: npx tsx tests/helpers/plannerFiles.ts <dir>');
    process.exit(2);
  }
  mkdirSync(dir, { recursive: true });
  for (const f of [
    geocodedList('BD09'),
    geocodedList('GCJ02'),
    twoPairList(),
    circlesIn('GCJ02'),
    subdistrictsArray('BD09'),
  ]) {
    writeFileSync(join(dir, f.name), f.text);
    console.log(join(dir, f.name));
  }
}
