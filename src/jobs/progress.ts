// How a running job reports progress: written to its Job row (throttled, so a 300-page read is not 300 writes)
// and announced with NOTIFY; each report also notices a cancellation and stops the job there. Percentages are
// across the job's steps (src/services/job-progress.ts).
import { prisma } from '../db.js';
import type { JobKind } from '../generated/prisma/enums.js';
import { overallProgress } from '../services/job-progress.js';
import { notifyJobChanged } from '../services/jobs.js';

export class JobCancelledError extends Error {
  constructor(readonly jobId: number) {
    super(`Job ${jobId} was cancelled`);
  }
}

export type ReportProgress = (step: string, current: number, total: number) => Promise<void>;

const MIN_INTERVAL_MS = 250;

export function progressReporter(jobId: number, kind: JobKind): ReportProgress {
  let lastStep = '';
  let lastAt = 0;
  let lastOverall = 0;
  return async (step, current, total) => {
    const now = Date.now();
    const boundary = step !== lastStep || current >= total;
    if (!boundary && now - lastAt < MIN_INTERVAL_MS) return;
    // Progress only moves forward: a report that would show less of the job done than the last one is not written.
    const overall = overallProgress(kind, step, current, total);
    if (overall !== undefined && overall < lastOverall) return;
    lastOverall = overall ?? lastOverall;
    lastStep = step;
    lastAt = now;
    const { count } = await prisma.job.updateMany({
      where: { id: jobId, status: 'RUNNING' },
      data: { progressStep: step, progressCurrent: current, progressTotal: total, lockedAt: new Date() },
    });
    if (count === 0) throw new JobCancelledError(jobId);
    await notifyJobChanged(jobId);
  };
}
