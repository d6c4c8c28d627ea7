/**
 * Every message key of the UI, in both languages: zh and en present and non-empty, and the
 * Chinese free of stray English words (units, formats and systems such as CSV, GeoJSON, OSM,
 * WGS-84 allowed). Walks every string table: the shared one and each feature's strings.ts.
 */
import { describe, expect, it } from 'vitest';
import { stringTables } from '../../src/ui/i18n';
import { strayEnglish } from '../helpers/strayEnglish';

// load every feature's table (each registers itself with defineStrings)
const modules = import.meta.glob(['../../src/ui/**/strings.ts', '../../src/ui/**/*Strings.ts'], {
  eager: true,
});

describe('UI messages', () => {
  it('loads every table', () => {
    expect(Object.keys(modules).length).toBeGreaterThanOrEqual(9);
    expect(stringTables().length).toBeGreaterThan(Object.keys(modules).length);
  });

  it('every key has a non-empty zh and en, and the zh has no stray English', () => {
    const problems: string[] = [];
    let keys = 0;
    for (const table of stringTables()) {
      for (const [key, value] of Object.entries(table)) {
        keys++;
        if (!value.zh?.trim()) problems.push(`${key}: zh missing`);
        if (!value.en?.trim()) problems.push(`${key}: en missing`);
        const stray = strayEnglish(value.zh ?? '');
        if (stray.length > 0) problems.push(`${key}: “${value.zh}” has ${stray.join(', ')}`);
      }
    }
    expect(keys).toBeGreaterThan(200);
    expect(problems).toEqual([]);
  });

  it('the checker catches the fragments seen in the Chinese UI', () => {
    expect(strayEnglish('row 2, field 经度')).toEqual(['row', 'field']);
    expect(strayEnglish('not geocoded: not_geocoded')).toEqual(['not', 'geocoded', 'not_geocoded']);
    expect(strayEnglish('文件坐标系（WGS-84、GCJ-02、BD-09），≤ 50 MB，CSV 或 GeoJSON')).toEqual([]);
  });
});

describe('facility texts from geodata/ in Chinese', () => {
  it('every source, date, capacity unit and note of every facility reads in Chinese', async () => {
    const { readFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { REPO_ROOT } = await import('../../scripts/geodata/paths');
    const { dateText, noteText, sourceText, unitText } = await import('../../src/ui/facility/sourceText');
    const problems = new Set<string>();
    for (const file of ['eldercare.geojson', 'childcare.geojson', 'services.geojson']) {
      const fc = JSON.parse(readFileSync(join(REPO_ROOT, 'geodata', file), 'utf8'));
      for (const { properties: p } of fc.features) {
        const zh = [
          sourceText(p, 'zh'),
          dateText(p, 'zh'),
          unitText(p.capacityUnit, 'zh'),
          noteText(p.capacityNote, 'zh') ?? '',
        ];
        // repository names (github:owner/name) are names, not words
        for (const text of zh) {
          const stray = strayEnglish(
            text.replace(/github:\S+?(?=[）)，；\s]|$)/g, '').replace(/amenity=\w+/g, ''),
          );
          if (stray.length > 0) problems.add(`${text}: ${stray.join(', ')}`);
        }
      }
    }
    expect([...problems]).toEqual([]);
  });
});
