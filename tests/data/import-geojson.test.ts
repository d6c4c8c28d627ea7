/**
 * Every valid RFC 7946 root is read (FeatureCollection, Feature, bare Geometry,
 * GeometryCollection) and, leniently with a warning, a bare JSON array of Features; MultiPoint
 * facilities split, MultiPolygon circles kept; foreign members, bbox and 3-D coordinates
 * tolerated — with our own circles and facilities. Then the test suite of a published GeoJSON
 * validator (mapbox/geojsonhint, vendored in tests/fixtures/geojsonhint/, see its README):
 * every good file is read (or rejected only for not being near Yangpu or not the right kind),
 * every bad file gets a clear message, nothing throws.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FeatureCollection, Point, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { readLayer } from '../../scripts/bench/coverage-data';
import { type ImportOptions, type ImportResult, importFile, missingMessage } from '../../src/data/importer';
import { FIXTURES } from '../helpers/golden';
import { knownData } from '../helpers/plannerFiles';

const known = knownData();
const facilities: ImportOptions = { kind: 'facilities', crs: 'WGS84', category: 'park', known };
const circles: ImportOptions = { kind: 'circles', crs: 'WGS84', known };
const read = (json: unknown, o: ImportOptions, name = 'f.geojson') =>
  importFile(new TextEncoder().encode(typeof json === 'string' ? json : JSON.stringify(json)), name, o);
const ourCircles = readLayer<FeatureCollection<Polygon>>('circles.geojson').features.filter(
  (f) => f.geometry.type === 'Polygon',
);
const ourPoints = readLayer<FeatureCollection<Point>>('eldercare.geojson').features.slice(0, 3);
const [p1, p2, p3] = ourPoints.map((f) => f.geometry);
const [c1, c2, c3] = ourCircles.map((f) => f.geometry);
const messages = (r: ImportResult) => [
  ...(r.fatal ? [r.fatal] : []),
  ...(r.missing.length ? [missingMessage(r.missing, r.format)] : []),
  ...r.rejected.map((i) => i.message),
  ...r.warnings.map((i) => i.message),
];

describe('every GeoJSON root', () => {
  it('a single Feature', () => {
    const r = read({ type: 'Feature', properties: { name: '圈甲' }, geometry: c1 }, circles);
    expect(r.circles.map((c) => c.name)).toEqual(['圈甲']);
    expect(r.warnings).toEqual([]);
  });

  it('a bare Polygon and a bare Point: named after the file, with a warning', () => {
    const poly = read(c1, circles, 'official-circle.geojson');
    expect(poly.circles).toMatchObject([{ id: 'official-circle', name: 'official-circle' }]);
    expect(poly.circles[0]!.geometry).toEqual(c1);
    expect(poly.warnings.map((w) => w.message.en)).toEqual([
      'The file has no properties: features are named after the file ("official-circle")',
    ]);
    expect(read(p1, facilities, '宝宝屋.geojson').facilities).toMatchObject([
      { name: '宝宝屋', lonLat: p1!.coordinates },
    ]);
  });

  it('a GeometryCollection: one feature per member', () => {
    const r = read({ type: 'GeometryCollection', geometries: [c1, c2, c3] }, circles, 'gc.json');
    expect(r.circles.map((c) => c.name)).toEqual(['gc 1', 'gc 2', 'gc 3']);
    const f = read({ type: 'GeometryCollection', geometries: [p1, p2] }, facilities, 'sites.json');
    expect(f.facilities.map((x) => x.lonLat)).toEqual([p1!.coordinates, p2!.coordinates]);
  });

  it('a MultiPolygon circle, and a Feature whose geometry is a GeometryCollection of polygons', () => {
    const multi = { type: 'MultiPolygon', coordinates: [c1!.coordinates, c2!.coordinates] };
    const r = read({ type: 'Feature', properties: { name: '两片' }, geometry: multi }, circles);
    expect(r.circles[0]!.geometry).toEqual(multi);
    const gc = read(
      {
        type: 'Feature',
        properties: { name: '两片' },
        geometry: { type: 'GeometryCollection', geometries: [c1, c2] },
      },
      circles,
    );
    expect(gc.circles[0]!.geometry).toEqual(multi);
  });

  it('MultiPoint facilities: one facility per point, ids numbered, with a warning', () => {
    const r = read(
      {
        type: 'Feature',
        id: 'M',
        properties: { name: '三处', category: '长者食堂' },
        geometry: { type: 'MultiPoint', coordinates: [p1, p2, p3].map((p) => p!.coordinates) },
      },
      facilities,
    );
    expect(r.facilities.map((f) => [f.id, f.category])).toEqual([
      ['M-1', 'elder-canteen'],
      ['M-2', 'elder-canteen'],
      ['M-3', 'elder-canteen'],
    ]);
    expect(r.warnings.map((w) => w.message.en)).toContain(
      'MultiPoints split: one facility per point (3 in all)',
    );
  });

  it('a bare JSON array of Features: read leniently, with a warning', () => {
    const r = read(ourCircles.slice(0, 4), circles);
    expect(r.circles).toHaveLength(4);
    expect(r.warnings[0]!.message.en).toBe(
      'The file is a bare JSON array, not GeoJSON (RFC 7946): read its 4 items as a FeatureCollection',
    );
  });

  it('foreign members, a bbox and 3-D coordinates are tolerated silently; a malformed bbox or a crs member is a warning', () => {
    const ring3d = c1!.coordinates[0]!.map((p) => [p[0], p[1], 4.5]);
    const fc = {
      type: 'FeatureCollection',
      bbox: [121.48, 31.24, 121.57, 31.35],
      generator: 'a web GIS tool',
      features: [
        {
          type: 'Feature',
          bbox: [121.48, 31.24, 0, 121.57, 31.35, 9],
          style: { fill: '#f00' },
          properties: { name: '三维' },
          geometry: { type: 'Polygon', coordinates: [ring3d], extra: true },
        },
      ],
    };
    const r = read(fc, circles);
    expect(r.circles).toHaveLength(1);
    expect(r.circles[0]!.geometry.coordinates[0]).toEqual(c1!.coordinates[0]);
    expect(r.warnings).toEqual([]);
    const odd = read(
      { ...fc, bbox: 'whole district', crs: { type: 'name', properties: { name: 'EPSG:3857' } } },
      circles,
    );
    expect(odd.circles).toHaveLength(1);
    expect(odd.warnings.map((w) => w.message.en)).toEqual([
      '1 bbox member(s) are not 4 or 6 numbers: ignored (they do not affect reading)',
      'The file has a "crs" member (EPSG:3857), which RFC 7946 removed: ignored; coordinates are read in the system chosen above',
    ]);
  });

  it('types are case-sensitive, and the message says which was meant', () => {
    expect(read({ type: 'featurecollection', features: [] }, circles).fatal?.en).toBe(
      'Not GeoJSON: type "featurecollection" (GeoJSON types are case-sensitive: "FeatureCollection")',
    );
  });
});

const SUITE = join(FIXTURES, 'geojsonhint');
const suiteFiles = (dir: 'good' | 'bad') =>
  readdirSync(join(SUITE, dir))
    .filter((f) => f.endsWith('.geojson'))
    .sort();

/** The file with its coordinates moved into a 2 km box at 五角场 (an affine map of its own bbox). */
function movedToYangpu(json: unknown): unknown {
  const all: number[][] = [];
  const collect = (v: unknown): void => {
    if (Array.isArray(v) && typeof v[0] === 'number') all.push(v as number[]);
    else if (Array.isArray(v)) v.forEach(collect);
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) if (k !== 'bbox') collect(x);
  };
  collect(json);
  const lo = [Math.min(...all.map((p) => p[0]!)), Math.min(...all.map((p) => p[1]!))];
  const span = Math.max(
    Math.max(...all.map((p) => p[0]!)) - lo[0]!,
    Math.max(...all.map((p) => p[1]!)) - lo[1]!,
    1e-9,
  );
  const move = (v: unknown): unknown => {
    if (Array.isArray(v) && typeof v[0] === 'number')
      return [
        121.505 + ((v[0] - lo[0]!) / span) * 0.02,
        31.295 + (((v[1] as number) - lo[1]!) / span) * 0.018,
        ...v.slice(2),
      ];
    if (Array.isArray(v)) return v.map(move);
    if (v && typeof v === 'object')
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, k === 'bbox' ? x : move(x)]));
    return v;
  };
  return move(json);
}

const ACCEPTABLE = /not near Yangpu|is out of range|facilities must be Points|circles must be Polygons/;

describe('a published validator’s test suite (mapbox/geojsonhint test/data)', () => {
  it('has its files here (7 good, 52 bad)', () => {
    expect([suiteFiles('good').length, suiteFiles('bad').length]).toEqual([7, 52]);
  });

  for (const name of suiteFiles('good')) {
    it(`good/${name}: read; rejected only for not being near Yangpu or not the right kind; moved to Yangpu, accepted`, () => {
      const json = JSON.parse(readFileSync(join(SUITE, 'good', name), 'utf8'));
      let accepted = 0;
      for (const o of [facilities, circles]) {
        // the suite's files name their features in "prop0": the user picks it in the preview
        const options = { ...o, columns: { name: 'prop0' } };
        const r = read(json, options, name);
        expect(r.fatal).toBeNull();
        expect(r.missing).toEqual([]);
        for (const issue of r.rejected) expect(issue.message.en).toMatch(ACCEPTABLE);
        const moved = read(movedToYangpu(json), options, name);
        for (const issue of moved.rejected)
          expect(issue.message.en).toMatch(/facilities must be Points|circles must be Polygons/);
        accepted += moved.facilities.length + moved.circles.length;
      }
      expect(accepted).toBeGreaterThan(0);
    });
  }

  const table: string[] = [];
  for (const name of suiteFiles('bad')) {
    it(`bad/${name}: a clear message in both languages for either kind, no exception`, () => {
      const bytes = readFileSync(join(SUITE, 'bad', name));
      for (const o of [facilities, circles]) {
        const r = importFile(new Uint8Array(bytes), name, o);
        const said = messages(r);
        expect(said.length).toBeGreaterThan(0);
        for (const msg of said) {
          expect(msg.zh.length).toBeGreaterThan(3);
          expect(msg.en.length).toBeGreaterThan(3);
        }
        expect(r.facilities.length + r.circles.length).toBe(0);
        if (o === facilities) table.push(`${name}: ${said[0]!.en}`);
      }
    });
  }
  it('(the first message for each bad file, for the record)', () => {
    console.log(table.join('\n'));
  });
});
