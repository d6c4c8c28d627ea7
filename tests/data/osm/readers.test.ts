/**
 * Reading OSM XML and GeoJSON (lines), and merging overlapping files so that the newest version
 * of each object wins — on the synthetic files and on the real way both exports hold in
 * different versions: 东走马塘 (way 177217556), v10 in the 2023 五角场 export, v11 in the 2026
 * 同济 export, where two of its nodes moved.
 */
import { DOMParser } from '@xmldom/xmldom';
import { describe, expect, it } from 'vitest';
import { DataError } from '../../../src/data/errors';
import { osmIdentity, parseOsmGeoJson } from '../../../src/data/osm/geojson';
import { isNewer, mergeElements, mergeFeatures } from '../../../src/data/osm/merge';
import type { OsmNode, OsmWay } from '../../../src/data/osm/types';
import { parseOsmXml } from '../../../src/data/osm/xml';
import { fixtureGeoJson, fixtureXml } from './fixtures';

const xml = (text: string) => parseOsmXml(text, 'test.osm', new DOMParser({ onError: () => {} }));

describe('OSM XML', () => {
  it('reads nodes, ways, relations, bounds and metadata of a real export', () => {
    const d = fixtureXml('wujiaochang-fudan.cut-campus.osm');
    expect(d.info).toMatchObject({
      format: 'osm-xml',
      bounds: [121.5, 31.296, 121.507, 31.301],
      generator: 'CGImap 0.8.10 (901956 spike-06.openstreetmap.org)',
    });
    expect([d.info.nodes, d.info.ways, d.info.relations]).toEqual([927, 141, 13]);
    expect(d.info.ways).toBe(d.elements.filter((e) => e.type === 'way').length);
    const way = d.elements.find((e): e is OsmWay => e.type === 'way' && e.id === 39150988)!;
    expect(way).toMatchObject({ version: 22, timestamp: '2023-08-11T15:37:59Z', tags: { name: '中环路' } });
    expect(way.nodes[0]).toBe(92613981);
    const node = d.elements.find((e): e is OsmNode => e.type === 'node' && e.id === 92613981)!;
    expect([node.lon, node.lat]).toEqual([121.5068005, 31.30067]);
  });

  it('stops with the file and element named on bad input', () => {
    expect(() => xml('<osm><node id="1" lat="x" lon="121"/></osm>')).toThrow(DataError);
    expect(() => xml('<osm><node id="1" lat="x" lon="121"/></osm>')).toThrow(
      /test\.osm \(<node id="1">\): attribute lat="x"/,
    );
    expect(() => xml('<gpx><trk/></gpx>')).toThrow(/not an OSM XML file \(root element <gpx>/);
    expect(() =>
      parseOsmXml(
        '<osm><node',
        'test.osm',
        new DOMParser({
          onError: (l, m) => {
            if (l !== 'warning') throw new Error(m);
          },
        }),
      ),
    ).toThrow(/not well-formed XML/);
  });

  it('works with any DOM parser having parseFromString (the browser gives its own)', () => {
    const calls: string[] = [];
    const parser = {
      parseFromString: (text: string, type: 'text/xml') => {
        calls.push(type);
        return new DOMParser().parseFromString(text, type);
      },
    };
    const d = parseOsmXml('<osm><node id="5" version="2" lat="31.3" lon="121.5"/></osm>', 'x.osm', parser);
    expect(calls).toEqual(['text/xml']);
    expect(d.elements).toEqual([
      {
        type: 'node',
        id: 5,
        version: 2,
        timestamp: undefined,
        visible: undefined,
        tags: undefined,
        lat: 31.3,
        lon: 121.5,
      },
    ]);
  });
});

describe('GeoJSON lines', () => {
  it('reads lines and areas with their OSM ids and versions, skipping points', () => {
    const g = fixtureGeoJson('synthetic-c.geojsonl');
    if (!('features' in g)) throw new Error('expected features');
    expect(g.info).toMatchObject({ format: 'geojson', bounds: null, features: 4 });
    expect(g.features.map((f) => [f.osmType, f.id, f.version ?? null, f.geometry.type])).toEqual([
      ['way', -21, 3, 'LineString'],
      ['way', -40, null, 'LineString'],
      ['way', -41, null, 'Polygon'],
      ['way', null, null, 'LineString'],
    ]);
    expect(g.features[0]!.tags).toEqual({ highway: 'footway', name: 'SYNTH merge v3 (GeoJSON)' });
  });

  it('finds OSM ids where osmium, osmtogeojson and the raw package put them', () => {
    const f = (id: unknown, properties: Record<string, unknown>) => ({
      type: 'Feature' as const,
      id: id as string,
      properties,
      geometry: null as never,
    });
    expect(osmIdentity(f(undefined, { '@type': 'way', '@id': 7 }))).toEqual(['way', 7]);
    expect(osmIdentity(f('w8', {}))).toEqual(['way', 8]);
    expect(osmIdentity(f('relation/9', {}))).toEqual(['relation', 9]);
    expect(osmIdentity(f(undefined, { osm_id: 'w24465848' }))).toEqual(['way', 24465848]);
    expect(osmIdentity(f(undefined, { type: 'way', id: 10 }))).toEqual(['way', 10]);
    expect(osmIdentity(f(undefined, { highway: 'path' }))).toBeNull();
  });

  it('reads a FeatureCollection too, and names the line of bad JSON', () => {
    const fc = JSON.stringify({
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          id: 'w1',
          properties: { highway: 'path' },
          geometry: {
            type: 'LineString',
            coordinates: [
              [0, 0],
              [0.001, 0],
            ],
          },
        },
      ],
    });
    expect(parseOsmGeoJson(fc, 'x.geojson').features).toHaveLength(1);
    expect(() => parseOsmGeoJson('{"type":"Feature"}\n{oops', 'x.geojsonl')).toThrow(
      /x\.geojsonl \(line 2\): is not valid JSON/,
    );
  });
});

describe('merging overlapping files: the newest version wins', () => {
  it('on the real 东走马塘 (way 177217556): v11 of 2025 from the 同济 export, with its moved nodes', () => {
    const older = fixtureXml('wujiaochang-fudan.cut-zoumatang.osm');
    const newer = fixtureXml('tongji-siping.cut-zoumatang.osm');
    for (const files of [
      [older, newer],
      [newer, older],
    ]) {
      const merged = mergeElements(files.map((f) => f.elements)).items;
      const way = merged.find((e): e is OsmWay => e.type === 'way' && e.id === 177217556)!;
      expect(way.version).toBe(11);
      expect(way.timestamp).toBe('2025-02-22T07:37:22Z');
      expect(way.nodes).toHaveLength(488);
      expect(way.nodes).toContain(12609154670); // a node only v11 has
      const moved = merged.find((e): e is OsmNode => e.type === 'node' && e.id === 9717980207)!;
      expect([moved.version, moved.lon, moved.lat]).toEqual([2, 121.5075461, 31.2872459]);
    }
  });

  it('the older file alone holds the older version (so the test above can fail)', () => {
    const older = fixtureXml('wujiaochang-fudan.cut-zoumatang.osm');
    const way = older.elements.find((e): e is OsmWay => e.type === 'way' && e.id === 177217556)!;
    expect([way.version, way.nodes.length]).toEqual([10, 485]);
  });

  it('on the synthetic files: a newer way in the second file wins, an older one loses', () => {
    const a = fixtureXml('synthetic-a.osm');
    const b = fixtureXml('synthetic-b.osm');
    const merged = mergeElements([a.elements, b.elements]);
    const way = (id: number) => merged.items.find((e): e is OsmWay => e.type === 'way' && e.id === id)!;
    expect(way(-21)).toMatchObject({
      version: 2,
      nodes: [-118, -218, -318],
      tags: { name: 'SYNTH merge v2' },
    });
    expect(way(-22)).toMatchObject({ version: 3, tags: { highway: 'footway' } });
    expect(merged.replaced).toBe(b.elements.length - 1); // all of b but node -318, which only b has
  });

  it('orders by version, then timestamp; equal ones keep the first file', () => {
    expect(isNewer({ version: 3 }, { version: 2, timestamp: '2030' })).toBe(true);
    expect(isNewer({ version: 2, timestamp: '2024-02' }, { version: 2, timestamp: '2024-01' })).toBe(true);
    expect(isNewer({ version: 2 }, { version: 2 })).toBe(false);
    expect(
      mergeElements([
        [{ type: 'node', id: 1, lat: 1, lon: 1, version: 2, visible: false }],
        [{ type: 'node', id: 1, lat: 0, lon: 0, version: 1 }],
      ]).items,
    ).toEqual([]);
  });

  it('merges GeoJSON features by id and version, keeping those without an id', () => {
    const g = fixtureGeoJson('synthetic-c.geojsonl');
    const line = (id: number | null, version: number, name: string) => ({
      osmType: 'way' as const,
      id,
      version,
      tags: { name },
      geometry: {
        type: 'LineString' as const,
        coordinates: [
          [0, 0],
          [1, 1],
        ],
      },
    });
    const merged = mergeFeatures([
      [line(-21, 2, 'old'), line(null, 1, 'anon')],
      'features' in g ? g.features : [],
    ]);
    expect(merged.items.filter((f) => f.id === -21).map((f) => f.tags.name)).toEqual([
      'SYNTH merge v3 (GeoJSON)',
    ]);
    expect(merged.items.filter((f) => f.id === null)).toHaveLength(2);
  });
});
