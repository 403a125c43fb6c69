// Location, pick, verdicts and --explain on the real development reports (read by path, never copied), and the
// CLI's --explain on a generated one.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extractStatements, type Explanation, type StatementType } from '../../src/extraction/index.js';
import { makePdf, row, statementTexts } from './helpers/make-pdf.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const pdfs = resolve(root, '../shared/fixtures/reports/pdfs');
const devSet = existsSync(pdfs);

async function extractFile(file: string) {
  let explanation: Explanation = [];
  const out = await extractStatements(new Uint8Array(await readFile(join(pdfs, file))), { onExplain: (e) => (explanation = e) });
  const of = (type: StatementType) => out.statements.find((s) => s.type === type)!;
  return { out, explanation, of, pages: (type: StatementType) => of(type)?.pages };
}

describe.skipIf(!devSet)('location on the development reports', () => {
  it('German group report: full statements over condensed management-report tables and the parent company\'s', async () => {
    const { pages, explanation, of } = await extractFile('mercedesbenz_2023_de.pdf');
    expect(pages('INCOME_STATEMENT')).toEqual([195]);
    // Each statement printed over two pages is read as one.
    expect(pages('BALANCE_SHEET')).toEqual([197, 198]);
    expect(pages('CASH_FLOW_STATEMENT')).toEqual([199, 200]);
    expect(of('BALANCE_SHEET').verdict).not.toBe('inconsistent');
    const cashFlow = explanation.find((e) => e.type === 'CASH_FLOW_STATEMENT')!;
    const condensed = cashFlow.candidates.find((c) => c.pages.includes(58));
    expect(condensed?.terms.map((t) => t.term)).toContain('condensedTitle');
    expect(condensed!.total).toBeLessThan(cashFlow.candidates.find((c) => c.pages[0] === 199)!.total);
  }, 60_000);

  it('Dutch annual report: consolidated statements over company-only ones and narrative pages', async () => {
    const { pages } = await extractFile('univtwente_2014_nl.pdf');
    expect([pages('INCOME_STATEMENT'), pages('BALANCE_SHEET'), pages('CASH_FLOW_STATEMENT')]).toEqual([[140], [139], [141]]);
  }, 60_000);

  it('Japanese report: enumerated titles, statements continued on an untitled page', async () => {
    const { pages } = await extractFile('nipponexpress_2024.pdf');
    expect([pages('INCOME_STATEMENT'), pages('BALANCE_SHEET'), pages('CASH_FLOW_STATEMENT')]).toEqual([[5], [3, 4], [10, 11]]);
  }, 60_000);

  it('interim report: the income statement and comprehensive income on one page stay apart', async () => {
    const { of } = await extractFile('xp_power_h1_2025.pdf');
    expect(of('INCOME_STATEMENT').pages).toEqual([14]);
    expect(of('INCOME_STATEMENT').lineItems.map((l) => l.concept)).not.toContain('total_comprehensive_income');
  }, 60_000);

  it('10-K: balance sheet and cash-flow statement verified, every figure in a check that holds', async () => {
    const { of } = await extractFile('lyft_2021.pdf');
    for (const type of ['BALANCE_SHEET', 'CASH_FLOW_STATEMENT'] as const) {
      expect(of(type).verdict).toBe('verified');
      expect(of(type).checks.every((c) => c.passed)).toBe(true);
    }
  }, 60_000);
});

describe('fde extract --explain', () => {
  it('prints the candidates with their score terms, the winner, the columns and the checks', async () => {
    const spec = {
      title: 'Consolidated balance sheet',
      columnsX: [430, 520],
      headers: [['2024', '2023']],
      rows: [row('Inventories', '59,000', '71,000'), row('Cash and cash equivalents', '17,000', '13,000'), row('Total assets', '76,000', '84,000'), row('Total equity', '40,000', '44,000'), row('Total liabilities', '36,000', '40,000'), row('Total equity and liabilities', '76,000', '84,000')],
    };
    const dir = mkdtempSync(join(tmpdir(), 'fde-explain-'));
    const file = join(dir, 'report.pdf');
    writeFileSync(file, await makePdf([{ texts: statementTexts(spec) }]));
    const run = spawnSync(join(root, 'node_modules/.bin/tsx'), ['src/cli/index.ts', 'extract', file, '--explain', '--json'], { cwd: root, encoding: 'utf8', timeout: 120_000 });
    expect(run.status, run.stderr).toBe(0);
    const json = JSON.parse(run.stdout);
    expect(json.statements[0]).toMatchObject({ type: 'BALANCE_SHEET', verdict: 'verified' });
    expect(json.statements[0].checks[0]).toEqual({ name: 'assets = liabilities and equity', column: 0, passed: true, expected: '76000', actual: '76000' });
    // With --json the explanation goes to standard error, in this order.
    const explained = run.stderr;
    const order = ['== BALANCE_SHEET: "Consolidated balance sheet" pages 1', 'why: score', 'candidates:', '* pages 1', 'location', 'titleNamesType +15', 'columns (unit', '1. "2024": instant', 'verdict: verified', 'checks:', 'ok   column 1: assets = liabilities and equity'];
    let at = -1;
    for (const part of order) {
      const next = explained.indexOf(part, at + 1);
      expect(next, `"${part}" after position ${at} in:\n${explained}`).toBeGreaterThan(at);
      at = next;
    }
  }, 60_000);
});
