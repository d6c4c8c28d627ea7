/** `npm run report`: the arguments become the app's own report URL (the PDF itself is checked in tests/browser/report.test.ts). */
import { describe, expect, it } from 'vitest';
import { reportQuery } from '../../scripts/report';

describe('npm run report arguments', () => {
  it('asks the app for the report, the language and the distance model', () => {
    expect(reportQuery({ district: true })).toBe('?report=district&dist=walk');
    expect(reportQuery({ circle: '310110001-1', lang: 'en' })).toBe(
      '?report=circle%3A310110001-1&lang=en&dist=walk',
    );
    expect(reportQuery({ subdistrict: '定海路街道', dist: 'network' })).toBe(
      `?report=${encodeURIComponent('subdistrict:定海路街道')}&dist=network`,
    );
    expect(reportQuery({ district: true, lang: 'zh', dist: 'straight' })).toBe(
      '?report=district&dist=straight',
    );
  });

  it('refuses no report, two reports, or an unknown language or distance', () => {
    expect(() => reportQuery({})).toThrow(/exactly one/);
    expect(() => reportQuery({ district: true, circle: 'x' })).toThrow(/exactly one/);
    expect(() => reportQuery({ district: true, lang: 'fr' })).toThrow(/--lang/);
    expect(() => reportQuery({ district: true, dist: 'car' })).toThrow(/--dist/);
  });
});
