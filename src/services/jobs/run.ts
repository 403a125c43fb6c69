// Runs one delivered job against its Job row. Safe to deliver twice (a worker died, the queue re-delivered):
// a finished or cancelled job is skipped, and every handler replaces rather than appends its results.
// The handlers are given by the caller (src/jobs/handlers.ts), so this module depends on no job's service.
import { DocumentUnreadableError, DomainError, FetchError, LlmError } from '../../errors.js';
import type { Job } from '../../generated/prisma/client.js';
import type { JobKind } from '../../generated/prisma/enums.js';
import { logger } from '../../logger.js';
import { startJobAttempt } from '../../metrics.js';
import { inputOfJob, type JobInput } from './input.js';
import { JobCancelledError, type ReportProgress } from './progress.js';
import { fail, progressReporter, startAttempt, succeed } from './state.js';

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
  if (!job) return;
  const log = logger.child({ jobId, kind: job.kind, attempt: job.attempts, workerId });
  log.info('job started');
  const timer = startJobAttempt(job.kind);
  const progress = progressReporter(jobId, job.kind);
  try {
    const handler = handlers[job.kind] as JobHandler<JobKind>;
    const result = await handler(inputOfJob(job), progress.report, job);
    const succeeded = await succeed(jobId, result, progress.last());
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
    if (!(await fail(jobId, { code: failure.code, message, retry }, progress.last()))) {
      timer({ outcome: 'cancelled' });
      log.info({ err }, 'job cancelled while running');
      return;
    }
    timer({ outcome: 'failed' });
    log[retry ? 'warn' : 'error']({ err, code: failure.code, retry }, 'job failed');
    // Rethrowing hands the job back to the queue, which retries it with backoff; permanent failures end here.
    if (retry) throw err;
  }
}
