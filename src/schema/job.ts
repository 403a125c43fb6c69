import { prisma } from '../db.js';
import { ConflictError, NotFoundError, RateLimitedError, ValidationError } from '../errors.js';
import * as jobs from '../services/jobs/index.js';
import { builder } from './builder.js';
import { ExtractionProvider, JobKind, JobStatus } from './enums.js';
import { lookupResult, orNotFound, orNotFoundError } from './errors.js';
import { filterId, nodeLookup, parseGlobalId } from './ids.js';

type JobRow = Awaited<ReturnType<typeof jobs.getJob>>;

const JobProgress = builder.objectRef<JobRow>('JobProgress').implement({
  fields: (t) => ({
    step: t.string({ nullable: true, resolve: (j) => j.progressStep }),
    current: t.int({ nullable: true, resolve: (j) => j.progressCurrent }),
    total: t.int({ nullable: true, resolve: (j) => j.progressTotal }),
    percent: t.int({ resolve: (j) => jobs.progressPercent(j) }),
  }),
});

const JobError = builder.objectRef<{ code: string; message: string }>('JobError').implement({
  fields: (t) => ({
    code: t.exposeString('code', { description: 'e.g. DOCUMENT_NO_TEXT_LAYER, LLM_UNAUTHORIZED, FETCH_TIMEOUT, INTERNAL' }),
    message: t.exposeString('message'),
  }),
});

export const Job = builder.prismaNode('Job', {
  id: { field: 'id' },
  ...nodeLookup,
  fields: (t) => ({
    kind: t.expose('kind', { type: JobKind }),
    status: t.expose('status', { type: JobStatus }),
    progress: t.field({ type: JobProgress, nullable: true, resolve: (j) => j }),
    error: t.field({
      type: JobError,
      nullable: true,
      description: 'Why the last attempt failed (also set while a transient failure waits for its retry).',
      resolve: (j) => (j.errorCode ? { code: j.errorCode, message: j.errorMessage ?? '' } : null),
    }),
    attempts: t.exposeInt('attempts'),
    maxAttempts: t.exposeInt('maxAttempts'),
    company: t.relation('company', { nullable: true, description: 'Null once the company was deleted (see subjectLabel).' }),
    document: t.relation('document', { nullable: true, description: 'Null once the document was deleted (see subjectLabel).' }),
    subjectLabel: t.exposeString('subjectLabel', {
      nullable: true,
      description: 'What the job was about, in words (company, document), kept as history after its subject is deleted.',
    }),
    result: t.expose('result', { type: 'JSON', nullable: true, description: 'What the job produced (ids, counts, reports).' }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    startedAt: t.expose('startedAt', { type: 'DateTime', nullable: true }),
    finishedAt: t.expose('finishedAt', { type: 'DateTime', nullable: true }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
  }),
});

export const JobConnection = builder.connectionObject({ type: Job, name: 'JobConnection' }, { name: 'JobEdge' });

builder.queryFields((t) => ({
  job: t.field({
    type: lookupResult('JobResult', Job, 'Job'),
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, args) => orNotFound(String(args.id), () => jobs.getJob(parseGlobalId('Job', String(args.id)))),
  }),
  jobs: t.prismaConnection(
    {
      type: 'Job',
      cursor: 'id',
      description: 'Newest first.',
      args: { status: t.arg({ type: JobStatus }), kind: t.arg({ type: JobKind }), companyId: t.arg.id() },
      totalCount: (_parent, args) => prisma.job.count({ where: filter(args) }),
      resolve: (query, _parent, args) => prisma.job.findMany({ ...query, where: filter(args), orderBy: { id: 'desc' } }),
    },
    JobConnection,
  ),
}));

function filter(args: { status?: (typeof JobStatus)['$inferType'] | null; kind?: (typeof JobKind)['$inferType'] | null; companyId?: string | number | null }) {
  return jobs.jobFilter({ status: args.status, kind: args.kind, companyId: filterId('Company', args.companyId) });
}

const JobPayload = (name: string) =>
  builder.objectRef<{ job: JobRow; existing?: boolean }>(name).implement({
    fields: (t) => ({
      job: t.field({ type: Job, resolve: (p) => p.job }),
      existing: t.boolean({
        description: 'An identical request was already queued or running: this is that job.',
        resolve: (p) => p.existing ?? false,
      }),
    }),
  });

const idInput = (name: string) => builder.inputType(name, { fields: (t) => ({ id: t.id({ required: true }) }) });
const DiscoverDocumentsInput = builder.inputType('DiscoverDocumentsInput', {
  fields: (t) => ({
    companyId: t.id({ required: true }),
    url: t.string({ description: "Defaults to the company's investor-relations URL." }),
  }),
});

const StartExtractionInput = builder.inputType('StartExtractionInput', {
  fields: (t) => ({
    documentId: t.id({ required: true }),
    provider: t.field({
      type: ExtractionProvider,
      description: 'For a PDF: LAYOUT (offline, default) or LLM. An inline-XBRL document is always read with XBRL (its tagged facts); other providers are refused.',
    }),
  }),
});

const CompileStatementsInput = builder.inputType('CompileStatementsInput', {
  fields: (t) => ({
    companyId: t.id({ required: true }),
    includeInterim: t.boolean({
      description: 'Fill fiscal years that have no annual report from interim reports (off by default).',
    }),
  }),
});

const ProcessCompanyInput = builder.inputType('ProcessCompanyInput', {
  fields: (t) => ({
    companyId: t.id({ required: true }),
    url: t.string({ description: "Where to discover reports; defaults to the company's investor-relations URL." }),
    provider: t.field({ type: ExtractionProvider }),
  }),
});

builder.mutationFields((t) => ({
  startExtraction: t.field({
    type: JobPayload('StartExtractionPayload'),
    description: "Extract the document's three statements in the background; follow the job with jobProgress.",
    args: { input: t.arg({ type: StartExtractionInput, required: true }) },
    errors: { types: [NotFoundError, ValidationError, RateLimitedError], union: { name: 'StartExtractionResult' } },
    resolve: async (_root, { input }, ctx) => {
      await ctx.takeJobToken();
      return jobs.requestExtraction(parseGlobalId('Document', String(input.documentId)), input.provider ?? undefined);
    },
  }),
  processCompany: t.field({
    type: JobPayload('ProcessCompanyPayload'),
    description: 'Discover, extract every annual report not yet extracted, and compile: the whole pipeline.',
    args: { input: t.arg({ type: ProcessCompanyInput, required: true }) },
    errors: { types: [NotFoundError, ValidationError, RateLimitedError], union: { name: 'ProcessCompanyResult' } },
    resolve: async (_root, { input }, ctx) => {
      await ctx.takeJobToken();
      return jobs.requestProcessing(parseGlobalId('Company', String(input.companyId)), input);
    },
  }),
  discoverDocuments: t.field({
    type: JobPayload('DiscoverDocumentsPayload'),
    description:
      "Scan the company's investor-relations page (or `url`) for reports and, unless `url` is given, ask filings.xbrl.org (by its LEI) and SEC EDGAR (by its CIK) for its tagged filings; add the new ones.",
    args: { input: t.arg({ type: DiscoverDocumentsInput, required: true }) },
    errors: { types: [NotFoundError, ValidationError, RateLimitedError], union: { name: 'DiscoverDocumentsResult' } },
    resolve: async (_root, { input }, ctx) => {
      await ctx.takeJobToken();
      return jobs.requestDiscovery(parseGlobalId('Company', String(input.companyId)), input.url);
    },
  }),
  compileStatements: t.field({
    type: JobPayload('CompileStatementsPayload'),
    description: "Compile the company's multi-year statements now.",
    args: { input: t.arg({ type: CompileStatementsInput, required: true }) },
    errors: { types: [NotFoundError, RateLimitedError], union: { name: 'CompileStatementsResult' } },
    resolve: async (_root, { input }, ctx) => {
      await ctx.takeJobToken();
      return jobs.requestCompilation(parseGlobalId('Company', String(input.companyId)), input);
    },
  }),
  cancelJob: t.field({
    type: JobPayload('CancelJobPayload'),
    args: { input: t.arg({ type: idInput('CancelJobInput'), required: true }) },
    errors: { types: [NotFoundError, ConflictError], union: { name: 'CancelJobResult' } },
    resolve: async (_root, { input }) => ({ job: await jobs.cancelJob(parseGlobalId('Job', String(input.id))) }),
  }),
  retryJob: t.field({
    type: JobPayload('RetryJobPayload'),
    description: 'Run a failed or cancelled job again (as a new job).',
    args: { input: t.arg({ type: idInput('RetryJobInput'), required: true }) },
    errors: { types: [NotFoundError, ConflictError, RateLimitedError], union: { name: 'RetryJobResult' } },
    resolve: async (_root, { input }, ctx) => {
      await ctx.takeJobToken();
      return jobs.retryJob(parseGlobalId('Job', String(input.id)));
    },
  }),
}));

builder.subscriptionType({ authScopes: { read: true } });
builder.subscriptionFields((t) => ({
  jobProgress: t.field({
    type: Job,
    description: 'The job now and after every change (progress, status), completing once it has finished. Over SSE.',
    args: { id: t.arg.id({ required: true }) },
    // The job is looked up before the stream starts, so a bad ID is one clear error rather than a failed stream.
    subscribe: async (_root, args, ctx) => {
      const job = await orNotFoundError(String(args.id), () => jobs.getJob(parseGlobalId('Job', String(args.id))));
      return jobs.followJob(job.id, ctx.request.signal);
    },
    resolve: (job: JobRow) => job,
  }),
}));
