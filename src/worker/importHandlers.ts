/** The import worker's handlers (parse a file), apart from the worker so tests can run them in-process. */
import { DOMParser } from '@xmldom/xmldom';
import { importFile } from '../data/importer';
import type { ImportApi } from './importApi';
import type { Handlers } from './rpc';

/** xmldom's parser (workers have no DOMParser): it stops at the first XML error, reported as the import's message. */
const strictXmlParser = () =>
  new DOMParser({
    onError: (level: string, message: string) => {
      if (level !== 'warning') throw new Error(`malformed XML: ${message}`);
    },
  });

export function createImportHandlers(): Handlers<ImportApi> {
  return {
    parse: ({ bytes, name, options }) =>
      importFile(new Uint8Array(bytes), name, options, { xmlParser: strictXmlParser() }),
  };
}
