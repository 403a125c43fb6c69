// A job's progress: the one callback type every step of every job kind reports through, and the percentage across
// a kind's steps, so it only moves forward: each kind's steps in the order its handler reports them, with the share
// of the whole each step usually takes (measured on the development set: reading the PDF is most of an
// extraction). Within a step, `current / total` moves through its share.
import type { Job } from '../../generated/prisma/client.js';
import type { JobKind } from '../../generated/prisma/enums.js';

/**
 * Reports one step of a job. Always awaited: it rejects with JobCancelledError once the job was cancelled, and
 * that rejection must travel up to the job runner (never caught on the way, never left unawaited).
 */
export type ReportProgress = (step: string, current: number, total: number) => Promise<void>;

export class JobCancelledError extends Error {
  constructor(readonly jobId: number) {
    super(`Job ${jobId} was cancelled`);
    this.name = 'JobCancelledError';
  }
}

/** For work run outside a job (the CLI, tests): reports go nowhere. */
export const noProgress: ReportProgress = async () => {};

/**
 * For work that reports through a synchronous callback (a PDF's pages, an LLM's statements): its reports are
 * chained in order and awaited by `settle()`; once one fails (a cancel) the rest are skipped and `signal` aborts
 * with that failure, so the work itself stops too. `failure` is what to rethrow instead of the work's abort error.
 */
export function chainedProgress(progress: ReportProgress, step: string) {
  const abort = new AbortController();
  let reports: Promise<void> = Promise.resolve();
  let failure: unknown;
  return {
    signal: abort.signal,
    report: (current: number, total: number) => {
      reports = reports
        .then(() => (failure ? undefined : progress(step, current, total)))
        .catch((err) => {
          failure ??= err;
          abort.abort(err);
        });
    },
    get failure() {
      return failure;
    },
    settle: async () => {
      await reports;
      if (failure) throw failure;
    },
  };
}

/** A sub-task's reports as steps of the enclosing job, e.g. discovery's 'download' as 'discover:download'. */
export const prefixed = (progress: ReportProgress, prefix: string): ReportProgress => (step, current, total) =>
  progress(`${prefix}${step}`, current, total);

export const JOB_STEPS: Record<JobKind, readonly { step: string; weight: number }[]> = {
  EXTRACT_DOCUMENT: [
    { step: 'read', weight: 0.7 },
    { step: 'extract', weight: 0.25 },
    { step: 'store', weight: 0.05 },
  ],
  COMPILE_COMPANY: [{ step: 'compile', weight: 1 }],
  DISCOVER_DOCUMENTS: [
    { step: 'scan-pages', weight: 0.3 },
    { step: 'download', weight: 0.7 },
  ],
  PROCESS_COMPANY: [
    { step: 'discover', weight: 0.02 },
    { step: 'discover:scan-pages', weight: 0.05 },
    { step: 'discover:download', weight: 0.13 },
    { step: 'extract', weight: 0.7 },
    { step: 'compile', weight: 0.1 },
  ],
};

/** Percent of the whole job across its steps; 100 once it has succeeded. */
export function progressPercent(job: Pick<Job, 'kind' | 'status' | 'progressStep' | 'progressCurrent' | 'progressTotal'>): number {
  if (job.status === 'SUCCEEDED') return 100;
  const overall = overallProgress(job.kind, job.progressStep, job.progressCurrent, job.progressTotal);
  if (overall !== undefined) return Math.floor(100 * overall);
  if (!job.progressTotal || job.progressCurrent == null) return 0;
  return Math.min(100, Math.round((100 * job.progressCurrent) / job.progressTotal));
}

/** The share of the whole job done (0..1), or undefined for a step its kind does not list. */
export function overallProgress(kind: JobKind, step: string | null, current: number | null, total: number | null): number | undefined {
  const steps = JOB_STEPS[kind];
  const index = steps.findIndex((s) => s.step === step);
  if (index < 0) return undefined;
  const before = steps.slice(0, index).reduce((sum, s) => sum + s.weight, 0);
  const within = total && current != null ? Math.min(1, Math.max(0, current / total)) : 0;
  return Math.min(1, before + steps[index]!.weight * within);
}
