// Failures, each as a typed LlmError; the fake server's request count shows what was retried (never timed).
// Concurrency 1 makes the counts exact: the first statement's failure cancels the second before it is sent.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { LlmError } from '../../src/errors.js';
import { readPdf } from '../../src/extraction/pdf/read-pdf.js';
import { LlmStatementExtractor } from '../../src/extraction/llm/index.js';
import type { LlmOptionsInput } from '../../src/extraction/llm/options.js';
import type { PdfDocument } from '../../src/extraction/types.js';
import { FAKE_KEY, FAKE_MODEL, requestedStatement, startFakeOpenAi, type FakeOpenAi, type Reply } from '../helpers/fake-openai.js';
import { faithfulAnswer, makeStatementReport } from './statement-report.js';

let fake: FakeOpenAi;
let doc: PdfDocument;

beforeAll(async () => {
  fake = await startFakeOpenAi();
  doc = await readPdf(await makeStatementReport());
});
afterAll(() => fake.close());
beforeEach(() => {
  fake.requests.length = 0;
});

const extractor = (options: Partial<LlmOptionsInput> = {}) =>
  new LlmStatementExtractor({ baseURL: fake.baseURL, apiKey: FAKE_KEY, model: FAKE_MODEL, timeoutMs: 5_000, maxRetries: 2, concurrency: 1, ...options });

const faithful = (request: Parameters<FakeOpenAi['script']>[0]): Reply => ({
  content: JSON.stringify(faithfulAnswer(requestedStatement(request) as 'INCOME_STATEMENT' | 'BALANCE_SHEET')),
});

async function failure(promise: Promise<unknown>): Promise<LlmError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(LlmError);
  return error as LlmError;
}

describe('answers that are not a statement', () => {
  it('invalid JSON is a permanent BAD_RESPONSE, not retried', async () => {
    fake.script = () => ({ content: '{"found": true, "title": "Consolidated Inc' });
    const error = await failure(extractor().extract(doc));
    expect(error).toMatchObject({ code: 'BAD_RESPONSE', transient: false });
    expect(fake.requests).toHaveLength(1);
  });

  it('JSON that violates the schema is a BAD_RESPONSE naming the field', async () => {
    fake.script = (request) => {
      const answer = faithfulAnswer(requestedStatement(request) as 'INCOME_STATEMENT');
      return { content: JSON.stringify({ ...answer, lineItems: answer.lineItems.map((l) => ({ ...l, values: [12345, 11200] })) }) };
    };
    const error = await failure(extractor().extract(doc));
    expect(error).toMatchObject({ code: 'BAD_RESPONSE', transient: false });
    expect(error.message).toMatch(/lineItems/);
    expect(fake.requests).toHaveLength(1);
  });

  it('a row whose values do not match the columns is a BAD_RESPONSE', async () => {
    fake.script = (request) => {
      const answer = faithfulAnswer(requestedStatement(request) as 'INCOME_STATEMENT');
      answer.lineItems[2].values = ['5,345'];
      return { content: JSON.stringify(answer) };
    };
    const error = await failure(extractor().extract(doc));
    expect(error).toMatchObject({ code: 'BAD_RESPONSE' });
    expect(error.message).toMatch(/1 values for 2 columns/);
  });

  it('an answer cut off at the token limit is a BAD_RESPONSE', async () => {
    fake.script = () => ({ content: '{"found": true', finishReason: 'length' });
    expect(await failure(extractor().extract(doc))).toMatchObject({ code: 'BAD_RESPONSE', transient: false });
  });
});

describe('HTTP failures', () => {
  it('429 with Retry-After is retried by the SDK after the wait it asks for, then succeeds', async () => {
    fake.script = (request, attempt) =>
      attempt === 0 ? { status: 429, headers: { 'retry-after': '0.05' }, body: { error: { message: 'slow down', type: 'rate_limit', code: null } } } : faithful(request);
    const { statements } = await extractor().extractWithMetrics(doc);
    expect(statements).toHaveLength(2);
    expect(fake.requests).toHaveLength(3);
    expect(fake.requests[1].headers['x-stainless-retry-count']).toBe('1');
  });

  it('429 asking for a longer wait than allowed fails at once as transient RATE_LIMITED', async () => {
    fake.script = () => ({ status: 429, headers: { 'retry-after': '3600' }, body: { error: { message: 'quota', type: 'rate_limit', code: null } } });
    const error = await failure(extractor().extract(doc));
    expect(error).toMatchObject({ code: 'RATE_LIMITED', transient: true, status: 429, retryAfterSeconds: 3600 });
    expect(fake.requests).toHaveLength(1);
  });

  it('500s are retried maxRetries times, then a transient SERVER_ERROR', async () => {
    fake.script = () => ({ status: 500 });
    const error = await failure(extractor({ maxRetries: 2 }).extract(doc));
    expect(error).toMatchObject({ code: 'SERVER_ERROR', transient: true, status: 500 });
    expect(fake.requests).toHaveLength(3);
  });

  it('a 502 followed by success costs one extra request', async () => {
    fake.script = (request, attempt) => (attempt === 0 ? { status: 502 } : faithful(request));
    expect(await extractor({ maxRetries: 2 }).extract(doc)).toHaveLength(2);
    expect(fake.requests).toHaveLength(3);
  });

  it('an answer slower than timeoutMs is retried, then a transient TIMEOUT', async () => {
    fake.script = (request) => ({ ...faithful(request), delayMs: 10_000 });
    const error = await failure(extractor({ timeoutMs: 200, maxRetries: 1 }).extract(doc));
    expect(error).toMatchObject({ code: 'TIMEOUT', transient: true });
    expect(fake.requests).toHaveLength(2);
  });

  it('a bad key is a permanent UNAUTHORIZED, not retried', async () => {
    fake.script = faithful;
    const error = await failure(extractor({ apiKey: 'sk-wrong' }).extract(doc));
    expect(error).toMatchObject({ code: 'UNAUTHORIZED', transient: false, status: 401 });
    expect(fake.requests).toHaveLength(1);
  });

  it('an unknown model is a permanent MODEL_NOT_FOUND, not retried', async () => {
    fake.script = faithful;
    const error = await failure(extractor({ model: 'fake/no-such-model' }).extract(doc));
    expect(error).toMatchObject({ code: 'MODEL_NOT_FOUND', transient: false, status: 404 });
    expect(error.message).toContain('fake/no-such-model');
    expect(fake.requests).toHaveLength(1);
  });

  it('an unreachable provider is a transient CONNECTION error', async () => {
    const closed = await startFakeOpenAi();
    await closed.close();
    const error = await failure(extractor({ baseURL: closed.baseURL, maxRetries: 0 }).extract(doc));
    expect(error).toMatchObject({ code: 'CONNECTION', transient: true });
  });
});

describe('cancellation', () => {
  it("the caller's abort rejects with the caller's reason, not an LlmError", async () => {
    fake.script = (request) => ({ ...faithful(request), delayMs: 10_000 });
    const controller = new AbortController();
    const reason = new Error('job cancelled');
    const promise = extractor().extract(doc, { signal: controller.signal });
    setTimeout(() => controller.abort(reason), 50);
    await expect(promise).rejects.toBe(reason);
  });
});
