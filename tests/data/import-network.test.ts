/**
 * Importing a walking network: GeoJSON lines (our real OSM walk lines, and converted to
 * GCJ-02) and an OSM XML cut of the real export; bad files get a clear message.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DOMParser } from '@xmldom/xmldom';
import type { FeatureCollection, LineString } from 'geojson';
import { describe, expect, it } from 'vitest';
import { GEODATA_DIR } from '../../scripts/geodata/paths';
import { distanceM } from '../../src/core/geo';
import { fromWgs84 } from '../../src/data/crs';
import { type ImportOptions, importFile } from '../../src/data/importer';
import { FIXTURES } from '../helpers/golden';

const district = JSON.parse(readFileSync(join(GEODATA_DIR, 'district.geojson'), 'utf8')).features[0].geometry;
const walk = JSON.parse(
  readFileSync(join(GEODATA_DIR, 'walk-network.geojson'), 'utf8'),
) as FeatureCollection<LineString>;
const options = (crs: ImportOptions['crs'] = 'WGS84'): ImportOptions => ({ kind: 'network', crs, district });
const bytes = (text: string) => new TextEncoder().encode(text);
const env = { xmlParser: new DOMParser() };

describe('network import', () => {
  it('reads GeoJSON lines: every line of our OSM walk network, with an extent around them', () => {
    const r = importFile(bytes(JSON.stringify(walk)), 'walk.geojson', options(), env);
    expect(r.fatal).toBeNull();
    expect(r.network!.lines.features).toHaveLength(walk.features.length);
    expect(r.network!.lengthKm).toBeGreaterThan(115);
    expect(r.network!.extent.type).toBe('Polygon');
    expect(r.warnings.map((w) => w.message.en).join()).toMatch(/bounding box/);
  });

  it('converts lines from the stated system (GCJ-02) back to WGS-84 within 1 m', () => {
    const gcj = {
      ...walk,
      features: walk.features.map((f) => ({
        ...f,
        geometry: { ...f.geometry, coordinates: f.geometry.coordinates.map((p) => fromWgs84(p, 'GCJ02')) },
      })),
    };
    const r = importFile(bytes(JSON.stringify(gcj)), 'walk-gcj.geojson', options('GCJ02'), env);
    const back = r.network!.lines.features[10]!.geometry.coordinates;
    const truth = walk.features[10]!.geometry.coordinates;
    for (const [i, p] of back.entries()) expect(distanceM(p, truth[i]!)).toBeLessThan(1);
  });

  it('reads an OSM XML extract with the walk rules, and says OSM is WGS-84 whatever was stated', () => {
    const xml = readFileSync(join(FIXTURES, 'osm', 'wujiaochang-fudan.cut-campus.osm'), 'utf8');
    const r = importFile(bytes(xml), 'campus.osm', options('GCJ02'), env);
    expect(r.format).toBe('osm');
    expect(r.network!.lines.features.length).toBeGreaterThan(20);
    expect(r.network!.lines.features.some((f) => f.properties.name === '国福路')).toBe(true);
    expect(r.warnings.map((w) => w.message.en).join()).toMatch(/always WGS-84/);
  });

  it('refuses what is not a network, each with its message', () => {
    const points = {
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [121.5, 31.3] } },
      ],
    };
    const r1 = importFile(bytes(JSON.stringify(points)), 'p.geojson', options(), env);
    expect(r1.fatal!.en).toMatch(/no walkable lines near Yangpu/);
    expect(r1.rejected[0]!.message.en).toMatch(/not a line/);
    const far = {
      type: 'Feature',
      properties: {},
      geometry: {
        type: 'LineString',
        coordinates: [
          [116.4, 39.9],
          [116.41, 39.91],
        ],
      },
    };
    expect(
      importFile(bytes(JSON.stringify(far)), 'f.geojson', options(), env).rejected[0]!.message.en,
    ).toMatch(/not near Yangpu/);
    expect(importFile(bytes('a,b\n1,2\n'), 'x.csv', options(), env).fatal!.en).toMatch(
      /GeoJSON lines or an OSM file/,
    );
    expect(
      importFile(bytes('<osm version="0.6"></osm>'), 'x.osm', { ...options(), kind: 'facilities' }, env)
        .fatal!.en,
    ).toMatch(/only be imported as a walking network/);
    expect(importFile(bytes('<osm><node id="x"'), 'broken.osm', options(), env).fatal).not.toBeNull();
  });
});
