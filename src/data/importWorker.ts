/// <reference lib="webworker" />
/** Parses an imported file off the main thread. */
import { type ImportOptions, importFile } from './importer';

self.onmessage = (e: MessageEvent<{ bytes: ArrayBuffer; name: string; options: ImportOptions }>) => {
  const { bytes, name, options } = e.data;
  (self as unknown as DedicatedWorkerGlobalScope).postMessage(
    importFile(new Uint8Array(bytes), name, options),
  );
};
