/**
 * A small benchmark harness: warm up, then time `runs` runs and report min and median (ms).
 * Figures go to stdout only; no test ever asserts a timing.
 */
export interface BenchResult {
  name: string;
  runs: number;
  minMs: number;
  medianMs: number;
}

export function bench(
  name: string,
  fn: () => unknown,
  options: { warmup?: number; runs?: number } = {},
): BenchResult {
  const warmup = options.warmup ?? 3;
  const runs = options.runs ?? 9;
  for (let i = 0; i < warmup; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const median = runs % 2 ? times[(runs - 1) / 2]! : (times[runs / 2 - 1]! + times[runs / 2]!) / 2;
  return { name, runs, minMs: times[0]!, medianMs: median };
}

export function printTable(results: BenchResult[]): void {
  const w = Math.max(...results.map((r) => r.name.length), 4);
  console.log(`${'case'.padEnd(w)}  runs   min (ms)  median (ms)`);
  for (const r of results) {
    console.log(
      `${r.name.padEnd(w)}  ${String(r.runs).padStart(4)}  ${r.minMs.toFixed(2).padStart(9)}  ${r.medianMs.toFixed(2).padStart(11)}`,
    );
  }
}
