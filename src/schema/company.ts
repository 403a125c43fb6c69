import { NotFoundError, ConflictError, ValidationError } from '../errors.js';
import { prismaConnectionHelpers, queryFromInfo } from '@pothos/plugin-prisma';
import { prisma, type Prisma } from '../db.js';
import type { Document as DocumentModel } from '../generated/prisma/client.js';
import * as companies from '../services/companies.js';
import { builder } from './builder.js';
import { Document, DocumentConnection } from './document.js';
import { DocumentKind } from './enums.js';
import { lookupResult, orNotFound } from './errors.js';
import { nodeLookup, parseGlobalId } from './ids.js';

builder.prismaObject('Ticker', {
  description: 'A listing of a company: a ticker on an exchange (unique together).',
  fields: (t) => ({
    ticker: t.exposeString('ticker'),
    exchange: t.exposeString('exchange'),
    isPrimary: t.exposeBoolean('isPrimary'),
  }),
});

const TICKER_ORDER = [{ isPrimary: 'desc' }, { id: 'asc' }] as const satisfies Prisma.TickerOrderByWithRelationInput[];

const documentPages = prismaConnectionHelpers(builder, 'Document', { cursor: 'id' });

export const Company = builder.prismaNode('Company', {
  id: { field: 'id' },
  ...nodeLookup,
  fields: (t) => ({
    name: t.exposeString('name'),
    country: t.exposeString('country', { nullable: true, description: 'ISO 3166-1 alpha-2 code.' }),
    irUrl: t.exposeString('irUrl', { nullable: true, description: 'Investor-relations page, where reports are discovered.' }),
    lei: t.exposeString('lei', { nullable: true, description: 'Legal Entity Identifier (ISO 17442): discovery asks filings.xbrl.org for its ESEF filings.' }),
    cik: t.exposeString('cik', { nullable: true, description: 'SEC Central Index Key (no leading zeros): discovery asks EDGAR for its 10-K/10-Q.' }),
    tickers: t.relation('tickers', { query: { orderBy: TICKER_ORDER } }),
    primaryTicker: t.string({
      nullable: true,
      // The same selection as `tickers`, so the two share one query instead of re-loading the company.
      select: { tickers: { orderBy: TICKER_ORDER } },
      resolve: (company) => company.tickers.find((t) => t.isPrimary)?.ticker ?? null,
    }),
    documents: t.connection(
      {
        type: Document,
        description: 'Newest fiscal year first.',
        args: {
          fiscalYear: t.arg.int(),
          kind: t.arg({ type: DocumentKind }),
        },
        // One query for the pages of every company in a list (a loader), not a Prisma relation per company; the
        // connection (edges, cursors, pageInfo) is built by Pothos' own helper, as for a prisma connection.
        resolve: async (company, args, ctx, info) => {
          // Pothos works out the rows to read (validating the paging arguments), as for its own prisma connections.
          const { take, cursor } = documentPages.getQuery(args, ctx, () => true) as { take: number; cursor?: { id: number } };
          const page = await ctx.loaders.companyDocuments.loadFor(company.id, { ...args, take, cursor }, info);
          // The rows hold every column the selection below reads (the loader reads those), which is all Pothos needs.
          const rows = page.rows as DocumentModel[];
          return { ...documentPages.resolve(rows, args, ctx, company), totalCount: page.total };
        },
      },
      DocumentConnection,
    ),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
  }),
});

const CompanyConnection = builder.connectionObject(
  { type: Company, name: 'CompanyConnection' },
  { name: 'CompanyEdge' },
);

const CompanyResult = lookupResult('CompanyResult', Company, 'Company');

builder.queryFields((t) => ({
  companies: t.prismaConnection({
    type: 'Company',
    cursor: 'id',
    description: 'The catalogue by name. `search` matches names case-insensitively; `ticker` matches any listing ("AZN" or "LSE:AZN").',
    args: { search: t.arg.string(), ticker: t.arg.string() },
    totalCount: (_parent, args) => prisma.company.count({ where: companies.companyFilter(args) }),
    resolve: (query, _parent, args) =>
      prisma.company.findMany({ ...query, where: companies.companyFilter(args), orderBy: [{ name: 'asc' }, { id: 'asc' }] }),
  }, CompanyConnection),
  company: t.field({
    type: CompanyResult,
    args: { id: t.arg.id({ required: true }) },
    // The selection below the field folds into the one lookup (tickers), as a prismaField would; documents come from
    // their loader.
    resolve: (_root, args, context, info) =>
      orNotFound(String(args.id), () =>
        companies.getCompany(parseGlobalId('Company', String(args.id)), queryFromInfo({ context, info, typeName: 'Company' })),
      ),
  }),
  companyByTicker: t.field({
    type: CompanyResult,
    description: 'The company listed under this ticker ("AZN", or "LSE:AZN" for one exchange).',
    args: { ticker: t.arg.string({ required: true }) },
    resolve: (_root, args, context, info) =>
      orNotFound(args.ticker, () => companies.findCompanyByTicker(args.ticker, queryFromInfo({ context, info, typeName: 'Company' }))),
  }),
}));

const TickerInput = builder.inputType('TickerInput', {
  fields: (t) => ({
    ticker: t.string({ required: true }),
    exchange: t.string({ required: true, description: 'Exchange code, e.g. LSE, XETRA, NASDAQ.' }),
    isPrimary: t.boolean({ description: 'The primary listing; defaults to the first one.' }),
  }),
});

const CreateCompanyInput = builder.inputType('CreateCompanyInput', {
  fields: (t) => ({
    name: t.string({ required: true }),
    country: t.string(),
    irUrl: t.string(),
    lei: t.string({ description: 'Legal Entity Identifier: 20 characters, check digits verified.' }),
    cik: t.string({ description: 'SEC Central Index Key: up to 10 digits.' }),
    tickers: t.field({ type: [TickerInput] }),
  }),
});

const UpdateCompanyInput = builder.inputType('UpdateCompanyInput', {
  fields: (t) => ({
    id: t.id({ required: true }),
    name: t.string(),
    country: t.string({ description: 'null clears it.' }),
    irUrl: t.string({ description: 'null clears it.' }),
    lei: t.string({ description: 'null clears it.' }),
    cik: t.string({ description: 'null clears it.' }),
    tickers: t.field({ type: [TickerInput], description: 'Replaces every listing when given.' }),
  }),
});

const DeleteCompanyInput = builder.inputType('DeleteCompanyInput', { fields: (t) => ({ id: t.id({ required: true }) }) });

type CompanyRecord = Awaited<ReturnType<typeof companies.getCompany>>;
const companyPayload = (name: string) =>
  builder.objectRef<{ company: CompanyRecord }>(name).implement({
    fields: (t) => ({ company: t.field({ type: Company, resolve: (p) => p.company }) }),
  });

const CreateCompanyPayload = companyPayload('CreateCompanyPayload');
const UpdateCompanyPayload = companyPayload('UpdateCompanyPayload');
const DeleteCompanyPayload = builder.objectRef<{ deletedId: string }>('DeleteCompanyPayload').implement({
  fields: (t) => ({ deletedId: t.exposeID('deletedId') }),
});

builder.mutationFields((t) => ({
  createCompany: t.field({
    type: CreateCompanyPayload,
    args: { input: t.arg({ type: CreateCompanyInput, required: true }) },
    errors: { types: [ValidationError, ConflictError], union: { name: 'CreateCompanyResult' } },
    resolve: async (_root, { input }) => ({ company: await companies.createCompany(input) }),
  }),
  updateCompany: t.field({
    type: UpdateCompanyPayload,
    args: { input: t.arg({ type: UpdateCompanyInput, required: true }) },
    errors: { types: [NotFoundError, ValidationError, ConflictError], union: { name: 'UpdateCompanyResult' } },
    resolve: async (_root, { input: { id, ...patch } }) => ({
      company: await companies.updateCompany(parseGlobalId('Company', String(id)), patch),
    }),
  }),
  deleteCompany: t.field({
    type: DeleteCompanyPayload,
    args: { input: t.arg({ type: DeleteCompanyInput, required: true }) },
    errors: { types: [NotFoundError], union: { name: 'DeleteCompanyResult' } },
    resolve: async (_root, { input }) => {
      await companies.deleteCompany(parseGlobalId('Company', String(input.id)));
      return { deletedId: String(input.id) };
    },
  }),
}));
