// The job state machine: every write of a Job's status is here, each one conditional on the state it leaves, so a
// cancel racing a worker's success (or a re-delivery racing a cancel) cannot overwrite what happened first.
//
//   QUEUED ──start──▶ RUNNING ──succeed──▶ SUCCEEDED
//     ▲                  │ ├──fail (permanent, or attempts used up)──▶ FAILED
//     └──fail (transient)┘ └──────────────┐
//   QUEUED or RUNNING ──cancel──▶ CANCELLED (a running handler stops at its next progress report)
//
// A RUNNING job is leased to its worker (lockedBy, lockedAt renewed while it runs): the queue may deliver it again
// (pg-boss 10 has no heartbeat, only an expiry), and that delivery starts it only once the lease has expired.
//
// Every change is announced with NOTIFY fde_job after it commits, which is what jobProgress subscriptions follow.
import { config } from '../../config.js';
import { prisma, type Prisma, type Tx } from '../../db.js';
import { ConflictError, NotFoundError } from '../../errors.js';
import type { Job } from '../../generated/prisma/client.js';
import type { JobKind, JobStatus } from '../../generated/prisma/enums.js';
import { cancelInQueue } from '../../queue/index.js';
import { JobCancelledError, overallProgress, type ReportProgress } from './progress.js';

export const ACTIVE: JobStatus[] = ['QUEUED', 'RUNNING'];
export const FINISHED: JobStatus[] = ['SUCCEEDED', 'FAILED', 'CANCELLED'];

export interface ProgressPoint {
  step: string;
  current: number;
  total: number;
}

/** Tells every API process (LISTEN fde_job) that a job changed, so subscriptions can push it. */
export async function notifyJobChanged(id: number, tx?: Tx) {
  await (tx ?? prisma).$executeRaw`SELECT pg_notify('fde_job', ${String(id)})`;
}

export async function getJob(id: number): Promise<Job> {
  const job = await prisma.job.findUnique({ where: { id } });
  if (!job) throw new NotFoundError('Job', String(id));
  return job;
}

/** A new job, QUEUED (inside the caller's transaction, with its queue message). */
export function createQueuedJob(tx: Tx, data: Prisma.JobUncheckedCreateInput): Promise<Job> {
  return tx.job.create({ data: { ...data, status: 'QUEUED' } });
}

/**
 * A worker takes the job: RUNNING, one more attempt, and the lease (lockedBy, lockedAt) on its row. A re-delivered
 * RUNNING job is taken only when its lease has expired (its worker died or stalled); while another worker still
 * renews it, or once the job has finished or been cancelled, there is nothing to run (null).
 */
export async function startAttempt(id: number, workerId: string): Promise<Job | null> {
  const now = new Date();
  const leaseExpired = new Date(now.getTime() - config.jobs.leaseSeconds * 1000);
  const [job] = await prisma.job.updateManyAndReturn({
    where: {
      id,
      OR: [{ status: 'QUEUED' }, { status: 'RUNNING', OR: [{ lockedAt: null }, { lockedAt: { lt: leaseExpired } }] }],
    },
    data: {
      status: 'RUNNING',
      attempts: { increment: 1 },
      lockedBy: workerId,
      lockedAt: now,
      progressStep: 'started',
      progressCurrent: 0,
      progressTotal: null,
    },
  });
  if (!job) return null;
  const started = job.startedAt ? job : await prisma.job.update({ where: { id }, data: { startedAt: now } });
  await notifyJobChanged(id);
  return started;
}

/**
 * Seconds until the lease of a job another worker is running expires, or null when no one holds it (finished,
 * cancelled, or free to take). A delivery that finds the lease held comes back after this long.
 */
export async function leaseHeldFor(id: number): Promise<{ kind: JobKind; seconds: number } | null> {
  const job = await prisma.job.findUnique({ where: { id }, select: { kind: true, status: true, lockedAt: true } });
  if (job?.status !== 'RUNNING' || !job.lockedAt) return null;
  const expiresAt = job.lockedAt.getTime() + config.jobs.leaseSeconds * 1000;
  return { kind: job.kind, seconds: Math.max(1, Math.ceil((expiresAt - Date.now()) / 1000)) };
}

/**
 * Keeps the worker's lease on a running job: renewed every third of the lease while the handler runs (progress
 * writes renew it too). False once the lease is no longer this worker's (the job finished, was cancelled or taken).
 */
export async function renewLease(id: number, workerId: string): Promise<boolean> {
  const { count } = await prisma.job.updateMany({ where: { id, status: 'RUNNING', lockedBy: workerId }, data: { lockedAt: new Date() } });
  return count > 0;
}

/**
 * The job succeeded: keeps its result and the last progress it reported. False when it was cancelled meanwhile, or
 * its lease was taken by another worker (this one stalled past the lease): only the lease holder's run counts.
 */
export async function succeed(id: number, workerId: string, result: unknown, last: ProgressPoint | undefined): Promise<boolean> {
  const { count } = await prisma.job.updateMany({
    where: { id, status: 'RUNNING', lockedBy: workerId },
    data: {
      status: 'SUCCEEDED',
      result: JSON.parse(JSON.stringify(result ?? null)),
      finishedAt: new Date(),
      ...progressData(last),
      errorCode: null,
      errorMessage: null,
      lockedBy: null,
    },
  });
  if (count) await notifyJobChanged(id);
  return count > 0;
}

/**
 * An attempt failed: back to QUEUED when it will be retried, else FAILED. False when it was cancelled meanwhile
 * (or its lease was taken by another worker, whose attempt decides).
 */
export async function fail(
  id: number,
  workerId: string,
  failure: { code: string; message: string; retry: boolean },
  last: ProgressPoint | undefined,
): Promise<boolean> {
  const { count } = await prisma.job.updateMany({
    where: { id, status: 'RUNNING', lockedBy: workerId },
    data: {
      status: failure.retry ? 'QUEUED' : 'FAILED',
      errorCode: failure.code,
      errorMessage: failure.message.slice(0, 2000),
      finishedAt: failure.retry ? null : new Date(),
      ...progressData(last),
      lockedBy: null,
    },
  });
  if (count) await notifyJobChanged(id);
  return count > 0;
}

const progressData = (p: ProgressPoint | undefined) => (p ? { progressStep: p.step, progressCurrent: p.current, progressTotal: p.total } : {});

/** Cancels a queued or running job; a running one stops at its next progress step. Finished jobs stay as they are. */
export async function cancelJob(id: number): Promise<Job> {
  const [cancelled] = await cancelActiveJobs({ id });
  if (cancelled) return cancelled;
  const job = await getJob(id);
  throw new ConflictError(`Job ${id} has already finished (${job.status})`);
}

/**
 * Cancels every queued or running job matching `where` (e.g. the jobs of a document about to be deleted). Inside
 * `tx` the cancellation commits (and is announced) with the caller's transaction; a queue entry left behind is
 * skipped when delivered, as its job is no longer active.
 */
export async function cancelActiveJobs(where: Prisma.JobWhereInput, tx?: Tx): Promise<Job[]> {
  const cancelled = await (tx ?? prisma).job.updateManyAndReturn({
    where: { ...where, status: { in: ACTIVE } },
    data: { status: 'CANCELLED', finishedAt: new Date(), lockedBy: null },
  });
  for (const job of cancelled) {
    // The queue entry only matters for a job not yet delivered; a running one notices at its next report.
    if (job.queueJobId && !tx) await cancelInQueue(job.kind, job.queueJobId).catch(() => {});
    await notifyJobChanged(job.id, tx); // NOTIFY inside a transaction is sent when it commits
  }
  return cancelled;
}

const MIN_INTERVAL_MS = 250;

export interface JobProgressReporter {
  report: ReportProgress;
  /** The last point reported (written or not), which a finished job keeps as its real progress. */
  last(): ProgressPoint | undefined;
}

/**
 * How a running job reports progress: written to its Job row (throttled, so a 300-page read is not 300 writes)
 * and announced with NOTIFY; each written report renews the worker's lease. Each also checks the job is still
 * RUNNING under this worker's lease and rejects with JobCancelledError when it is not (cancelled, or taken over
 * by another worker); a step change or a step's last report is always written (and checked).
 */
export function progressReporter(jobId: number, kind: JobKind, workerId: string): JobProgressReporter {
  let last: ProgressPoint | undefined;
  let lastAt = 0;
  let lastOverall = 0;
  const report: ReportProgress = async (step, current, total) => {
    const now = Date.now();
    const boundary = step !== last?.step || current >= total;
    // Progress only moves forward: a report that would show less of the job done than the last one is not kept.
    const overall = overallProgress(kind, step, current, total);
    if (overall !== undefined && overall < lastOverall) return;
    lastOverall = overall ?? lastOverall;
    last = { step, current, total };
    if (!boundary && now - lastAt < MIN_INTERVAL_MS) return;
    lastAt = now;
    const { count } = await prisma.job.updateMany({
      where: { id: jobId, status: 'RUNNING', lockedBy: workerId },
      data: { progressStep: step, progressCurrent: current, progressTotal: total, lockedAt: new Date() },
    });
    if (count === 0) throw new JobCancelledError(jobId);
    await notifyJobChanged(jobId);
  };
  return { report, last: () => last };
}
