// `npm run bench:scale`: extraction jobs per minute with 1, 2 and 3 worker processes (`src/worker.ts`, separate OS
// processes) on one database, for small generated annual reports (4 pages, three statements each). Each round
// starts its workers first (start-up is not timed), enqueues every document's extraction at once and times until
// the last one has finished; the follow-up compilations run as they would in production and finish before the next
// round. BENCH_SCALE_DOCUMENTS sets the number of documents (default 24), BENCH_SCALE_WORKERS the rounds ("1,2,3").
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { clusterEnv, startWorkerProcess, stopProcess, type AppProcess } from '../tests/helpers/processes.js';
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

const ENV = clusterEnv({ WORKER_CONCURRENCY: '1', COMPILE_DEBOUNCE_SECONDS: '1' });

async function waitFor(check: () => Promise<boolean>, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('the jobs did not finish in time');
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function round(workerCount: number, documentIds: number[]) {
  const workers: AppProcess[] = await Promise.all(Array.from({ length: workerCount }, () => startWorkerProcess(ENV)));
  try {
    const started = Date.now();
    const jobIds: number[] = [];
    for (const id of documentIds) jobIds.push((await requestExtraction(id, 'LAYOUT')).job.id);
    const extractionsDone = async () =>
      (await prisma.job.count({ where: { id: { in: jobIds }, status: { in: ['SUCCEEDED', 'FAILED', 'CANCELLED'] } } })) === jobIds.length;
    await waitFor(extractionsDone, 30 * 60_000);
    const last = await prisma.job.aggregate({ where: { id: { in: jobIds } }, _max: { finishedAt: true } });
    const failed = await prisma.job.count({ where: { id: { in: jobIds }, status: { not: 'SUCCEEDED' } } });
    if (failed) throw new Error(`${failed} extraction jobs did not succeed`);
    const seconds = (last._max.finishedAt!.getTime() - started) / 1000;
    // the follow-up compilations finish before the next round
    await waitFor(async () => (await prisma.job.count({ where: { status: { in: ['QUEUED', 'RUNNING'] } } })) === 0, 10 * 60_000);
    return { seconds, perMinute: (jobIds.length / seconds) * 60 };
  } finally {
    await Promise.all(workers.map((w) => stopProcess(w)));
  }
}

try {
  const documentIds: number[] = [];
  for (let i = 0; i < DOCUMENTS; i++) {
    const company = await prisma.company.create({ data: { name: `Bench ${i} plc` } });
    const pdf = await makeAnnualReport({ company: company.name, year: 2024, base: 10 + i });
    const { document } = await ingestDocument({ companyId: company.id, source: Readable.from([Buffer.from(pdf)]), fileName: 'annual-report.pdf' });
    documentIds.push(document.id);
  }
  console.log(`${DOCUMENTS} generated annual reports (4 pages each), ${os.cpus().length} CPU cores, load ${os.loadavg()[0]!.toFixed(1)}`);
  const results: { workers: number; seconds: number; perMinute: number }[] = [];
  for (const workers of ROUNDS) {
    const r = await round(workers, documentIds);
    results.push({ workers, ...r });
    console.log(`  ${workers} worker${workers > 1 ? 's' : ' '}  ${r.perMinute.toFixed(0).padStart(5)} extraction jobs/min  (${DOCUMENTS} in ${r.seconds.toFixed(1)} s)`);
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
