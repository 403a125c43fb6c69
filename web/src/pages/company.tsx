// A company: its listings and details (editable), reports by fiscal year, adding reports, live jobs, and the way
// to its statements.
import { useEffect, useState } from 'preact/hooks';
import { Link } from 'wouter-preact';
import { CompanyOverviewDocument, CompileCompanyStatementsDocument, EditCompanyDocument, RecentJobsDocument } from '@financial-data-extractor/sdk';
import { payload, request } from '../api/client';
import { useAction, useQuery } from '../api/hooks';
import { CompanyForm, type CompanyFields } from '../components/company-form';
import { DocumentList } from '../components/document-list';
import { ACTIVE, JobProgressBar, LiveJob } from '../components/job-progress';
import { ReportIntake } from '../components/report-intake';
import { SourceViewer, type SourceRef } from '../components/source-viewer';
import { ErrorState, InlineError, Skeleton, UnknownCompany } from '../components/states';
import { companyPath, decodeParam } from '../lib/format';

function CompanyJobs({ companyId, started }: { companyId: string; started: string[] }) {
  // Polled as well: a compilation queued by the server itself (after extractions) shows up on its own.
  const { data } = useQuery(RecentJobsDocument, { companyId, first: 6 }, { pollMs: 4000 });
  const jobs = data?.jobs.edges.map((e) => e.node) ?? [];
  const known = new Set(jobs.map((j) => j.id));
  const pending = started.filter((id) => !known.has(id));
  if (!jobs.length && !pending.length) return null;
  return (
    <section class="card jobs-panel" aria-labelledby="jobs-title" aria-live="polite">
      <h2 id="jobs-title">Jobs</h2>
      {pending.map((id) => (
        <LiveJob key={id} job={{ id, kind: 'JOB', status: 'QUEUED' }} />
      ))}
      {jobs.map((job) => (ACTIVE.includes(job.status) ? <LiveJob key={job.id} job={job} /> : <JobProgressBar key={job.id} job={job} />))}
      <Link href="/jobs" class="small">
        All jobs
      </Link>
    </section>
  );
}

export function CompanyPage({ id: rawId }: { id: string }) {
  const id = decodeParam(rawId);
  const { data, error, refetch } = useQuery(CompanyOverviewDocument, { id });
  const [editing, setEditing] = useState(false);
  const [started, setStarted] = useState<string[]>([]);
  const [source, setSource] = useState<SourceRef | null>(null);
  const onJob = (jobId: string) => setStarted((list) => (list.includes(jobId) ? list : [jobId, ...list]));

  const save = useAction(async (fields: CompanyFields) => {
    const result = await request(EditCompanyDocument, { input: { id, ...fields } });
    payload(result.updateCompany, 'UpdateCompanyPayload');
    setEditing(false);
  });
  const compile = useAction(async () => {
    const result = await request(CompileCompanyStatementsDocument, { input: { companyId: id } });
    onJob(payload(result.compileStatements, 'CompileStatementsPayload').job.id);
  });

  const company = data?.company.__typename === 'Company' ? data.company : null;
  useEffect(() => {
    document.title = `${company?.name ?? 'Company'} · Financial Data Extractor`;
  }, [company?.name]);

  if (error && !data) return <ErrorState error={error} retry={refetch} />;
  if (!data) return <Skeleton lines={8} label="Loading the company" />;
  if (!company) {
    return (
      <UnknownCompany message={data.company.__typename === 'NotFoundError' ? data.company.message : ''} />
    );
  }

  return (
    <section aria-labelledby="company-title">
      <nav class="crumbs" aria-label="Breadcrumb">
        <Link href="/">Companies</Link> › <span aria-current="page">{company.name}</span>
      </nav>
      <div class="page-head">
        <div>
          <h1 id="company-title">{company.name}</h1>
          <p class="muted">
            {company.tickers.map((t) => `${t.exchange}:${t.ticker}`).join(' · ') || 'No listings'}
            {company.country && ` · ${company.country}`}
            {company.lei && ` · LEI ${company.lei}`}
            {company.cik && ` · CIK ${company.cik}`}
            {company.irUrl && (
              <>
                {' · '}
                <a href={company.irUrl} target="_blank" rel="noopener noreferrer">
                  Investor relations
                </a>
              </>
            )}
          </p>
        </div>
        <div class="actions">
          <Link href={companyPath(company.id, 'statements', 'income-statement')} class="button primary">
            Statements
          </Link>
          <button type="button" class="button" onClick={() => void compile.run()} disabled={compile.busy}>
            Compile
          </button>
          <button type="button" class="button" onClick={() => setEditing((e) => !e)} aria-expanded={editing}>
            Edit
          </button>
        </div>
      </div>
      <InlineError message={compile.error} />
      {editing && (
        <CompanyForm
          initial={company}
          submitLabel="Save company"
          onSubmit={save.run}
          onCancel={() => setEditing(false)}
          error={save.error}
          busy={save.busy}
        />
      )}
      {/* Jobs come last on a phone: the panel appears once its own query answers, and nothing below it moves. */}
      <div class="company-grid">
        <div class="area-intake">
          <ReportIntake companyId={company.id} irUrl={company.irUrl ?? null} onJob={onJob} />
        </div>
        <section class="area-documents" aria-labelledby="documents-title">
          <h2 id="documents-title">
            Documents <span class="muted">({company.documents.totalCount})</span>
          </h2>
          <DocumentList company={company} onJob={onJob} onOpen={setSource} />
        </section>
        <div class="area-jobs">
          <CompanyJobs companyId={company.id} started={started} />
        </div>
      </div>
      {source && <SourceViewer source={source} onClose={() => setSource(null)} />}
    </section>
  );
}
