// Putting work on the queue: the Job row (what users see) and its queue message commit in one transaction, and
// identical requests while one is queued or running share that job.
import { config } from '../../config.js';
import { prisma, type Tx } from '../../db.js';
import { ConflictError, InvalidJobInputError, NotFoundError } from '../../errors.js';
import type { Job } from '../../generated/prisma/client.js';
import type { JobKind, JobStatus } from '../../generated/prisma/enums.js';
import { sendToQueue, startQueue } from '../../queue/index.js';
import { inputOfJob, parseJobInput, type JobInput, type JobInputRequest } from './input.js';
import { ACTIVE, createQueuedJob, getJob } from './state.js';

export interface EnqueueRequest<K extends JobKind = JobKind> {
  kind: K;
  input: JobInputRequest<K>;
  /** What the job is about, in words (kept once the subject is deleted). */
  subjectLabel?: string | null;
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

export async function enqueueJob<K extends JobKind>(request: EnqueueRequest<K>, tx?: Tx): Promise<Enqueued> {
  const input: JobInput = parseJobInput(request.kind, request.input);
  const run = async (t: Tx): Promise<Enqueued> => {
    // Serialises identical requests so two concurrent calls cannot both create a job.
    await t.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${request.dedupeKey}))`;
    const active = await t.job.findFirst({ where: { dedupeKey: request.dedupeKey, status: { in: request.shareWith ?? ACTIVE } }, orderBy: { id: 'desc' } });
    if (active) return { job: active, existing: true };
    const job = await createQueuedJob(t, {
      kind: request.kind,
      companyId: input.companyId ?? null,
      documentId: 'documentId' in input ? input.documentId : null,
      subjectLabel: request.subjectLabel ?? null,
      input,
      dedupeKey: request.dedupeKey,
      maxAttempts: config.jobs.maxAttempts,
      runAfter: new Date(Date.now() + (request.startAfterSeconds ?? 0) * 1000),
    });
    const queueJobId = await sendToQueue(request.kind, { jobId: job.id }, { tx: t, startAfterSeconds: request.startAfterSeconds });
    return { job: await t.job.update({ where: { id: job.id }, data: { queueJobId } }), existing: false };
  };
  // pg-boss starts (schema check, queues) before the transaction: started inside it, a fresh API process held a
  // transaction and the dedupe lock open for seconds, and concurrent requests timed out behind it.
  await startQueue();
  return (tx ? run(tx) : prisma.$transaction(run)).catch((err) => {
    // The subject was deleted meanwhile (deleting it locks its row, so this insert waited and then found it gone).
    if ((err as { code?: string }).code === 'P2003') {
      throw 'documentId' in input ? new NotFoundError('Document', String(input.documentId)) : new NotFoundError('Company', String(input.companyId));
    }
    throw err;
  });
}

/** Runs a failed or cancelled job again as a new job with the same request, while its subject still exists. */
export async function retryJob(id: number): Promise<Enqueued> {
  const job = await getJob(id);
  if (!['FAILED', 'CANCELLED'].includes(job.status)) {
    throw new ConflictError(`Only failed or cancelled jobs can be retried; job ${id} is ${job.status}`);
  }
  let input: JobInput;
  try {
    input = inputOfJob(job);
  } catch (err) {
    if (err instanceof InvalidJobInputError) throw new ConflictError(`Job ${id} cannot be retried: ${err.message}`);
    throw err;
  }
  await assertSubjectExists(input);
  return enqueueJob({ kind: job.kind, input, subjectLabel: job.subjectLabel, dedupeKey: job.dedupeKey ?? `retry:${id}` });
}

async function assertSubjectExists(input: JobInput) {
  if ('documentId' in input && !(await prisma.document.count({ where: { id: input.documentId } }))) {
    throw new NotFoundError('Document', String(input.documentId));
  }
  if (input.companyId != null && !(await prisma.company.count({ where: { id: input.companyId } }))) {
    throw new NotFoundError('Company', String(input.companyId));
  }
}
