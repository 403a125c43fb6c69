// What the event loop went through while some work ran: its longest stall, its busy share (event-loop
// utilisation), and the longest wait between two /health answers when it is asked again and again meanwhile.
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';

export interface LoopFigures {
  ms: number;
  maxDelayMs: number;
  p99DelayMs: number;
  utilisation: number;
  healthAnswers: number;
  /** the longest time without a /health answer (asking every 20 ms) */
  healthGapMs: number;
}

export async function watchEventLoop<T>(
  work: () => Promise<T>,
  health: () => unknown,
): Promise<{ result: T; figures: LoopFigures }> {
  const histogram = monitorEventLoopDelay({ resolution: 10 });
  histogram.enable();
  const elu = performance.eventLoopUtilization();
  const started = performance.now();
  let done = false;
  let healthAnswers = 0;
  let healthGapMs = 0;
  let lastAnswer = started;
  const poll = (async () => {
    while (!done) {
      await health();
      const now = performance.now();
      healthGapMs = Math.max(healthGapMs, now - lastAnswer);
      lastAnswer = now;
      if (!done) healthAnswers++;
      await new Promise((r) => setTimeout(r, 20));
    }
  })();
  try {
    const result = await work();
    return {
      result,
      figures: {
        ms: performance.now() - started,
        maxDelayMs: histogram.max / 1e6,
        p99DelayMs: histogram.percentile(99) / 1e6,
        utilisation: performance.eventLoopUtilization(elu).utilization,
        healthAnswers,
        healthGapMs,
      },
    };
  } finally {
    done = true;
    histogram.disable();
    await poll;
  }
}
