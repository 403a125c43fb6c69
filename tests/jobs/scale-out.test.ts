// Scale-out as it runs in production: 2 API processes and 3 worker processes (separate OS processes) on one
// PostgreSQL and one storage folder. 60 extraction and compilation requests go to both APIs (every one sent to
// each, so identical requests meet), a worker is SIGKILLed in the middle of a job and another started. Then: every
// job ends once and succeeded, ran once (the killed worker's twice: taken over when its lease lapsed), no document has two extraction sets,
// progress of the workers' jobs streams through both APIs, the shared rate limit refuses request 61 on both
// APIs, and each process's /metrics counts what it did.
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prisma } from '../../src/db.js';
import { ensureWebBuild } from '../../src/http/web-build.js';
import { ingestDocument } from '../../src/services/documents/index.js';
import { graphql } from '../generated/gql.js';
import { dbId } from '../helpers/jobs.js';
import {
  clusterEnv,
  followJob,
  postGraphql,
  scrapeMetrics,
  startApiProcess,
  startWorkerProcess,
  stopProcess,
  sumOf,
  type AppProcess,
  type Sample,
} from '../helpers/processes.js';
import { makeAnnualReport } from '../helpers/report-pdf.js';

const COMPANIES = 10;
const YEARS = [2023, 2024];
const BURST = 60; // exactly the requests below: the 61st is refused, whichever API it reaches

const ENV = clusterEnv({
  // The queue delivers a running job again 5 s after it started (pg-boss expiry, looked for every second); that
  // delivery runs it only once its worker's lease (renewed every 5 s) has lapsed for 15 s: the killed worker's job.
  JOB_EXPIRE_SECONDS: '5',
  JOB_LEASE_SECONDS: '15',
  QUEUE_MAINTENANCE_SECONDS: '1',
  JOB_RETRY_DELAY_SECONDS: '0',
  COMPILE_DEBOUNCE_SECONDS: '1',
  WORKER_CONCURRENCY: '1',
  JOB_RATE_LIMIT_BURST: String(BURST),
  JOB_RATE_LIMIT_PER_MINUTE: '0.001', // no refill while the test runs
  DB_POOL_SIZE: '4',
});

const Extract = graphql(`
  mutation ScaleExtract($input: StartExtractionInput!) {
    startExtraction(input: $input) {
      __typename
      ... on StartExtractionPayload { existing job { id } }
    }
  }
`);

const Compile = graphql(`
  mutation ScaleCompile($input: CompileStatementsInput!) {
    compileStatements(input: $input) {
      __typename
      ... on CompileStatementsPayload { existing job { id } }
      ... on RateLimitedError { retryAfterSeconds }
    }
  }
`);

const apis: AppProcess[] = [];
const workers: AppProcess[] = [];
const companyIds: number[] = [];
const documentIds: number[] = [];

beforeAll(async () => {
  await ensureWebBuild(); // once here, not by both API processes at once
  for (let c = 0; c < COMPANIES; c++) {
    const company = await prisma.company.create({ data: { name: `Scale ${c} plc` } });
    companyIds.push(company.id);
    for (const year of YEARS) {
      const pdf = await makeAnnualReport({ company: company.name, year, base: 10 + c });
      const { document } = await ingestDocument({ companyId: company.id, source: Readable.from([Buffer.from(pdf)]), fileName: `${year}.pdf` });
      documentIds.push(document.id);
    }
  }
  // One worker first creates pg-boss's schema and queues in the fresh database; the others start once it exists
  // (five processes creating it at once made one exit during setup on a loaded machine).
  const first = await startWorkerProcess(ENV);
  const started = await Promise.all([startApiProcess(ENV), startApiProcess(ENV), startWorkerProcess(ENV), startWorkerProcess(ENV)]);
  apis.push(...started.slice(0, 2));
  workers.push(first, ...started.slice(2));
}, 180_000);

afterAll(async () => {
  await Promise.all([...apis, ...workers].map((p) => stopProcess(p, 'SIGKILL')));
});

const globalIdOf = (type: string, id: number) => Buffer.from(`${type}:${id}`).toString('base64');

/** Waits until a job of the victim worker is running and the worker runs nothing else, then SIGKILLs it. */
async function killMidJob(victim: AppProcess, before: number) {
  const marker = `:${victim.child.pid}:`;
  while (Date.now() < before) {
    const running = await prisma.job.findFirst({ where: { status: 'RUNNING', lockedBy: { contains: marker } } });
    if (running) {
      const metrics = await scrapeMetrics(victim.url);
      const started = sumOf(metrics, 'fde_jobs_started_total');
      const finished = sumOf(metrics, 'fde_jobs_finished_total');
      // Still running after the scrape: its success (written before it is counted) was not in the scrape.
      const still = await prisma.job.count({ where: { id: running.id, status: 'RUNNING', lockedBy: running.lockedBy } });
      if (started - finished === 1 && still === 1) {
        victim.child.kill('SIGKILL');
        await victim.exited;
        // The job in flight may have committed its success between the scrape and the kill: then it is the
        // victim's, and no other job can have been (it ran nothing else).
        const after = await prisma.job.findUniqueOrThrow({ where: { id: running.id } });
        const finishedAtKill = sumOf(metrics, 'fde_jobs_finished_total', { outcome: 'succeeded' }) + (after.status === 'SUCCEEDED' ? 1 : 0);
        // Every job the victim held when it died (it runs one job per queue, so one of another kind may have
        // started since the scrape): its lease is still on them, as no one takes a job before the lease lapses.
        const orphaned = await prisma.job.findMany({ where: { status: 'RUNNING', lockedBy: { contains: marker } }, select: { id: true } });
        return { jobId: running.id, orphanedIds: orphaned.map((j) => j.id), metrics, succeededByVictim: finishedAtKill, finishedBeforeKill: after.status === 'SUCCEEDED' };
      }
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error('the victim worker never ran a job alone');
}

async function waitUntilIdle(timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  let quietChecks = 0;
  while (quietChecks < 2) {
    if (Date.now() > deadline) {
      const active = await prisma.job.findMany({ where: { status: { in: ['QUEUED', 'RUNNING'] } } });
      throw new Error(`jobs still active: ${JSON.stringify(active.map((j) => [j.id, j.kind, j.status, j.lockedBy]))}`);
    }
    const active = await prisma.job.count({ where: { status: { in: ['QUEUED', 'RUNNING'] } } });
    quietChecks = active === 0 ? quietChecks + 1 : 0;
    await new Promise((r) => setTimeout(r, 1000));
  }
}

describe('2 APIs and 3 workers on one database', () => {
  it('run every job once, survive a killed worker, share the rate limit, and count what each did', async () => {
    const [a, b] = apis as [AppProcess, AppProcess];
    // Every request to both APIs at once: 20 extractions × 2 and 10 compilations × 2 = 60 (identical pairs).
    const extractions = documentIds.flatMap((id) =>
      [a, b].map((api) => postGraphql(api.url, Extract, { input: { documentId: globalIdOf('Document', id), provider: 'LAYOUT' } })),
    );
    const compilations = companyIds.flatMap((id) => [a, b].map((api) => postGraphql(api.url, Compile, { input: { companyId: globalIdOf('Company', id) } })));
    const [extractedData, compiledData] = await Promise.all([Promise.all(extractions), Promise.all(compilations)]);
    const extracted = extractedData.map((r) => r.startExtraction);
    const compiled = compiledData.map((r) => r.compileStatements);
    expect(extracted.every((r) => r.__typename === 'StartExtractionPayload')).toBe(true);
    expect(compiled.every((r) => r.__typename === 'CompileStatementsPayload')).toBe(true);
    const jobIdOf = (r: object) => ('job' in r ? dbId((r.job as { id: string }).id) : Number.NaN);
    // Identical requests arriving together share a job: at most one per document from each pair, never more.
    const extractionJobs = new Set(extracted.map(jobIdOf));
    expect(extractionJobs.size).toBeGreaterThanOrEqual(documentIds.length);
    expect(extractionJobs.size).toBeLessThanOrEqual(2 * documentIds.length);

    // Every extraction job followed through both APIs at once (each job was requested through both): the workers'
    // progress reaches either API's subscribers while the jobs run.
    const streams = [a, b].map((api) =>
      Promise.all([...extractionJobs].map((id) => followJob(api.url, globalIdOf('Job', id)))),
    );

    // The rate limit is one bucket in PostgreSQL: both APIs refuse the 61st request (in memory, each had 60).
    const overLimit = await Promise.all([a, b].map((api) => postGraphql(api.url, Compile, { input: { companyId: globalIdOf('Company', companyIds[0]!) } })));
    expect(overLimit.map((r) => r.compileStatements.__typename)).toEqual(['RateLimitedError', 'RateLimitedError']);


    const victim = workers[0]!;
    const killed = await killMidJob(victim, Date.now() + 60_000);
    expect((await victim.exited).signal).toBe('SIGKILL');
    workers.push(await startWorkerProcess(ENV));

    await waitUntilIdle(120_000);
    const jobs = await prisma.job.findMany({ orderBy: { id: 'asc' } });
    // No job lost, none failed.
    expect(jobs.filter((j) => j.status !== 'SUCCEEDED').map((j) => [j.id, j.kind, j.status, j.errorCode])).toEqual([]);
    // The killed worker's job was run again, by one worker; every other job ran once, though the queue delivered
    // those outliving JOB_EXPIRE_SECONDS again while they ran (their worker's lease held).
    const killedJob = jobs.find((j) => j.id === killed.jobId)!;
    expect(killedJob.attempts).toBe(killed.finishedBeforeKill ? 1 : 2);
    for (const id of killed.orphanedIds) expect(jobs.find((j) => j.id === id)?.attempts).toBe(2);
    const ranOnce = jobs.filter((j) => j.id !== killed.jobId && !killed.orphanedIds.includes(j.id));
    expect(ranOnce.filter((j) => j.attempts !== 1).map((j) => [j.id, j.kind, j.attempts, j.errorCode, j.errorMessage])).toEqual([]);
    for (const id of extractionJobs) expect(jobs.find((j) => j.id === id)?.status).toBe('SUCCEEDED');

    // One extraction per statement type per document, and every company compiled from them.
    const sets = await prisma.extraction.groupBy({ by: ['documentId', 'statementType'], _count: { _all: true } });
    expect(sets.length).toBe(documentIds.length * 3);
    expect(sets.filter((s) => s._count._all !== 1)).toEqual([]);
    const statements = await prisma.compiledStatement.groupBy({ by: ['companyId'], _count: { _all: true } });
    expect(statements.map((s) => [s.companyId, s._count._all]).sort()).toEqual(companyIds.map((id) => [id, 3]).sort());

    // Each API's subscribers saw jobs running with their progress, and every stream ended with the last state.
    for (const followed of await Promise.all(streams)) {
      const sawRunning = followed.filter((events) => events.some((e) => e.status === 'RUNNING' && e.progress?.step));
      expect(sawRunning.length).toBeGreaterThan(0);
      expect(followed.map((events) => events.at(-1)?.status)).toEqual(followed.map(() => 'SUCCEEDED'));
    }

    // Each job succeeded exactly once: the successes the workers counted add up to the jobs (the victim's as of its kill).
    const survivors = await Promise.all(workers.slice(1).map((w) => scrapeMetrics(w.url)));
    const succeeded = (m: Sample[]) => sumOf(m, 'fde_jobs_finished_total', { outcome: 'succeeded' });
    expect(killed.succeededByVictim + survivors.reduce((n, m) => n + succeeded(m), 0)).toBe(jobs.length);
    for (const m of [killed.metrics, ...survivors]) expect(sumOf(m, 'fde_jobs_finished_total', { outcome: 'failed' })).toBe(0);
    for (const m of survivors) {
      // idle now: everything started has finished, kind by kind, and was timed
      for (const kind of ['EXTRACT_DOCUMENT', 'COMPILE_COMPANY']) {
        expect(sumOf(m, 'fde_jobs_started_total', { kind })).toBe(sumOf(m, 'fde_jobs_finished_total', { kind }));
        expect(sumOf(m, 'fde_job_duration_seconds_count', { kind })).toBe(sumOf(m, 'fde_jobs_finished_total', { kind }));
      }
    }
    // APIs: each counted the 31 mutations it answered and the one it refused; neither ran a job.
    for (const api of [a, b]) {
      const m = await scrapeMetrics(api.url);
      expect(sumOf(m, 'graphql_envelop_request_duration_count', { operationName: 'ScaleExtract' })).toBe(documentIds.length);
      expect(sumOf(m, 'graphql_envelop_request_duration_count', { operationName: 'ScaleCompile' })).toBe(companyIds.length + 1);
      expect(sumOf(m, 'fde_rejections_total', { reason: 'rate_limited' })).toBe(1);
      expect(sumOf(m, 'fde_jobs_started_total')).toBe(0);
    }
  });
});
