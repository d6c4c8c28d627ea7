/**
 * The importer speaks the UI's language: every message of a result — the place ("row 2, field
 * 经度" / "第2行，经度列"), the reason, the warnings, the whole-file problems — exists in zh and
 * en, and the zh is free of stray English (units, formats, systems allowed; text quoted from
 * the file is the file's). And points accepted inside the import box but outside the district
 * outline are warned about, each by row and name, and marked for the preview's map.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { readLayer } from '../../scripts/bench/coverage-data';
import { checkReport, type ImportOptions, type ImportResult, importFile } from '../../src/data/importer';
import { FIXTURES } from '../helpers/golden';
import { strayEnglish } from '../helpers/strayEnglish';

const district = readLayer('district.geojson').features[0]!.geometry as Polygon;
const csv = (text: string) => new TextEncoder().encode(text);
const facilities: ImportOptions = { kind: 'facilities', crs: 'WGS84', district, category: 'elder-canteen' };

/** Every zh text of a result, as the preview shows it, with file-quoted text (“…”, "…", […]) taken out. */
function zhTexts(r: ImportResult): string[] {
  const report = checkReport(r, 'zh');
  return [...report.rejected.map((x) => x.reason), ...report.warnings, ...(report.evidence?.lines ?? [])].map(
    (t) => t.replace(/“[^”]*”|"[^"]*"|\[[^\]]*\]|（[^）]*(type|")[^）]*）/g, ''),
  );
}

describe('import messages in both languages', () => {
  const files: [string, Uint8Array, ImportOptions][] = [
    ...readdirSync(join(FIXTURES, 'bad')).map((name): [string, Uint8Array, ImportOptions] => [
      name,
      new Uint8Array(readFileSync(join(FIXTURES, 'bad', name))),
      { kind: name.endsWith('.csv') ? 'facilities' : 'circles', crs: 'WGS84', district },
    ]),
    ...readdirSync(join(FIXTURES, 'bad'))
      .filter((n) => !n.endsWith('.csv'))
      .map((name): [string, Uint8Array, ImportOptions] => [
        `${name} (facilities)`,
        new Uint8Array(readFileSync(join(FIXTURES, 'bad', name))),
        facilities,
      ]),
    [
      'rows.csv',
      csv(
        '名称,经度,纬度,类型\n,121.52,31.28,长者食堂\n甲,abc,31.28,长者食堂\n乙,121.52,31.28,长者食堂\n乙,121.52,31.28,长者食堂\n丙,100,20,x\n',
      ),
      facilities,
    ],
  ];

  it('the place of a rejected row is said in Chinese: 第2行，经度列', () => {
    const r = importFile(csv('名称,经度,纬度\n甲,abc,31.28\n'), 'a.csv', facilities);
    expect(checkReport(r, 'zh').rejected[0]!.reason).toBe('第2行，“经度”列：坐标不是数字');
    expect(checkReport(r, 'en').rejected[0]!.reason).toBe(
      'row 2, field 经度: the coordinate is not a number',
    );
  });

  it.each(files)('%s: every message in zh and en, the zh without stray English', (_name, bytes, o) => {
    const r = importFile(bytes, _name, o);
    for (const issue of [...r.rejected, ...r.warnings]) {
      expect(issue.message.zh.trim()).not.toBe('');
      expect(issue.message.en.trim()).not.toBe('');
      if (issue.where) expect(issue.where.zh).not.toBe(issue.where.en);
    }
    if (r.fatal) expect(strayEnglish(r.fatal.zh.replace(/“[^”]*”|"[^"]*"/g, ''))).toEqual([]);
    for (const text of zhTexts(r)) expect(strayEnglish(text), text).toEqual([]);
  });
});

describe('sites outside the district outline', () => {
  // 甲 in 五角场; 乙 in Hongkou (鲁迅公园), inside the import box but not in Yangpu
  const file = csv('名称,经度,纬度,类型\n甲,121.5143,31.3000,长者食堂\n乙,121.4825,31.2710,长者食堂\n');

  it('are accepted, marked, and listed in a warning by row and name', () => {
    const r = importFile(file, 'x.csv', facilities);
    expect(r.facilities.map((f) => [f.name, f.outsideDistrict ?? false])).toEqual([
      ['甲', false],
      ['乙', true],
    ]);
    const zh = checkReport(r, 'zh').warnings;
    const en = checkReport(r, 'en').warnings;
    expect(zh).toContain('1处设施在杨浦区界外（但在导入范围内）：仍会导入，请确认是否需要');
    expect(zh).toContain('第3行：“乙”在杨浦区界外');
    expect(en).toContain('row 3: “乙” is outside the district');
  });

  it('say nothing when every site is inside', () => {
    const r = importFile(csv('名称,经度,纬度\n甲,121.5143,31.3000\n'), 'x.csv', facilities);
    expect(r.warnings).toEqual([]);
    expect(r.facilities[0]!.outsideDistrict).toBeUndefined();
  });
});
