// EXTRACT_DOCUMENT jobs with the LLM provider against a fake OpenAI-compatible server: each way the model or the
// service can behave ends in a definite job state, and a failed job leaves no extraction behind.
import { Readable } from 'node:stream';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';

vi.hoisted(() => {
  process.env.JOB_MAX_ATTEMPTS = '2';
  process.env.JOB_RETRY_DELAY_SECONDS = '0';
  process.env.COMPILE_DEBOUNCE_SECONDS = '0';
  process.env.LLM_MAX_RETRIES = '1';
  process.env.LLM_TIMEOUT_MS = '1500';
});

import { prisma } from '../../src/db.js';
import { handlers } from '../../src/jobs/handlers.js';
import { startWorker, type Worker } from '../../src/jobs/worker.js';
import { ingestDocument } from '../../src/services/documents/index.js';
import { cancelJob, enqueueJob, getJob, runJob } from '../../src/services/jobs/index.js';
import { FAKE_KEY, FAKE_MODEL, requestedStatement, startFakeOpenAi, type FakeOpenAi, type Reply } from '../helpers/fake-openai.js';
import { waitForJob } from '../helpers/jobs.js';
import { faithfulAnswer, makeStatementReport, NOT_FOUND_ANSWER } from '../llm/statement-report.js';

let fake: FakeOpenAi;
let worker: Worker;
let companyId: number;
let documentId: number;

beforeAll(async () => {
  fake = await startFakeOpenAi();
  process.env.LLM_BASE_URL = fake.baseURL;
  process.env.LLM_API_KEY = FAKE_KEY;
  process.env.LLM_MODEL = FAKE_MODEL;
  worker = await startWorker({ concurrency: 1 });
  companyId = (await prisma.company.create({ data: { name: 'Model Co' } })).id;
  const bytes = await makeStatementReport();
  documentId = (await ingestDocument({ companyId, source: Readable.from([Buffer.from(bytes)]) })).document.id;
});
afterAll(async () => {
  await worker.stop({ timeoutMs: 5_000 });
  await fake.close();
  await (await import('../../src/db/notifications.js')).stopListening();
});
beforeEach(async () => {
  fake.requests.length = 0;
  await prisma.extraction.deleteMany({ where: { documentId } });
});

function faithful(request: Parameters<FakeOpenAi['script']>[0]): Reply {
  const type = requestedStatement(request);
  const answer = type === 'INCOME_STATEMENT' || type === 'BALANCE_SHEET' ? faithfulAnswer(type) : NOT_FOUND_ANSWER;
  return { content: JSON.stringify(answer) };
}

async function runLlmJob() {
  const { job } = await enqueueJob({
    kind: 'EXTRACT_DOCUMENT',
    input: { documentId, companyId, provider: 'LLM' },
    dedupeKey: `extract:${documentId}:LLM:${Math.random()}`,
  });
  return waitForJob(job.id, { timeoutMs: 45_000 });
}

const llmRows = () => prisma.extraction.count({ where: { documentId, provider: 'LLM' } });

describe('LLM extraction jobs', () => {
  it('a faithful model: SUCCEEDED, statements stored with model, timing and the characters-sent ratio', async () => {
    fake.script = faithful;
    const job = await runLlmJob();
    expect(job).toMatchObject({ status: 'SUCCEEDED', attempts: 1 });
    const rows = await prisma.extraction.findMany({ where: { documentId, provider: 'LLM' }, orderBy: { statementType: 'asc' } });
    expect(rows.map((r) => r.statementType).sort()).toEqual(['BALANCE_SHEET', 'INCOME_STATEMENT']);
    expect(rows[0]).toMatchObject({ model: FAKE_MODEL });
    expect(rows[0]!.durationMs).toBeGreaterThanOrEqual(0);
    const usage = rows[0]!.usage as { sentRatio: number; charactersSent: number; charactersInDocument: number };
    expect(usage.sentRatio).toBeGreaterThan(0);
    expect(usage.sentRatio).toBeLessThan(1);
    expect(usage.charactersSent).toBeLessThan(usage.charactersInDocument);
    const result = job.result as { usage: { sentRatio: number } };
    expect(result.usage.sentRatio).toBe(usage.sentRatio);
  });

  it('invented numbers: SUCCEEDED, the invented figures dropped and the statement marked by a failing grounding check', async () => {
    fake.script = (request) => {
      const reply = faithful(request);
      const answer = JSON.parse(reply.content!);
      if (answer.found) answer.lineItems[0].values = ['987,654', '123,456'];
      return { content: JSON.stringify(answer) };
    };
    const job = await runLlmJob();
    expect(job.status).toBe('SUCCEEDED');
    const first = await prisma.extractedLine.findFirstOrThrow({
      where: { extraction: { documentId, provider: 'LLM', statementType: 'INCOME_STATEMENT' }, position: 0 },
      include: { values: true },
    });
    expect(first.values.every((v) => v.value === null)).toBe(true);
    const extraction = await prisma.extraction.findFirstOrThrow({ where: { documentId, provider: 'LLM', statementType: 'INCOME_STATEMENT' } });
    expect((extraction.checks as { passed: boolean }[]).some((c) => !c.passed)).toBe(true);
  });

  it('429 with retry-after, then success: SUCCEEDED on the first attempt (the SDK waits and retries)', async () => {
    fake.script = (request, attempt) => (attempt === 0 ? { status: 429, headers: { 'retry-after': '0' }, body: { error: { message: 'slow down' } } } : faithful(request));
    const job = await runLlmJob();
    expect(job).toMatchObject({ status: 'SUCCEEDED', attempts: 1 });
    expect(await llmRows()).toBe(2);
  });

  it.each([
    ['invalid JSON', (): Reply => ({ content: '{"found": tru' }), 'LLM_BAD_RESPONSE', 1],
    ['schema-violating JSON', (): Reply => ({ content: JSON.stringify({ found: true, rows: [] }) }), 'LLM_BAD_RESPONSE', 1],
    ['500s', (): Reply => ({ status: 500, body: { error: { message: 'boom' } } }), 'LLM_SERVER_ERROR', 2],
    ['a timeout', (): Reply => ({ delayMs: 3_000, content: '{}' }), 'LLM_TIMEOUT', 2],
  ])('%s: FAILED with the expected code after the expected attempts, writing nothing', async (_name, reply, code, attempts) => {
    fake.script = reply;
    const job = await runLlmJob();
    expect(job).toMatchObject({ status: 'FAILED', errorCode: code, attempts });
    expect(await llmRows()).toBe(0);
  });

  it('a bad key: FAILED with LLM_UNAUTHORIZED at once, never retried, writing nothing', async () => {
    fake.script = faithful;
    process.env.LLM_API_KEY = 'sk-wrong';
    try {
      const job = await runLlmJob();
      expect(job).toMatchObject({ status: 'FAILED', errorCode: 'LLM_UNAUTHORIZED', attempts: 1 });
      expect(await llmRows()).toBe(0);
    } finally {
      process.env.LLM_API_KEY = FAKE_KEY;
    }
  });

  it('a cancel while the model answers: the next answer is not waited for, nothing is written', async () => {
    await worker.stop({ timeoutMs: 5_000 }); // this test runs the job itself, to know when it has ended
    process.env.LLM_CONCURRENCY = '1';
    let jobId = 0;
    try {
      // The first answer takes longer than the progress throttle, so the report after it is written (and checked).
      fake.script = async (request, attempt) => {
        if (attempt === 0) await cancelJob(jobId);
        return { ...faithful(request), delayMs: attempt === 0 ? 300 : 1_200 };
      };
      ({ id: jobId } = (await enqueueJob({
        kind: 'EXTRACT_DOCUMENT',
        input: { documentId, companyId, provider: 'LLM' },
        dedupeKey: `extract:${documentId}:LLM:cancel`,
      })).job);
      await runJob(jobId, 'llm-cancel-test', handlers);
      expect(await getJob(jobId)).toMatchObject({ status: 'CANCELLED', attempts: 1 });
      // The report after the first answer met the cancel and aborted what was still asked (if it was sent at all).
      expect(fake.requests[0]!.clientGone ?? false).toBe(false);
      expect(fake.requests.slice(1).map((r) => r.clientGone ?? false)).not.toContain(false);
      expect(await llmRows()).toBe(0);
    } finally {
      delete process.env.LLM_CONCURRENCY;
      worker = await startWorker({ concurrency: 1 });
    }
  });

  it('an unknown model: FAILED with LLM_MODEL_NOT_FOUND at once', async () => {
    fake.script = faithful;
    process.env.LLM_MODEL = 'no/such-model';
    try {
      const job = await runLlmJob();
      expect(job).toMatchObject({ status: 'FAILED', errorCode: 'LLM_MODEL_NOT_FOUND', attempts: 1 });
    } finally {
      process.env.LLM_MODEL = FAKE_MODEL;
    }
  });
});
