/** SOURCES.md says the street index is derived, with its counts (issue 22 item 3 / SOURCES). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GEODATA_DIR } from '../../scripts/geodata/paths';
import { streetsSection } from '../../scripts/geodata/sources-md';
import { streetSummary } from '../../scripts/geodata/stages/streets';

const read = (f: string) => JSON.parse(readFileSync(join(GEODATA_DIR, f), 'utf8'));

describe('street index in SOURCES.md', () => {
  it('counts the street names from OSM lines and list addresses, and says they are derived', () => {
    const located = ['eldercare', 'childcare', 'services'].flatMap((k) => read(`${k}.geojson`).features);
    const st = streetSummary(read('walk-network.geojson'), located, read('unlocated.json'));
    expect(st.withOsmLine).toBeGreaterThan(50);
    expect(st.fromAddresses).toBeGreaterThan(20);
    expect(st.names).toBeLessThanOrEqual(st.withOsmLine + st.fromAddresses);
    expect(st.addressesNamingStreet).toBeLessThan(st.addresses);
    const md = streetsSection({ streets: st }).join('\n');
    expect(md).toContain('## Street index (search)');
    expect(md).toMatch(/\*\*Derived\*\*.*OpenStreetMap walking lines/s);
    expect(md).toContain('street part of the official lists’ addresses');
    expect(md).toContain('A street gets no position of its own');
    expect(md).toContain(`Streets: ${st.names} names; ${st.withOsmLine} with an OSM line`);
  });
});
