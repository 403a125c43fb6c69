// A job's live progress over SSE (the FollowJob subscription): status, a progress bar, the step, errors as they
// happen. When the job finishes, every screen refetches (its results are new data).
import { useEffect, useState } from 'preact/hooks';
import { FollowJobDocument, type FollowJobSubscription, type JobStatus } from '@financial-data-extractor/sdk';
import { subscribe } from '../api/client';
import { invalidate } from '../api/hooks';
import { humanize } from '../lib/format';

type Live = FollowJobSubscription['jobProgress'];
export const ACTIVE: JobStatus[] = ['QUEUED', 'RUNNING'];

export interface JobView {
  id: string;
  kind: string;
  status: JobStatus;
  progress?: { step?: string | null; percent: number; current?: number | null; total?: number | null } | null;
  error?: { code: string; message: string } | null;
}

export function JobProgressBar({ job }: { job: JobView }) {
  const percent = job.status === 'SUCCEEDED' ? 100 : (job.progress?.percent ?? 0);
  const step = job.progress?.step;
  return (
    <div class={`job job-${job.status.toLowerCase()}`} data-job-id={job.id} data-kind={job.kind} data-status={job.status}>
      <div class="job-line">
        <strong>{humanize(job.kind)}</strong>
        <span class={`status status-${job.status.toLowerCase()}`}>{humanize(job.status)}</span>
        <span class="job-percent">{percent}%</span>
      </div>
      <div class="muted small job-step">
        {step ? humanize(step) : job.status === 'QUEUED' ? 'Waiting for a worker' : '\u00a0'}
        {job.progress?.total ? ` (${job.progress.current ?? 0}/${job.progress.total})` : ''}
      </div>
      <div class="progress" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent} aria-label={`${humanize(job.kind)} progress`}>
        <div class="progress-fill" style={{ width: `${percent}%` }} />
      </div>
      {job.error && (
        <p class="inline-error" role="alert">
          {job.error.code}: {job.error.message}
        </p>
      )}
    </div>
  );
}

/** Follows an active job until it finishes; shows the last state it heard (the query's until the first event). */
export function LiveJob({ job, onFinished }: { job: JobView; onFinished?: (job: Live) => void }) {
  const [live, setLive] = useState<JobView>(job);
  const [streamError, setStreamError] = useState<string | null>(null);

  useEffect(() => {
    let finished = false;
    const stop = subscribe(FollowJobDocument, { id: job.id }, {
      next: (data) => {
        setLive(data.jobProgress);
        if (!ACTIVE.includes(data.jobProgress.status) && !finished) {
          finished = true;
          onFinished?.(data.jobProgress);
          invalidate();
        }
      },
      error: (err) => setStreamError(`Live progress lost: ${err.message}`),
      complete: () => undefined,
    });
    return stop;
  }, [job.id]);

  return (
    <>
      <JobProgressBar job={live} />
      {streamError && <p class="inline-error">{streamError}</p>}
    </>
  );
}
