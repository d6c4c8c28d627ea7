import { describe, expect, it } from 'vitest';
import { parseCsv, requireColumns } from '../../src/data/csv';
import { DataError } from '../../src/data/errors';

describe('parseCsv', () => {
  it('reads quoted fields with commas, doubled quotes and newlines', () => {
    const t = parseCsv('id,name\n1,"a, ""b""\nc"\n', 'f.csv');
    expect(t.rows).toEqual([{ id: '1', name: 'a, "b"\nc' }]);
  });

  it('strips a UTF-8 BOM and handles CRLF', () => {
    const t = parseCsv('\ufeffid,名称\r\n1,长者食堂\r\n', 'f.csv');
    expect(t.header).toEqual(['id', '名称']);
    expect(t.rows[0]).toEqual({ id: '1', 名称: '长者食堂' });
  });

  it('names the row whose field count is wrong', () => {
    expect(() => parseCsv('a,b\n1,2\n3\n', 'f.csv')).toThrow(
      /f\.csv \(row 3\): has 1 fields but the header has 2/,
    );
  });

  it('reports an unterminated quote', () => {
    expect(() => parseCsv('a,b\n1,"x\n', 'f.csv')).toThrow(DataError);
  });

  it('does not let a __proto__ column pollute objects', () => {
    const t = parseCsv('__proto__,x\n{},1\n', 'f.csv');
    expect(({} as Record<string, unknown>).x).toBeUndefined();
    expect(t.rows[0]!.x).toBe('1');
  });

  it('requireColumns names the missing column', () => {
    const t = parseCsv('id,lon\n1,2\n', 'f.csv');
    expect(() => requireColumns(t, ['id', 'lat'], 'f.csv')).toThrow(/missing required column "lat"/);
  });
});
