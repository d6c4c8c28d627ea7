/// <reference lib="webworker" />
/** Parses an imported file off the main thread. */
import { DOMParser } from '@xmldom/xmldom';
import { importFile } from '../data/importer';
import type { ImportApi } from './importApi';
import { serve } from './rpc';

/** xmldom's parser (workers have no DOMParser): it stops at the first XML error, reported as the import's message. */
const strictXmlParser = () =>
  new DOMParser({
    onError: (level: string, message: string) => {
      if (level !== 'warning') throw new Error(`malformed XML: ${message}`);
    },
  });

serve<ImportApi>(self as unknown as DedicatedWorkerGlobalScope, {
  parse: ({ bytes, name, options }) =>
    importFile(new Uint8Array(bytes), name, options, { xmlParser: strictXmlParser() }),
});
