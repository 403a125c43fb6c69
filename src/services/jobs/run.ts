// Runs one delivered job against its Job row. Safe to deliver twice (a worker died, the queue re-delivered):
// a finished or cancelled job is skipped, and every handler replaces rather than appends its results.
// The handlers are given by the caller (src/jobs/handlers.ts), so this module depends on no job's service.
import { config } from '../../config.js';
import { DocumentUnreadableError, DomainError, FetchError, LlmError } from '../../errors.js';
import type { Job } from '../../generated/prisma/client.js';
import type { JobKind } from '../../generated/prisma/enums.js';
import { logger } from '../../logger.js';
import { startJobAttempt } from '../../metrics.js';
import { sendToQueue } from '../../queue/index.js';
import { inputOfJob, type JobInput } from './input.js';
import { JobCancelledError, type ReportProgress } from './progress.js';
import { fail, leaseHeldFor, progressReporter, renewLease, startAttempt, succeed } from './state.js';

/** Does one kind's work from its validated input; every progress report is awaited (it throws on a cancel). */
export type JobHandler<K extends JobKind> = (input: JobInput<K>, progress: ReportProgress, job: Job) => Promise<unknown>;
export type JobHandlers = { [K in JobKind]: JobHandler<K> };

interface Failure {
  code: string;
  transient: boolean;
}

/** Whether trying again later could help, and a stable code clients can switch on. */
export function classifyFailure(err: unknown): Failure {
  if (err instanceof LlmError) return { code: `LLM_${err.code}`, transient: err.transient };
  if (err instanceof FetchError) {
    const transient = err.failure === 'TIMEOUT' || err.failure === 'NETWORK' || (err.status ?? 0) >= 500;
    return { code: `FETCH_${err.failure}`, transient };
  }
  if (err instanceof DocumentUnreadableError) return { code: `DOCUMENT_${err.reason}`, transient: false };
  if (err instanceof DomainError) return { code: err.name.replace(/Error$/, '').replace(/([a-z])([A-Z])/g, '$1_$2').toUpperCase(), transient: false };
  return { code: 'INTERNAL', transient: true }; // a lost connection, a deadlock: worth another attempt
}

export async function runJob(jobId: number, workerId: string, handlers: JobHandlers): Promise<void> {
  const job = await startAttempt(jobId, workerId);
  if (!job) return lookAgainLater(jobId, workerId);
  const log = logger.child({ jobId, kind: job.kind, attempt: job.attempts, workerId });
  log.info('job started');
  const timer = startJobAttempt(job.kind);
  const progress = progressReporter(jobId, job.kind, workerId);
  const lease = keepLease(jobId, workerId, log);
  try {
    const handler = handlers[job.kind] as JobHandler<JobKind>;
    const result = await handler(inputOfJob(job), progress.report, job);
    const succeeded = await succeed(jobId, workerId, result, progress.last());
    timer({ outcome: succeeded ? 'succeeded' : 'cancelled' });
    log.info({ cancelledMeanwhile: !succeeded }, 'job succeeded');
  } catch (err) {
    if (err instanceof JobCancelledError) {
      timer({ outcome: 'cancelled' });
      log.info('job cancelled while running');
      return;
    }
    const failure = classifyFailure(err);
    const retry = failure.transient && job.attempts < job.maxAttempts;
    const message = (err as Error).message ?? String(err);
    // Not RUNNING any more: cancelled meanwhile (e.g. its document was deleted, which is likely what failed it).
    if (!(await fail(jobId, workerId, { code: failure.code, message, retry }, progress.last()))) {
      timer({ outcome: 'cancelled' });
      log.info({ err }, 'job cancelled while running');
      return;
    }
    timer({ outcome: 'failed' });
    log[retry ? 'warn' : 'error']({ err, code: failure.code, retry }, 'job failed');
    // Rethrowing hands the job back to the queue, which retries it with backoff; permanent failures end here.
    if (retry) throw err;
  } finally {
    clearInterval(lease);
  }
}

/** Renews the worker's lease every third of its length while the handler runs (a stalled loop lets it lapse). */
function keepLease(jobId: number, workerId: string, log: typeof logger) {
  const timer = setInterval(() => {
    renewLease(jobId, workerId).then(
      (held) => {
        // Cancelled or taken over: the handler stops at its next progress report, which finds the same.
        if (!held) clearInterval(timer);
      },
      (err) => log.warn({ err }, 'job lease not renewed'), // e.g. a lost connection: the next tick tries again
    );
  }, (config.jobs.leaseSeconds * 1000) / 3);
  timer.unref();
  return timer;
}

/**
 * A delivery that could not start its job: when another worker holds the lease (the queue re-delivered a job still
 * running), a new delayed message comes back once the lease would have expired, so the job is not lost if that
 * worker dies now; a finished or cancelled job needs nothing.
 */
async function lookAgainLater(jobId: number, workerId: string) {
  const held = await leaseHeldFor(jobId);
  if (!held) return;
  await sendToQueue(held.kind, { jobId }, { startAfterSeconds: held.seconds });
  logger.info({ jobId, workerId, inSeconds: held.seconds }, 'job running under another worker\'s lease: looking again later');
}
