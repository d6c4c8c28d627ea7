/**
 * The app's handle on the coverage worker: one request in flight per kind, the newest
 * wins (older answers are dropped), errors come back as rejected promises.
 */
import type { CoverageTable, FacilityPoint } from './coverage/engine';
import type {
  CoverageResponse,
  GapsResponse,
  InitMessage,
  ScenarioGapsResponse,
  ScenarioResponse,
  SuggestResponse,
  WorkerResponse,
} from './protocol';

/** A coverage answer: the table now, the gap polygons when they are ready. */
export interface CoverageAnswer extends CoverageResponse {
  gaps: Promise<GapsResponse | null>;
}

interface Pending {
  resolve: (r: CoverageAnswer | null) => void;
  reject: (e: Error) => void;
  gaps: (g: GapsResponse | null) => void;
}

export class CoverageClient {
  private readonly worker: Worker;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  readonly ready: Promise<number>;
  private defaultsPromise: Promise<CoverageTable[]> | null = null;
  private readonly defaultsWaiters = new Map<number, (tables: CoverageTable[]) => void>();
  private readonly scenarioGaps = new Map<number, (g: ScenarioGapsResponse) => void>();
  private readonly others = new Map<
    number,
    { resolve: (r: ScenarioResponse | SuggestResponse) => void; reject: (e: Error) => void }
  >();

  constructor(init: Omit<InitMessage, 'type'>) {
    this.worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'coverage' });
    let readyResolve!: (ms: number) => void;
    let readyReject!: (e: Error) => void;
    this.ready = new Promise((ok, fail) => {
      readyResolve = ok;
      readyReject = fail;
    });
    this.worker.onmessage = (event: MessageEvent<WorkerResponse>) => {
      const m = event.data;
      if (m.type === 'ready') readyResolve(m.ms);
      else if (m.type === 'error') {
        if (m.id === null) readyReject(new Error(m.message));
        else {
          this.pending.get(m.id)?.reject(new Error(m.message));
          this.others.get(m.id)?.reject(new Error(m.message));
          this.others.delete(m.id);
        }
        if (m.id !== null) this.pending.delete(m.id);
      } else if (m.type === 'scenario' || m.type === 'suggest') {
        this.others.get(m.id)?.resolve(m);
        this.others.delete(m.id);
      } else if (m.type === 'scenarioGaps') {
        this.scenarioGaps.get(m.id)?.(m);
        this.scenarioGaps.delete(m.id);
      } else if (m.type === 'defaults') {
        this.defaultsWaiters.get(m.id)?.(m.tables);
        this.defaultsWaiters.delete(m.id);
      } else if (m.type === 'coverage') {
        const p = this.pending.get(m.id);
        if (!p) return;
        let gapsResolve!: (g: GapsResponse | null) => void;
        const gaps = new Promise<GapsResponse | null>((ok) => {
          gapsResolve = ok;
        });
        p.gaps = gapsResolve;
        p.resolve({ ...m, gaps });
      } else {
        this.pending.get(m.id)?.gaps(m);
        this.pending.delete(m.id);
      }
    };
    this.worker.onerror = (e) => readyReject(new Error(e.message || 'coverage worker failed to start'));
    this.worker.postMessage({ type: 'init', ...init } satisfies InitMessage);
  }

  /** Coverage for one category and radius (m); resolves null when a newer request superseded it. */
  async coverage(category: string, radiusM: number): Promise<CoverageAnswer | null> {
    await this.ready;
    const id = this.nextId++;
    // Older requests still pending are superseded.
    for (const p of this.pending.values()) {
      p.resolve(null);
      p.gaps(null);
    }
    this.pending.clear();
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject, gaps: () => {} });
      this.worker.postMessage({ type: 'coverage', id, category, radiusM });
    });
  }

  /** Coverage before and after adding proposed sites (m radius); the gaps follow in `gaps`. */
  async scenario(
    category: string,
    radiusM: number,
    sites: FacilityPoint[],
  ): Promise<ScenarioResponse & { gaps: Promise<ScenarioGapsResponse> }> {
    await this.ready;
    const id = this.nextId++;
    const gaps = new Promise<ScenarioGapsResponse>((ok) => this.scenarioGaps.set(id, ok));
    const numbers = await new Promise<ScenarioResponse>((resolve, reject) => {
      this.others.set(id, { resolve: resolve as (r: ScenarioResponse | SuggestResponse) => void, reject });
      this.worker.postMessage({ type: 'scenario', id, category, radiusM, sites });
    });
    return { ...numbers, gaps };
  }

  /** Suggest `count` new sites given the existing and proposed ones. */
  async suggest(
    category: string,
    radiusM: number,
    sites: FacilityPoint[],
    count: number,
    circles?: string[],
  ): Promise<SuggestResponse> {
    await this.ready;
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.others.set(id, { resolve: resolve as (r: ScenarioResponse | SuggestResponse) => void, reject });
      this.worker.postMessage({ type: 'suggest', id, category, radiusM, sites, count, circles });
    });
  }

  /** Every category at its default radius (computed once in the worker, then cached here). */
  defaults(): Promise<CoverageTable[]> {
    if (!this.defaultsPromise) {
      this.defaultsPromise = this.ready.then(
        () =>
          new Promise<CoverageTable[]>((resolve) => {
            const id = this.nextId++;
            this.defaultsWaiters.set(id, resolve);
            this.worker.postMessage({ type: 'defaults', id });
          }),
      );
    }
    return this.defaultsPromise;
  }

  terminate(): void {
    this.worker.terminate();
  }
}
