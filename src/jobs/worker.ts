// A worker: takes jobs from the queue and runs them (the delivery loop; the job's life is src/services/jobs).
// `npm start` runs one in-process (WORKERS), `npm run worker` runs it alone; any number may share one database.
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import { logger } from '../logger.js';
import { startQueue, stopQueue, workQueues } from '../queue/index.js';
import { runJob } from '../services/jobs/index.js';
import { handlers } from './handlers.js';

export interface Worker {
  id: string;
  stop(options?: { timeoutMs?: number }): Promise<void>;
}

export async function startWorker(options: { concurrency: number }): Promise<Worker> {
  const id = `${os.hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  await startQueue();
  await workQueues((message) => runJob(message.jobId, id, handlers), options.concurrency);
  logger.info({ workerId: id, concurrency: options.concurrency }, 'worker started');
  return {
    id,
    // Graceful: stop fetching, let the running job finish (or hand it back to the queue when time runs out).
    stop: async ({ timeoutMs = 30_000 } = {}) => {
      await stopQueue({ graceful: true, timeoutMs });
      logger.info({ workerId: id }, 'worker stopped');
    },
  };
}
