/** The app's handle on the import worker: one worker per file, stopped after its answer. */
import type { ImportOptions, ImportResult } from '../data/importer';
import type { ImportApi } from './importApi';
import { RpcClient } from './rpc';

/** Parse a file in a worker; the promise rejects if the worker fails or `signal` aborts. */
export async function parseInWorker(
  bytes: ArrayBuffer,
  name: string,
  options: ImportOptions,
  signal?: AbortSignal,
): Promise<ImportResult> {
  const worker = new Worker(new URL('./import.worker.ts', import.meta.url), {
    type: 'module',
    name: 'import',
  });
  const client = new RpcClient<ImportApi>(worker);
  const copy = bytes.slice(0);
  try {
    return await client.call('parse', { bytes: copy, name, options }, { signal, transfer: [copy] });
  } finally {
    client.terminate();
  }
}
