/**
 * The typed worker channel, run in Node over a MessageChannel (no shared state between
 * tests: each builds its own pair of ports).
 */
import { MessageChannel, type MessagePort } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { type Endpoint, isAbortError, RpcClient, serve, type WorkerEndpoint } from '../../src/worker/rpc';

type Api = {
  add: { params: { a: number; b: number }; result: number };
  boom: { params: null; result: never };
  slow: { params: { id: string }; result: string };
};

const open: MessagePort[] = [];
afterEach(() => {
  for (const p of open.splice(0)) p.close();
});

function pair() {
  const { port1, port2 } = new MessageChannel();
  open.push(port1, port2);
  const started: string[] = [];
  const waiting = new Map<string, () => void>();
  /** resolves once the worker has started the slow call `id` (a condition, not a timer) */
  const whenStarted = (id: string) =>
    started.includes(id) ? Promise.resolve() : new Promise<void>((r) => waiting.set(id, r));
  serve<Api>(port2 as unknown as Endpoint, {
    add: ({ a, b }) => a + b,
    boom: () => {
      throw new TypeError('exploded in the worker');
    },
    slow: async ({ id }) => {
      started.push(id);
      waiting.get(id)?.();
      await new Promise((r) => setTimeout(r, 20));
      return `done ${id}`;
    },
  });
  return { client: new RpcClient<Api>(port1 as unknown as Endpoint), started, whenStarted };
}

describe('rpc', () => {
  it('resolves a call with the handler result', async () => {
    const { client } = pair();
    await expect(client.call('add', { a: 2, b: 3 })).resolves.toBe(5);
    expect(client.inFlight).toBe(0);
  });

  it("rejects with the worker's exception, name and message kept", async () => {
    const { client } = pair();
    const e = await client.call('boom', null).catch((x: Error) => x);
    expect(e).toBeInstanceOf(Error);
    expect((e as Error).name).toBe('TypeError');
    expect((e as Error).message).toBe('exploded in the worker');
  });

  it('rejects an unknown method by name', async () => {
    const { client } = pair();
    await expect((client as unknown as RpcClient<RpcAny>).call('nope', null)).rejects.toThrow(
      'unknown method "nope"',
    );
  });

  it('a cancelled call rejects with AbortError at once; the worker skips it if not started', async () => {
    const { client, started } = pair();
    const controller = new AbortController();
    const first = client.call('slow', { id: 'a' }, { signal: controller.signal });
    const second = client.call('slow', { id: 'b' });
    controller.abort();
    const e = await first.catch((x: unknown) => x);
    expect(isAbortError(e)).toBe(true);
    await expect(second).resolves.toBe('done b');
    expect(started).toEqual(['b']);
    expect(client.inFlight).toBe(0);
  });

  it('ignores the late answer of a call cancelled while it ran', async () => {
    const { client, started, whenStarted } = pair();
    const controller = new AbortController();
    const first = client.call('slow', { id: 'a' }, { signal: controller.signal });
    await whenStarted('a');
    controller.abort();
    await expect(first).rejects.toThrow('cancelled');
    await expect(client.call('add', { a: 1, b: 1 })).resolves.toBe(2);
    expect(started).toEqual(['a']);
  });

  it('an already aborted signal rejects without posting', async () => {
    const { client, started } = pair();
    const controller = new AbortController();
    controller.abort();
    await expect(client.call('slow', { id: 'x' }, { signal: controller.signal })).rejects.toThrow(
      'cancelled',
    );
    // The worker runs calls in order: had 'x' been posted, it would have started before this answer.
    await expect(client.call('add', { a: 1, b: 1 })).resolves.toBe(2);
    expect(started).toEqual([]);
  });

  it('a crashed worker rejects every pending call and every later one', async () => {
    // A worker that never answers, then reports an uncaught error.
    const target = new EventTarget();
    const fake: WorkerEndpoint = {
      postMessage() {},
      addEventListener: (type, listener) => target.addEventListener(type, listener),
      terminate() {},
    };
    const client = new RpcClient<Api>(fake);
    const a = client.call('add', { a: 1, b: 2 });
    const b = client.call('slow', { id: 'b' });
    const error = new Event('error') as Event & { message: string };
    error.message = 'Uncaught RangeError: out of memory';
    target.dispatchEvent(error);
    await expect(a).rejects.toThrow('out of memory');
    await expect(b).rejects.toThrow('out of memory');
    await expect(client.call('add', { a: 1, b: 1 })).rejects.toThrow('out of memory');
  });

  it('terminate rejects what is pending', async () => {
    const { client } = pair();
    const pending = client.call('slow', { id: 'a' });
    client.terminate();
    await expect(pending).rejects.toThrow('stopped');
  });
});

type RpcAny = Record<string, { params: unknown; result: unknown }>;
