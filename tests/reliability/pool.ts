export interface PoolStats<T> {
  results: T[];
  failures: string[];
  seconds: number;
  /** Per task, in milliseconds. */
  p50: number;
  p99: number;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** Runs `count` tasks, `concurrency` at a time, starting none after `deadline`; times each one. */
export async function pool<T>(
  count: number,
  concurrency: number,
  deadline: number,
  task: (index: number) => Promise<T>,
): Promise<PoolStats<T>> {
  const results: T[] = [];
  const failures: string[] = [];
  const times: number[] = [];
  const started = performance.now();
  let next = 0;
  async function worker() {
    while (next < count && Date.now() < deadline) {
      const index = next++;
      const t0 = performance.now();
      try {
        results.push(await task(index));
        times.push(performance.now() - t0);
      } catch (error) {
        failures.push(error instanceof Error ? error.message : String(error));
      }
    }
  }
  await Promise.all(Array.from({ length: concurrency }, worker));
  times.sort((a, b) => a - b);
  return {
    results,
    failures,
    seconds: (performance.now() - started) / 1000,
    p50: Math.round(percentile(times, 50)),
    p99: Math.round(percentile(times, 99)),
  };
}
