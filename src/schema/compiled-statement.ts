// Compiled statements: Query.compiledStatement, Company.compiledStatement(s) and Company.financials. Resolvers
// only read through the per-request loaders; compiling lives in src/services/compilation.
import {
  keyFinancials,
  KEY_FIGURES,
  type CellRevision,
  type CellSource,
  type CompilationWarning,
  type CompiledCellData,
  type CompiledRowData,
  type CompiledStatementView,
  type Financials,
  type FinancialYear,
  type RowGap,
  type StatementCheck,
  type StatementGaps,
} from '../services/compilation/index.js';
import { STATEMENT_TYPES } from '../extraction/types.js';
import { statementCsvUrl } from '../http/statement-csv.js';
import { assertCompanyExists } from '../services/companies.js';
import { builder } from './builder.js';
import { Document } from './document.js';
import { ExtractionProvider, StatementType, StatementVerdict } from './enums.js';
import { lookupResult, orNotFound } from './errors.js';
import { Extraction } from './extraction.js';
import { parseGlobalId } from './ids.js';

const CellSourceRef = builder.objectRef<CellSource>('CellSource').implement({
  description: 'Where a figure was printed. document/extraction are null once gone (until the next compilation).',
  fields: (t) => ({
    page: t.exposeInt('page', { description: '1-based physical PDF page (for an iXBRL document: its page or document order).' }),
    provider: t.field({
      type: ExtractionProvider,
      nullable: true,
      description: 'Who read the figure: XBRL is a tagged fact, exact as filed; LAYOUT/LLM read a PDF. Null on cells compiled before this was recorded.',
      resolve: (s) => s.provider,
    }),
    verdict: t.field({
      type: StatementVerdict,
      nullable: true,
      description: "The verdict of the statement the figure comes from (its own arithmetic checks).",
      resolve: (s) => s.verdict,
    }),
    document: t.field({ type: Document, nullable: true, resolve: (s, _a, ctx) => ctx.loaders.compiled.documents.load(s.documentId) }),
    extraction: t.field({ type: Extraction, nullable: true, resolve: (s, _a, ctx) => ctx.loaders.compiled.extractions.load(s.extractionId) }),
  }),
});

const CellRevisionRef = builder.objectRef<CellRevision>('CellRevision').implement({
  description: "One report's figure for a cell, in the compiled statement's unit.",
  fields: (t) => ({
    value: t.field({ type: 'Decimal', nullable: true, resolve: (r) => r.value }),
    reportFiscalYear: t.exposeInt('reportFiscalYear', { nullable: true, description: 'The fiscal year of the report that printed it.' }),
    source: t.field({ type: CellSourceRef, resolve: (r) => r }),
  }),
});

const CompiledCell = builder.objectRef<CompiledCellData>('CompiledCell').implement({
  fields: (t) => ({
    fiscalYear: t.exposeInt('fiscalYear'),
    value: t.field({ type: 'Decimal', nullable: true, description: "The newest tagged (XBRL) figure, else the newest report's figure; null is a printed nil.", resolve: (c) => c.value }),
    restated: t.exposeBoolean('restated', { description: 'The chosen figure differs from the one an earlier report first gave.' }),
    proven: t.boolean({
      description: 'The figure is a tagged XBRL fact, or comes from a statement whose arithmetic checks all passed (VERIFIED).',
      resolve: (c) => c.source.provider === 'XBRL' || c.source.verdict === 'VERIFIED',
    }),
    restatedFrom: t.field({
      type: 'Decimal',
      nullable: true,
      description: 'The figure first reported, when restated.',
      resolve: (c) => (c.restated ? c.history[0].value : null),
    }),
    source: t.field({ type: CellSourceRef, resolve: (c) => c.source }),
    history: t.field({ type: [CellRevisionRef], description: "Every report's figure, oldest report first.", resolve: (c) => c.history }),
  }),
});

const CompiledRow = builder.objectRef<CompiledRowData>('CompiledRow').implement({
  fields: (t) => ({
    concept: t.exposeString('concept', { nullable: true, description: 'Canonical concept key, e.g. revenue.' }),
    label: t.exposeString('label', { description: "As the newest report prints it." }),
    level: t.exposeInt('level'),
    isTotal: t.exposeBoolean('isTotal'),
    perShare: t.exposeBoolean('perShare', { description: 'Per-share figures are in currency units, never scaled.' }),
    cells: t.field({ type: [CompiledCell], description: 'Newest fiscal year first; a year the row lacks has no cell.', resolve: (r) => r.cells }),
  }),
});

const CompiledCheck = builder.objectRef<StatementCheck>('CompiledCheck').implement({
  fields: (t) => ({
    name: t.exposeString('name'),
    fiscalYear: t.exposeInt('fiscalYear'),
    expected: t.field({ type: 'Decimal', resolve: (c) => c.expected }),
    actual: t.field({ type: 'Decimal', resolve: (c) => c.actual }),
    difference: t.field({ type: 'Decimal', description: 'actual - expected', resolve: (c) => c.difference }),
    passed: t.exposeBoolean('passed'),
  }),
});

const RowGapRef = builder.objectRef<RowGap>('RowGap').implement({
  fields: (t) => ({
    concept: t.exposeString('concept', { nullable: true }),
    label: t.exposeString('label'),
    fiscalYears: t.exposeIntList('fiscalYears'),
  }),
});

const CompiledGaps = builder.objectRef<StatementGaps>('CompiledGaps').implement({
  fields: (t) => ({
    missingFiscalYears: t.exposeIntList('missingFiscalYears', { description: 'Years between the first and last that no report prints.' }),
    rowsMissingYears: t.field({ type: [RowGapRef], resolve: (g) => g.rowsMissingYears }),
  }),
});

const WarningCode = builder.enumType('CompilationWarningCode', { values: ['CURRENCY_CHANGE'] as const });

const CompilationWarningRef = builder.objectRef<CompilationWarning>('CompilationWarning').implement({
  fields: (t) => ({
    code: t.field({ type: WarningCode, resolve: (w) => w.code }),
    message: t.exposeString('message'),
    currency: t.exposeString('currency'),
    fiscalYears: t.exposeIntList('fiscalYears'),
    document: t.field({ type: Document, nullable: true, resolve: (w, _a, ctx) => ctx.loaders.compiled.documents.load(w.documentId) }),
  }),
});

export const CompiledStatement = builder.objectRef<CompiledStatementView>('CompiledStatement').implement({
  description: "One table per statement type, a column per fiscal year: each report's latest extraction, newest figures first.",
  fields: (t) => ({
    type: t.field({ type: StatementType, resolve: (s) => s.type }),
    currency: t.exposeString('currency', { nullable: true }),
    unit: t.exposeString('unit', { description: 'units | thousands | millions | billions; per-share rows are unscaled.' }),
    fiscalYears: t.exposeIntList('fiscalYears', { description: 'Newest first.' }),
    rows: t.field({ type: [CompiledRow], resolve: (s) => s.rows }),
    checks: t.field({ type: [CompiledCheck], resolve: (s) => s.checks }),
    gaps: t.field({ type: CompiledGaps, resolve: (s) => s.gaps }),
    warnings: t.field({ type: [CompilationWarningRef], resolve: (s) => s.warnings }),
    updatedAt: t.field({ type: 'DateTime', nullable: true, description: 'When it was compiled; null if never.', resolve: (s) => s.updatedAt }),
    pendingCompilation: t.boolean({
      description:
        "A compilation of the company is queued or running, or an extraction that queues one: the rows are about to change (follow the company's jobs).",
      resolve: (s, _a, ctx) => ctx.loaders.compiled.pendingCompilation.load(s.companyId),
    }),
    csvUrl: t.string({
      description: 'The statement as CSV, one column per year.',
      resolve: (s, _a, ctx) => statementCsvUrl(ctx.request, s.companyId, s.type),
    }),
  }),
});

const FinancialYearRef = builder.objectRef<FinancialYear>('FinancialYear').implement({
  fields: (t) => ({
    fiscalYear: t.exposeInt('fiscalYear'),
    ...Object.fromEntries(
      KEY_FIGURES.map(({ field, concept }) => [
        field,
        t.field({ type: 'Decimal', nullable: true, description: `Concept ${concept}.`, resolve: (y) => y[field] }),
      ]),
    ),
  }),
});

const FinancialsRef = builder.objectRef<Financials>('Financials').implement({
  description: 'Key figures per fiscal year from the compiled statements, in one unit.',
  fields: (t) => ({
    currency: t.exposeString('currency', { nullable: true }),
    unit: t.exposeString('unit'),
    years: t.field({ type: [FinancialYearRef], description: 'Newest first.', resolve: (f) => f.years }),
  }),
});

const MAX_YEARS = 50;

builder.prismaObjectFields('Company', (t) => ({
  compiledStatement: t.field({
    type: CompiledStatement,
    nullable: true,
    description: 'Empty (no rows) until extractions have been compiled.',
    args: { type: t.arg({ type: StatementType, required: true }) },
    resolve: (company, args, ctx) => ctx.loaders.compiled.statements.load({ companyId: company.id, type: args.type }),
  }),
  compiledStatements: t.field({
    type: [CompiledStatement],
    description: 'Income statement, balance sheet, cash-flow statement.',
    resolve: (company, _a, ctx) =>
      Promise.all(STATEMENT_TYPES.map((type) => ctx.loaders.compiled.statements.load({ companyId: company.id, type }))),
  }),
  financials: t.field({
    type: FinancialsRef,
    description: `Revenue, operating profit, net income, total assets, total equity and operating cash flow for the last \`years\` fiscal years (1-${MAX_YEARS}).`,
    args: { years: t.arg.int({ defaultValue: 10 }) },
    resolve: async (company, args, ctx) => {
      const statements = await Promise.all(STATEMENT_TYPES.map((type) => ctx.loaders.compiled.statements.load({ companyId: company.id, type })));
      return keyFinancials(statements, Math.min(MAX_YEARS, Math.max(1, args.years ?? 10)));
    },
  }),
}));

builder.queryFields((t) => ({
  compiledStatement: t.field({
    type: lookupResult('CompiledStatementResult', CompiledStatement, 'CompiledStatement'),
    description: 'A company\'s compiled statement of one type; empty (no rows) before any extraction. NotFoundError: no such company.',
    args: { companyId: t.arg.id({ required: true }), type: t.arg({ type: StatementType, required: true }) },
    resolve: (_root, args, ctx) =>
      orNotFound(String(args.companyId), async () => {
        const companyId = parseGlobalId('Company', String(args.companyId));
        await assertCompanyExists(companyId);
        return ctx.loaders.compiled.statements.load({ companyId, type: args.type });
      }),
  }),
}));
