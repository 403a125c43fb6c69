// Deleting a document or company whose jobs are queued or running cancels those jobs first: they stay as history
// (job(id) still answers, its subject null and its subjectLabel kept), and every open jobProgress stream gets a
// last event (CANCELLED) and ends. Before, the Job rows went with the subject (cascade): job(id) answered
// NotFoundError and an open stream got no event and no end. Streams here are real SSE clients on a real port.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prisma } from '../../src/db.js';
import { NotFoundError } from '../../src/errors.js';
import { stopListening } from '../../src/db/notifications.js';
import { handlers } from '../../src/jobs/handlers.js';
import { stopQueue } from '../../src/queue/index.js';
import { deleteDocument, ingestDocument } from '../../src/services/documents/index.js';
import * as jobs from '../../src/services/jobs/index.js';
import { yoga } from '../helpers/graphql.js';
import { globalId } from '../helpers/jobs.js';
import { makeAnnualReport } from '../helpers/report-pdf.js';

let server: Server;
let endpoint = '';
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);

beforeAll(async () => {
  process.on('unhandledRejection', onUnhandled);
  server = createServer(yoga);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
});
afterAll(async () => {
  process.off('unhandledRejection', onUnhandled);
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await stopQueue({ graceful: false });
  await stopListening();
});

async function graphqlOverHttp(query: string, variables: Record<string, unknown>) {
  const response = await fetch(endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as { data?: Record<string, any>; errors?: unknown[] };
}

interface Stream {
  statuses: string[];
  /** Resolves once the server has ended the stream; rejects if it is still open after `ms`. */
  ended(ms?: number): Promise<string[]>;
}

/** A jobProgress subscriber over SSE, reading events as they arrive. */
async function follow(jobId: number): Promise<Stream> {
  const controller = new AbortController();
  const response = await fetch(endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
    body: JSON.stringify({ query: 'subscription($id: ID!) { jobProgress(id: $id) { id status } }', variables: { id: globalId('Job', jobId) } }),
    signal: controller.signal,
  });
  expect(response.headers.get('content-type')).toContain('text/event-stream');
  const statuses: string[] = [];
  let firstEvent!: () => void;
  const first = new Promise<void>((resolve) => (firstEvent = resolve));
  const done = (async () => {
    let buffer = '';
    for await (const chunk of response.body!.pipeThrough(new TextDecoderStream())) {
      buffer += chunk;
      for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
        const data = buffer.slice(0, end).split('\n').find((l) => l.startsWith('data:'))?.slice(5).trim();
        buffer = buffer.slice(end + 2);
        const status = data?.startsWith('{') ? JSON.parse(data).data?.jobProgress?.status : undefined;
        if (status) {
          statuses.push(status);
          firstEvent();
        }
      }
    }
    return statuses;
  })();
  done.catch(() => {}); // an abort below is reported by ended()
  await first; // subscribed: the job as it is now has arrived
  return {
    statuses,
    ended: async (ms = 15_000) => {
      const timer = setTimeout(() => controller.abort(), ms);
      try {
        return await done.catch(() => {
          throw new Error(`the jobProgress stream of job ${jobId} was still open ${ms} ms after its subject was deleted (${statuses})`);
        });
      } finally {
        clearTimeout(timer);
      }
    },
  };
}

const JOB = `query($id: ID!) { job(id: $id) { __typename ... on Job { status subjectLabel document { id } company { id } } ... on Error { message } } }`;

async function addReport(companyId: number, year: number) {
  const bytes = await makeAnnualReport({ company: 'Deleted plc', year, base: year - 2000 });
  return (await ingestDocument({ companyId, source: Readable.from([Buffer.from(bytes)]) })).document;
}

/** Until some statement waits for a lock another transaction holds. */
async function lockWaited() {
  for (;;) {
    const [{ waiting }] = await prisma.$queryRaw<{ waiting: number }[]>`SELECT count(*)::int AS waiting FROM pg_locks WHERE NOT granted`;
    if (waiting > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('a job requested while its document is being deleted', () => {
  it('committed first: the delete waits for it and cancels it', async () => {
    const company = await prisma.company.create({ data: { name: 'Race plc' } });
    const doc = await addReport(company.id, 2022);
    let enqueued!: () => void;
    let commit!: () => void;
    const inserted = new Promise<void>((resolve) => (enqueued = resolve));
    const held = new Promise<void>((resolve) => (commit = resolve));
    const request = prisma.$transaction(async (tx) => {
      const { job } = await jobs.enqueueJob({ kind: 'EXTRACT_DOCUMENT', input: { documentId: doc.id, companyId: company.id }, dedupeKey: `race:${doc.id}` }, tx);
      enqueued();
      await held; // the job row exists but is not committed while the delete starts
      return job;
    });
    await inserted;
    const deleting = deleteDocument(doc.id);
    await lockWaited(); // the delete now waits for the request's row lock
    commit();
    const job = await request;
    await deleting;
    expect(await jobs.getJob(job.id)).toMatchObject({ status: 'CANCELLED', documentId: null });
  });

  it('after the delete: refused as NotFoundError, no job left behind', async () => {
    const company = await prisma.company.create({ data: { name: 'Race Two plc' } });
    const doc = await addReport(company.id, 2021);
    await deleteDocument(doc.id);
    const late = jobs.enqueueJob({ kind: 'EXTRACT_DOCUMENT', input: { documentId: doc.id, companyId: company.id }, dedupeKey: `race:${doc.id}` });
    await expect(late).rejects.toBeInstanceOf(NotFoundError);
    expect(await prisma.job.count({ where: { dedupeKey: `race:${doc.id}` } })).toBe(0);
  });
});

describe('deleting the subject of running and queued jobs', () => {
  it('deleteDocument cancels its running and queued extractions; their streams end CANCELLED; the jobs stay', async () => {
    const company = await prisma.company.create({ data: { name: 'Deleted Document plc' } });
    const doc = await addReport(company.id, 2024);
    const running = (await jobs.requestExtraction(doc.id, 'LAYOUT')).job;
    const queued = (await jobs.requestExtraction(doc.id, 'LLM')).job;

    // The running job is the real extraction, held at its first progress report until the document is deleted.
    let reachedGate!: () => void;
    let openGate!: () => void;
    const atGate = new Promise<void>((resolve) => (reachedGate = resolve));
    const gate = new Promise<void>((resolve) => (openGate = resolve));
    const held: jobs.JobHandlers = {
      ...handlers,
      EXTRACT_DOCUMENT: (input, progress, job) =>
        handlers.EXTRACT_DOCUMENT(input, async (step, current, total) => {
          await progress(step, current, total);
          reachedGate();
          await gate;
        }, job),
    };
    const run = jobs.runJob(running.id, 'delete-test', held);
    await atGate;
    expect((await jobs.getJob(running.id)).status).toBe('RUNNING');

    const streams = [await follow(running.id), await follow(queued.id)];
    const deleted = await graphqlOverHttp('mutation($id: ID!) { deleteDocument(input: { id: $id }) { __typename } }', { id: globalId('Document', doc.id) });
    expect(deleted.data?.deleteDocument.__typename).toBe('DeleteDocumentPayload');
    openGate();
    await run; // the runner ends quietly: the handler met the cancellation at its next report

    for (const stream of streams) expect((await stream.ended()).at(-1)).toBe('CANCELLED');
    for (const job of [running, queued]) {
      const answer = await graphqlOverHttp(JOB, { id: globalId('Job', job.id) });
      expect(answer.data?.job).toEqual({
        __typename: 'Job',
        status: 'CANCELLED',
        subjectLabel: `Deleted Document plc: annual report 2024 "Deleted plc" (document ${doc.id})`,
        document: null,
        company: { id: globalId('Company', company.id) },
      });
    }
    expect(await prisma.extraction.count({ where: { documentId: doc.id } })).toBe(0);
    // Retrying a job whose subject is gone is refused clearly.
    await expect(jobs.retryJob(running.id)).rejects.toThrow(`Document ${doc.id} was not found`);
    expect(unhandled).toEqual([]);
  });

  it("deleteCompany cancels its jobs and its documents' jobs; every stream ends CANCELLED; the jobs stay", async () => {
    const company = await prisma.company.create({ data: { name: 'Deleted Company plc', irUrl: 'https://ir.example/' } });
    const doc = await addReport(company.id, 2023);
    const queued = [
      (await jobs.requestExtraction(doc.id, 'LAYOUT')).job,
      (await jobs.requestCompilation(company.id)).job,
      (await jobs.requestDiscovery(company.id)).job,
    ];
    const streams = await Promise.all(queued.map((job) => follow(job.id)));
    const deleted = await graphqlOverHttp('mutation($id: ID!) { deleteCompany(input: { id: $id }) { __typename } }', { id: globalId('Company', company.id) });
    expect(deleted.data?.deleteCompany.__typename).toBe('DeleteCompanyPayload');

    for (const stream of streams) expect(await stream.ended()).toEqual(['QUEUED', 'CANCELLED']);
    for (const job of queued) {
      const answer = await graphqlOverHttp(JOB, { id: globalId('Job', job.id) });
      expect(answer.data?.job).toMatchObject({ __typename: 'Job', status: 'CANCELLED', document: null, company: null });
      expect(answer.data?.job.subjectLabel).toContain('Deleted Company plc');
    }
    // A job delivered after its subject was deleted does nothing: it is no longer active.
    await jobs.runJob(queued[1]!.id, 'delete-test', handlers);
    expect((await jobs.getJob(queued[1]!.id)).status).toBe('CANCELLED');
    expect(unhandled).toEqual([]);
  });
});
