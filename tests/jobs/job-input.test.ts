// Each job kind's input is typed and validated: a malformed one is refused when enqueued, and a stored one that
// does not fit (written by hand or by another version) fails its job at once with INVALID_JOB_INPUT, never retried.
import { afterAll, describe, expect, it } from 'vitest';
import { prisma } from '../../src/db.js';
import { InvalidJobInputError } from '../../src/errors.js';
import { handlers } from '../../src/jobs/handlers.js';
import { stopQueue } from '../../src/queue/index.js';
import * as jobs from '../../src/services/jobs/index.js';

afterAll(async () => {
  await stopQueue({ graceful: false });
});

describe('job input', () => {
  it('is refused when enqueued malformed, naming the field', async () => {
    const bad = [
      { kind: 'EXTRACT_DOCUMENT', input: { provider: 'LAYOUT' }, field: 'documentId' },
      { kind: 'COMPILE_COMPANY', input: { companyId: -1 }, field: 'companyId' },
      { kind: 'DISCOVER_DOCUMENTS', input: { companyId: 1, url: 'ftp://x' }, field: 'url' },
      { kind: 'PROCESS_COMPANY', input: { companyId: 1, provider: 'PAPER' }, field: 'provider' },
    ] as const;
    for (const { kind, input, field } of bad) {
      const attempt = jobs.enqueueJob({ kind, input: input as never, dedupeKey: `bad:${kind}` });
      await expect(attempt).rejects.toBeInstanceOf(InvalidJobInputError);
      await expect(attempt).rejects.toThrow(field);
    }
    expect(await prisma.job.count({ where: { dedupeKey: { startsWith: 'bad:' } } })).toBe(0);
  });

  it('fails a job whose stored input does not fit its kind at once, without retrying it', async () => {
    const company = await prisma.company.create({ data: { name: 'Bad Input plc' } });
    const { job } = await jobs.requestCompilation(company.id);
    await prisma.job.update({ where: { id: job.id }, data: { input: { companyId: 'one', includeInterim: 'yes' } } });
    await jobs.runJob(job.id, 'input-test', handlers); // resolves: a permanent failure is not handed back to the queue
    const failed = await jobs.getJob(job.id);
    expect(failed).toMatchObject({ status: 'FAILED', attempts: 1, errorCode: 'INVALID_JOB_INPUT' });
    expect(failed.errorMessage).toContain('companyId');
    expect(await prisma.compiledStatement.count({ where: { companyId: company.id } })).toBe(0);
    await expect(jobs.retryJob(job.id)).rejects.toThrow(/cannot be retried: .*companyId/);
  });

  it('reads rows written before the ids moved into the input from their columns', () => {
    const old = { kind: 'EXTRACT_DOCUMENT' as const, companyId: 3, documentId: 7, input: { provider: 'LAYOUT' } };
    expect(jobs.inputOfJob(old)).toEqual({ documentId: 7, companyId: 3, provider: 'LAYOUT' });
    // Once the subject is deleted the columns are null and the input still says what the job was about.
    const orphan = { kind: 'COMPILE_COMPANY' as const, companyId: null, documentId: null, input: { companyId: 3, includeInterim: true } };
    expect(jobs.inputOfJob(orphan)).toEqual({ companyId: 3, includeInterim: true });
  });
});
