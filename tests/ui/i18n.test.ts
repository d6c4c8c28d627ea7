import { describe, expect, it } from 'vitest';
import { formatNumber } from '../../src/ui/i18n';

describe('formatNumber', () => {
  it('groups thousands and fixes the digits per language, the same on every call (formats are kept)', () => {
    for (let run = 0; run < 2; run++) {
      expect(formatNumber(1234567.891, 'zh')).toBe('1,234,568');
      expect(formatNumber(1234567.891, 'en', 1)).toBe('1,234,567.9');
      expect(formatNumber(0.5, 'zh', 2)).toBe('0.50');
      expect(formatNumber(-42, 'en')).toBe('-42');
    }
  });
});
