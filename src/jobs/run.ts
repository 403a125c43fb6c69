// Runs one delivered job against its Job row. Safe to deliver twice (a worker died, the queue re-delivered):
// a finished or cancelled job is skipped, and every handler replaces rather than appends its results.
import { prisma } from '../db.js';
import { DocumentUnreadableError, DomainError, FetchError, LlmError } from '../errors.js';
import { logger } from '../logger.js';
import { startJobAttempt } from '../metrics.js';
import { FINISHED, notifyJobChanged } from '../services/jobs.js';
import { handlers } from './handlers.js';
import { JobCancelledError, progressReporter } from './progress.js';

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

export async function runJob(jobId: number, workerId: string): Promise<void> {
  const job = await prisma.job.findUnique({ where: { id: jobId } });
  if (!job || FINISHED.includes(job.status)) return;
  const started = await prisma.job.update({
    where: { id: jobId },
    data: {
      status: 'RUNNING',
      attempts: { increment: 1 },
      startedAt: job.startedAt ?? new Date(),
      lockedBy: workerId,
      lockedAt: new Date(),
      progressStep: 'started',
      progressCurrent: 0,
      progressTotal: null,
    },
  });
  await notifyJobChanged(jobId);
  const log = logger.child({ jobId, kind: job.kind, attempt: started.attempts, workerId });
  log.info('job started');
  const timer = startJobAttempt(job.kind);
  try {
    const result = await handlers[job.kind](started, progressReporter(jobId, job.kind));
    const { count } = await prisma.job.updateMany({
      where: { id: jobId, status: 'RUNNING' },
      data: {
        status: 'SUCCEEDED',
        result: JSON.parse(JSON.stringify(result ?? null)),
        finishedAt: new Date(),
        progressStep: 'done',
        progressCurrent: started.progressTotal ?? 1,
        progressTotal: started.progressTotal ?? 1,
        errorCode: null,
        errorMessage: null,
        lockedBy: null,
      },
    });
    timer({ outcome: count === 0 ? 'cancelled' : 'succeeded' });
    await notifyJobChanged(jobId);
    log.info({ cancelledMeanwhile: count === 0 }, 'job succeeded');
  } catch (err) {
    timer({ outcome: err instanceof JobCancelledError ? 'cancelled' : 'failed' });
    if (err instanceof JobCancelledError) {
      log.info('job cancelled while running');
      return;
    }
    const failure = classifyFailure(err);
    const retry = failure.transient && started.attempts < started.maxAttempts;
    await prisma.job.updateMany({
      where: { id: jobId, status: 'RUNNING' },
      data: {
        status: retry ? 'QUEUED' : 'FAILED',
        errorCode: failure.code,
        errorMessage: (err as Error).message?.slice(0, 2000) ?? String(err),
        finishedAt: retry ? null : new Date(),
        lockedBy: null,
      },
    });
    await notifyJobChanged(jobId);
    log[retry ? 'warn' : 'error']({ err, code: failure.code, retry }, 'job failed');
    // Rethrowing hands the job back to the queue, which retries it with backoff; permanent failures end here.
    if (retry) throw err;
  }
}
