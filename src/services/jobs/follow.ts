// Following a job: its state now and after every change, ending once it has finished. Changes arrive by NOTIFY;
// a slow re-read also runs, so a notification lost while the LISTEN connection was down cannot leave a stream open
// after its job ended.
import { setTimeout as delay } from 'node:timers/promises';
import { prisma } from '../../db.js';
import { jobChanges } from '../../db/notifications.js';
import type { Job } from '../../generated/prisma/client.js';
import { FINISHED } from './state.js';

const RECHECK_MS = 15_000;

const snapshot = (j: Job) => `${j.status}|${j.progressStep}|${j.progressCurrent}|${j.progressTotal}|${j.attempts}`;

/** Yields the job, then each visible change; returns after yielding it finished (or once it no longer exists). */
export async function* followJob(id: number, signal: AbortSignal, options: { recheckMs?: number } = {}): AsyncGenerator<Job> {
  const stop = new AbortController();
  const onAbort = () => stop.abort();
  signal.addEventListener('abort', onAbort, { once: true });
  try {
    const changes = (await jobChanges(id, stop.signal))[Symbol.asyncIterator](); // listen first: no change is lost
    let last = '';
    // Both outcomes of each wait are handled here, so an abort never leaves a rejected promise behind.
    let change = changes.next().then(() => 'change' as const, () => 'stopped' as const);
    for (;;) {
      const job = await prisma.job.findUnique({ where: { id } });
      if (!job) return;
      if (snapshot(job) !== last) {
        last = snapshot(job);
        yield job;
      }
      if (FINISHED.includes(job.status) || stop.signal.aborted) return;
      const wait = new AbortController(); // ends this wait's timer once a change wins the race
      const recheck = delay(options.recheckMs ?? RECHECK_MS, 'recheck' as const, { signal: AbortSignal.any([stop.signal, wait.signal]) });
      const woke = await Promise.race([change, recheck.catch(() => 'stopped' as const)]);
      wait.abort();
      if (woke === 'stopped' || stop.signal.aborted) return;
      if (woke === 'change') change = changes.next().then(() => 'change' as const, () => 'stopped' as const);
    }
  } finally {
    signal.removeEventListener('abort', onAbort);
    stop.abort();
  }
}
