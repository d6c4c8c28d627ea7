/// <reference lib="webworker" />
/** Parses an imported file off the main thread. */
import type { ImportApi } from './importApi';
import { createImportHandlers } from './importHandlers';
import { serve } from './rpc';

serve<ImportApi>(self as unknown as DedicatedWorkerGlobalScope, createImportHandlers());
