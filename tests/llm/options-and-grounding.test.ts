// The pieces without a server: settings from the environment, grounding of one figure, the semaphore.
import { describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { llmOptionsFromEnv } from '../../src/extraction/llm/index.js';
import { groundValue, type PageFigures } from '../../src/extraction/llm/grounding.js';
import { Semaphore } from '../../src/extraction/llm/semaphore.js';

describe('llmOptionsFromEnv', () => {
  it('reads the LLM_* variables, with defaults for the optional ones', () => {
    expect(llmOptionsFromEnv({ LLM_BASE_URL: 'https://openrouter.ai/api/v1', LLM_API_KEY: 'k', LLM_MODEL: 'openai/gpt-4o-mini' })).toEqual({
      baseURL: 'https://openrouter.ai/api/v1',
      apiKey: 'k',
      model: 'openai/gpt-4o-mini',
      timeoutMs: 120_000,
      maxRetries: 2,
      concurrency: 2,
      maxRetryAfterSeconds: 60,
    });
  });

  it('coerces numbers and treats empty variables as unset', () => {
    const options = llmOptionsFromEnv({ LLM_API_KEY: 'k', LLM_MODEL: 'm', LLM_TIMEOUT_MS: '30000', LLM_MAX_RETRIES: '0', LLM_CONCURRENCY: '', LLM_BASE_URL: '' });
    expect(options).toMatchObject({ baseURL: 'https://api.openai.com/v1', timeoutMs: 30_000, maxRetries: 0, concurrency: 2 });
  });

  it('names what is missing or malformed', () => {
    expect(() => llmOptionsFromEnv({ LLM_MODEL: 'm', LLM_CONCURRENCY: 'many' })).toThrow(ZodError);
    try {
      llmOptionsFromEnv({ LLM_MODEL: 'm', LLM_CONCURRENCY: 'many' });
    } catch (error) {
      expect((error as ZodError).issues.map((i) => i.path[0])).toEqual(['LLM_API_KEY', 'LLM_CONCURRENCY']);
    }
  });
});

const page = (entries: [string, (1 | -1)[]][], decimalComma = false): PageFigures => ({
  style: { decimalComma },
  signs: new Map(entries.map(([m, s]) => [m, new Set(s)])),
});

describe('groundValue', () => {
  const printed = page([['1234', [-1]], ['5000', [1, -1]], ['3.02', [1]]]);

  it('keeps a figure printed on the page however the model writes it', () => {
    for (const text of ['(1,234)', '-1234', '-1,234', '−1 234']) {
      expect(groundValue(text, printed)).toEqual({ outcome: 'grounded', value: '-1234', signCorrected: false });
    }
    expect(groundValue('3.02', printed)).toEqual({ outcome: 'grounded', value: '3.02', signCorrected: false });
  });

  it('takes the sign from the page when the page prints those digits with one sign only', () => {
    expect(groundValue('1,234', printed)).toEqual({ outcome: 'grounded', value: '-1234', signCorrected: true });
    expect(groundValue('(5,000)', printed)).toEqual({ outcome: 'grounded', value: '-5000', signCorrected: false });
  });

  it('drops figures not on the page, or that are not figures', () => {
    expect(groundValue('1,235', printed)).toEqual({ outcome: 'dropped', reason: 'not on page' });
    expect(groundValue('about 1,234', printed)).toEqual({ outcome: 'dropped', reason: 'unparseable' });
    expect(groundValue('1,234', undefined)).toEqual({ outcome: 'dropped', reason: 'not on page' });
  });

  it('reads a dash or null as nil, never as a figure', () => {
    expect(groundValue(null, printed)).toEqual({ outcome: 'nil' });
    expect(groundValue('—', printed)).toEqual({ outcome: 'nil' });
  });

  it("uses the page's decimal comma", () => {
    expect(groundValue('1.234,5', page([['1234.5', [1]]], true))).toEqual({ outcome: 'grounded', value: '1234.5', signCorrected: false });
  });
});

describe('Semaphore', () => {
  it('lets a queued caller leave on abort without taking a slot', async () => {
    const slots = new Semaphore(1);
    let release!: () => void;
    const first = slots.run(() => new Promise<void>((r) => (release = r)));
    const controller = new AbortController();
    const queued = slots.run(async () => 'ran', controller.signal);
    controller.abort(new Error('gone'));
    await expect(queued).rejects.toThrow('gone');
    release();
    await first;
    await expect(slots.run(async () => 'next')).resolves.toBe('next');
  });
});
