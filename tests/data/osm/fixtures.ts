/**
 * Fixtures of the OSM reader tests (tests/fixtures/osm/, see its README): real cuts of the raw
 * exports and a synthetic extract on a test-only grid at 0° N 0° E, plus readers for them.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DOMParser } from '@xmldom/xmldom';
import type { Polygon } from 'geojson';
import { sourcesDir } from '../../../scripts/geodata/paths';
import type { BBox } from '../../../src/core/extent';
import { boxPolygon } from '../../../src/data/osm/clip';
import { parseOsmGeoJson } from '../../../src/data/osm/geojson';
import type { OsmData, OsmFeature, OsmInput } from '../../../src/data/osm/types';
import { parseOsmXml } from '../../../src/data/osm/xml';
import { FIXTURES } from '../../helpers/golden';

export const OSM_FIXTURES = join(FIXTURES, 'osm');
/** The raw exports (../shared/geodata-sources/osm/raw/). */
export const RAW_OSM = join(sourcesDir(), 'osm', 'raw');

/** An XML fixture, parsed with xmldom. */
export function fixtureXml(name: string): OsmData {
  return parseOsmXml(readFileSync(join(OSM_FIXTURES, name), 'utf8'), name, new DOMParser());
}

/** A GeoJSON (lines) fixture. */
export function fixtureGeoJson(name: string): OsmInput {
  return parseOsmGeoJson(readFileSync(join(OSM_FIXTURES, name), 'utf8'), name);
}

export const box = (b: BBox): Polygon => boxPolygon(b);

/** The synthetic tests' clip region: lon 0–0.008°, lat 0–0.030° (cuts ways -20 and -34 at lon 0.008). */
export const SYNTHETIC_CLIP = box([0, 0, 0.008, 0.03]);
/** A clip region holding every real fixture whole (the raw exports' neighbourhood). */
export const WIDE_CLIP = box([121.4, 31.2, 121.6, 31.4]);

/** The tags of way `id` in parsed data. */
export function wayTags(d: OsmData, id: number): Record<string, string> {
  const w = d.elements.find((e) => e.type === 'way' && e.id === id);
  if (!w?.tags) throw new Error(`way ${id} not in ${d.info.label}`);
  return w.tags;
}

/** Features of a layer whose osm_id is `id`. */
export const byId = <T extends { properties: { osm_id: string | null } }>(features: T[], id: string) =>
  features.filter((f) => f.properties.osm_id === id);

export type { OsmFeature };
