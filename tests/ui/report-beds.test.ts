/**
 * Beds per 100 elders (issue 22, item 9): where no institution of an area lists beds, the
 * figure is unknown, not zero — "—" with "no bed counts in the list" — and the institutions
 * without a bed count are counted and named.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FeatureCollection, Point } from 'geojson';
import { describe, expect, it } from 'vitest';
import { GEODATA_DIR } from '../../scripts/geodata/paths';
import type { FacilityProps } from '../../src/core/schema';
import { LAYER_FILES } from '../../src/core/schema';
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
    expect(bedsPer100Text(x, 'zh')).toBe('—（名单中无床位数）');
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

describe('the district report’s subdistricts (the shipped list, geodata/)', () => {
  it('五角场, 新江湾城 and 长海路 list no beds: "—", never 0.00, and their institutions are named', () => {
    const eldercare = JSON.parse(
      readFileSync(join(GEODATA_DIR, LAYER_FILES.eldercare!), 'utf8'),
    ) as FeatureCollection<Point, FacilityProps>;
    const of = (sd: string) =>
      eldercareSupply(
        eldercare.features.map((f) => f.properties).filter((p) => p.subdistrict === sd),
        50_000,
        0.3178,
      );
    for (const sd of ['五角场街道', '新江湾城街道', '长海路街道']) {
      const x = of(sd);
      expect(x.institutions, sd).toBeGreaterThan(0);
      expect(x.bedsPer100Elders, sd).toBeNull();
      expect(bedsPer100Text(x, 'zh'), sd).toBe('—（名单中无床位数）');
      expect(x.withoutBeds, sd).toHaveLength(x.institutions);
    }
    // a subdistrict whose list gives beds keeps its figure
    expect(of('殷行街道').bedsPer100Elders).toBeGreaterThan(0);
  });
});
