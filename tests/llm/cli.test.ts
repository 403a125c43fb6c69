// `fde extract --provider llm` end to end: a child process against the fake OpenAI-compatible server.
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAKE_KEY, FAKE_MODEL, requestedStatement, startFakeOpenAi, type FakeOpenAi } from '../helpers/fake-openai.js';
import { faithfulAnswer, makeStatementReport, NOT_FOUND_ANSWER } from './statement-report.js';

const root = resolve(import.meta.dirname, '../..');
let fake: FakeOpenAi;
let file: string;

beforeAll(async () => {
  fake = await startFakeOpenAi();
  file = join(mkdtempSync(join(tmpdir(), 'fde-llm-cli-')), 'report.pdf');
  writeFileSync(file, await makeStatementReport());
});
afterAll(() => fake.close());

function fde(env: Record<string, string>) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((done) => {
    const child = spawn(join(root, 'node_modules/.bin/tsx'), ['src/cli/index.ts', 'extract', file, '--json', '--provider', 'llm'], {
      cwd: root,
      env: { ...process.env, LLM_BASE_URL: fake.baseURL, LLM_MODEL: FAKE_MODEL, LLM_MAX_RETRIES: '0', ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}

describe('fde extract --provider llm', () => {
  it('prints the contract JSON from the model’s grounded answer', async () => {
    fake.script = (request) => {
      const type = requestedStatement(request);
      const answer = type === 'INCOME_STATEMENT' || type === 'BALANCE_SHEET' ? faithfulAnswer(type) : NOT_FOUND_ANSWER;
      return { content: JSON.stringify(answer) };
    };
    const run = await fde({ LLM_API_KEY: FAKE_KEY });
    expect(run.code, run.stderr).toBe(0);
    const out = JSON.parse(run.stdout);
    expect(out.schemaVersion).toBe(1);
    const income = out.statements.find((s: { type: string }) => s.type === 'INCOME_STATEMENT');
    expect(income.lineItems.find((l: { label: string }) => l.label === 'Revenue').values).toEqual([12345, 11200]);
  });

  it('a bad key: one line naming the failure, non-zero exit', async () => {
    const run = await fde({ LLM_API_KEY: 'sk-wrong' });
    expect(run.code).not.toBe(0);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain('UNAUTHORIZED');
  });
});
