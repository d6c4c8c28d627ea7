/**
 * A resident's place in words and a street search (issue 22 items 2–4), pure: the near-me lines
 * labelled and picked, the view fitting the place and its nearest sites, an at= link opening on
 * the point, a crossing that cannot be placed saying why and offering the streets, and a point
 * described by subdistrict, life circle and the nearest named place.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GEODATA_DIR } from '../../scripts/geodata/paths';
import type { NearestResult } from '../../src/analysis/nearest';
import { describePlace } from '../../src/analysis/place';
import { buildStreetIndex } from '../../src/data/streets';
import { placeText } from '../../src/ui/nearby/placeText';
import { nearbyFitPoints, openingView, straightTargets } from '../../src/ui/nearby/view';
import { crossingResults, placeFeatures, placeFitPoints } from '../../src/ui/search/place';

const r = (category: string, id: string, distanceM: number, lonLat: [number, number]): NearestResult =>
  ({ category, nearest: [{ id, distanceM, lonLat }], standardM: 500, meetsStandard: false }) as NearestResult;
const results = [
  r('care-home', 'n1', 900, [121.54, 31.29]),
  r('elder-canteen', 'c1', 420, [121.535, 31.288]),
  r('park', 'p1', 2400, [121.51, 31.27]),
  r('riverfront', 'rf', 100, [121.53, 31.28]),
];

describe('near me lines and view', () => {
  it('labels each straight line with its type and distance, nearest first, marks the picked one', () => {
    const zh = straightTargets(results, new Set(['park']), 'n1', 'zh');
    expect(zh.map((x) => x.label)).toEqual(['长者食堂 · 直线 420 米', '长者照护之家 · 直线 900 米']);
    expect(zh.map((x) => x.picked)).toEqual([false, true]);
    const en = straightTargets(results, new Set(), null, 'en');
    expect(en[0]!.label).toBe('Elder canteen · straight 420 m');
    expect(en.some((x) => x.picked)).toBe(false);
  });

  it('fits the point and the nearest sites (at least three; all within the 15-minute walk)', () => {
    const pts = nearbyFitPoints([121.5335, 31.287], results);
    expect(pts[0]).toEqual([121.5335, 31.287]);
    // riverfront left out; the three nearest sites kept whatever their distance
    expect(pts.slice(1)).toEqual([
      [121.535, 31.288],
      [121.54, 31.29],
      [121.51, 31.27],
    ]);
    expect(nearbyFitPoints([0, 0], results, 1000, 1)).toHaveLength(3);
  });

  it('an at= link opens on the point, not the district; v= wins; the widget on the square around it', () => {
    const at: [number, number] = [121.5335, 31.287];
    expect(openingView({ view: null, at, embedNearby: false, results })).toEqual({
      kind: 'fit',
      points: nearbyFitPoints(at, results),
    });
    expect(openingView({ view: null, at, embedNearby: true, results })).toEqual({ kind: 'around', at });
    const view = { zoom: 14, center: [121.5, 31.3] as [number, number] };
    expect(openingView({ view: view as never, at, embedNearby: false, results }).kind).toBe('view');
    expect(openingView({ view: null, at: null, embedNearby: false, results }).kind).toBe('district');
  });
});

const read = (f: string) => JSON.parse(readFileSync(join(GEODATA_DIR, f), 'utf8'));
const facilities = ['eldercare', 'childcare', 'services'].flatMap((k) => read(`${k}.geojson`).features);
const streets = buildStreetIndex(read('walk-network.geojson'), facilities, read('unlocated.json'));

describe('street and crossing search', () => {
  it('控江路延吉中路: says why it cannot be placed and offers both streets, no crossing point', () => {
    const zh = crossingResults('控江路延吉中路', streets, 'zh');
    expect(zh.items.map((i) => [i.kind, i.id])).toEqual([
      ['street', '控江路'],
      ['street', '延吉中路'],
    ]);
    expect(zh.note).toContain('控江路、延吉中路');
    expect(zh.note).toContain('无法确定路口位置');
    expect(zh.note).toContain('可查看各条路上的地点');
    const en = crossingResults('控江路延吉中路', streets, 'en');
    expect(en.note).toMatch(/cannot be placed.*See the places on each street/);
  });

  it('a street the data does not hold is named as unknown', () => {
    const x = crossingResults('控江路火星路', streets, 'en');
    expect(x.note).toContain('no street named 火星路');
    expect(x.items.map((i) => i.id)).toEqual(['控江路']);
  });

  it('国定路邯郸路 is placed where the OSM lines meet', () => {
    const x = crossingResults('国定路与邯郸路', streets, 'zh');
    expect(x.note).toBeNull();
    expect(x.items).toHaveLength(1);
    expect(x.items[0]).toMatchObject({ kind: 'crossing', id: '国定路 × 邯郸路' });
    const [lon, lat] = x.items[0]!.lonLat!;
    expect(lon).toBeCloseTo(121.5045, 3);
    expect(lat).toBeCloseTo(31.3, 2);
  });

  it('a street without OSM lines is drawn and fitted by its facilities’ points only', () => {
    const p = { kind: 'street' as const, name: '控江路' };
    const fc = placeFeatures(p, streets);
    expect(fc.features.every((f) => f.geometry.type === 'Point')).toBe(true);
    const points = streets.get('控江路')!.facilities.map((f) => f.lonLat);
    expect(fc.features.map((f) => (f.geometry as GeoJSON.Point).coordinates)).toEqual(points);
    expect(placeFitPoints(p, streets)).toEqual(points);
  });
});

describe('a place in words', () => {
  const polys = (f: string) => read(f).features;
  const named = [
    ...facilities.map((f: GeoJSON.Feature<GeoJSON.Point, { name: string; category: string }>) => ({
      name: f.properties.name,
      kind: f.properties.category,
      lonLat: f.geometry.coordinates,
    })),
    ...read('metro-stations.geojson').features.map((f: GeoJSON.Feature<GeoJSON.Point, { name: string }>) => ({
      name: f.properties.name,
      kind: 'station',
      lonLat: f.geometry.coordinates,
    })),
  ];
  const data = {
    subdistricts: polys('subdistricts.geojson'),
    circles: polys('circles.geojson'),
    areas: [...polys('residential.geojson'), ...polys('green.geojson')],
    named,
  };

  it('121.5335, 31.2870: subdistrict, life circle and the nearest named place', () => {
    const d = describePlace([121.5335, 31.287], data);
    expect(d.subdistrict?.name).toMatch(/街道$/);
    expect(d.circle).not.toBeNull();
    expect(d.nearest!.distanceM).toBeGreaterThan(0);
    const zh = placeText(d, 'zh');
    expect(zh).toContain(d.subdistrict!.name);
    expect(zh).toContain(`${d.circle!.name} 生活圈`);
    expect(zh).toContain(`最近的地点：${d.nearest!.name}`);
    expect(zh).not.toMatch(/° N/);
    const en = placeText(d, 'en');
    expect(en).toContain('nearest named place: ');
    // the nearest is truly the nearest of all named points
    const brute = Math.min(
      ...named.map((n: { lonLat: number[] }) =>
        Math.hypot((n.lonLat[0]! - 121.5335) * 95_000, (n.lonLat[1]! - 31.287) * 110_900),
      ),
    );
    expect(Math.abs(d.nearest!.distanceM - brute)).toBeLessThan(5);
  });

  it('a point outside the district says so', () => {
    const d = describePlace([121.3, 31.1], data);
    expect(placeText(d, 'zh')).toContain('不在杨浦区的街道内');
  });
});
