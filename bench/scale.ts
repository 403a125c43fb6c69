// `npm run bench:scale`: extraction jobs per minute with 1, 2 and 3 worker processes (`src/worker.ts`, separate OS
// processes) on one database, for small generated annual reports (4 pages, three statements each). Each round
// starts its workers and warms them with two untimed jobs each, enqueues every document's extraction at once
// (each parses its PDF) and times until the last one has finished; the follow-up compilations run as they would
// in production and finish before the next round. Worker CPU per job is printed too: on a shared machine it is the
// steadier figure (a free core runs about 60 s / CPU-per-job of them a minute). BENCH_SCALE_DOCUMENTS sets the number of documents (default 24), BENCH_SCALE_WORKERS the rounds ("1,2,3").
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { clusterEnv, scrapeMetrics, startWorkerProcess, stopProcess, sumOf, type AppProcess } from '../tests/helpers/processes.js';
import { makeAnnualReport } from '../tests/helpers/report-pdf.js';
import { startBenchDatabase } from './lib/database.js';
import { reportFigure } from './lib/figures.js';

const DOCUMENTS = Number(process.env.BENCH_SCALE_DOCUMENTS ?? 24);
const ROUNDS = (process.env.BENCH_SCALE_WORKERS ?? '1,2,3').split(',').map(Number);

const database = await startBenchDatabase(); // sets DATABASE_URL before src/db.js loads
const dataDir = await mkdtemp(path.join(os.tmpdir(), 'fde-bench-scale-'));
process.env.DATA_DIR = dataDir;
const { prisma } = await import('../src/db.js');
const { ingestDocument } = await import('../src/services/documents/index.js');
const { requestExtraction } = await import('../src/services/jobs/index.js');
const { stopQueue } = await import('../src/queue/index.js');
const { Prisma } = await import('../src/generated/prisma/client.js');

const ENV = clusterEnv({ WORKER_CONCURRENCY: '1', COMPILE_DEBOUNCE_SECONDS: '1' });

async function waitFor(check: () => Promise<boolean>, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('the jobs did not finish in time');
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Extracts `documentIds` and waits for every job (their compilations too); returns the extraction job ids. */
async function extractAll(documentIds: number[]) {
  // Every round parses its PDFs: without this, a document's first extraction reuses what ingest read.
  await prisma.contentReading.updateMany({ data: { statements: Prisma.DbNull } });
  const jobIds: number[] = [];
  for (const id of documentIds) jobIds.push((await requestExtraction(id, 'LAYOUT')).job.id);
  const extractionsDone = async () =>
    (await prisma.job.count({ where: { id: { in: jobIds }, status: { in: ['SUCCEEDED', 'FAILED', 'CANCELLED'] } } })) === jobIds.length;
  await waitFor(extractionsDone, 30 * 60_000);
  return jobIds;
}

const allJobsDone = async () => (await prisma.job.count({ where: { status: { in: ['QUEUED', 'RUNNING'] } } })) === 0;

async function round(workerCount: number, documentIds: number[], warmUpIds: number[]) {
  const workers: AppProcess[] = await Promise.all(Array.from({ length: workerCount }, () => startWorkerProcess(ENV)));
  // CPU the workers spend on the round (their own process_cpu_seconds_total): what a job costs whatever the load.
  const workerCpu = async () => (await Promise.all(workers.map((w) => scrapeMetrics(w.url)))).reduce((t, m) => t + sumOf(m, 'process_cpu_seconds_total'), 0);
  try {
    // Untimed: a new process's first jobs load pdf.js and warm its reader threads.
    await extractAll(warmUpIds.slice(0, 2 * workerCount));
    await waitFor(allJobsDone, 10 * 60_000);
    const cpuBefore = await workerCpu();
    const started = Date.now();
    const jobIds = await extractAll(documentIds);
    const last = await prisma.job.aggregate({ where: { id: { in: jobIds } }, _max: { finishedAt: true } });
    const failed = await prisma.job.count({ where: { id: { in: jobIds }, status: { not: 'SUCCEEDED' } } });
    if (failed) throw new Error(`${failed} extraction jobs did not succeed`);
    const seconds = (last._max.finishedAt!.getTime() - started) / 1000;
    // the follow-up compilations finish before the next round
    await waitFor(allJobsDone, 10 * 60_000);
    const cpuPerJob = (await workerCpu() - cpuBefore) / jobIds.length;
    return { seconds, perMinute: (jobIds.length / seconds) * 60, cpuPerJob };
  } finally {
    await Promise.all(workers.map((w) => stopProcess(w)));
  }
}

try {
  const documentIds: number[] = [];
  for (let i = 0; i < DOCUMENTS + 2 * Math.max(...ROUNDS); i++) {
    const company = await prisma.company.create({ data: { name: `Bench ${i} plc` } });
    const pdf = await makeAnnualReport({ company: company.name, year: 2024, base: 10 + i });
    const { document } = await ingestDocument({ companyId: company.id, source: Readable.from([Buffer.from(pdf)]), fileName: 'annual-report.pdf' });
    documentIds.push(document.id);
  }
  console.log(`${DOCUMENTS} generated annual reports (4 pages each), ${os.cpus().length} CPU cores, load ${os.loadavg()[0]!.toFixed(1)}`);
  const results: { workers: number; seconds: number; perMinute: number; cpuPerJob: number }[] = [];
  for (const workers of ROUNDS) {
    const r = await round(workers, documentIds.slice(0, DOCUMENTS), documentIds.slice(DOCUMENTS));
    results.push({ workers, ...r });
    console.log(
      `  ${workers} worker${workers > 1 ? 's' : ' '}  ${r.perMinute.toFixed(0).padStart(5)} extraction jobs/min  (${DOCUMENTS} in ${r.seconds.toFixed(1)} s;` +
        ` worker CPU ${(r.cpuPerJob * 1000).toFixed(0)} ms per job with its compilation share)`,
    );
  }
  const one = results.find((r) => r.workers === 1);
  for (const r of results) {
    const speedup = one ? r.perMinute / one.perMinute : Number.NaN;
    reportFigure({
      benchmark: `Scale-out: extraction jobs per minute, ${r.workers} worker process${r.workers > 1 ? 'es' : ''}, ${DOCUMENTS} small PDFs`,
      figure: `${r.perMinute.toFixed(0)} jobs/min`,
      baseline: one ? `${one.perMinute.toFixed(0)} jobs/min (1 worker)` : '—',
      ratio: speedup,
      target: 'measured',
      pass: true,
    });
  }
} finally {
  await stopQueue({ graceful: false });
  await prisma.$disconnect();
  await database.stop();
  await rm(dataDir, { recursive: true, force: true });
}
