// `npm run worker`: job workers alone, for scale-out (run as many as you like, anywhere that reaches DATABASE_URL).
import { config } from './config.js';
import { migrateDatabase } from './db/migrate.js';
import { logger } from './logger.js';

if (!process.env.DATABASE_URL) {
  logger.fatal('npm run worker needs DATABASE_URL (the embedded database belongs to `npm start`)');
  process.exit(1);
}
await migrateDatabase(process.env.DATABASE_URL);
const { startWorker } = await import('./jobs/worker.js');
const { prisma } = await import('./db.js');
const worker = await startWorker({ concurrency: config.jobs.concurrency });

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, async () => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'worker shutting down');
    await worker.stop();
    await prisma.$disconnect();
    process.exit(0);
  });
}
