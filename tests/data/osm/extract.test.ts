/**
 * From files to layers: the synthetic extract (tag rules, merging across XML and GeoJSON,
 * clipping, counts per rule, the property schema) and the real 复旦 campus cut.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FeatureCollection, LineString } from 'geojson';
import { describe, expect, it } from 'vitest';
import { sourcesDir } from '../../../scripts/geodata/paths';
import { geometryArea } from '../../../src/core/geo';
import { extractOsm } from '../../../src/data/osm/extract';
import { WALK_DROP_RULES } from '../../../src/data/osm/rules';
import { box, byId, fixtureGeoJson, fixtureXml, RAW_OSM, SYNTHETIC_CLIP, WIDE_CLIP } from './fixtures';

const synthetic = extractOsm(
  [fixtureXml('synthetic-a.osm'), fixtureXml('synthetic-b.osm'), fixtureGeoJson('synthetic-c.geojsonl')],
  { clip: SYNTHETIC_CLIP },
);
const { walk, buildings, residential, water, green, extent } = synthetic.layers;

describe('synthetic extract', () => {
  it('keeps exactly the walkable ways', () => {
    const ids = [...new Set(walk.features.map((f) => f.properties.osm_id))];
    // sorted by OSM id; the GeoJSON footway without an id comes last
    expect(ids).toEqual(['w-22', 'w-21', 'w-20', 'w-13', 'w-11', 'w-9', 'w-4', 'w-1', null]);
  });

  it('counts every drop rule', () => {
    expect(synthetic.stats.walk.dropped).toEqual({
      area: 1,
      motorway: 1,
      motorroad: 2,
      'foot=no': 2, // w-2 (XML) and w-40 (GeoJSON)
      'not-walkable-class': 2,
      'access=private/no': 2,
      'trunk-bridge-or-tunnel': 1,
      'vehicle-tunnel': 1,
    });
    expect(synthetic.stats.walk.examples['foot=no']).toEqual(['w-40', 'w-2']);
    const dropped = WALK_DROP_RULES.reduce((s, r) => s + synthetic.stats.walk.dropped[r], 0);
    expect(synthetic.stats.walk.candidates).toBe(synthetic.stats.walk.kept + dropped);
  });

  it('takes the newest version across files and formats', () => {
    // w-21: v1 in a.osm, v2 in b.osm, v3 in c.geojsonl → the GeoJSON line wins
    expect(byId(walk.features, 'w-21').map((f) => f.properties.name)).toEqual(['SYNTH merge v3 (GeoJSON)']);
    // w-22: v3 footway in a.osm beats v2 motorway in b.osm
    expect(byId(walk.features, 'w-22')[0]!.properties).toEqual({
      osm_id: 'w-22',
      highway: 'footway',
      name: 'SYNTH merge v3',
    });
  });

  it('cuts lines at the clip edge and leaves areas outside out', () => {
    expect(byId(walk.features, 'w-20')[0]!.geometry.coordinates).toEqual([
      [0.006, 0.017],
      [0.007, 0.017],
      [0.008, 0.017],
    ]);
    expect(byId(buildings.features, 'w-35')).toEqual([]);
    expect(synthetic.stats.buildings.outside).toBe(0); // its box misses the extent's: never built
    const cut = byId(buildings.features, 'w-34')[0]!;
    const whole = byId(buildings.features, 'w-30')[0]!; // a 1×1 cell square; w-34 is 2×2 cut to 1×2
    expect(cut.properties.area_m2 / whole.properties.area_m2).toBeCloseTo(2, 2);
  });

  it('writes the documented properties only', () => {
    expect(byId(walk.features, 'w-13')[0]!.properties).toEqual({
      osm_id: 'w-13',
      highway: 'trunk',
      name: 'SYNTH at-grade trunk',
      'name:en': 'Synthetic Trunk',
    });
    expect(byId(walk.features, 'w-9')[0]!.properties).toEqual({
      osm_id: 'w-9',
      highway: 'footway',
      tunnel: 'yes',
      layer: '-1',
    });
    expect(byId(walk.features, 'w-4')[0]!.properties).toEqual({
      osm_id: 'w-4',
      highway: 'service',
      foot: 'yes',
      access: 'private',
    });
    expect(byId(buildings.features, 'w-30')[0]!.properties).toMatchObject({
      osm_id: 'w-30',
      building: 'apartments',
      'building:levels': 6,
      name: 'SYNTH building',
    });
    expect(byId(buildings.features, 'w-34')[0]!.properties).not.toHaveProperty('building:levels'); // "3;4" is not one number
    expect(byId(buildings.features, 'w-41')[0]!.properties).toMatchObject({
      building: 'yes',
      'building:levels': 2,
    });
    expect(residential.features.map((f) => f.properties.osm_id)).toEqual(['w-31']);
    expect(water.features.map((f) => [f.properties.osm_id, f.geometry.type])).toEqual([
      ['w-38', 'LineString'],
      ['w-32', 'Polygon'],
    ]);
    expect(byId(water.features, 'w-38')[0]!.properties).toEqual({
      osm_id: 'w-38',
      name: 'SYNTH stream',
      waterway: 'stream',
    });
  });

  it('builds a multipolygon with its hole (relation -1, landuse=grass)', () => {
    const lawn = byId(green.features, 'r-1')[0]!;
    expect(lawn.geometry.type).toBe('Polygon');
    expect(lawn.geometry.coordinates).toHaveLength(2);
    const outer = geometryArea({ type: 'Polygon', coordinates: [lawn.geometry.coordinates[0] as never] });
    expect(lawn.properties.area_m2 / outer).toBeCloseTo(8 / 9, 3);
    expect(green.features.map((f) => f.properties.osm_id).sort()).toEqual(['r-1', 'w-33']);
  });

  it('makes the extent from the bounds (estimated for the GeoJSON file) within the clip region', () => {
    expect(extent.features).toHaveLength(1);
    expect(extent.features[0]!.properties).toMatchObject({
      files: ['synthetic-a.osm', 'synthetic-b.osm', 'synthetic-c.geojsonl'],
      boundsEstimated: true,
    });
    const a = extractOsm([fixtureXml('synthetic-a.osm')], { clip: SYNTHETIC_CLIP }).layers.extent
      .features[0]!;
    expect(a.properties.boundsEstimated).toBe(false);
    expect(a.geometry.coordinates).toEqual([
      [
        [0, 0],
        [0.008, 0],
        [0.008, 0.025],
        [0, 0.025],
        [0, 0],
      ],
    ]);
  });
});

describe('the real 复旦 campus cut', () => {
  const campus = fixtureXml('wujiaochang-fudan.cut-campus.osm');
  const out = extractOsm([campus], { clip: WIDE_CLIP });

  it('keeps the campus footway and 邯郸路, drops 中环路 and the private service roads', () => {
    const ids = new Set(out.layers.walk.features.map((f) => f.properties.osm_id));
    expect(ids).toContain('w302532397');
    expect(byId(out.layers.walk.features, 'w74424207')[0]!.properties).toEqual({
      osm_id: 'w74424207',
      highway: 'primary',
      name: '邯郸路',
      'name:en': 'Handan Road',
    });
    for (const id of ['w39150988', 'w47052553', 'w47052802', 'w47052875', 'w176802616'])
      expect(ids).not.toContain(id);
    expect(out.stats.walk.dropped).toMatchObject({
      motorroad: 6,
      'access=private/no': 5,
      'trunk-bridge-or-tunnel': 1,
    });
  });

  it('clips every layer to the clip region: here the cut box, which whole ways cross', () => {
    const bounds = campus.info.bounds!;
    const cut = extractOsm([campus], { clip: box(bounds) });
    const [w, s, e, n] = bounds;
    const inside = (p: number[]) => p[0]! >= w && p[0]! <= e && p[1]! >= s && p[1]! <= n;
    const coords = (g: unknown) =>
      JSON.stringify(g)
        .match(/-?\d+\.\d+,-?\d+\.\d+/g)!
        .map((t) => t.split(',').map(Number));
    const { walk: w2, buildings: b2, green: g2, residential: r2, water: x2 } = cut.layers;
    const all: { geometry: { coordinates: unknown }; properties: { osm_id: string | null } }[] = [
      ...w2.features,
      ...b2.features,
      ...g2.features,
      ...r2.features,
      ...x2.features,
    ];
    for (const f of all)
      for (const p of coords(f.geometry.coordinates))
        expect(inside(p), `${f.properties.osm_id} ${p}`).toBe(true);
    // without the cut, the same ways reach beyond the box (the file holds them whole)
    expect(out.layers.walk.features.flatMap((f) => f.geometry.coordinates).some((p) => !inside(p))).toBe(
      true,
    );
    // 国年路 (w39687227) crosses the box's south edge: cut exactly there
    const guonian = byId(cut.layers.walk.features, 'w39687227').flatMap((f) => f.geometry.coordinates);
    expect(guonian.some((p) => p[1] === s)).toBe(true);
    expect(cut.stats.buildings.invalid).toBe(0);
  });

  it('writes walk lines the raw package’s walk network agrees with (same ids, highway and name)', () => {
    const raw = JSON.parse(
      readFileSync(join(sourcesDir(), 'osm', 'yangpu_walk_network.geojson'), 'utf8'),
    ) as FeatureCollection<LineString, Record<string, string>>;
    const rawById = new Map(raw.features.map((f) => [f.properties.osm_id, f.properties]));
    let compared = 0;
    for (const f of out.layers.walk.features) {
      const r = rawById.get(f.properties.osm_id!);
      if (!r) continue;
      compared++;
      expect([f.properties.highway, f.properties.name]).toEqual([r.highway, r.name]);
    }
    expect(compared).toBeGreaterThan(30);
    expect(RAW_OSM).toMatch(/osm[/\\]raw$/);
  });
});
