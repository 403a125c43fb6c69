// The CLI on the four development reports (by path, never copied) and on unreadable input.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const pdfs = resolve(root, '../shared/fixtures/reports/pdfs');
const tsx = join(root, 'node_modules/.bin/tsx');

function fde(...args: string[]) {
  const run = spawnSync(tsx, ['src/cli/index.ts', ...args], { cwd: root, encoding: 'utf8', timeout: 120_000 });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

interface ContractLine { label: string; concept: string | null; values: (number | null)[]; page: number }
interface ContractStatement { type: string; pages: number[]; unit: string; currency: string | null; columns: { fiscalYear: number | null; periodEnd: string | null; periodMonths: number | null }[]; lineItems: ContractLine[] }

function extractJson(file: string): { source: { pages: number; sha256: string }; statements: ContractStatement[] } {
  const run = fde('extract', join(pdfs, file), '--json');
  expect(run.code, run.stderr).toBe(0);
  return JSON.parse(run.stdout);
}

const byType = (doc: { statements: ContractStatement[] }, type: string) => doc.statements.find((s) => s.type === type)!;
const valuesOf = (s: ContractStatement, concept: string) => s.lineItems.find((l) => l.concept === concept)?.values;

const devSet = existsSync(pdfs);
if (!devSet) console.warn(`skipping development-set CLI tests: ${pdfs} not found`);

describe.skipIf(!devSet)('fde extract on the development reports', () => {
  it('Lyft 10-K: newest-first columns in thousands, EPS unscaled', () => {
    const doc = extractJson('lyft_2021.pdf');
    expect(doc.source.pages).toBe(238);
    expect(doc.statements.map((s) => [s.type, s.pages])).toEqual([
      ['INCOME_STATEMENT', [79]],
      ['BALANCE_SHEET', [78]],
      ['CASH_FLOW_STATEMENT', [83]],
    ]);
    const is = byType(doc, 'INCOME_STATEMENT');
    expect(is.unit).toBe('thousands');
    expect(is.currency).toBe('USD');
    expect(is.columns.map((c) => c.fiscalYear)).toEqual([2021, 2020, 2019]);
    expect(valuesOf(is, 'revenue')).toEqual([3208323, 2364681, 3615960]);
    expect(valuesOf(is, 'interest_expense')).toEqual([-51635, -32678, null]);
    expect(valuesOf(is, 'eps_basic')).toEqual([-3.02, -5.61, -11.44]);
    expect(valuesOf(byType(doc, 'BALANCE_SHEET'), 'total_assets')).toEqual([4773884, 4678964]);
    expect(valuesOf(byType(doc, 'BALANCE_SHEET'), 'share_capital')).toEqual([3, 3]);
    expect(valuesOf(byType(doc, 'CASH_FLOW_STATEMENT'), 'cash_at_end')).toEqual([531193, 438485, 564465]);
  });

  it('Ace/Saatchi: broken peso signs, unlabelled totals, en dash and minus-sign nils', () => {
    const doc = extractJson('ace_saatchi_2024.pdf');
    const bs = byType(doc, 'BALANCE_SHEET');
    expect(bs.pages).toEqual([7]);
    expect(bs.currency).toBe('PHP');
    expect(valuesOf(bs, 'cash_and_equivalents')).toEqual([2618394, 3504619]);
    expect(valuesOf(bs, 'share_capital')).toEqual([50000000, 50000000]);
    const is = byType(doc, 'INCOME_STATEMENT');
    expect(is.lineItems.find((l) => l.label === '' && l.values[0] === 326861778)).toBeDefined();
    expect(valuesOf(is, 'total_comprehensive_income')).toEqual([3721370, -39172827]);
    const cf = byType(doc, 'CASH_FLOW_STATEMENT');
    expect(cf.lineItems.find((l) => l.label.startsWith('Payment of bank loans'))?.values).toEqual([null, -6000000]);
  });

  it('XP Power: six income-statement columns, balance-sheet dates, £m', () => {
    const doc = extractJson('xp_power_h1_2025.pdf');
    const is = byType(doc, 'INCOME_STATEMENT');
    expect(is.pages).toEqual([14]);
    expect(is.unit).toBe('millions');
    expect(is.columns).toHaveLength(6);
    expect(is.columns.every((c) => c.periodMonths === 6)).toBe(true);
    expect(valuesOf(is, 'revenue')).toEqual([110.9, null, 110.9, 127.1, null, 127.1]);
    expect(valuesOf(is, 'eps_basic')).toEqual([0.4, -7.6, -7.2, 24.5, -15.6, 8.9]);
    const bs = byType(doc, 'BALANCE_SHEET');
    expect(bs.columns.map((c) => c.periodEnd)).toEqual(['2025-06-30', '2024-12-31']);
    expect(valuesOf(bs, 'total_equity')).toEqual([179.2, 145.9]);
    expect(valuesOf(byType(doc, 'CASH_FLOW_STATEMENT'), 'cash_at_end')).toEqual([17.6, 13.0]);
  });

  it('Insig AI: statement spanning pages 2-3, three balance-sheet dates, wrapped figures', () => {
    const doc = extractJson('insig_ai_h1_2024.pdf');
    const is = byType(doc, 'INCOME_STATEMENT');
    expect(is.pages).toEqual([2, 3]);
    expect([is.unit, is.currency]).toEqual(['units', 'GBP']);
    expect(is.columns.map((c) => c.periodEnd)).toEqual(['2024-09-30', '2023-09-30']);
    const loss = is.lineItems.find((l) => l.label.startsWith('Loss for the period after income tax'));
    expect(loss?.values).toEqual([-1687078, -1811096]);
    const bs = byType(doc, 'BALANCE_SHEET');
    expect(bs.columns.map((c) => c.periodEnd)).toEqual(['2024-09-30', '2024-03-31', '2023-09-30']);
    expect(valuesOf(bs, 'total_non_current_assets')).toEqual([3924361, 4409652, 19502387]);
    expect(valuesOf(byType(doc, 'CASH_FLOW_STATEMENT'), 'net_cash_from_financing')).toEqual([1062500, 896881]);
  });
});

describe('fde extract on unreadable input', () => {
  const dir = mkdtempSync(join(tmpdir(), 'fde-cli-'));

  it('prints one line on stderr and exits non-zero for a file that is not a PDF', () => {
    const file = join(dir, 'report.pdf');
    writeFileSync(file, 'this is not a pdf');
    const run = fde('extract', file, '--json');
    expect(run.code).not.toBe(0);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain('NOT_PDF');
  });

  it('says in one line what the llm provider needs when it is not configured', () => {
    const file = join(dir, 'empty.pdf');
    writeFileSync(file, '');
    const run = spawnSync(tsx, ['src/cli/index.ts', 'extract', file, '--json', '--provider', 'llm'], {
      cwd: root,
      encoding: 'utf8',
      timeout: 120_000,
      env: { ...process.env, LLM_API_KEY: '', LLM_MODEL: '' },
    });
    expect(run.status).not.toBe(0);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/LLM_API_KEY/);
  });
});
