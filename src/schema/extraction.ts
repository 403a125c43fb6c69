import { prisma } from '../db.js';
import { NotFoundError } from '../errors.js';
import type { AgreementDifference, FactReference } from '../extraction/index.js';
import { agreementOf, type ExtractionAgreement } from '../services/agreement.js';
import { builder } from './builder.js';
import { Decimal } from 'decimal.js';
import { ColumnKind, ExtractionProvider, StatementType, StatementVerdict } from './enums.js';
import { lookupResult, orNotFound } from './errors.js';
import { nodeLookup, parseGlobalId } from './ids.js';

const StatementColumn = builder.prismaObject('ExtractionColumn', {
  name: 'StatementColumn',
  description: 'A column of figures as printed, left to right.',
  fields: (t) => ({
    label: t.exposeString('label'),
    fiscalYear: t.exposeInt('fiscalYear', { nullable: true }),
    periodEnd: t.string({
      nullable: true,
      description: 'ISO date the period ends (or the balance-sheet date).',
      resolve: (c) => c.periodEnd?.toISOString().slice(0, 10) ?? null,
    }),
    periodMonths: t.exposeInt('periodMonths', { nullable: true, description: '12 for a year, 6 for a half; null for an instant.' }),
    kind: t.expose('kind', { type: ColumnKind }),
    currency: t.exposeString('currency', {
      nullable: true,
      description: "Only where it differs from the statement's currency (e.g. a convenience translation).",
    }),
  }),
});

const XbrlFact = builder.objectRef<FactReference>('XbrlFact').implement({
  description: 'The tagged fact of an inline-XBRL document a value was read from.',
  fields: (t) => ({
    id: t.exposeString('id', { nullable: true, description: "The fact element's id attribute, when it has one." }),
    position: t.exposeInt('position', { description: '0-based order of the fact element among the elements of its (X)HTML document, for facts without an id.' }),
    concept: t.exposeString('concept', { description: 'The concept as tagged, e.g. ifrs-full:Revenue.' }),
    contextRef: t.exposeString('contextRef', { description: "The fact's context: its entity, period and dimensions." }),
  }),
});

// Every reason the comparison can give, checked against its type: a new one fails to compile until described here.
const AGREEMENT_REASONS = {
  NO_STATEMENT: { description: 'The PDF extraction has no statement of this type.' },
  NO_PERIOD: { description: 'The PDF extraction has no column for this period.' },
  PERIOD_LENGTH: { description: 'A column ends on the same day but covers another length (e.g. three months read as a year).' },
  NO_LINE: { description: 'No line of the same concept or label, and the figure is nowhere in the column.' },
  VALUE: { description: 'The line is there with another figure.' },
} satisfies Record<AgreementDifference['reason'], { description: string }>;

const AgreementReason = builder.enumType('AgreementDifferenceReason', {
  values: AGREEMENT_REASONS,
  description: 'Why a tagged value was not reproduced by the PDF extraction.',
});

const AgreementDifferenceRef = builder.objectRef<AgreementDifference>('AgreementDifference').implement({
  description: 'A tagged value the PDF extraction does not reproduce.',
  fields: (t) => ({
    label: t.exposeString('label'),
    concept: t.exposeString('concept', { nullable: true }),
    periodEnd: t.exposeString('periodEnd', { nullable: true }),
    periodMonths: t.exposeInt('periodMonths', { nullable: true }),
    xbrlValue: t.field({ type: 'Decimal', description: 'The tagged value, in currency units.', resolve: (d) => d.xbrlValue }),
    pdfValue: t.field({ type: 'Decimal', nullable: true, description: "The PDF's figure in currency units (its unit applied); null when missing.", resolve: (d) => d.pdfValue }),
    reason: t.field({ type: AgreementReason, resolve: (d) => d.reason }),
    fact: t.field({ type: XbrlFact, nullable: true, resolve: (d) => d.fact }),
  }),
});

const StatementAgreement = builder.objectRef<ExtractionAgreement>('StatementAgreement').implement({
  description: "How many of the tagged facts of the same report this PDF extraction reproduces (same period, same value).",
  fields: (t) => ({
    compared: t.exposeInt('compared', { description: 'Tagged values compared.' }),
    agreeing: t.exposeInt('agreeing'),
    share: t.exposeFloat('share', { description: 'agreeing / compared (a ratio, 0 to 1).' }),
    differing: t.field({ type: [AgreementDifferenceRef], resolve: (a) => a.differing }),
    xbrlExtraction: t.prismaField({
      type: 'Extraction',
      nullable: true,
      description: 'The XBRL extraction measured against.',
      resolve: (query, a) => prisma.extraction.findUnique({ ...query, where: { id: a.xbrlExtractionId } }),
    }),
  }),
});

const ExtractedLine = builder.prismaObject('ExtractedLine', {
  description: 'One line of a statement as printed, with a value per column.',
  fields: (t) => ({
    label: t.exposeString('label'),
    concept: t.exposeString('concept', { nullable: true, description: 'Canonical concept key, e.g. revenue, total_assets.' }),
    level: t.exposeInt('level'),
    isTotal: t.exposeBoolean('isTotal'),
    page: t.exposeInt('page', { description: '1-based physical PDF page the line is printed on.' }),
    values: t.field({
      type: ['Decimal'],
      nullable: { list: false, items: true },
      description: 'One per column, in the statement unit (per-share figures unscaled); null is a printed nil.',
      select: { values: { select: { value: true, column: { select: { position: true } } } } },
      resolve: (line) =>
        [...line.values].sort((a, b) => a.column.position - b.column.position).map((v) => v.value),
    }),
    facts: t.field({
      type: [XbrlFact],
      nullable: { list: false, items: true },
      description: 'One per column, aligned with values: the tagged fact behind each value (XBRL provider); null elsewhere.',
      select: {
        values: { select: { factId: true, factPosition: true, factConcept: true, factContext: true, column: { select: { position: true } } } },
      },
      resolve: (line) =>
        [...line.values]
          .sort((a, b) => a.column.position - b.column.position)
          .map((v) =>
            v.factConcept && v.factContext && v.factPosition !== null
              ? { id: v.factId, position: v.factPosition, concept: v.factConcept, contextRef: v.factContext }
              : null,
          ),
    }),
  }),
});

interface CheckShape {
  name: string;
  column: number;
  expected: string;
  actual: string;
  difference?: string;
  passed: boolean;
}

const ExtractionCheck = builder.objectRef<CheckShape>('ExtractionCheck').implement({
  description: 'An arithmetic check of the statement as printed (e.g. assets = liabilities + equity) for one column.',
  fields: (t) => ({
    name: t.exposeString('name'),
    column: t.exposeInt('column', { description: 'Index into columns.' }),
    expected: t.field({ type: 'Decimal', resolve: (c) => c.expected }),
    actual: t.field({ type: 'Decimal', resolve: (c) => c.actual }),
    // Older extractors stored the difference; the contract's checks may leave it out.
    difference: t.field({ type: 'Decimal', resolve: (c) => c.difference ?? new Decimal(c.actual).minus(c.expected).toFixed() }),
    passed: t.exposeBoolean('passed'),
  }),
});

export const Extraction = builder.prismaNode('Extraction', {
  id: { field: 'id' },
  ...nodeLookup,
  fields: (t) => ({
    document: t.relation('document'),
    statementType: t.expose('statementType', { type: StatementType }),
    provider: t.expose('provider', { type: ExtractionProvider }),
    model: t.exposeString('model', { nullable: true }),
    title: t.exposeString('title', { nullable: true }),
    pages: t.exposeIntList('pages'),
    currency: t.exposeString('currency', { nullable: true }),
    unit: t.exposeString('unit', { description: 'units | thousands | millions | billions' }),
    columns: t.relation('columns', { type: StatementColumn, query: { orderBy: { position: 'asc' } } }),
    lineItems: t.relation('lineItems', { type: ExtractedLine, query: { orderBy: { position: 'asc' } } }),
    verdict: t.expose('verdict', {
      type: StatementVerdict,
      nullable: true,
      description: "The checks' verdict: VERIFIED numbers are proven by the statement's own arithmetic. Null for extractions stored before verdicts.",
    }),
    checks: t.field({
      type: [ExtractionCheck],
      description: 'The confidence signal: every arithmetic check with its difference.',
      resolve: (e) => e.checks as unknown as CheckShape[],
    }),
    agreement: t.field({
      type: StatementAgreement,
      nullable: true,
      description:
        'For a PDF extraction, when the company also has an inline-XBRL document of the same fiscal year and kind: how many tagged values it reproduces, and which it does not. Null otherwise.',
      resolve: (e) => agreementOf(e.id),
    }),
    durationMs: t.exposeInt('durationMs', { nullable: true, description: 'Wall time of the extraction run.' }),
    usage: t.expose('usage', {
      type: 'JSON',
      nullable: true,
      description: 'Provider metrics: LLM token usage, characters sent ÷ characters in the document, figures dropped by grounding.',
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
  }),
});

builder.queryFields((t) => ({
  extraction: t.field({
    type: lookupResult('ExtractionResult', Extraction, 'Extraction'),
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, args) =>
      orNotFound(String(args.id), async () => {
        const row = await prisma.extraction.findUnique({ where: { id: parseGlobalId('Extraction', String(args.id)) } });
        if (!row) throw new NotFoundError('Extraction', String(args.id));
        return row;
      }),
  }),
}));
