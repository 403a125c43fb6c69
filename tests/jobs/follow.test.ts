// Following a job ends once it has finished even when its last change was never announced (a NOTIFY lost while
// the LISTEN connection was down): the follower also re-reads the row now and then. It ends too if the row is gone.
import { afterAll, describe, expect, it } from 'vitest';
import { prisma } from '../../src/db.js';
import { stopListening } from '../../src/db/notifications.js';
import { followJob } from '../../src/services/jobs/index.js';

afterAll(async () => {
  await stopListening();
});

async function collect(stream: AsyncGenerator<{ status: string }>) {
  const statuses: string[] = [];
  for await (const job of stream) statuses.push(job.status);
  return statuses;
}

describe('followJob', () => {
  it('ends with the finished state when the change was not announced', async () => {
    const job = await prisma.job.create({ data: { kind: 'COMPILE_COMPANY', status: 'RUNNING' } });
    const stream = followJob(job.id, new AbortController().signal, { recheckMs: 50 });
    const first = await stream.next();
    expect(first.value).toMatchObject({ status: 'RUNNING' });
    await prisma.job.update({ where: { id: job.id }, data: { status: 'SUCCEEDED', finishedAt: new Date() } }); // no NOTIFY
    expect(await collect(stream)).toEqual(['SUCCEEDED']);
  });

  it('ends when the job row no longer exists, and when the client goes away', async () => {
    const gone = await prisma.job.create({ data: { kind: 'COMPILE_COMPANY', status: 'QUEUED' } });
    const stream = followJob(gone.id, new AbortController().signal, { recheckMs: 50 });
    await stream.next();
    await prisma.job.delete({ where: { id: gone.id } });
    expect(await collect(stream)).toEqual([]);

    const waiting = await prisma.job.create({ data: { kind: 'COMPILE_COMPANY', status: 'QUEUED' } });
    const client = new AbortController();
    const followed = followJob(waiting.id, client.signal);
    await followed.next();
    client.abort();
    expect(await collect(followed)).toEqual([]);
  });
});
