import { prisma } from '../db.js';
import type { Extraction as ExtractionModel } from '../generated/prisma/client.js';
import { DocumentUnreadableError, FetchError, NotFoundError, RateLimitedError, ValidationError } from '../errors.js';
import * as documents from '../services/documents/index.js';
import { encodeGlobalID } from '@pothos/plugin-relay';
import { documentDownloadUrl } from '../http/document-download.js';
import { builder } from './builder.js';
import { DocumentFormat, DocumentKind, DocumentStatus, StatementType } from './enums.js';
import { Extraction } from './extraction.js';
import { lookupResult, orNotFound } from './errors.js';
import { filterId, nodeLookup, parseGlobalId } from './ids.js';

export const Document = builder.prismaNode('Document', {
  id: { field: 'id' },
  ...nodeLookup,
  fields: (t) => ({
    company: t.relation('company'),
    fiscalYear: t.exposeInt('fiscalYear', { nullable: true }),
    kind: t.expose('kind', { type: DocumentKind }),
    format: t.expose('format', { type: DocumentFormat }),
    title: t.exposeString('title', { nullable: true }),
    sourceUrl: t.exposeString('sourceUrl', { nullable: true }),
    sha256: t.exposeString('sha256'),
    byteSize: t.exposeInt('byteSize'),
    pageCount: t.exposeInt('pageCount', { nullable: true }),
    language: t.exposeString('language', { nullable: true }),
    status: t.expose('status', { type: DocumentStatus }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
    downloadUrl: t.string({
      description: 'Where the original bytes can be downloaded from this server (PDF, XHTML or zip, with that content type).',
      resolve: (doc, _args, ctx) => documentDownloadUrl(ctx.request, encodeGlobalID('Document', doc.id)),
    }),
    extractions: t.relation('extractions', { query: { orderBy: [{ statementType: 'asc' }, { provider: 'asc' }] } }),
    latestExtraction: t.field({
      type: Extraction,
      nullable: true,
      description: 'The newest extraction of this statement type, from any provider.',
      args: { type: t.arg({ type: StatementType, required: true }) },
      // Only the columns selected below this field are loaded (a catalogue page reads 5 of 14): every column an
      // Extraction field of the selection reads, which is all Pothos needs of the row.
      resolve: (doc, args, ctx, info) =>
        ctx.loaders.latestExtraction.loadFor({ documentId: doc.id, statementType: args.type }, info) as Promise<ExtractionModel | null>,
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
    ...(args.companyId != null ? { companyId: filterId('Company', args.companyId) } : {}),
    ...(args.fiscalYear != null ? { fiscalYear: args.fiscalYear } : {}),
    ...(args.kind ? { kind: args.kind } : {}),
  };
}

type DocumentKindValue = (typeof DocumentKind)['$inferType'];

const DocumentPayloadFields = (name: string) =>
  builder.objectRef<{ document: DocumentRecord; deduplicated: boolean }>(name).implement({
    fields: (t) => ({
      document: t.field({ type: Document, resolve: (p) => p.document }),
      deduplicated: t.exposeBoolean('deduplicated', {
        description: 'True when the company already had these exact bytes: the existing document is returned.',
      }),
    }),
  });

type DocumentRecord = Awaited<ReturnType<typeof documents.updateDocument>>;

const UploadDocumentInput = builder.inputType('UploadDocumentInput', {
  fields: (t) => ({
    companyId: t.id({ required: true }),
    file: t.field({ type: 'File', required: true }),
    fiscalYear: t.int({ description: 'Overrides the fiscal year read from the document.' }),
    kind: t.field({ type: DocumentKind, description: 'Overrides the kind read from the document.' }),
    title: t.string(),
  }),
});

const AddDocumentFromUrlInput = builder.inputType('AddDocumentFromUrlInput', {
  fields: (t) => ({
    companyId: t.id({ required: true }),
    url: t.string({ required: true }),
    fiscalYear: t.int(),
    kind: t.field({ type: DocumentKind }),
  }),
});

const UpdateDocumentInput = builder.inputType('UpdateDocumentInput', {
  fields: (t) => ({
    id: t.id({ required: true }),
    fiscalYear: t.int({ description: 'null clears it.' }),
    kind: t.field({ type: DocumentKind }),
    title: t.string({ description: 'null clears it.' }),
  }),
});

const DeleteDocumentInput = builder.inputType('DeleteDocumentInput', { fields: (t) => ({ id: t.id({ required: true }) }) });

const UploadDocumentPayload = DocumentPayloadFields('UploadDocumentPayload');
const AddDocumentFromUrlPayload = DocumentPayloadFields('AddDocumentFromUrlPayload');
const UpdateDocumentPayload = builder.objectRef<{ document: DocumentRecord }>('UpdateDocumentPayload').implement({
  fields: (t) => ({ document: t.field({ type: Document, resolve: (p) => p.document }) }),
});
const DeleteDocumentPayload = builder.objectRef<{ deletedId: string }>('DeleteDocumentPayload').implement({
  fields: (t) => ({ deletedId: t.exposeID('deletedId') }),
});

builder.mutationFields((t) => ({
  uploadDocument: t.field({
    type: UploadDocumentPayload,
    description:
      'Upload a PDF, an inline-XBRL (X)HTML document or an ESEF/XBRL report package (GraphQL multipart request), recognised from its content. The same bytes for the same company return the existing document.',
    args: { input: t.arg({ type: UploadDocumentInput, required: true }) },
    errors: {
      types: [NotFoundError, ValidationError, DocumentUnreadableError, RateLimitedError],
      union: { name: 'UploadDocumentResult' },
    },
    resolve: async (_root, { input }, ctx) => {
      await ctx.takeUploadToken();
      return documents.uploadDocument(parseGlobalId('Company', String(input.companyId)), input.file, input);
    },
  }),
  addDocumentFromUrl: t.field({
    type: AddDocumentFromUrlPayload,
    description: 'Download a PDF, inline-XBRL document or report package from a public http(s) URL and add it to the company.',
    args: { input: t.arg({ type: AddDocumentFromUrlInput, required: true }) },
    errors: {
      types: [NotFoundError, ValidationError, DocumentUnreadableError, FetchError, RateLimitedError],
      union: { name: 'AddDocumentFromUrlResult' },
    },
    resolve: async (_root, { input }, ctx) => {
      await ctx.takeUploadToken();
      return documents.addDocumentFromUrl(parseGlobalId('Company', String(input.companyId)), input);
    },
  }),
  updateDocument: t.field({
    type: UpdateDocumentPayload,
    args: { input: t.arg({ type: UpdateDocumentInput, required: true }) },
    errors: { types: [NotFoundError, ValidationError], union: { name: 'UpdateDocumentResult' } },
    resolve: async (_root, { input: { id, ...patch } }) => ({
      document: await documents.updateDocument(parseGlobalId('Document', String(id)), patch),
    }),
  }),
  deleteDocument: t.field({
    type: DeleteDocumentPayload,
    description: 'Delete the document, its extractions and its stored file.',
    args: { input: t.arg({ type: DeleteDocumentInput, required: true }) },
    errors: { types: [NotFoundError], union: { name: 'DeleteDocumentResult' } },
    resolve: async (_root, { input }) => {
      await documents.deleteDocument(parseGlobalId('Document', String(input.id)));
      return { deletedId: String(input.id) };
    },
  }),
}));
