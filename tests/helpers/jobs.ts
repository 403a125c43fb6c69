import { prisma } from '../../src/db.js';
import type { Job } from '../../src/generated/prisma/client.js';

const FINISHED = ['SUCCEEDED', 'FAILED', 'CANCELLED'];

/** Polls the Job row until it has finished (or `until` holds); fails after `timeoutMs`. */
export async function waitForJob(id: number, options: { timeoutMs?: number; until?: (job: Job) => boolean } = {}): Promise<Job> {
  const deadline = Date.now() + (options.timeoutMs ?? 30_000);
  const until = options.until ?? ((j: Job) => FINISHED.includes(j.status));
  for (;;) {
    const job = await prisma.job.findUniqueOrThrow({ where: { id } });
    if (until(job)) return job;
    if (Date.now() > deadline) throw new Error(`job ${id} is still ${job.status} (${job.progressStep}) after the wait`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export const globalId = (type: string, id: number) => Buffer.from(`${type}:${id}`).toString('base64');
export const dbId = (globalId: string) => Number(Buffer.from(globalId, 'base64').toString().split(':')[1]);
