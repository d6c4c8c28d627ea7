/**
 * Bundled by osm-reader.test.ts for the browser: the shared OSM reader behind one global
 * function, parsing XML with the page's DOMParser where there is one and with xmldom in a Web
 * Worker (workers have no DOMParser).
 */
import { DOMParser as XmldomParser } from '@xmldom/xmldom';
import type { Polygon } from 'geojson';
import { extractOsm } from '../../../src/data/osm/extract';
import { parseOsmGeoJson } from '../../../src/data/osm/geojson';
import { parseOsmXml, type XmlParserLike } from '../../../src/data/osm/xml';

function runOsm(xmlText: string, geojsonText: string, clip: Polygon): { parser: string; layers: string } {
  const native = typeof DOMParser !== 'undefined';
  const parser: XmlParserLike = native ? new DOMParser() : new XmldomParser();
  const xml = parseOsmXml(xmlText, 'campus.osm', parser);
  const lines = parseOsmGeoJson(geojsonText, 'lines.geojsonl');
  return {
    parser: native ? 'DOMParser' : 'xmldom',
    layers: JSON.stringify(extractOsm([xml, lines], { clip }).layers),
  };
}

(globalThis as unknown as { runOsm: typeof runOsm }).runOsm = runOsm;
