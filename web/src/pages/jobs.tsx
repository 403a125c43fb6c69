// Recent jobs, newest first, filtered by status and kind; cancel what is queued or running, retry what failed.
import { useEffect, useState } from 'preact/hooks';
import { Link } from 'wouter-preact';
import { CancelJobRunDocument, RecentJobsDocument, RetryJobRunDocument, type JobKind, type JobStatus } from '@financial-data-extractor/sdk';
import { payload, request } from '../api/client';
import { useAction, useQuery } from '../api/hooks';
import { ACTIVE, JobProgressBar, LiveJob } from '../components/job-progress';
import { Empty, ErrorState, InlineError, Skeleton } from '../components/states';
import { companyPath, formatDateTime } from '../lib/format';
import { EnumOptions } from '../components/enum-options';

const STATUSES: JobStatus[] = ['QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED', 'CANCELLED'];
const KINDS: JobKind[] = ['EXTRACT_DOCUMENT', 'COMPILE_COMPANY', 'DISCOVER_DOCUMENTS', 'PROCESS_COMPANY'];

/** Its document (for an extraction) or company was deleted: the job stays as history and cannot be retried. */
const subjectGone = (job: { kind: JobKind; company?: unknown; document?: unknown; subjectLabel?: string | null }) =>
  job.subjectLabel != null && (job.kind === 'EXTRACT_DOCUMENT' ? !job.document : !job.company);

export function JobsPage() {
  const [status, setStatus] = useState<JobStatus | ''>('');
  const [kind, setKind] = useState<JobKind | ''>('');
  const { data, error, loading, refetch } = useQuery(RecentJobsDocument, { first: 50, status: status || null, kind: kind || null }, { pollMs: 5000 });
  const act = useAction(async (action: 'cancel' | 'retry', id: string) => {
    if (action === 'cancel') payload((await request(CancelJobRunDocument, { input: { id } })).cancelJob, 'CancelJobPayload');
    else payload((await request(RetryJobRunDocument, { input: { id } })).retryJob, 'RetryJobPayload');
  });
  useEffect(() => {
    document.title = 'Jobs · Financial Data Extractor';
  }, []);

  const jobs = data?.jobs.edges.map((e) => e.node) ?? [];
  return (
    <section aria-labelledby="jobs-title">
      <div class="page-head">
        <h1 id="jobs-title">Jobs</h1>
      </div>
      <div class="toolbar" role="group" aria-label="Filters">
        <label>
          Status{' '}
          <select value={status} onChange={(e) => setStatus(e.currentTarget.value as JobStatus | '')}>
            <option value="">Any</option>
            <EnumOptions values={STATUSES} />
          </select>
        </label>
        <label>
          Kind{' '}
          <select value={kind} onChange={(e) => setKind(e.currentTarget.value as JobKind | '')}>
            <option value="">Any</option>
            <EnumOptions values={KINDS} />
          </select>
        </label>
        <span class="muted" aria-live="polite">
          {data ? `${data.jobs.totalCount} ${data.jobs.totalCount === 1 ? 'job' : 'jobs'}` : '\u00a0'}
        </span>
      </div>
      <InlineError message={act.error} />
      {error && !data ? (
        <ErrorState error={error} retry={refetch} />
      ) : !data ? (
        <Skeleton lines={6} label="Loading jobs" />
      ) : !jobs.length ? (
        <Empty title={status || kind ? 'No jobs match these filters' : 'No jobs yet'} />
      ) : (
        <ul class={`job-list ${loading ? 'refreshing' : ''}`}>
          {jobs.map((job) => (
            <li key={job.id} class="card job-card" data-job-card={job.id}>
              {ACTIVE.includes(job.status) ? <LiveJob job={job} /> : <JobProgressBar job={job} />}
              <div class="job-meta small muted">
                {subjectGone(job) ? (
                  <span class="job-subject-deleted">{job.subjectLabel ?? 'Subject'} (deleted)</span>
                ) : (
                  <>
                    {job.company && <Link href={companyPath(job.company.id)}>{job.company.name}</Link>}
                    {job.document && ` · ${job.document.title ?? `FY${job.document.fiscalYear ?? '?'} document`}`}
                  </>
                )}
                {` · created ${formatDateTime(job.createdAt)}`}
                {job.finishedAt && ` · finished ${formatDateTime(job.finishedAt)}`}
                {` · attempt ${job.attempts}/${job.maxAttempts}`}
              </div>
              {(ACTIVE.includes(job.status) || ((job.status === 'FAILED' || job.status === 'CANCELLED') && !subjectGone(job))) && (
              <div class="actions">
                {ACTIVE.includes(job.status) && (
                  <button type="button" class="button" onClick={() => void act.run('cancel', job.id)} disabled={act.busy}>
                    Cancel
                  </button>
                )}
                {(job.status === 'FAILED' || job.status === 'CANCELLED') && !subjectGone(job) && (
                  <button type="button" class="button" onClick={() => void act.run('retry', job.id)} disabled={act.busy}>
                    Retry
                  </button>
                )}
              </div>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
