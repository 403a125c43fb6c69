// A running job is leased to its worker. The queue (pg-boss 10, no heartbeat) delivers a job again once it outlives
// JOB_EXPIRE_SECONDS: that delivery must not run it a second time while the first worker still renews its lease, and
// must come back later, so a job whose worker died is taken over once the lease has expired.
import { afterAll, describe, expect, it, vi } from 'vitest';

vi.hoisted(() => {
  process.env.JOB_EXPIRE_SECONDS = '1'; // the queue re-delivers a running job after ~1 s
  process.env.JOB_LEASE_SECONDS = '3'; // renewed every second while the handler runs
  process.env.JOB_RETRY_DELAY_SECONDS = '0';
  process.env.QUEUE_MAINTENANCE_SECONDS = '1';
});

import { prisma } from '../../src/db.js';
import type { Job } from '../../src/generated/prisma/client.js';
import { handlers } from '../../src/jobs/handlers.js';
import { stopQueue, workQueues } from '../../src/queue/index.js';
import * as jobs from '../../src/services/jobs/index.js';
import { waitForJob } from '../helpers/jobs.js';

afterAll(async () => {
  await stopQueue({ graceful: false });
});

/** Every delivery of a job to any of the two workers, and every start of its handler. */
const deliveries = new Map<number, number>();
const invocations = new Map<number, number>();
const bump = (m: Map<number, number>, id: number) => m.set(id, (m.get(id) ?? 0) + 1);
const held = new Map<number, Promise<void>>();

const counting: jobs.JobHandlers = {
  ...handlers,
  // Holds the job (without progress reports: only the lease timer renews it) until the test lets it go.
  COMPILE_COMPANY: async (_input, _progress, job: Job) => {
    bump(invocations, job.id);
    await held.get(job.id);
    return { held: true };
  },
};

let started = false;
async function startTwoWorkers() {
  if (started) return;
  started = true;
  for (const workerId of ['lease-worker-a', 'lease-worker-b']) {
    await workQueues((message) => {
      bump(deliveries, message.jobId);
      return jobs.runJob(message.jobId, workerId, counting);
    }, 1);
  }
}

async function compileJob(name: string) {
  const company = await prisma.company.create({ data: { name } });
  const { job } = await jobs.enqueueJob({ kind: 'COMPILE_COMPANY', input: { companyId: company.id, includeInterim: false }, dedupeKey: `lease:${name}` });
  return job;
}

async function until(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`still waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('the job lease', () => {
  it('runs a job that outlives the queue expiry once, while the queue delivers it again', async () => {
    let release!: () => void;
    const job = await compileJob('Long Runner plc');
    held.set(job.id, new Promise<void>((r) => (release = r)));
    await startTwoWorkers();

    // The queue expires the first delivery and delivers the job again (more than once while it runs 3+ leases).
    await until(() => (deliveries.get(job.id) ?? 0) >= 3, 'the queue to deliver the running job again');
    expect(invocations.get(job.id)).toBe(1);
    expect((await jobs.getJob(job.id)).status).toBe('RUNNING');
    release();

    const done = await waitForJob(job.id);
    expect(done).toMatchObject({ status: 'SUCCEEDED', attempts: 1, result: { held: true } });
    expect(invocations.get(job.id)).toBe(1);
  });

  it('takes over a job whose worker died once its lease has expired, and runs it to the end', async () => {
    const job = await compileJob('Orphaned plc');
    held.set(job.id, Promise.resolve());
    // A worker took the job (RUNNING under its lease) and died before renewing it: its delivery is the queue's.
    const dead = await jobs.startAttempt(job.id, 'lease-worker-dead');
    expect(dead).toMatchObject({ status: 'RUNNING', lockedBy: 'lease-worker-dead', attempts: 1 });
    await startTwoWorkers();

    // Delivered while the dead worker's lease still holds: not run, handed back to the queue for later.
    await until(() => (deliveries.get(job.id) ?? 0) >= 1, 'the delivery of the orphaned job');
    expect(invocations.get(job.id)).toBeUndefined();

    const done = await waitForJob(job.id);
    expect(done).toMatchObject({ status: 'SUCCEEDED', attempts: 2 });
    expect(invocations.get(job.id)).toBe(1);
    expect(deliveries.get(job.id)).toBeGreaterThanOrEqual(2); // the first found the lease held, a later one took it
  });

  it('stops a worker that lost its lease from finishing the job: only the new holder succeeds', async () => {
    const job = await compileJob('Stalled plc');
    const first = await jobs.startAttempt(job.id, 'lease-worker-stalled');
    expect(first?.lockedBy).toBe('lease-worker-stalled');
    // Its lease lapses (a stalled event loop); another worker takes the job.
    await prisma.job.update({ where: { id: job.id }, data: { lockedAt: new Date(Date.now() - 10_000) } });
    expect(await jobs.startAttempt(job.id, 'lease-worker-new')).toMatchObject({ lockedBy: 'lease-worker-new', attempts: 2 });

    const stalled = jobs.progressReporter(job.id, 'COMPILE_COMPANY', 'lease-worker-stalled');
    await expect(stalled.report('compile', 1, 1)).rejects.toBeInstanceOf(jobs.JobCancelledError);
    expect(await jobs.renewLease(job.id, 'lease-worker-stalled')).toBe(false);
    expect(await jobs.succeed(job.id, 'lease-worker-stalled', { by: 'stalled' }, undefined)).toBe(false);
    expect(await jobs.succeed(job.id, 'lease-worker-new', { by: 'new' }, undefined)).toBe(true);
    expect(await jobs.getJob(job.id)).toMatchObject({ status: 'SUCCEEDED', result: { by: 'new' } });
  });
});
