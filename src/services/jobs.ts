// Jobs as users see them: one row per request in our Job table (kind, status, progress, attempts, error, result),
// delivered to workers through the durable queue. Identical requests while one is queued or running share it.
import { prisma, type Prisma, type Tx } from '../db.js';
import { ConflictError, NotFoundError } from '../errors.js';
import type { Job } from '../generated/prisma/client.js';
import type { JobKind, JobStatus } from '../generated/prisma/enums.js';
import { overallProgress } from './job-progress.js';
import { cancelInQueue, sendToQueue } from '../jobs/queue.js';
import { config } from '../config.js';

export const ACTIVE: JobStatus[] = ['QUEUED', 'RUNNING'];
export const FINISHED: JobStatus[] = ['SUCCEEDED', 'FAILED', 'CANCELLED'];

export interface EnqueueRequest {
  kind: JobKind;
  companyId?: number | null;
  documentId?: number | null;
  input?: Prisma.InputJsonObject;
  /** Requests with the same key while one is active share that job. */
  dedupeKey: string;
  startAfterSeconds?: number;
  /** Which existing jobs with the same key are shared (default: queued or running). */
  shareWith?: JobStatus[];
}

export interface Enqueued {
  job: Job;
  /** An identical request was already queued or running: this is that job. */
  existing: boolean;
}

export async function enqueueJob(request: EnqueueRequest, tx?: Tx): Promise<Enqueued> {
  const run = async (t: Tx): Promise<Enqueued> => {
    // Serialises identical requests so two concurrent calls cannot both create a job.
    await t.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${request.dedupeKey}))`;
    const active = await t.job.findFirst({ where: { dedupeKey: request.dedupeKey, status: { in: request.shareWith ?? ACTIVE } }, orderBy: { id: 'desc' } });
    if (active) return { job: active, existing: true };
    const job = await t.job.create({
      data: {
        kind: request.kind,
        companyId: request.companyId ?? null,
        documentId: request.documentId ?? null,
        input: request.input ?? {},
        dedupeKey: request.dedupeKey,
        maxAttempts: config.jobs.maxAttempts,
        runAfter: new Date(Date.now() + (request.startAfterSeconds ?? 0) * 1000),
      },
    });
    const queueJobId = await sendToQueue(request.kind, { jobId: job.id }, { tx: t, startAfterSeconds: request.startAfterSeconds });
    return { job: await t.job.update({ where: { id: job.id }, data: { queueJobId } }), existing: false };
  };
  return tx ? run(tx) : prisma.$transaction(run);
}

export async function getJob(id: number): Promise<Job> {
  const job = await prisma.job.findUnique({ where: { id } });
  if (!job) throw new NotFoundError('Job', String(id));
  return job;
}

/** Cancels a queued or running job; a running one stops at its next progress step. Finished jobs stay as they are. */
export async function cancelJob(id: number): Promise<Job> {
  const job = await getJob(id);
  if (FINISHED.includes(job.status)) throw new ConflictError(`Job ${id} has already finished (${job.status})`);
  const cancelled = await prisma.job.update({
    where: { id },
    data: { status: 'CANCELLED', finishedAt: new Date(), progressStep: job.progressStep ?? 'cancelled' },
  });
  if (job.queueJobId) await cancelInQueue(job.kind, job.queueJobId).catch(() => {});
  await notifyJobChanged(id);
  return cancelled;
}

/** Runs a failed or cancelled job again as a new job with the same request. */
export async function retryJob(id: number): Promise<Enqueued> {
  const job = await getJob(id);
  if (!['FAILED', 'CANCELLED'].includes(job.status)) {
    throw new ConflictError(`Only failed or cancelled jobs can be retried; job ${id} is ${job.status}`);
  }
  return enqueueJob({
    kind: job.kind,
    companyId: job.companyId,
    documentId: job.documentId,
    input: job.input as Prisma.InputJsonObject,
    dedupeKey: job.dedupeKey ?? `retry:${id}`,
  });
}

/** Tells every API process (LISTEN fde_job) that a job changed, so subscriptions can push it. */
export async function notifyJobChanged(id: number, tx?: Tx) {
  await (tx ?? prisma).$executeRaw`SELECT pg_notify('fde_job', ${String(id)})`;
}

export function jobFilter(args: { status?: JobStatus | null; kind?: JobKind | null; companyId?: number | null }): Prisma.JobWhereInput {
  return {
    ...(args.status ? { status: args.status } : {}),
    ...(args.kind ? { kind: args.kind } : {}),
    ...(args.companyId != null ? { companyId: args.companyId } : {}),
  };
}

/** Percent of the whole job (across its steps, see job-progress.ts); 100 once it has succeeded. */
export function progressPercent(job: Pick<Job, 'kind' | 'status' | 'progressStep' | 'progressCurrent' | 'progressTotal'>): number {
  if (job.status === 'SUCCEEDED') return 100;
  const overall = overallProgress(job.kind, job.progressStep, job.progressCurrent, job.progressTotal);
  if (overall !== undefined) return Math.floor(100 * overall);
  if (!job.progressTotal || job.progressCurrent == null) return 0;
  return Math.min(100, Math.round((100 * job.progressCurrent) / job.progressTotal));
}

/** Job kinds whose work ends in a (re)compilation of the company's statements. */
const COMPILING_KINDS: JobKind[] = ['COMPILE_COMPANY', 'EXTRACT_DOCUMENT', 'PROCESS_COMPANY'];

/** Of these companies, those with a compilation (or work that queues one) queued or running: their statements will change. */
export async function companiesAwaitingCompilation(companyIds: readonly number[]): Promise<Set<number>> {
  const rows = await prisma.job.findMany({
    where: { companyId: { in: [...companyIds] }, status: { in: ['QUEUED', 'RUNNING'] }, kind: { in: COMPILING_KINDS } },
    select: { companyId: true },
    distinct: ['companyId'],
  });
  return new Set(rows.map((r) => r.companyId!));
}
