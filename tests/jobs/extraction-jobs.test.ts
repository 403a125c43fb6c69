import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

vi.hoisted(() => {
  process.env.COMPILE_DEBOUNCE_SECONDS = '0';
  process.env.JOB_RETRY_DELAY_SECONDS = '0';
  process.env.QUEUE_MAINTENANCE_SECONDS = '1';
});

import { prisma } from '../../src/db.js';
import { startWorker, type Worker } from '../../src/jobs/worker.js';
import { ingestDocument } from '../../src/services/documents/index.js';
import { storage } from '../../src/storage/index.js';
import { graphql } from '../generated/index.js';
import { executeOk, yoga } from '../helpers/graphql.js';
import { dbId, globalId, waitForJob } from '../helpers/jobs.js';
import { makeAnnualReport } from '../helpers/report-pdf.js';
import { Readable } from 'node:stream';

const StartExtraction = graphql(`
  mutation StartExtraction($input: StartExtractionInput!) {
    startExtraction(input: $input) {
      __typename
      ... on StartExtractionPayload { existing job { id kind status progress { step percent } } }
      ... on NotFoundError { message }
    }
  }
`);

const JobQuery = graphql(`
  query JobById($id: ID!) {
    job(id: $id) {
      __typename
      ... on Job { id kind status attempts error { code message } progress { step current total percent } document { id } company { name } result }
      ... on NotFoundError { message }
    }
  }
`);

const JobsQuery = graphql(`
  query Jobs($status: JobStatus, $kind: JobKind, $companyId: ID) {
    jobs(first: 50, status: $status, kind: $kind, companyId: $companyId) { totalCount edges { node { id kind status } } }
  }
`);

const Extractions = graphql(`
  query DocumentExtractions($id: ID!) {
    document(id: $id) {
      ... on Document {
        status
        extractions { id statementType provider }
        income: latestExtraction(type: INCOME_STATEMENT) {
          id statementType provider pages unit currency
          columns { label fiscalYear periodEnd periodMonths }
          lineItems { label concept level isTotal page values }
        }
        balance: latestExtraction(type: BALANCE_SHEET) { id pages }
      }
    }
  }
`);

const CancelJob = graphql(`
  mutation CancelJob($input: CancelJobInput!) {
    cancelJob(input: $input) { __typename ... on CancelJobPayload { job { status } } ... on Error { message } }
  }
`);

const RetryJob = graphql(`
  mutation RetryJob($input: RetryJobInput!) {
    retryJob(input: $input) { __typename ... on RetryJobPayload { job { id status } } ... on Error { message } }
  }
`);

const JobProgressSubscription = graphql(`
  subscription JobProgress($id: ID!) { jobProgress(id: $id) { id status progress { step current total percent } } }
`);

let worker: Worker;
let companyId: number;

async function addReport(year: number, base = year - 2000) {
  const bytes = await makeAnnualReport({ company: 'Jobs plc', year, base });
  const { document } = await ingestDocument({ companyId, source: Readable.from([Buffer.from(bytes)]) });
  return document;
}

async function start(documentId: number, provider?: 'LAYOUT' | 'LLM') {
  const data = await executeOk(StartExtraction, { input: { documentId: globalId('Document', documentId), provider } });
  if (data.startExtraction.__typename !== 'StartExtractionPayload') throw new Error(JSON.stringify(data));
  return data.startExtraction;
}

beforeAll(async () => {
  worker = await startWorker({ concurrency: 1 });
  companyId = (await prisma.company.create({ data: { name: 'Jobs plc' } })).id;
});
afterAll(async () => {
  await worker.stop({ timeoutMs: 5_000 });
  const { stopListening } = await import('../../src/db/notifications.js');
  await stopListening();
});

describe('startExtraction', () => {
  it('extracts the three statements, streams progress over SSE to SUCCEEDED, then compiles', async () => {
    const doc = await addReport(2024);
    const started = await start(doc.id);
    expect(started.job).toMatchObject({ kind: 'EXTRACT_DOCUMENT' });

    const response = await yoga.fetch('http://yoga/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
      body: JSON.stringify({
        query: (await import('graphql')).print(JobProgressSubscription),
        variables: { id: started.job.id },
      }),
    });
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    const events = (await response.text())
      .split('\n')
      .filter((l) => l.startsWith('data: '))
      .map((l) => JSON.parse(l.slice(6)))
      .filter((e) => e.data?.jobProgress);
    const statuses = events.map((e) => e.data.jobProgress.status);
    expect(statuses.at(-1)).toBe('SUCCEEDED');
    expect(events.at(-1).data.jobProgress.progress.percent).toBe(100);
    expect(new Set(events.map((e) => e.data.jobProgress.progress.step)).size).toBeGreaterThan(1);
    const percents: number[] = events.map((e) => e.data.jobProgress.progress.percent);
    expect(percents).toEqual([...percents].sort((a, b) => a - b)); // only forward, across steps

    const data = await executeOk(Extractions, { id: globalId('Document', doc.id) });
    if (!('extractions' in data.document)) throw new Error('no document');
    expect(data.document.status).toBe('EXTRACTED');
    expect(data.document.extractions.map((e) => e.statementType).sort()).toEqual(['BALANCE_SHEET', 'CASH_FLOW_STATEMENT', 'INCOME_STATEMENT']);
    expect(data.document.income).toMatchObject({ provider: 'LAYOUT', pages: [2], unit: 'thousands', currency: 'EUR' });
    expect(data.document.income!.columns.map((c) => c.fiscalYear)).toEqual([2024, 2023]);
    expect(data.document.income!.lineItems[0]).toMatchObject({ label: 'Revenue', concept: 'revenue', values: ['24000', '21600'], page: 2 });

    const job = await executeOk(JobQuery, { id: started.job.id });
    expect(job.job).toMatchObject({ status: 'SUCCEEDED', attempts: 1, error: null, company: { name: 'Jobs plc' } });

    const compile = await prisma.job.findFirst({ where: { kind: 'COMPILE_COMPANY', companyId } });
    expect(compile).not.toBeNull();
    expect((await waitForJob(compile!.id)).status).toBe('SUCCEEDED');
    expect(await prisma.compiledStatement.count({ where: { companyId } })).toBe(3);
  });

  it('shares one job between identical requests, and a re-run replaces the result instead of adding to it', async () => {
    const doc = await addReport(2023);
    const [a, b] = await Promise.all([start(doc.id), start(doc.id)]);
    expect(a.job.id).toBe(b.job.id);
    expect([a.existing, b.existing].sort()).toEqual([false, true]);
    await waitForJob(dbId(a.job.id));
    const again = await start(doc.id);
    expect(again.job.id).not.toBe(a.job.id);
    expect((await waitForJob(dbId(again.job.id))).status).toBe('SUCCEEDED');
    expect(await prisma.extraction.count({ where: { documentId: doc.id } })).toBe(3);
    expect(await prisma.extractedLine.count({ where: { extraction: { documentId: doc.id, statementType: 'INCOME_STATEMENT' } } })).toBe(7);
  });

  it('fails an unreadable document at once (no retry), with a typed code, writing no extraction', async () => {
    const doc = await addReport(2022);
    await storage.delete(doc.storageKey);
    const { job } = await start(doc.id);
    const done = await waitForJob(dbId(job.id));
    expect(done).toMatchObject({ status: 'FAILED', attempts: 1, errorCode: 'DOCUMENT_EMPTY' });
    expect(await prisma.extraction.count({ where: { documentId: doc.id } })).toBe(0);
    expect((await prisma.document.findUniqueOrThrow({ where: { id: doc.id } })).status).toBe('FAILED');

    const retried = await executeOk(RetryJob, { input: { id: job.id } });
    expect(retried.retryJob).toMatchObject({ __typename: 'RetryJobPayload' });
    const cancelDone = await executeOk(CancelJob, { input: { id: job.id } });
    expect(cancelDone.cancelJob.__typename).toBe('ConflictError');
  });

  it('answers NotFoundError for an unknown document', async () => {
    const data = await executeOk(StartExtraction, { input: { documentId: globalId('Document', 999999) } });
    expect(data.startExtraction.__typename).toBe('NotFoundError');
    const job = await executeOk(JobQuery, { id: globalId('Job', 999999) });
    expect(job.job.__typename).toBe('NotFoundError');
  });
});

describe('cancel and list', () => {
  it('cancels a queued job; the worker then skips it', async () => {
    const doc = await addReport(2021);
    await worker.stop({ timeoutMs: 5_000 }); // nobody takes jobs while we cancel
    try {
      const { job } = await start(doc.id);
      const cancelled = await executeOk(CancelJob, { input: { id: job.id } });
      expect(cancelled.cancelJob).toMatchObject({ __typename: 'CancelJobPayload', job: { status: 'CANCELLED' } });
    } finally {
      worker = await startWorker({ concurrency: 1 });
    }
    await new Promise((r) => setTimeout(r, 1500));
    expect(await prisma.extraction.count({ where: { documentId: doc.id } })).toBe(0);
  });

  it('lists jobs by status, kind and company', async () => {
    const all = await executeOk(JobsQuery, { companyId: globalId('Company', companyId) });
    expect(all.jobs.totalCount).toBeGreaterThan(3);
    const cancelled = await executeOk(JobsQuery, { status: 'CANCELLED', kind: 'EXTRACT_DOCUMENT' });
    expect(cancelled.jobs.edges.length).toBeGreaterThan(0);
    expect(cancelled.jobs.edges.every((e) => e.node.status === 'CANCELLED')).toBe(true);
    const other = await executeOk(JobsQuery, { companyId: globalId('Company', 999999) });
    expect(other.jobs.totalCount).toBe(0);
  });
});
