// End to end: documents and extractions in PostgreSQL, compileCompany, then the GraphQL API and the CSV export.
import { beforeAll, describe, expect, it } from 'vitest';
import { prisma } from '../../src/db.js';
import { NotFoundError } from '../../src/errors.js';
import type { ExtractedLine, ExtractedStatement, StatementType } from '../../src/extraction/types.js';
import { compileCompany } from '../../src/services/compilation/index.js';
import { replaceExtractions } from '../../src/services/extractions.js';
import { graphql } from '../generated/index.js';
import { countQueries, execute, executeOk, yoga } from '../helpers/graphql.js';
import { encodeGlobalID } from '@pothos/plugin-relay';
import { generateExtractions } from './generate.js';

const CompiledStatementQuery = graphql(`
  query CompiledStatement($companyId: ID!, $type: StatementType!) {
    compiledStatement(companyId: $companyId, type: $type) {
      __typename
      ... on CompiledStatement {
        type currency unit fiscalYears updatedAt csvUrl
        rows {
          concept label level isTotal perShare
          cells {
            fiscalYear value restated restatedFrom
            source { page document { id fiscalYear } extraction { id statementType } }
            history { value reportFiscalYear source { page document { id fiscalYear } } }
          }
        }
        checks { name fiscalYear expected actual difference passed }
        gaps { missingFiscalYears rowsMissingYears { concept label fiscalYears } }
        warnings { code currency fiscalYears message }
      }
      ... on NotFoundError { message entity identifier }
    }
  }
`);

const CompanyFinancialsQuery = graphql(`
  query CompanyFinancials($id: ID!, $years: Int) {
    company(id: $id) {
      __typename
      ... on Company {
        compiledStatement(type: BALANCE_SHEET) { type fiscalYears rows { concept } }
        compiledStatements { type unit rows { label } }
        financials(years: $years) {
          currency unit
          years { fiscalYear revenue operatingProfit netIncome totalAssets totalEquity operatingCashFlow }
        }
      }
    }
  }
`);

let uniqueFile = 0;
async function createDocument(companyId: number, fiscalYear: number) {
  uniqueFile += 1;
  return prisma.document.create({
    data: { companyId, fiscalYear, kind: 'ANNUAL_REPORT', storageKey: `test/${uniqueFile}.pdf`, sha256: `sha-${uniqueFile}-${Math.random()}`, byteSize: 1000 },
  });
}

function line(label: string, concept: string | null, page: number, values: (string | null)[], extra: Partial<ExtractedLine> = {}): ExtractedLine {
  return { label, concept, page, values, level: 0, isTotal: false, perShare: false, ...extra };
}

function statement(type: StatementType, year: number, lineItems: ExtractedLine[]): ExtractedStatement {
  const instant = type === 'BALANCE_SHEET';
  return {
    type,
    title: type,
    pages: [...new Set(lineItems.map((l) => l.page))],
    currency: 'EUR',
    unit: 'millions',
    scale: 1e6,
    columns: [year, year - 1].map((y) => ({ label: String(y), fiscalYear: y, periodEnd: `${y}-12-31`, periodMonths: instant ? null : 12 })),
    lineItems,
    checks: [],
  };
}

let companyId: number;
let companyGlobalId: string;
let report2023: number;
let report2024: number;

beforeAll(async () => {
  const company = await prisma.company.create({ data: { name: 'Synthetic Restaters AB' } });
  companyId = company.id;
  companyGlobalId = encodeGlobalID('Company', company.id);
  report2023 = (await createDocument(companyId, 2023)).id;
  report2024 = (await createDocument(companyId, 2024)).id;
  await replaceExtractions(report2023, 'LAYOUT', [
    statement('INCOME_STATEMENT', 2023, [
      line('Turnover', 'revenue', 31, ['1000', '900']),
      line('Amortisation of intangibles', null, 31, ['-20', '-18'], { level: 1 }),
      line('Operating profit', 'operating_profit', 31, ['200', '180'], { isTotal: true }),
      line('Net income', 'net_income', 31, ['150', '140'], { isTotal: true }),
      line('Basic earnings per share', 'eps_basic', 31, ['1.50', '1.40'], { perShare: true }),
    ]),
    statement('BALANCE_SHEET', 2023, [
      line('Total assets', 'total_assets', 32, ['5000', '4800'], { isTotal: true }),
      line('Total liabilities', 'total_liabilities', 32, ['3000', '2900'], { isTotal: true }),
      line('Total equity', 'total_equity', 32, ['2000', '1900'], { isTotal: true }),
    ]),
    statement('CASH_FLOW_STATEMENT', 2023, [
      line('Profit for the year', 'net_income', 33, ['150', '140']),
      line('Net cash from operating activities', 'net_cash_from_operating', 33, ['300', '280']),
      line('Net cash used in investing activities', 'net_cash_from_investing', 33, ['-100', '-90']),
      line('Net cash used in financing activities', 'net_cash_from_financing', 33, ['-150', '-150']),
      line('Net increase in cash', 'net_change_in_cash', 33, ['50', '40']),
    ]),
  ]);
  await replaceExtractions(report2024, 'LAYOUT', [
    statement('INCOME_STATEMENT', 2024, [
      line('Revenue', 'revenue', 44, ['1100', '1010']), // renamed, and 2023 restated from 1000
      line('Amortization of intangibles', null, 44, ['-22', '-20'], { level: 1 }),
      line('Operating profit', 'operating_profit', 44, ['230', '200'], { isTotal: true }),
      line('Net income', 'net_income', 44, ['170', '150'], { isTotal: true }),
      line('Basic earnings per share', 'eps_basic', 44, ['1.70', '1.50'], { perShare: true }),
    ]),
    statement('BALANCE_SHEET', 2024, [
      line('Total assets', 'total_assets', 45, ['5500', '5000'], { isTotal: true }),
      line('Total liabilities', 'total_liabilities', 45, ['3300', '3000'], { isTotal: true }),
      line('Total equity', 'total_equity', 45, ['2200', '2000'], { isTotal: true }),
    ]),
    statement('CASH_FLOW_STATEMENT', 2024, [
      line('Profit for the year', 'net_income', 46, ['170', '150']),
      line('Net cash from operating activities', 'net_cash_from_operating', 46, ['320', '300']),
      line('Net cash used in investing activities', 'net_cash_from_investing', 46, ['-120', '-100']),
      line('Net cash used in financing activities', 'net_cash_from_financing', 46, ['-160', '-150']),
      line('Net increase in cash', 'net_change_in_cash', 46, ['40', '50']),
    ]),
  ]);
  await compileCompany(companyId);
});

async function incomeStatement() {
  const data = await executeOk(CompiledStatementQuery, { companyId: companyGlobalId, type: 'INCOME_STATEMENT' });
  if (data.compiledStatement.__typename !== 'CompiledStatement') throw new Error(JSON.stringify(data.compiledStatement));
  return data.compiledStatement;
}

describe('compiled statement over GraphQL', () => {
  it('has both years, the restated figure with its history, one row for the renamed line and each source page', async () => {
    const s = await incomeStatement();
    expect(s).toMatchObject({ type: 'INCOME_STATEMENT', currency: 'EUR', unit: 'millions', fiscalYears: [2024, 2023, 2022] });
    expect(s.rows.map((r) => [r.label, r.concept])).toEqual([
      ['Revenue', 'revenue'],
      ['Amortization of intangibles', null],
      ['Operating profit', 'operating_profit'],
      ['Net income', 'net_income'],
      ['Basic earnings per share', 'eps_basic'],
    ]);
    const revenue = s.rows[0];
    const byYear = Object.fromEntries(revenue.cells.map((c) => [c.fiscalYear, c]));
    expect(byYear[2024]).toMatchObject({ value: '1100', restated: false, source: { page: 44, document: { fiscalYear: 2024 } } });
    expect(byYear[2023]).toMatchObject({ value: '1010', restated: true, restatedFrom: '1000', source: { page: 44, document: { fiscalYear: 2024 } } });
    expect(byYear[2023].history).toEqual([
      { value: '1000', reportFiscalYear: 2023, source: { page: 31, document: { id: encodeGlobalID('Document', report2023), fiscalYear: 2023 } } },
      { value: '1010', reportFiscalYear: 2024, source: { page: 44, document: { id: encodeGlobalID('Document', report2024), fiscalYear: 2024 } } },
    ]);
    expect(byYear[2022]).toMatchObject({ value: '900', restated: false, source: { page: 31, document: { fiscalYear: 2023 } } });
    expect(byYear[2023].source.extraction).toMatchObject({ statementType: 'INCOME_STATEMENT' });
    expect(s.rows[1].cells.map((c) => [c.fiscalYear, c.value, c.restated])).toEqual([[2024, '-22', false], [2023, '-20', false], [2022, '-18', false]]);
    expect(s.rows[1]).toMatchObject({ level: 1, isTotal: false });
    expect(s.rows[4]).toMatchObject({ perShare: true });
    expect(s.rows[4].cells[0].value).toBe('1.7');
    expect(s.checks.filter((c) => c.name.startsWith('net income')).every((c) => c.passed)).toBe(true);
    expect(s.gaps).toEqual({ missingFiscalYears: [], rowsMissingYears: [] });
    expect(s.csvUrl).toBe(`http://yoga/companies/${encodeURIComponent(companyGlobalId)}/statements/INCOME_STATEMENT.csv`);
  });

  it('reports the balance and cash-flow checks per year with their differences', async () => {
    const bs = await executeOk(CompiledStatementQuery, { companyId: companyGlobalId, type: 'BALANCE_SHEET' });
    const cf = await executeOk(CompiledStatementQuery, { companyId: companyGlobalId, type: 'CASH_FLOW_STATEMENT' });
    if (bs.compiledStatement.__typename !== 'CompiledStatement' || cf.compiledStatement.__typename !== 'CompiledStatement') throw new Error('missing');
    expect(bs.compiledStatement.checks.map((c) => [c.fiscalYear, c.passed, c.difference])).toEqual([[2024, true, '0'], [2023, true, '0'], [2022, true, '0']]);
    const sums = cf.compiledStatement.checks.filter((c) => c.name.startsWith('operating'));
    expect(sums.map((c) => [c.fiscalYear, c.passed, c.difference])).toEqual([[2024, true, '0'], [2023, true, '0'], [2022, true, '0']]);
  });

  it('answers NotFoundError for an unknown company and an empty statement for a company without extractions', async () => {
    const missing = await executeOk(CompiledStatementQuery, { companyId: encodeGlobalID('Company', 999999), type: 'INCOME_STATEMENT' });
    expect(missing.compiledStatement).toMatchObject({ __typename: 'NotFoundError', entity: 'Company' });
    const garbage = await executeOk(CompiledStatementQuery, { companyId: 'not-an-id', type: 'INCOME_STATEMENT' });
    expect(garbage.compiledStatement.__typename).toBe('NotFoundError');
    const fresh = await prisma.company.create({ data: { name: 'Nothing Extracted Ltd' } });
    const empty = await executeOk(CompiledStatementQuery, { companyId: encodeGlobalID('Company', fresh.id), type: 'CASH_FLOW_STATEMENT' });
    expect(empty.compiledStatement).toMatchObject({ __typename: 'CompiledStatement', rows: [], fiscalYears: [], updatedAt: null });
    await compileCompany(fresh.id);
    const compiled = await executeOk(CompiledStatementQuery, { companyId: encodeGlobalID('Company', fresh.id), type: 'CASH_FLOW_STATEMENT' });
    expect(compiled.compiledStatement).toMatchObject({ __typename: 'CompiledStatement', rows: [], fiscalYears: [] });
    await expect(compileCompany(999999)).rejects.toBeInstanceOf(NotFoundError);
  });

  it('serves the Company fields and the compact financials in one unit', async () => {
    const data = await executeOk(CompanyFinancialsQuery, { id: companyGlobalId, years: 2 });
    if (data.company.__typename !== 'Company') throw new Error('missing');
    expect(data.company.compiledStatement).toMatchObject({ type: 'BALANCE_SHEET', fiscalYears: [2024, 2023, 2022] });
    expect(data.company.compiledStatements.map((s) => s.type)).toEqual(['INCOME_STATEMENT', 'BALANCE_SHEET', 'CASH_FLOW_STATEMENT']);
    expect(data.company.financials).toEqual({
      currency: 'EUR',
      unit: 'millions',
      years: [
        { fiscalYear: 2024, revenue: '1100', operatingProfit: '230', netIncome: '170', totalAssets: '5500', totalEquity: '2200', operatingCashFlow: '320' },
        { fiscalYear: 2023, revenue: '1010', operatingProfit: '200', netIncome: '150', totalAssets: '5000', totalEquity: '2000', operatingCashFlow: '300' },
      ],
    });
  });

  it('compiles idempotently: compiling again gives the same statement', async () => {
    const before = await incomeStatement();
    const summary = await compileCompany(companyId);
    expect(summary.statements.find((s) => s.type === 'INCOME_STATEMENT')).toMatchObject({ rows: 5, cells: 15, restatedCells: 1 });
    const after = await incomeStatement();
    expect({ ...after, updatedAt: null }).toEqual({ ...before, updatedAt: null });
    expect(await prisma.compiledStatement.count({ where: { companyId } })).toBe(3);
  });

  it('reads a statement in a bounded number of SQL statements, whatever its size', async () => {
    const small = await countQueries(() => incomeStatement());
    // A company with ten reports of 150 lines per statement.
    const big = await prisma.company.create({ data: { name: 'Many Lines plc' } });
    const { reports } = generateExtractions({ seed: 7, years: 10, linesPerStatement: 150, types: ['INCOME_STATEMENT'] });
    for (const r of reports) {
      const doc = await createDocument(big.id, r.reportFiscalYear!);
      await replaceExtractions(doc.id, 'LAYOUT', [{
        type: r.statementType, title: 'Income statement', pages: [10], currency: r.currency, unit: r.unit, scale: 1e6,
        columns: r.columns.map((c) => ({ label: String(c.fiscalYear), fiscalYear: c.fiscalYear, periodEnd: null, periodMonths: c.periodMonths })),
        lineItems: r.lines.map((l) => ({ ...l })),
        checks: [],
      }]);
    }
    await compileCompany(big.id);
    const large = await countQueries(async () => {
      const data = await executeOk(CompiledStatementQuery, { companyId: encodeGlobalID('Company', big.id), type: 'INCOME_STATEMENT' });
      if (data.compiledStatement.__typename !== 'CompiledStatement') throw new Error('missing');
      return data.compiledStatement;
    });
    expect(large.result.rows.length).toBeGreaterThan(100);
    expect(large.result.fiscalYears.length).toBe(11);
    expect(large.statements.length).toBe(small.statements.length);
    // company check, statement, rows, cells, cited documents, cited extractions
    expect(small.statements.length).toBeLessThanOrEqual(6);
  });
});

describe('CSV export', () => {
  const get = (path: string, method = 'GET') => yoga.fetch(`http://yoga${path}`, { method });

  it('serves one column per year in the unit the header states', async () => {
    const response = await get(`/companies/${encodeURIComponent(companyGlobalId)}/statements/INCOME_STATEMENT.csv`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/csv/);
    const lines = (await response.text()).trim().split('\r\n');
    expect(lines[0]).toBe('Line (EUR millions; per-share lines unscaled),Concept,2024,2023,2022');
    expect(lines[1]).toBe('Revenue,revenue,1100,1010,900');
    expect(lines[2]).toBe('Amortization of intangibles,,-22,-20,-18');
    const lowercase = await get(`/companies/${encodeURIComponent(companyGlobalId)}/statements/balance-sheet.csv`);
    expect(lowercase.status).toBe(200);
  });

  it('answers 404 for an unknown company and 400 for an unknown type, never 500', async () => {
    expect((await get(`/companies/${encodeGlobalID('Company', 424242)}/statements/BALANCE_SHEET.csv`)).status).toBe(404);
    expect((await get('/companies/%E0%A4%A/statements/BALANCE_SHEET.csv')).status).toBe(404);
    expect((await get('/companies/nonsense/statements/BALANCE_SHEET.csv')).status).toBe(404);
    expect((await get(`/companies/${encodeURIComponent(companyGlobalId)}/statements/PROFIT.csv`)).status).toBe(400);
    expect((await get(`/companies/${encodeURIComponent(companyGlobalId)}/statements/INCOME_STATEMENT.csv`, 'POST')).status).toBe(405);
  });

  it('keeps the contract names', async () => {
    const { printSchema } = await import('graphql');
    const { schema } = await import('../../src/schema/index.js');
    const sdl = printSchema(schema);
    expect(sdl).toContain('compiledStatement(companyId: ID!, type: StatementType!): CompiledStatementResult!');
    expect(sdl).toContain('union CompiledStatementResult = CompiledStatement | NotFoundError');
    expect(sdl).toContain('compiledStatement(type: StatementType!): CompiledStatement\n');
  });

  it('leaves GraphQL untouched', async () => {
    const result = await execute(CompiledStatementQuery, { companyId: companyGlobalId, type: 'INCOME_STATEMENT' });
    expect(result.errors).toBeUndefined();
  });
});
