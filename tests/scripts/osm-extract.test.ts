/**
 * The pipeline with an OSM extract (the real cut fixtures): its layers replace the raw package's
 * 五角场 OSM layers and add buildings.geojson; every other file stays byte-identical; SOURCES.md
 * documents the extract; the stamp changes with the extract's content.
 */
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BuildOutput, buildGeodata } from '../../scripts/geodata/build';
import { inputsHash, writeGeodataFiles } from '../../scripts/geodata/ensure';
import { OSM_EXTRACT_ENV, osmExtractFromEnv, sourcesDir } from '../../scripts/geodata/paths';
import { renderSourcesMd } from '../../scripts/geodata/sources-md';
import { OSM_REPLACES, readOsmFile } from '../../scripts/geodata/stages/osm-extract';
import { LAYER_FILES } from '../../src/core/schema';
import { DataError } from '../../src/data/errors';
import { OSM_FIXTURES } from '../data/osm/fixtures';

const SOURCES = sourcesDir();
const EXTRACT = [
  'wujiaochang-fudan.cut-campus.osm',
  'wujiaochang-fudan.cut-zoumatang.osm',
  'tongji-siping.cut-zoumatang.osm',
].map((f) => join(OSM_FIXTURES, f));
let plain: BuildOutput;
let withOsm: BuildOutput;
const temp = mkdtempSync(join(tmpdir(), 'yangpu-osm-'));

beforeAll(() => {
  plain = buildGeodata(SOURCES);
  withOsm = buildGeodata(SOURCES, { osm: EXTRACT });
}, 120_000);
afterAll(() => rmSync(temp, { recursive: true, force: true }));

const layer = (b: BuildOutput, file: string) =>
  JSON.parse(b.files.get(file)!) as { features: { properties: Record<string, unknown> }[] };

describe('pipeline with an OSM extract', { timeout: 30_000 }, () => {
  it('replaces the OSM detail layers (and what is built from them), adds buildings, leaves every other file unchanged', () => {
    expect(plain.files.has(LAYER_FILES.buildings)).toBe(false);
    expect([...withOsm.files.keys()].sort()).toEqual([...plain.files.keys(), LAYER_FILES.buildings].sort());
    // the graph is built from walk-network; the population model from the buildings, residential
    // areas and extent, and the circles are balanced on it
    const fromExtract = [
      ...OSM_REPLACES,
      LAYER_FILES.walkGraph,
      LAYER_FILES.routeFactors,
      LAYER_FILES.populationModel,
      LAYER_FILES.circles,
    ];
    for (const [file, content] of plain.files) {
      if (fromExtract.includes(file)) expect(withOsm.files.get(file), file).not.toBe(content);
      else expect(withOsm.files.get(file), file).toBe(content);
    }
  });

  it('writes the extract’s walk lines, areas and extent in the documented schema', () => {
    const walk = layer(withOsm, LAYER_FILES.walkNetwork).features;
    expect(walk.find((f) => f.properties.osm_id === 'w74424207')!.properties).toEqual({
      osm_id: 'w74424207',
      highway: 'primary',
      name: '邯郸路',
      'name:en': 'Handan Road',
    });
    expect(walk.some((f) => f.properties.osm_id === 'w39150988')).toBe(false); // 中环路 viaduct
    const coverage = layer(withOsm, LAYER_FILES.osmCoverage).features;
    expect(coverage).toHaveLength(1);
    expect(coverage[0]!.properties).toMatchObject({
      files: EXTRACT.map((p) => p.split(/[/\\]/).pop()),
      boundsEstimated: false,
    });
    expect(coverage[0]!.properties.area_in_yangpu_km2).toBeGreaterThan(0.4);
    const buildings = layer(withOsm, LAYER_FILES.buildings).features;
    expect(buildings.find((f) => f.properties.name === '第二教学楼')!.properties).toMatchObject({
      building: 'yes',
      'building:levels': 4,
    });
    const water = layer(withOsm, LAYER_FILES.water).features;
    expect(water.find((f) => f.properties.osm_id === 'w177217556')!.properties).toMatchObject({
      name: '东走马塘',
      natural: 'water',
    });
  });

  it('builds the population model from the extract: its residential buildings, census totals kept', () => {
    const model = layer(withOsm, LAYER_FILES.populationModel).features;
    const pm = withOsm.report.populationModel;
    // the extract's buildings, not the raw package's (the cut holds fewer)
    expect(pm.buildingsInExtent).toBeGreaterThan(0);
    expect(pm.buildingsInExtent).toBeLessThanOrEqual(layer(withOsm, LAYER_FILES.buildings).features.length);
    expect(pm.buildingsInExtent).not.toBe(plain.report.populationModel.buildingsInExtent);
    expect(model.filter((f) => f.properties.method === 'building').length).toBe(pm.counted);
    expect(pm.counted).toBeGreaterThan(0);
    // the campus's teaching buildings are not homes: no residents
    expect(model.find((f) => f.properties.name === '第五教学楼')!.properties).toMatchObject({
      method: 'other-building',
      building: 'university',
      weightM2: 0,
    });
    const bySubdistrict = (b: BuildOutput) => {
      const out = new Map<string, number>();
      for (const c of layer(b, LAYER_FILES.circles).features) {
        const s = c.properties.subdistrict as string;
        out.set(s, (out.get(s) ?? 0) + (c.properties.population as number));
      }
      return out;
    };
    expect(bySubdistrict(withOsm)).toEqual(bySubdistrict(plain));
  });

  it('documents the extract, its rules, counts and licence in SOURCES.md', () => {
    const md = renderSourcesMd(withOsm.report);
    expect(md).toContain('## OSM extract');
    expect(md).toContain('wujiaochang-fudan.cut-campus.osm');
    expect(md).toMatch(/motorroad — motorroad=yes.*: \*\*\d+\*\* \(w39150988/);
    expect(md).toContain('ODbL 1.0, © OpenStreetMap contributors');
    expect(md).not.toMatch(/\/work\/|\/home\//); // no paths of this machine
    expect(renderSourcesMd(plain.report)).not.toContain('## OSM extract');
  });

  it('stops with the file named when an extract is missing or of an unknown type', () => {
    expect(() => readOsmFile(join(temp, 'nope.osm.pbf'))).toThrow(/nope\.osm\.pbf: OSM extract not found/);
    const odd = join(temp, 'extract.shp');
    writeFileSync(odd, 'x');
    expect(() => readOsmFile(odd)).toThrow(DataError);
    expect(() => readOsmFile(odd)).toThrow(/unknown OSM file type/);
  });

  it('rebuilds when an extract is added, removed or changed (the stamp hashes its content)', () => {
    const copy = join(temp, 'campus.osm');
    copyFileSync(EXTRACT[0]!, copy);
    const none = inputsHash(SOURCES);
    const one = inputsHash(SOURCES, [copy]);
    expect(one).not.toBe(none);
    expect(inputsHash(SOURCES, [copy])).toBe(one);
    writeFileSync(copy, '<osm></osm>');
    expect(inputsHash(SOURCES, [copy])).not.toBe(one);
  });

  it('removes the buildings of an earlier build with an extract when building without one', () => {
    const out = join(temp, 'geodata');
    mkdirSync(out);
    writeFileSync(join(out, 'README.md'), 'kept');
    writeGeodataFiles(out, withOsm.files);
    expect(existsSync(join(out, LAYER_FILES.buildings))).toBe(true);
    writeGeodataFiles(out, plain.files);
    expect(readdirSync(out).sort()).toEqual([...plain.files.keys(), 'README.md'].sort());
  });

  it('reads extract files from $YANGPU_OSM_EXTRACT, several separated like PATH', () => {
    const before = process.env[OSM_EXTRACT_ENV];
    try {
      process.env[OSM_EXTRACT_ENV] = [EXTRACT[0], EXTRACT[1]].join(delimiter);
      expect(osmExtractFromEnv()).toEqual([EXTRACT[0], EXTRACT[1]]);
      delete process.env[OSM_EXTRACT_ENV];
      expect(osmExtractFromEnv()).toEqual([]);
    } finally {
      if (before === undefined) delete process.env[OSM_EXTRACT_ENV];
      else process.env[OSM_EXTRACT_ENV] = before;
    }
  });
});
