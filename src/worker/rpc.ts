/**
 * A typed request/response channel between the app and a Web Worker (after MapLibre's
 * actor): one message map names every method with its parameters and result; every call
 * resolves with the result or rejects with an Error — a handler's exception, a worker that
 * crashed or was terminated, or the caller's AbortSignal. A cancelled call rejects at once
 * with an AbortError, the worker skips it if it has not started, and its late answer is
 * ignored. Works over anything with postMessage and message events (a Worker, the worker's
 * global scope, a MessagePort in tests).
 */

/** method name → its parameters and result */
export type RpcApi = Record<string, { params: unknown; result: unknown }>;

/** The part of Worker / DedicatedWorkerGlobalScope / MessagePort that the channel uses. */
export interface Endpoint {
  postMessage(message: unknown, transfer?: Transferable[]): void;
  /** 'message' and 'messageerror'; a Worker also reports 'error' (an uncaught exception, a failed start) */
  addEventListener(type: string, listener: (event: Event) => void): void;
}

/** A worker-like endpoint that can also be stopped. */
export interface WorkerEndpoint extends Endpoint {
  terminate(): void;
}

type ToWorker = { rpc: 'call'; id: number; method: string; params: unknown } | { rpc: 'cancel'; id: number };
type FromWorker =
  | { rpc: 'result'; id: number; result: unknown }
  | { rpc: 'error'; id: number; name: string; message: string };

/** The error a cancelled call rejects with. */
export function abortError(): Error {
  const e = new Error('The request was cancelled');
  e.name = 'AbortError';
  return e;
}

export const isAbortError = (e: unknown): boolean => e instanceof Error && e.name === 'AbortError';

export interface CallOptions {
  signal?: AbortSignal;
  transfer?: Transferable[];
}

interface Pending {
  resolve(result: unknown): void;
  reject(error: Error): void;
  cleanup(): void;
}

/** The app's side: `call` a method of the worker. */
export class RpcClient<A extends RpcApi> {
  private readonly endpoint: Endpoint;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private closed: Error | null = null;

  constructor(endpoint: Endpoint | WorkerEndpoint) {
    this.endpoint = endpoint;
    endpoint.addEventListener('message', (event) => this.receive((event as MessageEvent).data as FromWorker));
    endpoint.addEventListener('messageerror', () =>
      this.failAll(new Error('a worker message could not be read')),
    );
    if ('terminate' in endpoint) {
      // An uncaught exception or a failed start: nothing pending may wait for ever.
      endpoint.addEventListener('error', (event) => {
        const message = (event as ErrorEvent).message || 'the worker failed';
        this.failAll(new Error(message));
      });
    }
  }

  /** Number of calls waiting for an answer (for tests and diagnostics). */
  get inFlight(): number {
    return this.pending.size;
  }

  call<M extends keyof A & string>(
    method: M,
    params: A[M]['params'],
    options: CallOptions = {},
  ): Promise<A[M]['result']> {
    if (this.closed) return Promise.reject(this.closed);
    const { signal, transfer } = options;
    if (signal?.aborted) return Promise.reject(abortError());
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const onAbort = () => {
        if (!this.pending.delete(id)) return;
        this.endpoint.postMessage({ rpc: 'cancel', id } satisfies ToWorker);
        reject(abortError());
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.pending.set(id, {
        resolve: resolve as (r: unknown) => void,
        reject,
        cleanup: () => signal?.removeEventListener('abort', onAbort),
      });
      try {
        this.endpoint.postMessage({ rpc: 'call', id, method, params } satisfies ToWorker, transfer ?? []);
      } catch (e) {
        this.settle(id, (p) => p.reject(e instanceof Error ? e : new Error(String(e))));
      }
    });
  }

  /** Stop the worker; every pending call rejects. */
  terminate(): void {
    this.failAll(new Error('the worker was stopped'));
    if ('terminate' in this.endpoint) (this.endpoint as WorkerEndpoint).terminate();
  }

  private settle(id: number, how: (p: Pending) => void): void {
    const p = this.pending.get(id);
    if (!p) return; // cancelled or superseded: a late answer is ignored
    this.pending.delete(id);
    p.cleanup();
    how(p);
  }

  private receive(m: FromWorker): void {
    if (!m || typeof m !== 'object' || !('rpc' in m)) return;
    if (m.rpc === 'result') this.settle(m.id, (p) => p.resolve(m.result));
    else if (m.rpc === 'error') {
      const e = new Error(m.message);
      e.name = m.name;
      this.settle(m.id, (p) => p.reject(e));
    }
  }

  private failAll(error: Error): void {
    this.closed = error;
    for (const id of [...this.pending.keys()]) this.settle(id, (p) => p.reject(error));
  }
}

/** What a handler gets besides its parameters. */
export interface HandlerContext {
  /** true once the caller cancelled this call (long handlers may check it and stop early) */
  readonly cancelled: boolean;
  /** Objects to transfer (not copy) with the result. */
  transfer: Transferable[];
}

export type Handlers<A extends RpcApi> = {
  [M in keyof A]: (
    params: A[M]['params'],
    context: HandlerContext,
  ) => A[M]['result'] | Promise<A[M]['result']>;
};

/**
 * The worker's side: answer calls with `handlers`. Calls are queued and started on a later
 * task, so a cancel that arrives meanwhile skips the work entirely.
 */
export function serve<A extends RpcApi>(endpoint: Endpoint, handlers: Handlers<A>): void {
  type Call = Extract<ToWorker, { rpc: 'call' }>;
  const active = new Set<number>(); // queued or running
  const cancelled = new Set<number>();
  const queue: Call[] = [];
  let draining = false;
  const reply = (m: FromWorker, transfer: Transferable[] = []) => endpoint.postMessage(m, transfer);
  const run = async (m: Call) => {
    const context = {
      transfer: [] as Transferable[],
      get cancelled() {
        return cancelled.has(m.id);
      },
    };
    try {
      const handler = Object.hasOwn(handlers, m.method) ? handlers[m.method as keyof A] : undefined;
      if (typeof handler !== 'function') throw new Error(`unknown method "${m.method}"`);
      const result = await handler(m.params as A[keyof A]['params'], context);
      if (!cancelled.has(m.id)) reply({ rpc: 'result', id: m.id, result }, context.transfer);
    } catch (e) {
      const error = e instanceof Error ? e : new Error(String(e));
      if (!cancelled.has(m.id)) reply({ rpc: 'error', id: m.id, name: error.name, message: error.message });
    }
  };
  const drain = async () => {
    if (draining) return;
    draining = true;
    while (queue.length) {
      const m = queue.shift()!;
      if (!cancelled.has(m.id)) await run(m);
      active.delete(m.id);
      cancelled.delete(m.id);
    }
    draining = false;
  };
  endpoint.addEventListener('message', (event) => {
    const m = (event as MessageEvent).data as ToWorker;
    if (!m || typeof m !== 'object') return;
    if (m.rpc === 'cancel') {
      if (active.has(m.id)) cancelled.add(m.id);
    } else if (m.rpc === 'call') {
      active.add(m.id);
      queue.push(m);
      // Start on a later task: cancels already on their way are seen first.
      setTimeout(drain, 0);
    }
  });
}
