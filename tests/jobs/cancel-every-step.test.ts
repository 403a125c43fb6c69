// A cancel at any step of any job kind ends the job CANCELLED, with nothing half-written and no unhandled
// rejection. Each kind first runs once to list the progress reports it makes; then, for each distinct report, a
// fresh job is cancelled (through cancelJob, as the API does) at that report and run to its end by the real runner.
// (Before: PROCESS_COMPANY fired its progress without awaiting it, so a cancel during discovery raised one
// unhandled rejection per step, and DISCOVER_DOCUMENTS swallowed it and discovered on.)
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

vi.hoisted(() => {
  process.env.FETCH_ALLOW_ADDRESSES = '127.0.0.1';
});

import { prisma } from '../../src/db.js';
import type { JobKind } from '../../src/generated/prisma/enums.js';
import { handlers } from '../../src/jobs/handlers.js';
import { stopQueue } from '../../src/queue/index.js';
import { ingestDocument } from '../../src/services/documents/index.js';
import { extractDocument } from '../../src/services/extraction-runs.js';
import * as jobs from '../../src/services/jobs/index.js';
import { storage } from '../../src/storage/index.js';
import { makeAnnualReport } from '../helpers/report-pdf.js';

type Report = [step: string, current: number, total: number];

const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);
let server: Server;
let base = '';

/** An investor-relations site: two reports on the page, a third on a results sub-page. */
async function startSite() {
  const pdfs: Record<string, Uint8Array> = {};
  for (const [path, year] of [['/reports/ar-2023.pdf', 2023], ['/reports/ar-2022.pdf', 2022], ['/files/ar-2021.pdf', 2021]] as const) {
    pdfs[path] = await makeAnnualReport({ company: 'Cancel plc', year, base: year - 2019 });
  }
  const pages: Record<string, string> = {
    '/ir': '<a href="/reports/ar-2023.pdf">Annual report 2023</a> <a href="/reports/ar-2022.pdf">Annual report 2022</a> <a href="/results">Results and reports</a>',
    '/results': '<a href="/files/ar-2021.pdf">Annual report 2021</a>',
  };
  server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (pdfs[path]) return res.writeHead(200, { 'content-type': 'application/pdf' }).end(pdfs[path]);
    if (pages[path]) return res.writeHead(200, { 'content-type': 'text/html' }).end(`<html><body>${pages[path]}</body></html>`);
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

beforeAll(async () => {
  process.on('unhandledRejection', onUnhandled);
  await startSite();
});
afterAll(async () => {
  process.off('unhandledRejection', onUnhandled);
  await new Promise((resolve) => server.close(resolve));
  await stopQueue({ graceful: false });
});

let companies = 0;
async function newCompany(withSite = false) {
  companies += 1;
  return prisma.company.create({ data: { name: `Cancel ${companies} plc`, ...(withSite ? { irUrl: `${base}/ir` } : {}) } });
}

async function addReport(companyId: number, year = 2024) {
  const bytes = await makeAnnualReport({ company: 'Cancel plc', year, base: 7 });
  return (await ingestDocument({ companyId, source: Readable.from([Buffer.from(bytes)]) })).document;
}

/** Each kind: a fresh job on a fresh subject (the company whose rows are checked afterwards). */
const START: Record<JobKind, () => Promise<{ jobId: number; companyId: number; documentId?: number }>> = {
  // A re-extraction: it reads the PDF (a first one may reuse what ingest read), and must leave the first result whole.
  EXTRACT_DOCUMENT: async () => {
    const company = await newCompany();
    const doc = await addReport(company.id);
    await extractDocument(doc.id, 'LAYOUT');
    return { jobId: (await jobs.requestExtraction(doc.id, 'LAYOUT')).job.id, companyId: company.id, documentId: doc.id };
  },
  COMPILE_COMPANY: async () => {
    const company = await newCompany();
    await extractDocument((await addReport(company.id)).id, 'LAYOUT');
    return { jobId: (await jobs.requestCompilation(company.id)).job.id, companyId: company.id };
  },
  DISCOVER_DOCUMENTS: async () => {
    const company = await newCompany(true);
    return { jobId: (await jobs.requestDiscovery(company.id)).job.id, companyId: company.id };
  },
  PROCESS_COMPANY: async () => {
    const company = await newCompany(true);
    return { jobId: (await jobs.requestProcessing(company.id, { provider: 'LAYOUT' })).job.id, companyId: company.id };
  },
};

/** Runs the job with the real runner and handlers; at report number `cancelAt` it is cancelled first. */
async function run(jobId: number, cancelAt?: number): Promise<Report[]> {
  const reports: Report[] = [];
  const traced = Object.fromEntries(
    (Object.keys(handlers) as JobKind[]).map((kind) => [
      kind,
      (input: never, progress: jobs.ReportProgress, job: never) =>
        (handlers[kind] as jobs.JobHandler<JobKind>)(
          input,
          async (step, current, total) => {
            if (reports.length === cancelAt) await jobs.cancelJob(jobId);
            reports.push([step, current, total]);
            await progress(step, current, total);
          },
          job,
        ),
    ]),
  ) as unknown as jobs.JobHandlers;
  await jobs.runJob(jobId, 'cancel-test', traced);
  return reports;
}

/** What a cancelled job may leave: whole documents (row and file), whole extraction sets, no compilation. */
async function expectNothingHalfWritten(companyId: number, kind: JobKind) {
  const documents = await prisma.document.findMany({ where: { companyId }, include: { _count: { select: { extractions: true } } } });
  for (const doc of documents) {
    expect(doc.status).not.toBe('EXTRACTING');
    expect(doc.status).not.toBe('FAILED');
    expect([0, 3]).toContain(doc._count.extractions);
    const file = await storage.read(doc.storageKey);
    expect(file).not.toBeNull();
    file?.destroy();
  }
  expect(await prisma.compiledStatement.count({ where: { companyId } })).toBe(0);
  // Work that would follow the job (the compilation after an extraction) is not queued by a cancelled one.
  expect(await prisma.job.count({ where: { companyId, kind: 'COMPILE_COMPANY', status: 'QUEUED' } })).toBe(0);
}

/** The first report at or after `index` that the reporter writes whatever the throttle: a new step, or a step's end. */
function checkedFrom(reports: Report[], index: number): number {
  for (let i = index; i < reports.length; i++) {
    const [step, current, total] = reports[i]!;
    if (i === 0 || step !== reports[i - 1]![0] || current >= total) return i;
  }
  return reports.length - 1;
}

/** A document's status and extractions (ids and provider): what a cancelled re-extraction must leave as it was. */
async function subjectState(documentId?: number) {
  if (!documentId) return null;
  const doc = await prisma.document.findUniqueOrThrow({ where: { id: documentId }, include: { extractions: { select: { id: true, statementType: true } } } });
  return { status: doc.status, extractions: doc.extractions.map((e) => `${e.id}:${e.statementType}`).sort() };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

describe('cancel at every step of every job kind', () => {
  for (const kind of Object.keys(START) as JobKind[]) {
    it(`${kind}: ends CANCELLED at each of its steps, nothing half-written, no unhandled rejection`, { timeout: 240_000 }, async () => {
      const dry = await START[kind]();
      const reports = await run(dry.jobId);
      const done = await jobs.getJob(dry.jobId);
      expect(done.status).toBe('SUCCEEDED');
      // Every step the kind's progress table lists is reported, and a finished job keeps its last real report.
      expect(new Set(reports.map(([step]) => step))).toEqual(new Set(jobs.JOB_STEPS[kind].map((s) => s.step)));
      expect([done.progressStep, done.progressCurrent, done.progressTotal]).toEqual(reports.at(-1));

      // Heartbeats repeat a report (PROCESS_COMPANY's 'extract' i of n during each extraction): cancel at the first.
      const distinct = reports.map((r, i) => [r, i] as const).filter(([r], i) => reports.findIndex((o) => o.join() === r.join()) === i);
      const outcomes: string[] = [];
      for (const [report, index] of distinct) {
        const subject = await START[kind]();
        const before = await subjectState(subject.documentId);
        const made = await run(subject.jobId, index);
        // It stopped there: at the latest at the next report the reporter always checks (a step's first or last).
        expect(made.length, `cancelled at ${report.join(' ')}, went on to ${made.at(-1)?.join(' ')}`).toBeLessThanOrEqual(checkedFrom(reports, index) + 1);
        await settle();
        const job = await jobs.getJob(subject.jobId);
        outcomes.push(`${report.join(' ')}: ${job.status}`);
        expect(job.status, `cancelled at ${report.join(' ')}`).toBe('CANCELLED');
        await expectNothingHalfWritten(subject.companyId, kind);
        expect(await subjectState(subject.documentId)).toEqual(before); // its document as the job found it
      }
      expect(outcomes).toHaveLength(distinct.length);
      expect(unhandled).toEqual([]);
    });
  }
});
