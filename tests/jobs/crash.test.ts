// A worker killed with SIGKILL in the middle of a job must not lose it: after a new worker starts, the job is
// taken over once the dead worker's lease has lapsed, runs again, and the document ends with exactly one
// extraction per statement type. Real child processes.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, describe, expect, it, vi } from 'vitest';

vi.hoisted(() => {
  process.env.JOB_EXPIRE_SECONDS = '5';
  process.env.JOB_LEASE_SECONDS = '4'; // the killed worker's lease lapses 4 s after its last renewal
  process.env.JOB_RETRY_DELAY_SECONDS = '0';
  process.env.QUEUE_MAINTENANCE_SECONDS = '1';
});

import { prisma } from '../../src/db.js';
import { stopQueue } from '../../src/queue/index.js';
import { ingestDocument } from '../../src/services/documents/index.js';
import { enqueueJob } from '../../src/services/jobs/index.js';
import { DEV_REPORTS } from '../helpers/ir-site.js';
import { waitForJob } from '../helpers/jobs.js';

const LYFT = path.join(DEV_REPORTS, 'lyft_2021.pdf');
const ROOT = path.resolve(import.meta.dirname, '../..');
const children: ChildProcess[] = [];

function startWorkerProcess(): ChildProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/worker.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: 'development',
      LOG_LEVEL: 'warn',
      WORKER_CONCURRENCY: '1',
      WORKER_METRICS_PORT: '0', // any free port: never the default one another process may hold
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  child.stderr!.on('data', () => {}); // drained; logs go nowhere unless debugging
  children.push(child);
  return child;
}

const exited = (child: ChildProcess) =>
  new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.exitCode !== null || child.signalCode !== null
      ? resolve({ code: child.exitCode, signal: child.signalCode })
      : child.once('exit', (code, signal) => resolve({ code, signal })),
  );

afterAll(async () => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  await stopQueue({ graceful: false });
});

describe.skipIf(!existsSync(LYFT))('a worker killed mid-job', () => {
  it('loses nothing: the job runs again and leaves one extraction per statement type', async () => {
    const company = await prisma.company.create({ data: { name: 'Lyft, Inc.' } });
    const { document } = await ingestDocument({ companyId: company.id, source: Readable.from([await readFile(LYFT)]) });
    const { job } = await enqueueJob({
      kind: 'EXTRACT_DOCUMENT',
      input: { documentId: document.id, companyId: company.id, provider: 'LAYOUT' },
      dedupeKey: `extract:${document.id}:LAYOUT`,
    });

    const first = startWorkerProcess();
    await waitForJob(job.id, { timeoutMs: 60_000, until: (j) => j.status === 'RUNNING' && (j.progressCurrent ?? 0) > 0 });
    first.kill('SIGKILL');
    expect((await exited(first)).signal).toBe('SIGKILL');
    const orphaned = await prisma.job.findUniqueOrThrow({ where: { id: job.id } });
    expect(orphaned.status).toBe('RUNNING'); // nobody is running it now
    expect(await prisma.extraction.count({ where: { documentId: document.id } })).toBe(0);

    const second = startWorkerProcess();
    const done = await waitForJob(job.id, { timeoutMs: 90_000 });
    expect(done.status).toBe('SUCCEEDED');
    expect(done.attempts).toBe(2); // the dead worker's attempt and the one that took over its lapsed lease
    const byType = await prisma.extraction.groupBy({ by: ['statementType'], where: { documentId: document.id }, _count: true });
    expect(byType.map((g) => [g.statementType, g._count]).sort()).toEqual([
      ['BALANCE_SHEET', 1],
      ['CASH_FLOW_STATEMENT', 1],
      ['INCOME_STATEMENT', 1],
    ]);

    second.kill('SIGTERM'); // graceful: exits 0 once its (idle) work has stopped
    expect(await exited(second)).toEqual({ code: 0, signal: null });
  });
});
