/**
 * The street index's counts for SOURCES.md. The index itself is built by the app at load time
 * (src/data/streets.ts) from the files written here: OSM walking-line names where mapped, and
 * the street part of the official lists' addresses. Nothing here gives a street a position.
 */
import type { FeatureCollection } from 'geojson';
import type { FacilityFeature, UnlocatedFacility } from '../../../src/core/schema';
import { streetOfAddress } from '../../../src/core/streets';
import { buildStreetIndex } from '../../../src/data/streets';
import type { StreetSummary } from '../report';

export function streetSummary(
  walk: FeatureCollection,
  located: FacilityFeature[],
  unlocated: UnlocatedFacility[],
): StreetSummary {
  const index = buildStreetIndex(walk, located as never, unlocated);
  const streets = [...index.values()];
  const addresses = [...located.map((f) => f.properties.address), ...unlocated.map((u) => u.address)].filter(
    (a): a is string => typeof a === 'string' && a.trim() !== '',
  );
  return {
    names: streets.length,
    withOsmLine: streets.filter((s) => s.lines.length > 0).length,
    fromAddresses: streets.filter((s) => s.facilities.length + s.unlocated.length > 0).length,
    addressesNamingStreet: addresses.filter((a) => streetOfAddress(a) !== null).length,
    addresses: addresses.length,
  };
}
