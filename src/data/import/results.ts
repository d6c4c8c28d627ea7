/** Results for a file the importer cannot read at all (kept light: the page imports them, not the parsers). */
import { emptyResult, type ImportResult, m } from './types';

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
