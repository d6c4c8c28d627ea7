/** The import worker's message map: parse one file off the main thread. */
import type { ImportOptions, ImportResult } from '../data/importer';

export type ImportApi = {
  /** Decode and check a file (bytes are transferred, not copied). */
  parse: { params: { bytes: ArrayBuffer; name: string; options: ImportOptions }; result: ImportResult };
};
