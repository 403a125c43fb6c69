// The durable queue: pg-boss on the same PostgreSQL (schema "pgboss"), no Redis. Our own Job table is what users
// see; pg-boss only delivers "run job N" to one worker, retries with backoff, and re-delivers a job whose worker
// died once it expires. Sends can join a Prisma transaction, so a Job row and its delivery commit together.
// An adapter like src/storage and src/db (rather than a port injected into the job service): an API process that
// only enqueues needs no wiring at start-up, and dependencies still point one way, services → queue, never back.
import PgBoss from 'pg-boss';
import { config } from '../config.js';
import type { Tx } from '../db.js';
import type { JobKind } from '../generated/prisma/enums.js';
import { logger } from '../logger.js';

export const QUEUES: JobKind[] = ['EXTRACT_DOCUMENT', 'DISCOVER_DOCUMENTS', 'COMPILE_COMPANY', 'PROCESS_COMPANY'];

/** All a queue message carries: the job's input lives in (and is validated from) its Job row. */
export interface QueueMessage {
  jobId: number;
}

let boss: PgBoss | undefined;
let starting: Promise<PgBoss> | undefined;

/** Starts pg-boss once per process (creating its schema and our queues on first use). */
export function startQueue(): Promise<PgBoss> {
  starting ??= (async () => {
    const instance = new PgBoss({
      connectionString: process.env.DATABASE_URL,
      schema: 'pgboss',
      max: 4,
      supervise: true,
      maintenanceIntervalSeconds: config.jobs.maintenanceSeconds,
      monitorStateIntervalSeconds: Math.max(config.jobs.maintenanceSeconds, 10),
    });
    // After stop() an instance's last pooled connections may still see the server go away: not worth an error.
    instance.on('error', (err) => (boss === instance ? logger.error({ err }, 'queue error') : logger.debug({ err }, 'queue error after stop')));
    await instance.start();
    for (const name of QUEUES) {
      await instance.createQueue(name, {
        name,
        retryLimit: config.jobs.maxAttempts - 1,
        retryDelay: config.jobs.retryDelaySeconds,
        retryBackoff: true,
        expireInSeconds: config.jobs.expireSeconds,
      });
    }
    boss = instance;
    return instance;
  })();
  // A start that failed (the database was down) is tried again by the next caller, not remembered forever.
  starting.catch(() => {
    starting = undefined;
  });
  return starting;
}

/** Throws unless pg-boss answers through its own connections from its own schema (/ready's queue check). */
export async function checkQueue() {
  const instance = await startQueue();
  await instance.getDb().executeSql('SELECT version FROM pgboss.version', []);
}

export async function stopQueue(options: { graceful?: boolean; timeoutMs?: number } = {}) {
  const instance = boss;
  boss = undefined;
  starting = undefined;
  if (instance) await instance.stop({ graceful: options.graceful ?? true, timeout: options.timeoutMs ?? 30_000, wait: true });
}

/** pg-boss runs its SQL through this when given `db`: here, inside our Prisma transaction. */
function transactionDb(tx: Tx) {
  return {
    executeSql: async (text: string, values: unknown[] = []) => ({ rows: await tx.$queryRawUnsafe<unknown[]>(text, ...values) }),
  };
}

export async function sendToQueue(kind: JobKind, message: QueueMessage, options: { tx?: Tx; startAfterSeconds?: number } = {}) {
  const instance = await startQueue();
  const id = await instance.send(kind, message as object, {
    // Per job too, so the settings of the process that sends it hold even if the queue was created elsewhere.
    retryLimit: config.jobs.maxAttempts - 1,
    retryDelay: config.jobs.retryDelaySeconds,
    retryBackoff: true,
    expireInSeconds: config.jobs.expireSeconds,
    ...(options.tx ? { db: transactionDb(options.tx) } : {}),
    ...(options.startAfterSeconds ? { startAfter: options.startAfterSeconds } : {}),
  });
  if (!id) throw new Error(`the queue refused job ${message.jobId}`);
  return id;
}

export async function cancelInQueue(kind: JobKind, queueJobId: string) {
  const instance = await startQueue();
  await instance.cancel(kind, queueJobId);
}

export type WorkHandler = (message: QueueMessage, queueJobId: string) => Promise<void>;

export async function workQueues(handler: WorkHandler, concurrency: number) {
  const instance = await startQueue();
  for (const name of QUEUES) {
    for (let i = 0; i < concurrency; i++) {
      let workerId = '';
      workerId = await instance.work<QueueMessage>(name, { batchSize: 1, pollingIntervalSeconds: 1 }, async ([job]) => {
        try {
          if (job) await handler(job.data, job.id);
        } finally {
          // pg-boss waits out the rest of the polling interval after every job: 60 jobs a minute per slot at most
          // (bench:scale). A slot that just found work fetches again at once; an idle one still polls each second.
          instance.notifyWorker(workerId);
        }
      });
    }
  }
}
