/** Helpers shared by the XML and PBF readers: OSM's coordinate precision and a file's summary. */
import type { BBox } from '../../core/extent';
import type { OsmData, OsmElement } from './types';

/** Degrees rounded to OSM's 7 decimals (1 cm): XML text and PBF integers then give equal numbers. */
export const round7 = (v: number): number => Math.round(v * 1e7) / 1e7;

/** Counts and newest timestamp of a file's objects. */
export function summarise(
  label: string,
  format: 'osm-xml' | 'osm-pbf',
  bounds: BBox | null,
  generator: string | null,
  elements: OsmElement[],
): OsmData['info'] {
  const count = { node: 0, way: 0, relation: 0 };
  let newest: string | null = null;
  for (const e of elements) {
    count[e.type]++;
    if (e.timestamp && (newest === null || e.timestamp > newest)) newest = e.timestamp;
  }
  return {
    label,
    format,
    bounds,
    generator,
    newest,
    nodes: count.node,
    ways: count.way,
    relations: count.relation,
    features: 0,
  };
}
