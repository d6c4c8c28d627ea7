/**
 * The one slower test (≈ 10 s): the full raw exports of 五角场/复旦 (XML and the same data as
 * PBF) and 同济 (XML), clipped to the district plus 1 km as the pipeline does. XML and PBF must
 * give the same layers; the merged figures are the ones SOURCES.md reports; and the walk network
 * must agree with the raw package's own, made independently with osmium from the same files.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DOMParser } from '@xmldom/xmldom';
import type { FeatureCollection, LineString, Polygon } from 'geojson';
import { beforeAll, describe, expect, it } from 'vitest';
import { sourcesDir } from '../../../scripts/geodata/paths';
import { clipRegion } from '../../../scripts/geodata/stages/osm-extract';
import { pointInGeometry } from '../../../src/core/geo';
import type { DistrictLayer } from '../../../src/core/schema';
import { extractOsm, type OsmExtract } from '../../../src/data/osm/extract';
import { parseOsmPbf } from '../../../src/data/osm/pbf';
import type { OsmData } from '../../../src/data/osm/types';
import { parseOsmXml } from '../../../src/data/osm/xml';
import { RAW_OSM } from './fixtures';

const district = JSON.parse(
  readFileSync(join(sourcesDir(), 'boundaries', 'yangpu_district.geojson'), 'utf8'),
) as DistrictLayer;
const clip = clipRegion(district);
const xml = (name: string) => parseOsmXml(readFileSync(join(RAW_OSM, name), 'utf8'), name, new DOMParser());

let fudanXml: OsmData;
let fudanPbf: OsmData;
let tongji: OsmData;
let merged: OsmExtract;

beforeAll(() => {
  fudanXml = xml('wujiaochang-fudan.osm');
  fudanPbf = parseOsmPbf(
    readFileSync(join(RAW_OSM, 'wujiaochang-fudan.osm.pbf')),
    'wujiaochang-fudan.osm.pbf',
  );
  tongji = xml('tongji-siping.osm');
  merged = extractOsm([fudanXml, tongji], { clip });
}, 120_000);

describe('the real OSM exports', { timeout: 60_000 }, () => {
  it('XML and PBF of the same data give the same objects and the same layers', () => {
    expect(fudanPbf.info).toMatchObject({
      bounds: fudanXml.info.bounds,
      newest: fudanXml.info.newest,
      nodes: 14447,
      ways: 2186,
      relations: 208,
    });
    const strip = (d: OsmData) =>
      JSON.stringify(d.elements, (k, v) => (v === undefined || k === 'visible' ? undefined : v));
    expect(strip(fudanPbf)).toBe(strip(fudanXml));
    const a = extractOsm([fudanXml], { clip });
    const b = extractOsm([fudanPbf], { clip });
    const { extent: ea, ...layersA } = a.layers;
    const { extent: eb, ...layersB } = b.layers;
    expect(JSON.stringify(layersB)).toBe(JSON.stringify(layersA));
    expect(eb.features[0]!.geometry).toEqual(ea.features[0]!.geometry);
    expect(a.layers.walk.features.length).toBeGreaterThan(600);
  });

  it('merges the two exports into the figures SOURCES.md reports', () => {
    const s = merged.stats;
    expect(s.merged).toMatchObject({ nodes: 18113, ways: 2743, relations: 281 });
    expect(s.walk).toMatchObject({ candidates: 972, kept: 833, features: 833, outside: 0, invalid: 0 });
    expect(s.walk.dropped).toEqual({
      area: 8,
      motorway: 0,
      motorroad: 21,
      'foot=no': 0,
      'not-walkable-class': 43,
      'access=private/no': 39,
      'trunk-bridge-or-tunnel': 22,
      'vehicle-tunnel': 6,
    });
    expect(s.walk.lengthKm).toBeCloseTo(143.18, 1); // whole ways: the exports hold every way touching their boxes
    expect([s.buildings.features, s.residential.features, s.water.features, s.green.features]).toEqual([
      1297, 101, 19, 66,
    ]);
    expect(s.extent).toEqual({ areaKm2: 8.251, boundsEstimated: false });
  });

  it('keeps the pedestrian tunnels and drops the vehicle ones of 五角场 and 同济', () => {
    const ids = new Set(merged.layers.walk.features.map((f) => f.properties.osm_id));
    expect(ids).toContain('w39153788'); // 五角场步行隧道: footway, tunnel=yes
    expect(ids).toContain('w1364684878'); // 同济大学地下人行通道: footway, tunnel=yes
    expect(ids).toContain('w730422748'); // a path with access=no, foot=yes
    expect(ids).not.toContain('w68915095'); // 五角场隧道: primary, tunnel=yes
    expect(ids).not.toContain('w9205136'); // 内环高架路
  });

  it('agrees with the raw package’s walk network (osmium, same files) way for way', () => {
    const raw = JSON.parse(
      readFileSync(join(sourcesDir(), 'osm', 'yangpu_walk_network.geojson'), 'utf8'),
    ) as FeatureCollection<LineString, { osm_id: string }>;
    const extent = merged.layers.extent.features[0]!.geometry as Polygon;
    const ours = new Set(merged.layers.walk.features.map((f) => f.properties.osm_id));
    const theirsInExtent = raw.features
      .filter((f) => f.geometry.coordinates.some((p) => pointInGeometry(p, extent)))
      .map((f) => f.properties.osm_id);
    expect(theirsInExtent.filter((id) => !ours.has(id))).toEqual([]);
    const theirs = new Set(raw.features.map((f) => f.properties.osm_id));
    // the one difference: a cycleway tagged foot=yes, which we keep
    expect([...ours].filter((id) => !theirs.has(id!))).toEqual(['w481595025']);
  });
});
