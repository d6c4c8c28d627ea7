/** The app's handle on the coverage worker: typed calls, each resolving or rejecting. */
import type { CoverageApi } from './coverageApi';
import { RpcClient } from './rpc';

export type CoverageClient = RpcClient<CoverageApi>;

/** Start the coverage worker (a module worker bundled by Vite). */
export function startCoverageWorker(): CoverageClient {
  const worker = new Worker(new URL('./coverage.worker.ts', import.meta.url), {
    type: 'module',
    name: 'coverage',
  });
  return new RpcClient<CoverageApi>(worker);
}
