// `npm run worker`: job workers alone, for scale-out (run as many as you like, anywhere that reaches DATABASE_URL).
// Each serves its own /metrics on WORKER_METRICS_PORT (jobs it started and finished, by kind and outcome).
import { config } from './config.js';
import { migrateDatabase } from './db/migrate.js';
import { serveMetrics } from './http/metrics-server.js';
import { logger } from './logger.js';
import { createWorkerMetricsRegistry } from './metrics.js';

if (!process.env.DATABASE_URL) {
  logger.fatal('npm run worker needs DATABASE_URL (the embedded database belongs to `npm start`)');
  process.exit(1);
}
await migrateDatabase(process.env.DATABASE_URL);
const metrics = await serveMetrics(createWorkerMetricsRegistry(), { port: config.jobs.metricsPort, host: config.host }).catch(
  (err: NodeJS.ErrnoException) => {
    const hint = err.code === 'EADDRINUSE' ? ' (each worker on a host needs its own WORKER_METRICS_PORT, or 0 for any)' : '';
    logger.fatal({ err }, `cannot serve worker metrics on port ${config.jobs.metricsPort}${hint}`);
    process.exit(1);
  },
);
const { startWorker } = await import('./jobs/worker.js');
const { prisma } = await import('./db.js');
const worker = await startWorker({ concurrency: config.jobs.concurrency });
logger.info({ workerId: worker.id, metrics: `${metrics.url}/metrics` }, 'worker metrics served');

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, async () => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'worker shutting down');
    await worker.stop();
    await metrics.close();
    await prisma.$disconnect();
    process.exit(0);
  });
}
