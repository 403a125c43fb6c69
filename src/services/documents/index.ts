// Documents of a company: ingest (upload, URL, discovery), edit, delete (with their files), read back.
import { Readable } from 'node:stream';
import { z } from 'zod';
import { config } from '../../config.js';
import { prisma } from '../../db.js';
import { FetchError, NotFoundError, ValidationError } from '../../errors.js';
import type { Document } from '../../generated/prisma/client.js';
import { DocumentKind } from '../../generated/prisma/enums.js';
import { safeFetch } from '../../net/safe-fetch.js';
import { storage } from '../../storage/index.js';
import { assertCompanyExists } from '../companies.js';
import { cancelActiveJobs } from '../jobs/index.js';
import { parseInput } from '../validation.js';
import { ingestDocument, removeIfUnreferenced, type IngestResult } from './ingest.js';
import { DOCUMENT_TYPES, TooLargeError } from './receive.js';

export { ingestDocument, removeIfUnreferenced } from './ingest.js';

const fiscalYear = z.number().int().min(1900, 'must be 1900 or later').max(2200, 'must be 2200 or earlier').nullish();
const kind = z.enum(Object.values(DocumentKind) as [DocumentKind, ...DocumentKind[]]).nullish();

const UploadSchema = z.object({ fiscalYear, kind, title: z.string().trim().max(300).nullish() });

export async function uploadDocument(
  companyId: number,
  file: { name?: string; stream(): ReadableStream<Uint8Array> },
  input: { fiscalYear?: number | null; kind?: DocumentKind | null; title?: string | null },
): Promise<IngestResult> {
  const data = parseInput(UploadSchema, input);
  const source = Readable.from(chunksOf(file.stream()));
  try {
    return await ingestDocument({ companyId, source, ...data, title: data.title ?? null, fileName: file.name ?? null });
  } catch (err) {
    if (err instanceof TooLargeError) throw ValidationError.field('file', err.message);
    throw err;
  }
}

const UrlSchema = z.object({ url: z.string().trim().url('must be a URL').max(2000), fiscalYear, kind });

export async function addDocumentFromUrl(
  companyId: number,
  input: { url: string; fiscalYear?: number | null; kind?: DocumentKind | null },
): Promise<IngestResult> {
  const data = parseInput(UrlSchema, input);
  await assertCompanyExists(companyId);
  const response = await safeFetch(data.url, { maxBytes: config.maxDocumentBytes, accept: DOCUMENT_TYPES });
  try {
    return await ingestDocument({ companyId, source: response.body, sourceUrl: response.url, fiscalYear: data.fiscalYear, kind: data.kind });
  } catch (err) {
    if (err instanceof TooLargeError) throw new FetchError('TOO_LARGE', `${response.url}: ${err.message}`);
    throw err;
  } finally {
    response.body.destroy();
  }
}

const UpdateSchema = z.object({ fiscalYear, kind, title: z.string().trim().max(300).nullish() });

export async function updateDocument(
  id: number,
  input: { fiscalYear?: number | null; kind?: DocumentKind | null; title?: string | null },
): Promise<Document> {
  const data = parseInput(UpdateSchema, input);
  const { count } = await prisma.document.updateMany({
    where: { id },
    data: {
      ...(data.fiscalYear !== undefined ? { fiscalYear: data.fiscalYear } : {}),
      ...(data.kind ? { kind: data.kind } : {}),
      ...(data.title !== undefined ? { title: data.title } : {}),
    },
  });
  if (!count) throw new NotFoundError('Document', String(id));
  return prisma.document.findUniqueOrThrow({ where: { id } });
}

/**
 * Deletes the document, its extractions, and its file unless another company holds the same bytes. Its queued or
 * running jobs are cancelled first and stay as history (their document link becomes null).
 */
export async function deleteDocument(id: number): Promise<void> {
  const storageKey = await prisma.$transaction(async (tx) => {
    // Locked first: a job requested meanwhile either committed before (and is cancelled here) or its insert waits
    // for this delete and then fails on its foreign key (NotFoundError), so no active job outlives its document.
    const [doc] = await tx.$queryRaw<{ storageKey: string }[]>`SELECT "storageKey" FROM "Document" WHERE id = ${id} FOR UPDATE`;
    if (!doc) throw new NotFoundError('Document', String(id));
    await cancelActiveJobs({ documentId: id }, tx);
    await tx.document.delete({ where: { id } });
    return doc.storageKey;
  });
  await removeIfUnreferenced(storageKey);
}

/** After a company and its documents are gone, remove the files no one else references. */
export async function removeFilesOf(storageKeys: string[]): Promise<void> {
  for (const key of new Set(storageKeys)) await removeIfUnreferenced(key);
}

export async function openDocumentFile(id: number): Promise<{ document: Document; body: Readable } | null> {
  const document = await prisma.document.findUnique({ where: { id } });
  if (!document) return null;
  const body = await storage.read(document.storageKey);
  return body ? { document, body } : null;
}

// Yoga hands uploads over as a (ponyfilled) web stream; read it chunk by chunk so the size limit applies as it flows.
async function* chunksOf(stream: ReadableStream<Uint8Array>): AsyncGenerator<Uint8Array> {
  const reader = stream.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
    }
  } finally {
    reader.releaseLock();
  }
}
