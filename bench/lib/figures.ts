// Timing and the one machine-readable line per figure that bench/index.ts collects from each benchmark.

/** Minimum and median of `runs` timings of `fn`, in milliseconds. */
export async function timeRuns(runs: number, fn: () => Promise<unknown>): Promise<{ min: number; median: number }> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    await fn();
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  times.sort((a, b) => a - b);
  return { min: times[0], median: times[Math.floor(times.length / 2)] };
}

/** One machine-readable line per figure, read by bench/index.ts; the human-readable lines stay above it. */
export interface BenchFigure {
  benchmark: string;
  figure: string;
  baseline: string;
  ratio: number;
  target: string;
  pass: boolean;
}

export function reportFigure(f: BenchFigure) {
  console.log(`BENCH_RESULT ${JSON.stringify(f)}`);
}
