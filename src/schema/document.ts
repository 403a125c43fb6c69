import { prisma } from '../db.js';
import { NotFoundError } from '../errors.js';
import { builder } from './builder.js';
import { DocumentKind, DocumentStatus, StatementType } from './enums.js';
import { Extraction } from './extraction.js';
import { lookupResult, orNotFound } from './errors.js';
import { parseGlobalId } from './ids.js';

export const Document = builder.prismaNode('Document', {
  id: { field: 'id' },
  fields: (t) => ({
    company: t.relation('company'),
    fiscalYear: t.exposeInt('fiscalYear', { nullable: true }),
    kind: t.expose('kind', { type: DocumentKind }),
    title: t.exposeString('title', { nullable: true }),
    sourceUrl: t.exposeString('sourceUrl', { nullable: true }),
    sha256: t.exposeString('sha256'),
    byteSize: t.exposeInt('byteSize'),
    pageCount: t.exposeInt('pageCount', { nullable: true }),
    language: t.exposeString('language', { nullable: true }),
    status: t.expose('status', { type: DocumentStatus }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    extractions: t.relation('extractions', { query: { orderBy: [{ statementType: 'asc' }, { provider: 'asc' }] } }),
    latestExtraction: t.field({
      type: Extraction,
      nullable: true,
      description: 'The newest extraction of this statement type, from any provider.',
      args: { type: t.arg({ type: StatementType, required: true }) },
      resolve: (doc, args, ctx) => ctx.loaders.latestExtraction.load({ documentId: doc.id, statementType: args.type }),
    }),
  }),
});

export const DocumentConnection = builder.connectionObject(
  { type: Document, name: 'DocumentConnection' },
  { name: 'DocumentEdge' },
);

builder.queryFields((t) => ({
  document: t.field({
    type: lookupResult('DocumentResult', Document, 'Document'),
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, args) =>
      orNotFound(String(args.id), async () => {
        const doc = await prisma.document.findUnique({ where: { id: parseGlobalId('Document', String(args.id)) } });
        if (!doc) throw new NotFoundError('Document', String(args.id));
        return doc;
      }),
  }),
  documents: t.prismaConnection({
    type: 'Document',
    cursor: 'id',
    description: 'Documents, newest fiscal year first, optionally of one company, fiscal year or kind.',
    args: { companyId: t.arg.id(), fiscalYear: t.arg.int(), kind: t.arg({ type: DocumentKind }) },
    totalCount: (_parent, args) => prisma.document.count({ where: documentFilter(args) }),
    resolve: (query, _parent, args) =>
      prisma.document.findMany({
        ...query,
        where: documentFilter(args),
        orderBy: [{ fiscalYear: { sort: 'desc', nulls: 'last' } }, { id: 'desc' }],
      }),
  }, DocumentConnection),
}));

function documentFilter(args: { companyId?: string | number | null; fiscalYear?: number | null; kind?: DocumentKindValue | null }) {
  return {
    ...(args.companyId != null ? { companyId: safeCompanyId(String(args.companyId)) } : {}),
    ...(args.fiscalYear != null ? { fiscalYear: args.fiscalYear } : {}),
    ...(args.kind ? { kind: args.kind } : {}),
  };
}

type DocumentKindValue = (typeof DocumentKind)['$inferType'];

// A filter on an unknown company lists nothing rather than failing the whole query.
function safeCompanyId(globalId: string): number {
  try {
    return parseGlobalId('Company', globalId);
  } catch {
    return -1;
  }
}
