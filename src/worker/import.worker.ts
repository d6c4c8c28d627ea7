/// <reference lib="webworker" />
/** Parses an imported file off the main thread. */
import { importFile } from '../data/importer';
import type { ImportApi } from './importApi';
import { serve } from './rpc';

serve<ImportApi>(self as unknown as DedicatedWorkerGlobalScope, {
  parse: ({ bytes, name, options }) => importFile(new Uint8Array(bytes), name, options),
});
