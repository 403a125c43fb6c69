// A worker process's own endpoint: /metrics counts the job attempts of this process, /health answers, nothing
// else is served; a worker whose metrics port is taken exits at once saying which setting to change.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { serveMetrics, type MetricsServer } from '../../src/http/metrics-server.js';
import { createWorkerMetricsRegistry, startJobAttempt } from '../../src/metrics.js';
import { clusterEnv, scrapeMetrics, startWorkerProcess, sumOf } from '../helpers/processes.js';

let server: MetricsServer | undefined;
afterAll(() => server?.close());

describe("a worker's metrics endpoint", () => {
  it('serves the attempts this process started and finished, by kind and outcome, and /health', async () => {
    server = await serveMetrics(createWorkerMetricsRegistry(), { port: 0, host: '127.0.0.1' });
    const before = await scrapeMetrics(server.url);
    startJobAttempt('COMPILE_COMPANY')({ outcome: 'succeeded' });
    startJobAttempt('EXTRACT_DOCUMENT')({ outcome: 'failed' });
    const running = startJobAttempt('EXTRACT_DOCUMENT');
    const after = await scrapeMetrics(server.url);
    const delta = (name: string, labels: Record<string, string>) => sumOf(after, name, labels) - sumOf(before, name, labels);
    expect(delta('fde_jobs_started_total', { kind: 'EXTRACT_DOCUMENT' })).toBe(2);
    expect(delta('fde_jobs_finished_total', { kind: 'EXTRACT_DOCUMENT', outcome: 'failed' })).toBe(1);
    expect(delta('fde_jobs_finished_total', { kind: 'COMPILE_COMPANY', outcome: 'succeeded' })).toBe(1);
    expect(delta('fde_job_duration_seconds_count', { kind: 'COMPILE_COMPANY', outcome: 'succeeded' })).toBe(1);
    running({ outcome: 'cancelled' });
    // process metrics too; the table-wide gauges stay with the API (summing processes never counts a job twice)
    expect(sumOf(after, 'process_cpu_seconds_total')).toBeGreaterThan(0);
    expect(after.some((s) => s.name === 'fde_jobs' || s.name === 'fde_queue_depth')).toBe(false);

    expect((await fetch(`${server.url}/health`)).status).toBe(200);
    expect((await fetch(`${server.url}/graphql`)).status).toBe(404);
    expect((await fetch(`${server.url}/metrics`, { method: 'POST' })).status).toBe(405);
  });

  it('makes a worker whose port is taken exit with a message naming WORKER_METRICS_PORT', async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const port = String((taken.address() as AddressInfo).port);
    try {
      const start = startWorkerProcess(clusterEnv(), 60_000, { WORKER_METRICS_PORT: port });
      await expect(start).rejects.toThrow(/exited \(1\)[\s\S]*WORKER_METRICS_PORT/);
    } finally {
      taken.close();
    }
  });
});
