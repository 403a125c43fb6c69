// Every iXBRL fixture through the xbrl provider: the statements the filing has, every figure equal to its tagged
// fact (printed sign), columns and currency from the contexts and units, and known values read from the files.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Decimal } from 'decimal.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { extractXbrlStatements, readXbrlReport, type ExtractionOutput, type XbrlReport } from '../../../src/extraction/index.js';
import { dayBefore, monthsBetween } from '../../../src/extraction/xbrl/fiscal-calendar.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const fixtures = resolve(root, '../shared/fixtures/xbrl');
const present = existsSync(fixtures);

function ixbrlFiles(dir: string): string[] {
  return readdirSync(dir).sort().flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'api' ? [] : ixbrlFiles(path);
    return /\.(zip|html?|xhtml)$/i.test(name) ? [path] : [];
  });
}

const files = present ? ixbrlFiles(fixtures) : [];
const results = new Map<string, { report: XbrlReport; output: ExtractionOutput }>();
const result = (suffix: string) => [...results].find(([path]) => path.endsWith(suffix))![1];
const statement = (suffix: string, type: string) => result(suffix).output.statements.find((s) => s.type === type)!;
const line = (suffix: string, type: string, concept: string) => statement(suffix, type).lineItems.find((l) => l.concept === concept)!;

describe.skipIf(!present)('the xbrl provider on every fixture', () => {
  beforeAll(async () => {
    for (const file of files) {
      const bytes = new Uint8Array(await readFile(file));
      results.set(file, { report: await readXbrlReport(bytes), output: await extractXbrlStatements(bytes, { fileName: basename(file) }) });
    }
  });

  it('finds all three statements in every SEC and ESEF filing, the balance sheet (and a printed P&L) in the UK accounts', () => {
    expect(files.length).toBeGreaterThanOrEqual(20);
    for (const [file, { output }] of results) {
      // UK small-company accounts file a balance sheet, a profit and loss account only when they print one.
      const expected = !/\/uk\//.test(file) ? ['INCOME_STATEMENT', 'BALANCE_SHEET', 'CASH_FLOW_STATEMENT'] : /account_6/.test(file) ? ['INCOME_STATEMENT', 'BALANCE_SHEET'] : ['BALANCE_SHEET'];
      expect(output.statements.map((s) => s.type), file).toEqual(expected);
      expect(output.provider).toBe('xbrl');
      expect(output.source.sha256).toMatch(/^[0-9a-f]{64}$/);
      for (const s of output.statements) {
        expect(s.lineItems.length, `${file} ${s.type}`).toBeGreaterThanOrEqual(4);
        expect(['verified', 'unverified', 'inconsistent']).toContain(s.verdict);
      }
    }
  });

  it('gives every figure its tagged fact: same magnitude, a dimensionless context of the column period, the statement currency', () => {
    let checked = 0;
    for (const [file, { report, output }] of results) {
      const byPosition = new Map(report.facts.map((f) => [`${f.document}:${f.position}:${f.contextRef}`, f]));
      for (const s of output.statements) {
        for (const l of s.lineItems) {
          l.values.forEach((value, c) => {
            const ref = l.facts![c];
            if (value === null && !ref) return;
            const fact = report.facts.find((f) => (ref!.id ? f.id === ref!.id : false)) ?? [...byPosition.values()].find((f) => f.position === ref!.position && f.contextRef === ref!.contextRef);
            expect(fact, `${file} ${l.label}`).toBeDefined();
            expect(`${fact!.concept.prefix}:${fact!.concept.local}`).toBe(ref!.concept);
            if (value === null) return expect(fact!.value, `${file} ${l.label}: only a nil fact prints as no value`).toBeNull();
            expect(new Decimal(value).abs().equals(new Decimal(fact!.value!).abs()), `${file} ${l.label} ${value} vs ${fact!.value}`).toBe(true);
            const context = report.contexts.get(fact!.contextRef)!;
            expect(context.dimensions).toEqual([]);
            const column = s.columns[c];
            if (context.period.kind === 'duration') {
              expect(context.period.end).toBe(column.periodEnd);
              expect(monthsBetween(context.period.start!, context.period.end!)).toBe(column.periodMonths);
            } else if (column.periodMonths === null) {
              expect(context.period.end).toBe(column.periodEnd);
            } else {
              // a balance in a flow statement: the column's closing date, or the day before it opens
              expect(context.period.end === column.periodEnd || dayBefore(startOf(report, s, c)!) === context.period.end, `${file} ${l.label}`).toBe(true);
            }
            checked++;
          });
        }
        expect(s.currency, file).toBe(/\/uk\//.test(file) ? 'GBP' : 'USD');
      }
    }
    expect(checked).toBeGreaterThan(3000);
  });

  it('balances every balance sheet: total assets equal total liabilities and equity, wherever both are printed', () => {
    for (const [file, { output }] of results) {
      const bs = output.statements.find((s) => s.type === 'BALANCE_SHEET')!;
      const failed = bs.checks.filter((c) => c.name === 'assets = liabilities and equity' && !c.passed);
      expect(failed, file).toEqual([]);
    }
  });

  it('NVIDIA 10-K FY2025: revenue 130,497 million, three fiscal years to late January, signs as printed', () => {
    const is = statement('nvda-10-k-2025-02-26.html', 'INCOME_STATEMENT');
    expect(is.title).toBe('Consolidated Statements of Income');
    expect(statement('nvda-10-k-2025-02-26.html', 'BALANCE_SHEET').verdict).toBe('verified');
    expect(is.columns.map((c) => [c.periodEnd, c.periodMonths, c.fiscalYear])).toEqual([
      ['2025-01-26', 12, 2025],
      ['2024-01-28', 12, 2024],
      ['2023-01-29', 12, 2023],
    ]);
    const revenue = line('nvda-10-k-2025-02-26.html', 'INCOME_STATEMENT', 'revenue');
    expect(revenue.values).toEqual(['130497000000', '60922000000', '26974000000']);
    expect(revenue.facts![0]).toEqual({ id: expect.any(String), concept: 'us-gaap:Revenues', contextRef: 'c-1', position: expect.any(Number) });
    expect(line('nvda-10-k-2025-02-26.html', 'INCOME_STATEMENT', 'eps_diluted')).toMatchObject({ values: ['2.94', '1.19', '0.17'], perShare: true });
    expect(line('nvda-10-k-2025-02-26.html', 'INCOME_STATEMENT', 'interest_expense').values).toEqual(['-247000000', '-257000000', '-262000000']);
    expect(line('nvda-10-k-2025-02-26.html', 'BALANCE_SHEET', 'total_assets').values).toEqual(['111601000000', '65728000000']);
    expect(line('nvda-10-k-2025-02-26.html', 'CASH_FLOW_STATEMENT', 'net_cash_from_operating').values).toEqual(['64089000000', '28090000000', '5641000000']);
    expect(line('nvda-10-k-2025-02-26.html', 'CASH_FLOW_STATEMENT', 'capex').values).toEqual(['-3236000000', '-1069000000', '-1833000000']);
    expect(line('nvda-10-k-2025-02-26.html', 'CASH_FLOW_STATEMENT', 'cash_at_beginning').values).toEqual(['7280000000', '3389000000', '1990000000']);
    expect(line('nvda-10-k-2025-02-26.html', 'CASH_FLOW_STATEMENT', 'cash_at_end').values).toEqual(['8589000000', '7280000000', '3389000000']);
    expect(result('nvda-10-k-2025-02-26.html').report.meta).toMatchObject({ entityName: 'NVIDIA CORP', cik: '0001045810', documentType: '10-K', periodEnd: '2025-01-26', fiscalYear: 2025, currency: 'USD' });
  });

  it('Coca-Cola 10-Q: quarter and six-month columns from the contexts', () => {
    const is = statement('ko-10-q-2025-07-24.html', 'INCOME_STATEMENT');
    expect(is.columns.map((c) => [c.periodEnd, c.periodMonths])).toEqual([
      ['2025-06-27', 3],
      ['2024-06-28', 3],
      ['2025-06-27', 6],
      ['2024-06-28', 6],
    ]);
    expect(line('ko-10-q-2025-07-24.html', 'INCOME_STATEMENT', 'revenue').values).toEqual(['12535000000', '12363000000', '23664000000', '23663000000']);
    expect(result('ko-10-q-2025-07-24.html').report.meta).toMatchObject({ documentType: '10-Q', periodEnd: '2025-06-27', fiscalYear: 2025 });
  });

  it('GLEIF package (IFRS under the ifrs: prefix): balance sheet, cash flow and the LEI', () => {
    const { report } = result('gleif-annual-report-2017.zip');
    expect(report.format).toBe('XBRL_PACKAGE');
    expect(report.meta).toMatchObject({ lei: '506700GE1G29325QX363', documentType: 'annual', periodEnd: '2017-12-31', fiscalYear: 2017, currency: 'USD' });
    expect(line('gleif-annual-report-2017.zip', 'BALANCE_SHEET', 'total_assets')).toMatchObject({ label: '', isTotal: true, values: ['9283283', '7680588'] });
    expect(line('gleif-annual-report-2017.zip', 'CASH_FLOW_STATEMENT', 'cash_at_end').values).toEqual(['3323743', '5071643']);
    expect(line('gleif-annual-report-2017.zip', 'INCOME_STATEMENT', 'net_income')).toMatchObject({ label: 'Net surplus', values: ['252867', '14736'] });
  });

  it('XBRL International package (US GAAP with an extension): statement of financial position', () => {
    expect(line('xii-financial-statements-2018.zip', 'BALANCE_SHEET', 'total_current_assets').values).toEqual(['624736', '656395']);
    expect(statement('xii-financial-statements-2018.zip', 'BALANCE_SHEET').columns.map((c) => c.periodEnd)).toEqual(['2018-06-30', '2017-06-30']);
  });

  it('AEON 10-Q: successor and predecessor periods as separate columns', () => {
    expect(line('aeon-20230930x10q.htm', 'BALANCE_SHEET', 'total_assets').values).toEqual(['17619000', '10778000']);
    expect(statement('aeon-20230930x10q.htm', 'CASH_FLOW_STATEMENT').columns.map((c) => [c.periodEnd, c.periodMonths])).toEqual([
      ['2023-07-21', 7],
      ['2023-09-30', 2],
      ['2022-09-30', 9],
    ]);
  });

  it('AEON 10-Q with its extension taxonomy beside it: roles, labels and the same statements', async () => {
    const dir = join(fixtures, 'sec/aeon-20230930');
    const names = ['aeon-20230930.xsd.xml', 'aeon-20230930_pre.xml', 'aeon-20230930_lab.xml', 'aeon-20230930_def.xml'];
    const taxonomy = await Promise.all(names.map(async (name) => ({ name, bytes: new Uint8Array(await readFile(join(dir, name))) })));
    const bytes = new Uint8Array(await readFile(join(dir, 'aeon-20230930x10q.htm')));
    const report = await readXbrlReport(bytes, { taxonomy });
    expect([...report.linkbase!.roles.values()]).toContain('00100 - Statement - CONDENSED CONSOLIDATED BALANCE SHEETS');
    expect(report.linkbase!.presentation.size).toBeGreaterThan(20);
    const withTaxonomy = await extractXbrlStatements(bytes, { taxonomy });
    expect(withTaxonomy.statements).toEqual(result('aeon-20230930x10q.htm').output.statements);
  });

  it('UK accounts converted from PDF (positioned boxes, no tables) and ones whose contexts are broken', () => {
    expect(line('account_6.xhtml', 'INCOME_STATEMENT', 'revenue')).toMatchObject({ label: 'Turnover', values: ['3456', '5678'] });
    expect(line('account_6.xhtml', 'BALANCE_SHEET', 'net_assets').values).toEqual(['254', '5']);
    // account_4's current-year context lost its id when the file was anonymised: its facts are reported, not used.
    const broken = result('account_4.html').report;
    expect(broken.problems.filter((p) => p.kind === 'MISSING_CONTEXT').length).toBeGreaterThan(5);
    expect(statement('account_4.html', 'BALANCE_SHEET').columns.map((c) => c.periodEnd)).toEqual(['2017-03-31']);
  });

  it('UK accounts: contexts without the xbrli: prefix, GBP, and ixt:zerodash figures as zero', () => {
    const oakley = statement('GB-COH-07175596-2017-03-31.html', 'BALANCE_SHEET');
    expect(oakley.columns.map((c) => c.periodEnd)).toEqual(['2017-03-31', '2016-03-31']);
    expect(line('GB-COH-07175596-2017-03-31.html', 'BALANCE_SHEET', 'total_current_assets').values).toEqual(['4373', '4928']);
    expect(line('GB-COH-07713141-2016-09-30.html', 'BALANCE_SHEET', 'total_current_assets').values).toEqual(['0', '0']);
    expect(result('GB-COH-07713141-2016-09-30.html').report.meta.entityName).toBe('SAKO TECHNOLOGIES LIMITED');
  });
});

/** The first day of column c's period, from the duration facts placed in that column. */
function startOf(report: XbrlReport, s: ExtractionOutput['statements'][number], c: number): string | null {
  for (const l of s.lineItems) {
    const ref = l.facts?.[c];
    const context = ref && report.contexts.get(ref.contextRef);
    if (context && context.period.kind === 'duration') return context.period.start;
  }
  return null;
}
