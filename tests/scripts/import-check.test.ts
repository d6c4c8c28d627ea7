/**
 * `npm run import-check`: the app's importer from the command line, on files made from our
 * own data. The JSON has exactly the shape the issue names; exit codes say whether anything
 * could be read.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../scripts/geodata/paths';
import { importCheck } from '../../scripts/import-check';
import { yangpuProjection } from '../../src/core/geo';
import { FIXTURES } from '../helpers/golden';
import { circlesIn, geocodedList, ourFacilities } from '../helpers/plannerFiles';

const dir = mkdtempSync(join(tmpdir(), 'yangpu-import-check-'));
const write = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
const bd09 = geocodedList('BD09');
const bd09Path = write(bd09.name, bd09.text);
const metres = (a: [number, number], b: [number, number]) => {
  const [ax, ay] = yangpuProjection.toXY(a);
  const [bx, by] = yangpuProjection.toXY(b);
  return Math.hypot(ax - bx, ay - by);
};

describe('import-check', { timeout: 60_000 }, () => {
  it('--json: exactly { encoding, columns, accepted, rejected, warnings, suggestedCrs, evidence }', () => {
    const run = importCheck([bd09Path, '--kind', 'facilities', '--json', '--lang', 'en']);
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout);
    expect(Object.keys(out)).toEqual([
      'encoding',
      'columns',
      'accepted',
      'rejected',
      'warnings',
      'suggestedCrs',
      'evidence',
    ]);
    expect(out.encoding).toBe('UTF-8');
    expect(out.columns).toMatchObject({ lon: '经度(百度)', lat: '纬度(百度)', name: '机构名称', id: '编号' });
    expect(out.accepted[0]).toEqual({
      id: expect.any(String),
      name: expect.any(String),
      category: expect.any(String),
      address: expect.toBeOneOf([expect.any(String), null]),
      capacity: null,
      lon: expect.any(Number),
      lat: expect.any(Number),
    });
    expect(out.rejected[0]).toEqual({
      row: expect.any(Number),
      reason: expect.stringMatching(/^row \d+, field 机构名称: missing name$/),
    });
    expect(out.suggestedCrs).toBe('BD09');
    expect(out.evidence.basis).toBe('facilities');
    expect(out.evidence.lines[0]).toMatch(/^Of 419 points, within 30 m of a known facility: 419 as BD-09;/);
  });

  it('--crs BD09: no suggestion, and the printed WGS-84 coordinates are the true ones', () => {
    const out = JSON.parse(
      importCheck([bd09Path, '--kind', 'facilities', '--crs', 'BD-09', '--json']).stdout,
    );
    expect(out.suggestedCrs).toBeNull();
    const errors = out.accepted.map((a: { id: string; lon: number; lat: number }) =>
      metres([a.lon, a.lat], bd09.truth.get(a.id)!),
    );
    expect(errors.filter((d: number) => d <= 30).length / errors.length).toBeGreaterThanOrEqual(0.95);
  });

  it('circles in GCJ-02: the evidence is outline overlap; accepted circles give a point and their area', () => {
    const file = circlesIn('GCJ02');
    const out = JSON.parse(
      importCheck([write(file.name, file.text), '--kind', 'circles', '--json', '--lang', 'en']).stdout,
    );
    expect(out.suggestedCrs).toBe('GCJ02');
    expect(out.evidence.basis).toBe('outlines');
    expect(out.accepted).toHaveLength(33);
    expect(out.accepted[0]).toMatchObject({
      name: expect.any(String),
      lon: expect.any(Number),
      lat: expect.any(Number),
    });
    expect(out.accepted[0].areaKm2).toBeGreaterThan(0.5);
  });

  it('a missing name column is one reason for the whole file, exit code 1; --column chooses it', () => {
    const rows = ourFacilities(['services'])
      .slice(0, 5)
      .map((f) => `${f.name},${f.lonLat.join(',')}`);
    const path = write('no-name.csv', `单位,经度,纬度\n${rows.join('\n')}\n`);
    const run = importCheck([path, '--kind', 'facilities', '--category', 'park', '--json', '--lang', 'en']);
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout).rejected).toEqual([
      { row: null, reason: 'No name column found — choose one below' },
    ]);
    const chosen = importCheck([
      path,
      '--kind',
      'facilities',
      '--category',
      'park',
      '--column',
      'name=单位',
      '--json',
    ]);
    expect(chosen.code).toBe(0);
    expect(JSON.parse(chosen.stdout).accepted).toHaveLength(5);
  });

  it('the text report names the columns, the counts and the evidence', () => {
    const run = importCheck([bd09Path, '--kind', 'facilities', '--lang', 'en']);
    expect(run.stdout).toContain('columns: lon ← 经度(百度), lat ← 纬度(百度), name ← 机构名称');
    expect(run.stdout).toContain(`accepted: ${bd09.rows - bd09.dropped - bd09.repeats}`);
    expect(run.stdout).toContain('coordinate system: suggested BD-09 (stated WGS-84)');
    expect(importCheck([bd09Path, '--kind', 'facilities']).stdout).toContain(
      '坐标系: 建议改用 BD-09（所选 WGS-84）',
    );
  });

  it('usage errors exit 2 with the kinds the importer knows', () => {
    const run = importCheck([bd09Path, '--kind', 'roads']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      '--kind must be one of facilities, circles, population, network (got "roads")',
    );
    expect(importCheck([bd09Path, '--kind', 'facilities', '--crs', 'UTM51']).code).toBe(2);
    expect(importCheck(['--kind', 'facilities']).code).toBe(2);
  });

  it('checks a walking network (an OSM XML cut of the real export): lines accepted, exit 0', () => {
    const run = importCheck([
      join(FIXTURES, 'osm', 'wujiaochang-fudan.cut-campus.osm'),
      '--kind',
      'network',
      '--json',
    ]);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as { accepted: { name: string | null; lengthM: number }[] };
    expect(report.accepted.length).toBeGreaterThan(20);
    expect(report.accepted.some((a) => a.name === '国福路')).toBe(true);
  });

  it('runs as `npm run import-check` (the script entry, with geodata/ from the pipeline)', () => {
    const stdout = execFileSync(
      'npm',
      ['run', '--silent', 'import-check', '--', bd09Path, '--kind', 'facilities', '--json'],
      {
        cwd: REPO_ROOT,
        encoding: 'utf8',
      },
    );
    expect(JSON.parse(stdout).suggestedCrs).toBe('BD09');
  });
});
