/**
 * The bring-your-own-data loader against a corpus of bad files (tests/fixtures/bad, plus a
 * few generated here: a 60 MB file, GCJ-02 data declared as WGS84) and a fuzz run.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { readLayer } from '../../scripts/bench/coverage-data';
import { mulberry32 } from '../../src/analysis/random';
import { fromWgs84 } from '../../src/data/crs';
import {
  decodeBytes,
  type ImportOptions,
  type ImportResult,
  importFile,
  MAX_IMPORT_BYTES,
  missingMessage,
} from '../../src/data/importer';
import { FIXTURES } from '../helpers/golden';

const district = readLayer('district.geojson').features[0]!.geometry as Polygon;
const facilities: ImportOptions = { kind: 'facilities', crs: 'WGS84', category: 'elder-canteen', district };
const circles: ImportOptions = { kind: 'circles', crs: 'WGS84', district };
const file = (name: string) => new Uint8Array(readFileSync(join(FIXTURES, 'bad', name)));
const run = (name: string, o: ImportOptions) => importFile(file(name), name, o);
const text = (r: ImportResult) => JSON.stringify([r.fatal, r.rejected, r.warnings]);

/** [file, options, what must happen] — each printed in the test name, the corpus table of the issue. */
const corpus: [string, ImportOptions, (r: ImportResult) => void][] = [
  ['truncated.geojson', facilities, (r) => expect(r.fatal?.en).toMatch(/Not valid JSON/)],
  ['nan.geojson', facilities, (r) => expect(r.fatal?.en).toMatch(/Not valid JSON/)],
  [
    'string-coordinates.geojson',
    facilities,
    (r) => expect(r.rejected[0]!.message.en).toMatch(/not a number/),
  ],
  ['out-of-range.geojson', facilities, (r) => expect(r.rejected[0]!.message.en).toMatch(/out of range/)],
  ['far-away.geojson', facilities, (r) => expect(r.rejected[0]!.message.en).toMatch(/not near Yangpu/)],
  ['unclosed-ring.geojson', circles, (r) => expect(r.rejected[0]!.message.en).toMatch(/not closed/)],
  ['bowtie.geojson', circles, (r) => expect(r.rejected[0]!.message.en).toMatch(/intersects itself/)],
  [
    'clockwise.geojson',
    circles,
    (r) => {
      expect(r.circles).toHaveLength(1);
      expect(r.warnings[0]!.message.en).toMatch(/fixed the winding/);
    },
  ],
  [
    'duplicate-ids.geojson',
    facilities,
    (r) => {
      expect(r.facilities).toHaveLength(1);
      expect(r.rejected[0]).toMatchObject({ where: { en: 'feature 1, id', zh: '第1个要素，属性“id”' } });
      expect(r.rejected[0]!.message.en).toMatch(/duplicate id "X"/);
    },
  ],
  [
    'empty-geometry.geojson',
    circles,
    (r) => expect(r.rejected[0]!.message.en).toMatch(/no rings|empty geometry/),
  ],
  ['null-geometry.geojson', facilities, (r) => expect(r.rejected[0]!.message.en).toMatch(/no geometry/)],
  [
    'mixed-types.geojson',
    circles,
    (r) => {
      expect(r.circles).toHaveLength(1);
      expect(r.rejected[0]!.message.en).toMatch(/circles must be Polygons/);
      expect(r.warnings.some((w) => /mixes geometry types/.test(w.message.en))).toBe(true);
    },
  ],
  // a single Feature is a valid root (RFC 7946): read, and its null geometry explained
  ['not-featurecollection.json', facilities, (r) => expect(r.rejected[0]!.message.en).toMatch(/no geometry/)],
  [
    'array-root.json',
    facilities,
    (r) => expect(r.fatal?.en).toMatch(/Not GeoJSON: a JSON array whose items/),
  ],
  ['no-features.geojson', facilities, (r) => expect(r.fatal?.en).toMatch(/no features/)],
  [
    'xss-name.geojson',
    facilities,
    (r) => {
      // accepted as plain text; the UI renders it as text, never as markup
      expect(r.facilities[0]!.name).toBe('<img src=x onerror="window.__xss=1">');
    },
  ],
  [
    'proto-keys.geojson',
    facilities,
    (r) => {
      expect(r.facilities).toHaveLength(1);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect(Object.getPrototypeOf(r.facilities[0])).toBe(Object.prototype);
    },
  ],
  ['javascript-url.geojson', facilities, (r) => expect(r.rejected[0]!.message.en).toMatch(/missing name/)],
  ['empty.csv', facilities, (r) => expect(r.fatal?.en).toMatch(/empty \(0 bytes\)/)],
  [
    'missing-columns.csv',
    facilities,
    (r) => {
      // one message for the file, no row rejected: the preview asks for the columns
      expect(r.fatal).toBeNull();
      expect(r.missing).toEqual(['lon', 'lat']);
      expect(r.rejected).toEqual([]);
      expect(missingMessage(r.missing, r.format).en).toBe(
        'No longitude and latitude columns found — choose them below',
      );
    },
  ],
  [
    'bad-number.csv',
    facilities,
    (r) => {
      expect(r.facilities).toHaveLength(1);
      expect(r.rejected[0]).toMatchObject({ where: { en: 'row 2, field lat', zh: '第2行，“lat”列' } });
    },
  ],
  ['unterminated-quote.csv', facilities, (r) => expect(r.fatal?.en).toMatch(/Malformed CSV.*unterminated/)],
  [
    'gbk.csv',
    facilities,
    (r) => {
      expect(r.encoding).toBe('GBK/GB18030');
      expect(r.facilities[0]!.name).toBe('杨浦长者食堂');
    },
  ],
  [
    'utf16-bom.csv',
    facilities,
    (r) => {
      expect(r.encoding).toBe('UTF-16LE');
      expect(r.facilities[0]).toMatchObject({ name: '宝宝屋', category: 'baby-room' });
    },
  ],
  ['utf16-no-bom.csv', facilities, (r) => expect(r.fatal?.en).toMatch(/NUL bytes/)],
];

describe('importer: bad-file corpus (previous layers are never touched: the loader only returns data)', () => {
  for (const [name, options, check] of corpus) {
    it(`${name} → handled with a clear message`, () => {
      const r = run(name, options);
      check(r);
      // every message exists in both languages
      for (const issue of [...r.rejected, ...r.warnings]) {
        expect(issue.message.zh.length).toBeGreaterThan(0);
        expect(issue.message.en.length).toBeGreaterThan(0);
      }
    });
  }

  it('a 60 MB file is refused before parsing', () => {
    const big = new Uint8Array(60 * 1024 * 1024);
    const r = importFile(big, 'big.geojson', facilities);
    expect(big.length).toBeGreaterThan(MAX_IMPORT_BYTES);
    expect(r.fatal?.en).toMatch(/too large \(60\.0 MB; the limit is 50 MB\)/);
  });

  it('GCJ-02 data declared as WGS84: suggests GCJ-02', () => {
    // points just inside the district edge, encoded as a GCJ-02 source would give them
    const ring = district.coordinates[0]!;
    const centre = ring.reduce((s, p) => [s[0]! + p[0]! / ring.length, s[1]! + p[1]! / ring.length], [0, 0]);
    const rows = ring
      .filter((_, i) => i % 6 === 0)
      .map((p, i) => {
        const inside = [p[0]! + (centre[0]! - p[0]!) * 0.02, p[1]! + (centre[1]! - p[1]!) * 0.02];
        const [lon, lat] = fromWgs84(inside, 'GCJ02');
        return `点${i},${lon.toFixed(6)},${lat.toFixed(6)},park`;
      });
    const csv = new TextEncoder().encode(`name,lon,lat,category\n${rows.join('\n')}\n`);
    expect(importFile(csv, 'gcj.csv', facilities).suggestedCrs).toBe('GCJ02');
    expect(importFile(csv, 'gcj.csv', { ...facilities, crs: 'GCJ02' }).suggestedCrs).toBeNull();
  });

  it('decodes strict UTF-8 before trying GBK', () => {
    const r = decodeBytes(new TextEncoder().encode('名称,lon\n甲,1\n'));
    expect('text' in r && r.encoding).toBe('UTF-8');
  });
});

describe('importer: fuzz', { timeout: 60_000 }, () => {
  it('10,000 randomly mutated GeoJSON and CSV inputs: never throws, always accepts or explains', () => {
    const rand = mulberry32(20261122);
    const seeds = [
      JSON.stringify({
        type: 'FeatureCollection',
        features: [
          {
            type: 'Feature',
            properties: { id: 'a', name: '甲', category: 'park' },
            geometry: { type: 'Point', coordinates: [121.52, 31.29] },
          },
          {
            type: 'Feature',
            properties: { id: 'c', name: '圈', population: 30000 },
            geometry: {
              type: 'Polygon',
              coordinates: [
                [
                  [121.5, 31.28],
                  [121.51, 31.28],
                  [121.51, 31.29],
                  [121.5, 31.29],
                  [121.5, 31.28],
                ],
              ],
            },
          },
        ],
      }),
      'id,name,lon,lat,category,address\n1,甲,121.52,31.29,park,"某路1号, 杨浦"\n2,乙,121.53,31.30,park,某路2号\n',
    ];
    const alphabet = '{}[]",:-.0123456789eNaIfnul \n\r\t\\abc甲\u0000';
    let accepted = 0;
    let explained = 0;
    for (let k = 0; k < 10_000; k++) {
      const seed = seeds[k % 2]!;
      const chars = [...seed];
      const edits = 1 + Math.floor(rand() * 6);
      for (let e = 0; e < edits; e++) {
        const at = Math.floor(rand() * (chars.length + 1));
        const op = rand();
        if (op < 0.4) chars.splice(at, 1);
        else if (op < 0.8) chars.splice(at, 0, alphabet[Math.floor(rand() * alphabet.length)]!);
        else chars.length = at; // truncate
      }
      const bytes = new TextEncoder().encode(chars.join(''));
      const name = k % 2 === 0 ? 'f.geojson' : 'f.csv';
      const options: ImportOptions = {
        ...(k % 4 < 2 ? facilities : circles),
        crs: (['WGS84', 'GCJ02', 'BD09'] as const)[k % 3]!,
      };
      const r = importFile(bytes, name, options);
      const ok = r.facilities.length + r.circles.length > 0;
      const said = r.fatal !== null || r.rejected.length > 0 || r.missing.length > 0;
      expect(ok || said, `input ${k}: ${text(r)}`).toBe(true);
      if (ok) accepted++;
      if (said) explained++;
    }
    console.log(
      `fuzz: 10000 inputs, ${accepted} with accepted features, ${explained} with an explained rejection, 0 exceptions`,
    );
  });
});

describe('importer: population and column mapping', () => {
  const targets = { circles: [{ id: 'C-1', name: '殷行-1' }], subdistricts: ['殷行街道', '五角场街道'] };
  const csv = (s: string) => new TextEncoder().encode(s);

  it('matches rows to circles (id or name) and subdistricts (with or without 街道), naming the rest', () => {
    const r = importFile(csv('名称,人口\n殷行-1,41000\n五角场,150000\n不存在,1\n殷行街道,-5\n'), 'p.csv', {
      kind: 'population',
      crs: 'WGS84',
      targets,
    });
    expect(r.population).toEqual([
      { target: 'circle', key: 'C-1', population: 41000 },
      { target: 'subdistrict', key: '五角场街道', population: 150000 },
    ]);
    expect(r.rejected.map((x) => x.where?.en)).toEqual(['row 4, field 名称', 'row 5, field 人口']);
    expect(r.rejected.map((x) => x.where?.zh)).toEqual(['第4行，“名称”列', '第5行，“人口”列']);
    expect(r.rejected[0]!.message.en).toMatch(/no circle or subdistrict named "不存在"/);
  });

  it('reads age-group columns (counts) with or without a population column, rejecting bad counts', () => {
    const r = importFile(
      csv('街道,人口,60岁及以上,3-6岁,0-3岁\n殷行,182500,60000,3500,3000\n五角场,144700,150000,,\n'),
      'age.csv',
      { kind: 'population', crs: 'WGS84', targets },
    );
    expect(r.columns).toMatchObject({ age60plus: '60岁及以上', age3to5: '3-6岁', under3: '0-3岁' });
    expect(r.population).toEqual([
      {
        target: 'subdistrict',
        key: '殷行街道',
        population: 182500,
        ageGroups: { age60plus: 60000, age3to5: 3500, under3: 3000 },
      },
    ]);
    expect(r.rejected).toMatchObject([{ where: { en: 'row 3, field 60岁及以上' } }]);
    const agesOnly = importFile(csv('name,age60plus\n殷行街道,58000\n五角场街道,\n'), 'a.csv', {
      kind: 'population',
      crs: 'WGS84',
      targets,
    });
    expect(agesOnly.population).toEqual([
      { target: 'subdistrict', key: '殷行街道', population: null, ageGroups: { age60plus: 58000 } },
    ]);
    expect(agesOnly.rejected[0]!.message.en).toMatch(/neither residents nor age-group counts/);
  });

  it('uses an explicit column mapping over the detected one', () => {
    const file = csv('a1,a2,label,kind\n121.52,31.29,甲,park\n121.53,31.30,乙,park\n');
    const detected = importFile(file, 'f.csv', { kind: 'facilities', crs: 'WGS84', district });
    // coordinates by content, the category by its header; no column says "name"
    expect(detected.columns).toMatchObject({ lon: 'a1', lat: 'a2', name: null, category: 'kind' });
    expect(detected.missing).toEqual(['name']);
    const mapped = importFile(file, 'f.csv', {
      kind: 'facilities',
      crs: 'WGS84',
      district,
      columns: { lon: 'a2', lat: 'a1', name: 'label' },
    });
    // the user's choice wins, even a wrong one (the swapped pair is then read back the right way round)
    expect(mapped.columns).toMatchObject({ lon: 'a2', lat: 'a1', name: 'label' });
    expect(mapped.facilities).toMatchObject([
      { name: '甲', category: 'park', lonLat: [121.52, 31.29] },
      { name: '乙' },
    ]);
    expect(mapped.warnings.map((w) => w.message.en)).toContain(
      '2 rows had longitude and latitude swapped: read them swapped back',
    );
  });
});
