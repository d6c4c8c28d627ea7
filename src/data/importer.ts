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
import { emptyResult, type ImportOptions, type ImportResult, MAX_IMPORT_BYTES, m } from './import/types';

export { decodeBytes } from './import/decode';
export { IMPORT_KINDS, isImportKind, KINDS, mappableFields } from './import/kinds';
export { knownFromLayers } from './import/known';
export { type CheckReport, checkReport, fieldName, missingMessage } from './import/report';
export { cleanText, safeJsonParse } from './import/text';
export * from './import/types';

/** The result when the parser itself failed (the worker crashed): nothing is accepted. */
export function workerFailed(reason: string): ImportResult {
  return {
    ...emptyResult(),
    fatal: m(`文件无法读取（${reason}）`, `The file could not be read (${reason})`),
  };
}

/** The result for a file over MAX_IMPORT_BYTES (also used before reading it). */
export function tooLarge(size: number): ImportResult {
  const result = emptyResult();
  result.fatal = m(
    `文件过大（${(size / 1048576).toFixed(1)} MB，上限 50 MB）`,
    `The file is too large (${(size / 1048576).toFixed(1)} MB; the limit is 50 MB)`,
  );
  return result;
}

/** Import a file's bytes. `name` is the file name (its extension picks the parser). */
export function importFile(bytes: Uint8Array, name: string, o: ImportOptions): ImportResult {
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
  try {
    if (isCsv) importCsv(decoded.text, o, result);
    else importGeoJson(decoded.text, o, result, name);
  } catch (e) {
    result.fatal = m(
      `无法读取文件：${(e as Error).message}`,
      `The file could not be read: ${(e as Error).message}`,
    );
    result.facilities = [];
    result.circles = [];
    result.population = [];
  }
  return result;
}
