/**
 * The geodata pipeline on the real raw package: determinism, counts and checks, and
 * clear stops on bad raw input (made by corrupting a temporary copy of the package).
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BuildOutput, buildGeodata } from '../../scripts/geodata/build';
import { REPO_ROOT, sourcesDir } from '../../scripts/geodata/paths';
import { DataError, MissingSourcesError } from '../../src/data/errors';

const SOURCES = sourcesDir();
let built: BuildOutput;
const temps: string[] = [];

function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'yangpu-geodata-'));
  temps.push(d);
  return d;
}

/** A writable copy of the raw package with one file changed by `edit`. */
function corrupted(rel: string, edit: (text: string) => string): string {
  const dir = tempDir();
  cpSync(SOURCES, dir, { recursive: true });
  const path = join(dir, rel);
  writeFileSync(path, edit(readFileSync(path, 'utf8')));
  return dir;
}

function buildError(dir: string): DataError {
  try {
    buildGeodata(dir);
  } catch (e) {
    if (e instanceof DataError) return e;
    throw e;
  }
  throw new Error('the pipeline accepted bad input');
}

beforeAll(() => {
  built = buildGeodata(SOURCES);
});
afterAll(() => {
  for (const d of temps) rmSync(d, { recursive: true, force: true });
});

describe('geodata pipeline', () => {
  it('writes byte-identical outputs on two runs into different folders', () => {
    const a = tempDir();
    const b = tempDir();
    const cli = join(REPO_ROOT, 'scripts', 'build-geodata.ts');
    const tsx = join(REPO_ROOT, 'node_modules', '.bin', 'tsx');
    execFileSync(tsx, [cli, '--out', a], { stdio: 'pipe' });
    execFileSync(tsx, [cli, '--out', b], { stdio: 'pipe' });
    const files = readdirSync(a).sort();
    expect(files).toEqual(readdirSync(b).sort());
    expect(files).toContain('SOURCES.md');
    for (const f of files) expect(readFileSync(join(a, f)), f).toEqual(readFileSync(join(b, f)));
  }, 60_000);

  it('builds exactly 33 circles with unique ids, each 25–60 k residents', () => {
    const circles = built.report.circles;
    expect(circles).toHaveLength(33);
    expect(new Set(circles.map((c) => c.id)).size).toBe(33);
    for (const c of circles) {
      expect(c.population).toBeGreaterThanOrEqual(25_000);
      expect(c.population).toBeLessThanOrEqual(60_000);
      expect(c.derived).toBe(true);
    }
  });

  it('circles keep each subdistrict population exactly', () => {
    const subs = JSON.parse(built.files.get('subdistricts.geojson')!).features as {
      properties: { name: string; population2020: number };
    }[];
    for (const s of subs) {
      const sum = built.report.circles
        .filter((c) => c.subdistrict === s.properties.name)
        .reduce((t, c) => t + c.population, 0);
      expect(sum, s.properties.name).toBe(s.properties.population2020);
    }
  });

  it('subdistricts and circles tile the district (gap and overlap < 0.1%)', () => {
    for (const t of [built.report.tilingCircles, built.report.tilingSubdistricts]) {
      expect(t.gapShare).toBeLessThan(0.001);
      expect(t.overlapShare).toBeLessThan(0.001);
    }
  });

  it('our CRS conversion agrees with the raw WGS84 values within 5 m', () => {
    expect(built.report.facilities.conversionCheck.points).toBeGreaterThan(300);
    expect(built.report.facilities.conversionCheck.maxGapM).toBeLessThan(5);
  });

  it('every facility lies in a subdistrict and ids are unique', () => {
    const all = ['eldercare.geojson', 'childcare.geojson', 'services.geojson'].flatMap(
      (f) =>
        JSON.parse(built.files.get(f)!).features as { properties: { id: string; subdistrict: string } }[],
    );
    expect(new Set(all.map((f) => f.properties.id)).size).toBe(all.length);
    for (const f of all) expect(f.properties.subdistrict).toMatch(/街道$/);
  });

  it('no official facility is placed without a coordinate: they are listed as unlocated', () => {
    const unlocated = JSON.parse(built.files.get('unlocated.json')!) as { id: string; reason: string }[];
    expect(unlocated.map((u) => u.id)).toEqual(expect.arrayContaining(['EC-U1', 'EC-U2', 'EC-U3', 'EC-U4']));
    for (const u of unlocated) expect(u.reason.length).toBeGreaterThan(5);
  });

  it('stops with the folder and env var named when the raw package is missing', () => {
    expect(() => buildGeodata(join(tmpdir(), 'no-such-geodata-sources'))).toThrow(MissingSourcesError);
    expect(() => buildGeodata(join(tmpdir(), 'no-such-geodata-sources'))).toThrow(/YANGPU_GEODATA_SOURCES/);
  });

  it('stops on a missing column, naming file and column', () => {
    const dir = corrupted('facilities/eldercare.csv', (t) => t.replace('lon_original', 'lon_orig'));
    const e = buildError(dir);
    expect(e.file).toBe('facilities/eldercare.csv');
    expect(e.message).toMatch(/missing required column "lon_original"/);
  });

  it('stops on a coordinate off by a CRS, naming file, row and problem', () => {
    // Replace row EC001's WGS84 value by its raw GCJ-02 value: the check against our conversion fails.
    const dir = corrupted('facilities/eldercare.csv', (t) => {
      const lines = t.split('\n');
      const cells = lines[1]!.split(',');
      const li = lines[0]!.split(',');
      cells[li.indexOf('lon')] = cells[li.indexOf('lon_original')]!;
      cells[li.indexOf('lat')] = cells[li.indexOf('lat_original')]!;
      lines[1] = cells.join(',');
      return lines.join('\n');
    });
    const e = buildError(dir);
    expect(e.message).toMatch(
      /eldercare\.csv \(row 2 \(EC001\), field lon\/lat\): our GCJ02→WGS84 conversion lands \d+\.\d m/,
    );
  });

  it('stops on a broken ring, naming the feature', () => {
    const dir = corrupted('boundaries/yangpu_subdistricts.geojson', (t) => {
      const fc = JSON.parse(t);
      fc.features[3].geometry.coordinates[0].pop(); // unclose the ring
      return JSON.stringify(fc);
    });
    const e = buildError(dir);
    expect(e.file).toBe('boundaries/yangpu_subdistricts.geojson');
    expect(e.message).toMatch(/feature 3|linear ring|not closed/);
  });
});
