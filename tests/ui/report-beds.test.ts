/**
 * Beds per 100 elders (issue 22, item 9): where no institution of an area lists beds, the
 * figure is unknown, not zero — "—" with "no bed counts in the list" — and the institutions
 * without a bed count are counted and named.
 */
import { describe, expect, it } from 'vitest';
import type { FacilityProps } from '../../src/core/schema';
import { eldercareSupply } from '../../src/ui/report/assemble';
import { bedsPer100Text, withoutBedsText } from '../../src/ui/report/parts';

function home(name: string, category: 'nursing-home' | 'care-home', beds: number | null): FacilityProps {
  return {
    id: name,
    name,
    category,
    capacity: beds,
    capacityUnit: beds === null ? null : 'beds',
  } as FacilityProps;
}

describe('beds per 100 elders', () => {
  it('no institution lists beds: unknown ("—", no bed counts in the list), never 0.00; every one named', () => {
    const x = eldercareSupply(
      [home('甲养老院', 'nursing-home', null), home('乙照护之家', 'care-home', null)],
      80_000,
      0.3,
    );
    expect(x.bedsPer100Elders).toBeNull();
    expect(bedsPer100Text(x, 'zh')).toBe('— (名单中无床位数)');
    expect(bedsPer100Text(x, 'en')).toBe('— (no bed counts in the list)');
    expect(x.withoutBeds).toEqual(['甲养老院', '乙照护之家']);
    expect(withoutBedsText(x, 'zh')).toBe('名单未列床位的机构（2）：甲养老院、乙照护之家');
    expect(withoutBedsText(x, 'en')).toBe(
      'Institutions the list gives no beds for (2): 甲养老院, 乙照护之家',
    );
  });

  it('some list beds: the figure (a lower bound), and the others are counted and named', () => {
    const x = eldercareSupply([home('甲', 'nursing-home', 120), home('乙', 'care-home', null)], 10_000, 0.3);
    expect(bedsPer100Text(x, 'en')).toBe('4.00');
    expect(x.withBeds).toBe(1);
    expect(x.withoutBeds).toEqual(['乙']);
  });

  it('no institutions at all: "—" with no reason about the list, and nothing named', () => {
    const x = eldercareSupply([], 10_000, 0.3);
    expect(bedsPer100Text(x, 'en')).toBe('—');
    expect(withoutBedsText(x, 'en')).toBe('');
  });
});
