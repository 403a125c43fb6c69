// The job state machine: every write of a Job's status is here, each one conditional on the state it leaves, so a
// cancel racing a worker's success (or a re-delivery racing a cancel) cannot overwrite what happened first.
//
//   QUEUED ──start──▶ RUNNING ──succeed──▶ SUCCEEDED
//     ▲                  │ ├──fail (permanent, or attempts used up)──▶ FAILED
//     └──fail (transient)┘ └──────────────┐
//   QUEUED or RUNNING ──cancel──▶ CANCELLED (a running handler stops at its next progress report)
//
// Every change is announced with NOTIFY fde_job after it commits, which is what jobProgress subscriptions follow.
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
 * A worker takes the job: RUNNING, one more attempt. A re-delivered RUNNING job (its worker died) is taken again;
 * a finished or cancelled one is not (null: nothing to run).
 */
export async function startAttempt(id: number, workerId: string): Promise<Job | null> {
  const now = new Date();
  const [job] = await prisma.job.updateManyAndReturn({
    where: { id, status: { in: ACTIVE } },
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

/** The job succeeded: keeps its result and the last progress it reported. False when it was cancelled meanwhile. */
export async function succeed(id: number, result: unknown, last: ProgressPoint | undefined): Promise<boolean> {
  const { count } = await prisma.job.updateMany({
    where: { id, status: 'RUNNING' },
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

/** An attempt failed: back to QUEUED when it will be retried, else FAILED. False when it was cancelled meanwhile. */
export async function fail(
  id: number,
  failure: { code: string; message: string; retry: boolean },
  last: ProgressPoint | undefined,
): Promise<boolean> {
  const { count } = await prisma.job.updateMany({
    where: { id, status: 'RUNNING' },
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
 * and announced with NOTIFY. Each written report also checks the job is still RUNNING and rejects with
 * JobCancelledError when it is not; a step change or a step's last report is always written (and checked).
 */
export function progressReporter(jobId: number, kind: JobKind): JobProgressReporter {
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
      where: { id: jobId, status: 'RUNNING' },
      data: { progressStep: step, progressCurrent: current, progressTotal: total, lockedAt: new Date() },
    });
    if (count === 0) throw new JobCancelledError(jobId);
    await notifyJobChanged(jobId);
  };
  return { report, last: () => last };
}
