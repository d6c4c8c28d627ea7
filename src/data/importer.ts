/**
 * Bring-your-own-data loader (pure; runs in the page or a worker): decode bytes (UTF-8,
 * UTF-16 with BOM, GBK/GB18030), parse GeoJSON or CSV, convert from the stated CRS, and
 * check every feature or row. It never throws on bad input: it returns what it accepted,
 * what it rejected (with the feature index or CSV row and field), warnings, and a CRS
 * suggestion. File contents are data: strings stay strings, prototype keys are dropped,
 * script URLs are not kept.
 */

import { importCsv } from './import/csvRows';
import { decodeBytes } from './import/decode';
import { importGeoJson } from './import/geojsonFeatures';
import { importNetworkGeoJson, importNetworkOsm } from './import/network';
import { emptyResult, type ImportOptions, type ImportResult, MAX_IMPORT_BYTES, m } from './import/types';
import type { XmlParserLike } from './osm/xml';

export { decodeBytes } from './import/decode';
export { tooLarge, workerFailed } from './import/results';

import { tooLarge } from './import/results';

export { IMPORT_KINDS, isImportKind, KINDS, mappableFields } from './import/kinds';
export { knownFromLayers } from './import/known';
export { type CheckReport, checkReport, fieldName, missingMessage } from './import/report';
export { cleanText, safeJsonParse } from './import/text';
export * from './import/types';

/** What the importer needs from its host: an XML parser for OSM files (xmldom in a worker or Node). */
export interface ImportEnv {
  xmlParser?: XmlParserLike;
}

/** Import a file's bytes. `name` is the file name (its extension picks the parser). */
export function importFile(
  bytes: Uint8Array,
  name: string,
  o: ImportOptions,
  env: ImportEnv = {},
): ImportResult {
  if (bytes.length > MAX_IMPORT_BYTES) return tooLarge(bytes.length);
  const result = emptyResult();
  const decoded = decodeBytes(bytes);
  if ('error' in decoded) {
    result.fatal = decoded.error;
    return result;
  }
  result.encoding = decoded.encoding;
  const isCsv =
    /\.csv$/i.test(name) || (!/\.(geo)?json$/i.test(name) && !/^[{[]/.test(decoded.text.trimStart()));
  const isXml = /\.osm$/i.test(name) || /^<(\?xml|osm)/.test(decoded.text.trimStart());
  try {
    if (o.kind === 'network') {
      if (isXml) {
        if (!env.xmlParser) throw new Error('no XML parser available for OSM files');
        importNetworkOsm(decoded.text, name, o, result, env.xmlParser);
      } else if (isCsv)
        result.fatal = m(
          '步行网络需用GeoJSON线或OSM文件导入',
          'Import a walking network as GeoJSON lines or an OSM file',
        );
      else importNetworkGeoJson(decoded.text, o, result);
    } else if (isXml)
      result.fatal = m(
        'OSM 文件只能作为步行网络导入',
        'An OSM file can only be imported as a walking network',
      );
    else if (isCsv) importCsv(decoded.text, o, result);
    else importGeoJson(decoded.text, o, result, name);
  } catch (e) {
    result.fatal = m(
      `无法读取文件：${(e as Error).message}`,
      `The file could not be read: ${(e as Error).message}`,
    );
    result.facilities = [];
    result.circles = [];
    result.population = [];
    result.network = null;
  }
  return result;
}
