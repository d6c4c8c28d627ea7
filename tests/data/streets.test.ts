/**
 * The street index (issue 22 item 3): street names from list addresses and OSM lines, crossings
 * split from a query, and placed only where OSM lines meet (never an invented position).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Feature, FeatureCollection, Point } from 'geojson';
import { describe, expect, it } from 'vitest';
import { GEODATA_DIR } from '../../scripts/geodata/paths';
import { yangpuProjection as P } from '../../src/core/geo';
import type { FacilityProps, UnlocatedFacility } from '../../src/core/schema';
import { crossingStreets, streetOfAddress } from '../../src/core/streets';
import { buildStreetIndex, linesCross, resolveCrossing } from '../../src/data/streets';

const at = (x: number, y: number) => P.toLonLat(x, y);
const line = (name: string, ...pts: [number, number][]) => ({
  type: 'Feature' as const,
  properties: { name },
  geometry: { type: 'LineString' as const, coordinates: pts.map(([x, y]) => at(x, y)) },
});
const facility = (id: string, address: string, x: number, y: number): Feature<Point, FacilityProps> =>
  ({
    type: 'Feature',
    properties: { id, name: id, address, category: 'canteen' },
    geometry: { type: 'Point', coordinates: at(x, y) },
  }) as unknown as Feature<Point, FacilityProps>;

describe('streetOfAddress', () => {
  it.each([
    ['上海市杨浦区控江路1500号', '控江路'],
    ['杨浦区中山北二路1800号', '中山北二路'],
    ['延吉中路97号', '延吉中路'],
    ['上海市杨浦区四平路街道鞍山路5号', '鞍山路'],
    ['国权北路1688弄', '国权北路'],
  ])('%s → %s', (address, street) => expect(streetOfAddress(address)).toBe(street));

  it.each(['上海市杨浦区松花一村32号甲', '市光一村106号二层', '', null])('names no street in %s', (a) =>
    expect(streetOfAddress(a)).toBeNull());
});

describe('crossingStreets', () => {
  const known = new Set(['控江路', '延吉中路', '国定路']);
  it('splits run-together and joined crossings', () => {
    expect(crossingStreets('控江路延吉中路', known)).toEqual(['控江路', '延吉中路']);
    expect(crossingStreets('控江路与延吉中路交叉口', known)).toEqual(['控江路', '延吉中路']);
    expect(crossingStreets('控江路 / 延吉中路', known)).toEqual(['控江路', '延吉中路']);
    // a street the data does not hold is still named (so the answer can say it is unknown)
    expect(crossingStreets('国定路淞沪路', known)).toEqual(['国定路', '淞沪路']);
  });
  it('is not a crossing for one street or a non-street', () => {
    expect(crossingStreets('控江路', known)).toBeNull();
    expect(crossingStreets('国定路口', known)).toBeNull();
    expect(crossingStreets('五角场', known)).toBeNull();
  });
});

describe('street index and crossings', () => {
  const walk: FeatureCollection = {
    type: 'FeatureCollection',
    features: [
      line('东西路', [-1000, 0], [1000, 0]),
      line('南北路', [0, -1000], [0, 1000]),
      // 环路 meets 东西路 twice, 1.6 km apart
      line('环路', [-800, -200], [-800, 200], [800, 200], [800, -200]),
      line('北路', [-1000, 500], [1000, 500]),
    ],
  };
  const facilities = [
    facility('f1', '上海市杨浦区东西路12号', 50, 10),
    facility('f2', '控江路1500号', 3000, 3000),
  ];
  const unlocated = [{ id: 'u1', name: 'u1', address: '延吉中路97号' }] as unknown as UnlocatedFacility[];
  const index = buildStreetIndex(walk, facilities, unlocated);

  it('holds OSM lines and the facilities whose address names a street, no position of its own', () => {
    expect(index.get('东西路')!.lines).toHaveLength(1);
    expect(index.get('东西路')!.facilities.map((f) => f.id)).toEqual(['f1']);
    expect(index.get('控江路')).toMatchObject({ lines: [], unlocated: [] });
    expect(index.get('控江路')!.facilities[0]!.lonLat).toEqual(facilities[1]!.geometry.coordinates);
    expect(index.get('延吉中路')).toMatchObject({ lines: [], facilities: [], unlocated: ['u1'] });
  });

  it('places a crossing where the OSM lines meet', () => {
    const r = resolveCrossing(['东西路', '南北路'], index);
    expect(r.placed).toBe(true);
    if (!r.placed) return;
    expect(r.at).toHaveLength(1);
    const [x, y] = P.toXY(r.at[0]!);
    expect(Math.hypot(x, y)).toBeLessThan(1);
  });

  it('gives one point per junction when two streets meet twice, none between them', () => {
    const pts = linesCross(index.get('环路')!.lines, index.get('东西路')!.lines);
    expect(pts.map((p) => Math.round(P.toXY(p)[0]))).toEqual([-800, 800]);
  });

  it('says why a crossing cannot be placed and offers the streets it holds', () => {
    expect(resolveCrossing(['控江路', '延吉中路'], index)).toMatchObject({
      placed: false,
      noLine: ['控江路', '延吉中路'],
      unknown: [],
      apart: false,
    });
    expect(resolveCrossing(['东西路', '北路'], index)).toMatchObject({ placed: false, apart: true });
    const r = resolveCrossing(['东西路', '淞沪路'], index);
    expect(r).toMatchObject({ placed: false, unknown: ['淞沪路'] });
    expect(r.streets.map((x) => x.name)).toEqual(['东西路']);
  });
});

describe('on the real data', () => {
  const read = (f: string) => JSON.parse(readFileSync(join(GEODATA_DIR, f), 'utf8'));
  const facilities = ['eldercare', 'childcare', 'services'].flatMap((k) => read(`${k}.geojson`).features);
  const index = buildStreetIndex(read('walk-network.geojson'), facilities, read('unlocated.json'));
  it('finds 控江路 from the lists’ addresses, with facility points only from the lists', () => {
    const k = index.get('控江路')!;
    expect(k.facilities.length).toBeGreaterThan(0);
    const points = new Set(facilities.map((f: Feature<Point>) => f.geometry.coordinates.join()));
    for (const f of k.facilities) expect(points.has(f.lonLat.join())).toBe(true);
  });
  it('cannot place 控江路 × 延吉中路 (no OSM lines there) and places 国定路 × 邯郸路', () => {
    const names = crossingStreets('控江路延吉中路', new Set(index.keys()))!;
    expect(resolveCrossing(names, index)).toMatchObject({ placed: false, noLine: ['控江路', '延吉中路'] });
    const r = resolveCrossing(crossingStreets('国定路邯郸路', new Set(index.keys()))!, index);
    expect(r.placed && r.at.length).toBe(1);
  });
});
