// `fde extract` on inline XBRL: the same contract JSON as for a PDF, provider "xbrl", each value's fact.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { bytesOf, ixbrlDocument, reportPackage } from './make-ixbrl.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const fixtures = resolve(root, '../shared/fixtures/xbrl');
const tsx = join(root, 'node_modules/.bin/tsx');

function fde(...args: string[]) {
  const run = spawnSync(tsx, ['src/cli/index.ts', ...args], { cwd: root, encoding: 'utf8', timeout: 120_000 });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe.skipIf(!existsSync(fixtures))('fde extract on inline XBRL', () => {
  it('prints the contract JSON for a report package, with the provider and the fact behind each value', () => {
    const run = fde('extract', join(fixtures, 'esef/gleif-annual-report-2017.zip'), '--json');
    expect(run.code, run.stderr).toBe(0);
    const doc = JSON.parse(run.stdout);
    expect(doc).toMatchObject({ schemaVersion: 1, provider: 'xbrl', source: { file: 'gleif-annual-report-2017.zip', pages: 1 } });
    expect(doc.statements.map((s: { type: string }) => s.type)).toEqual(['INCOME_STATEMENT', 'BALANCE_SHEET', 'CASH_FLOW_STATEMENT']);
    const cash = doc.statements[1].lineItems.find((l: { concept: string }) => l.concept === 'cash_and_equivalents');
    expect(cash).toMatchObject({ label: 'Cash and cash equivalents', values: [3323743, 5071643], facts: [expect.objectContaining({ concept: 'ifrs:CashAndCashEquivalents', contextRef: expect.any(String) }), expect.anything()] });
    // exact literals: no figure passes through a float
    expect(run.stdout).toContain('"values": [\n            3323743,');
  });

  it('prints tables for an SEC filing, and exits non-zero with one line for hostile input', () => {
    const run = fde('extract', join(fixtures, 'sec/nvda-10-k-2025-02-26.html'));
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/INCOME_STATEMENT: Consolidated Statements of Income/);
    expect(run.stdout).toMatch(/Revenue\s+130497000000\s+60922000000\s+26974000000\s+\[revenue\]/);

    const dir = mkdtempSync(join(tmpdir(), 'fde-xbrl-'));
    const hostile = join(dir, 'bomb.zip');
    writeFileSync(hostile, reportPackage(ixbrlDocument({ body: '' }), { 'example/reports/../../../escape.xhtml': bytesOf('x') }));
    const refused = fde('extract', hostile, '--json');
    expect(refused.code).not.toBe(0);
    expect(refused.stdout).toBe('');
    expect(refused.stderr.trim().split('\n')).toEqual([expect.stringContaining('is unreadable (UNSAFE_PATH)')]);
  });
});
