/**
 * The coordinate system by evidence, with files made from our own data (tests/helpers/
 * plannerFiles.ts): facility lists geocoded with Baidu (BD-09) and Amap (GCJ-02) declared as
 * WGS-84, a list with both a converted and an original pair of columns, circles in GCJ-02 and
 * subdistricts in BD-09. Distances to the true positions are measured independently of the
 * importer (local projection, metres); polygon overlap with Turf.
 */
import area from '@turf/area';
import { feature, featureCollection } from '@turf/helpers';
import intersect from '@turf/intersect';
import type { FeatureCollection, MultiPolygon, Point, Polygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { readLayer } from '../../scripts/bench/coverage-data';
import { mulberry32 } from '../../src/analysis/random';
import { yangpuProjection } from '../../src/core/geo';
import { type Crs, fromWgs84 } from '../../src/data/crs';
import { type ImportOptions, type ImportResult, importFile } from '../../src/data/importer';
import {
  circlesIn,
  geocodedList,
  knownData,
  ourFacilities,
  subdistrictsArray,
  twoPairList,
} from '../helpers/plannerFiles';

const known = knownData();
const district = readLayer('district.geojson').features[0]!.geometry as Polygon;
const bytes = (text: string) => new TextEncoder().encode(text);
const facilities = (crs: Crs, extra: Partial<ImportOptions> = {}): ImportOptions => ({
  kind: 'facilities',
  crs,
  category: 'baby-room',
  district,
  known,
  ...extra,
});
const metres = (a: Position, b: Position) => {
  const [ax, ay] = yangpuProjection.toXY(a);
  const [bx, by] = yangpuProjection.toXY(b);
  return Math.hypot(ax - bx, ay - by);
};
const hypothesis = (r: ImportResult, crs: Crs) => r.evidence!.hypotheses.find((h) => h.crs === crs)!;
const median = (v: number[]) => [...v].sort((a, b) => a - b)[v.length >> 1]!;

describe('coordinate system by evidence: facility lists', { timeout: 60_000 }, () => {
  for (const crs of ['BD09', 'GCJ02'] as const) {
    it(`a list geocoded in ${crs} declared as WGS-84 → ${crs} suggested with evidence; accepted, ≥ 95 % within 30 m of the truth`, () => {
      const file = geocodedList(crs);
      const declared = importFile(bytes(file.text), file.name, facilities('WGS84'));
      expect(declared.suggestedCrs).toBe(crs);
      const ev = declared.evidence!;
      expect(ev.basis).toBe('facilities');
      expect(ev.hypotheses[0]!.crs).toBe(crs);
      expect(hypothesis(declared, crs).near! / ev.sample).toBeGreaterThan(0.95);
      expect(hypothesis(declared, 'WGS84').near! / ev.sample).toBeLessThan(0.1);
      const name = crs === 'BD09' ? 'BD-09' : 'GCJ-02';
      expect(ev.lines[0]!.en).toMatch(
        new RegExp(`^Of ${file.rows} points, within 30 m of a known facility: \\d+ as ${name}; \\d+ as`),
      );
      expect(ev.lines[0]!.zh).toMatch(
        new RegExp(`^${file.rows}个点中距已知设施30米以内的：按${name}为\\d+个`),
      );
      expect(ev.lines.at(-1)!.en).toBe(`${name} fits clearly better than the stated WGS-84: suggested.`);
      // Never changed silently: the positions are read in the stated system until the user accepts.
      const offBefore = median(declared.facilities.map((f) => metres(f.lonLat, file.truth.get(f.id)!)));
      expect(offBefore).toBeGreaterThan(400);

      // One click: read again in the suggested system.
      const accepted = importFile(bytes(file.text), file.name, facilities(declared.suggestedCrs!));
      expect(accepted.suggestedCrs).toBeNull();
      expect(accepted.evidence!.best).toBe(crs);
      expect(accepted.evidence!.lines.at(-1)!.en).toBe(`The stated ${name} fits best.`);
      const errors = accepted.facilities.map((f) => metres(f.lonLat, file.truth.get(f.id)!));
      const within = errors.filter((d) => d <= 30).length;
      expect(within / accepted.facilities.length).toBeGreaterThanOrEqual(0.95);
      // What was rejected: the rows whose name was dropped and the repeated rows, nothing else.
      const reasons = accepted.rejected.map((x) => x.message.en);
      expect(reasons.filter((x) => x === 'missing name')).toHaveLength(file.dropped);
      expect(reasons.filter((x) => /^repeats row \d+/.test(x))).toHaveLength(file.repeats);
      expect(accepted.facilities.length + accepted.rejected.length).toBe(file.rows);
      console.log(
        `${crs} list (${file.rows} rows): declared WGS-84 → ${ev.lines[0]!.en} After accepting ${crs}: ` +
          `${within} of ${accepted.facilities.length} within 30 m of the truth (max ${Math.max(...errors).toFixed(2)} m); ` +
          `as WGS-84 the median error was ${offBefore.toFixed(0)} m`,
      );
    });
  }

  it('the stated system is right → no suggestion, "fits best"', () => {
    const file = geocodedList('BD09');
    const r = importFile(bytes(file.text), file.name, facilities('BD09'));
    expect(r.suggestedCrs).toBeNull();
    expect(r.evidence!.best).toBe('BD09');
  });

  it('a partly known list with positions up to 25 m off ours (another geocoder) still points to BD-09', () => {
    const rand = mulberry32(7);
    const moved = ourFacilities(['childcare']).map((f) => {
      const [x, y] = yangpuProjection.toXY(f.lonLat);
      const r = 25 * Math.sqrt(rand());
      const a = 2 * Math.PI * rand();
      return { ...f, lonLat: yangpuProjection.toLonLat(x + r * Math.cos(a), y + r * Math.sin(a)) };
    });
    const file = geocodedList('BD09', moved);
    const r = importFile(bytes(file.text.replaceAll('(百度)', '')), 'list.csv', facilities('WGS84'));
    expect(r.suggestedCrs).toBe('BD09');
    expect(hypothesis(r, 'BD09').near! / r.evidence!.sample).toBeGreaterThan(0.8);
  });

  it('places we do not know (metro stations): no suggestion from the data; a system named in the columns is', () => {
    const stations = readLayer<FeatureCollection<Point>>('metro-stations.geojson').features.filter((f) => {
      const [lon, lat] = f.geometry.coordinates;
      return lon! > 121.5 && lon! < 121.55 && lat! > 31.27 && lat! < 31.33; // well inside the district
    });
    expect(stations.length).toBeGreaterThan(5);
    const rows = (lonHeader: string, latHeader: string) =>
      `name,${lonHeader},${latHeader}\n${stations
        .map((f) => {
          const [lon, lat] = fromWgs84(f.geometry.coordinates, 'BD09');
          return `${f.properties?.name},${lon.toFixed(6)},${lat.toFixed(6)}`;
        })
        .join('\n')}\n`;
    const plain = importFile(bytes(rows('lng', 'lat')), 's.csv', facilities('WGS84'));
    expect(plain.suggestedCrs).toBeNull();
    expect(plain.evidence!.basis).toBe('none');
    expect(plain.evidence!.lines.map((l) => l.en).join(' ')).toMatch(/Few points match known facilities/);
    const named = importFile(bytes(rows('经度(百度)', '纬度(百度)')), 's.csv', facilities('WGS84'));
    expect(named.suggestedCrs).toBe('BD09');
    expect(named.evidence!.basis).toBe('columns');
  });

  it('two coordinate pairs (lng/lat in GCJ-02 beside wgs84_lon/wgs84_lat): uses the stated system’s pair and says which', () => {
    const file = twoPairList();
    const r = importFile(bytes(file.text), file.name, facilities('WGS84'));
    expect(r.columns).toMatchObject({
      lon: 'wgs84_lon',
      lat: 'wgs84_lat',
      name: 'facility_name',
      address: 'official_address',
    });
    expect(r.warnings.map((w) => w.message.en)).toContain(
      'The file has 2 coordinate pairs: using wgs84_lon/wgs84_lat (its system (WGS-84) matches the stated one); not used: lng/lat',
    );
    expect(r.suggestedCrs).toBeNull();
    const errors = r.facilities.map((f) => metres(f.lonLat, file.truth.get(f.id)!));
    expect(Math.max(...errors)).toBeLessThan(0.5);
    // Stated GCJ-02: the pair that names no system is used, and converted.
    const gcj = importFile(bytes(file.text), file.name, facilities('GCJ02'));
    expect(gcj.columns).toMatchObject({ lon: 'lng', lat: 'lat' });
    expect(Math.max(...gcj.facilities.map((f) => metres(f.lonLat, file.truth.get(f.id)!)))).toBeLessThan(1);
  });
});

/** IoU of two (multi)polygons with Turf (independent of the importer's raster). */
function turfIou(a: Polygon | MultiPolygon, b: Polygon | MultiPolygon): number {
  const inter = intersect(featureCollection([feature(a), feature(b)]));
  const i = inter ? area(inter) : 0;
  return i / (area(feature(a)) + area(feature(b)) - i);
}

describe('coordinate system by evidence: polygons', { timeout: 60_000 }, () => {
  it('circles exported in GCJ-02 declared as WGS-84 → GCJ-02 by IoU; accepted, they are our circles again', () => {
    const file = circlesIn('GCJ02');
    const declared = importFile(bytes(file.text), file.name, {
      kind: 'circles',
      crs: 'WGS84',
      district,
      known,
    });
    expect(declared.suggestedCrs).toBe('GCJ02');
    const ev = declared.evidence!;
    expect(ev.basis).toBe('outlines');
    expect(hypothesis(declared, 'GCJ02').iouMedian).toBeGreaterThan(0.95);
    expect(hypothesis(declared, 'WGS84').iouMedian).toBeLessThan(0.6);
    expect(ev.lines[0]!.en).toMatch(
      /^33 polygons; median overlap \(IoU\) with the best-matching district, subdistrict or circle outline: 1\.00 as GCJ-02; 0\.\d\d as/,
    );
    expect(declared.columns).toMatchObject({ name: '名称', id: '编号' });
    const accepted = importFile(bytes(file.text), file.name, {
      kind: 'circles',
      crs: 'GCJ02',
      district,
      known,
    });
    expect(accepted.suggestedCrs).toBeNull();
    expect(accepted.circles).toHaveLength(33);
    const ious = accepted.circles.map((c, i) => turfIou(c.geometry, file.truth[i]!.geometry));
    const before = declared.circles.map((c, i) => turfIou(c.geometry, file.truth[i]!.geometry));
    expect(Math.min(...ious)).toBeGreaterThan(0.99);
    console.log(
      `circles in GCJ-02: ${ev.lines[0]!.en} Accepted as GCJ-02: IoU with ours min ${Math.min(...ious).toFixed(4)}; ` +
        `as WGS-84 it was median ${median(before).toFixed(2)}`,
    );
  });

  it('subdistricts in BD-09 as a bare JSON array of Features → read with a warning, BD-09 suggested', () => {
    const file = subdistrictsArray('BD09');
    const r = importFile(bytes(file.text), file.name, { kind: 'circles', crs: 'WGS84', district, known });
    expect(r.warnings[0]!.message.en).toBe(
      'The file is a bare JSON array, not GeoJSON (RFC 7946): read its 12 items as a FeatureCollection',
    );
    expect(r.circles).toHaveLength(12);
    expect(r.suggestedCrs).toBe('BD09');
    expect(hypothesis(r, 'BD09').districtIou).toBeGreaterThan(0.97);
    expect(
      importFile(bytes(file.text), file.name, { kind: 'circles', crs: 'BD09', district, known }).suggestedCrs,
    ).toBeNull();
  });

  it('polygons that match no known outline give no suggestion', () => {
    // one small square (≈ 100 m) inside the district, far from any outline's shape
    const [x, y] = yangpuProjection.toXY([121.52, 31.3]);
    const ring = [
      [x, y],
      [x + 100, y],
      [x + 100, y + 100],
      [x, y + 100],
      [x, y],
    ].map(([a, b]) => yangpuProjection.toLonLat(a!, b!));
    const text = JSON.stringify({ type: 'Polygon', coordinates: [ring] });
    const r = importFile(bytes(text), 'square.geojson', { kind: 'circles', crs: 'WGS84', district, known });
    expect(r.circles).toHaveLength(1);
    expect(r.suggestedCrs).toBeNull();
    expect(r.evidence!.basis).toBe('none');
  });
});
