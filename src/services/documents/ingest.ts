// Turns incoming bytes into a stored, classified document, exactly once per company and content:
// stream to a temp file (size cap, signature, SHA-256) → wait for any ingest of the same bytes in this process →
// same bytes already there? return that document (putting its file back if it went missing) → read them once, in
// a reader thread, unless any company's ingest already did (ContentReading): the format from the content, a typed
// error if unreadable, the classification → under the content lock (content.ts), store the file if absent and
// insert the row and the reading in one transaction. A failed store leaves no row and no unreferenced file; temp
// files never stay.
import { readFile, rm } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { config } from '../../config.js';
import { prisma } from '../../db.js';
import type { Document } from '../../generated/prisma/client.js';
import type { DocumentKind } from '../../generated/prisma/enums.js';
import { logger } from '../../logger.js';
import { storage, storageKeyFor } from '../../storage/index.js';
import { assertCompanyExists } from '../companies.js';
import {
  ensureStoredFile,
  findReading,
  inProcessQueue,
  keepReading,
  lockedTransaction,
  removeIfUnreferenced,
  withParseLock,
  type ContentReading,
} from './content.js';
import { readInThread } from './reading/reader-pool.js';
import { receiveDocument, type ReceivedFile } from './receive.js';

export { removeIfUnreferenced } from './content.js';

export interface IngestInput {
  companyId: number;
  source: Readable;
  sourceUrl?: string | null;
  /** The user's word wins over classification. */
  fiscalYear?: number | null;
  kind?: DocumentKind | null;
  title?: string | null;
  /** The uploaded file's name: an iXBRL reader reports it; it never decides the format. */
  fileName?: string | null;
  /** Guesses from outside the file (a link's text, its URL), used only where the content says nothing. */
  hints?: { fiscalYear?: number | null; kind?: DocumentKind | null };
}

export interface IngestResult {
  document: Document;
  /** The company already had these exact bytes: nothing new was stored. */
  deduplicated: boolean;
}

export async function ingestDocument(input: IngestInput): Promise<IngestResult> {
  await assertCompanyExists(input.companyId).catch((err) => {
    input.source.destroy(); // nothing will read it
    throw err;
  });
  const received = await receiveDocument(input.source, config.maxDocumentBytes);
  const storageKey = storageKeyFor(received.sha256);
  try {
    // Identical bytes arriving at once wait here for the first: it parses, they find its row (or its reading).
    return await inProcessQueue(storageKey, () => storeOnce(input, received, storageKey));
  } catch (err) {
    // A failed store may have put the file for a row that was never written.
    await removeIfUnreferenced(storageKey).catch((cleanup) => logger.warn({ err: cleanup, storageKey }, 'cleanup failed'));
    throw err;
  } finally {
    await rm(received.tempPath, { force: true });
  }
}

async function storeOnce(input: IngestInput, received: ReceivedFile, storageKey: string): Promise<IngestResult> {
  const existing = await findSame(input.companyId, received.sha256);
  if (existing) return { document: await withFileRepaired(existing, received.tempPath), deduplicated: true };

  const known = await findReading(received.sha256);
  if (known) return insertDocument(input, received, storageKey, known);
  // New bytes: read once across processes; one that waited finds the other's row or reading.
  return withParseLock(storageKey, async () => {
    const stored = await findSame(input.companyId, received.sha256);
    if (stored) return { document: await withFileRepaired(stored, received.tempPath), deduplicated: true };
    const reading = (await findReading(received.sha256)) ?? (await readContent(received, input.fileName));
    return insertDocument(input, received, storageKey, reading);
  });
}

async function insertDocument(input: IngestInput, received: ReceivedFile, storageKey: string, reading: ContentReading): Promise<IngestResult> {
  const found = reading.classification;
  logger.debug({ sha256: received.sha256, format: reading.format, signals: found.signals }, 'classified document');
  return lockedTransaction(storageKey, async (tx) => {
    // Another process may have stored the same bytes for this company while we read them.
    const winner = await tx.document.findUnique({ where: { companyId_sha256: { companyId: input.companyId, sha256: received.sha256 } } });
    if (winner) {
      await ensureStoredFile(storageKey, received.tempPath);
      return { document: winner, deduplicated: true };
    }
    await keepReading(tx, received.sha256, reading);
    await ensureStoredFile(storageKey, received.tempPath);
    const document = await tx.document.create({
      data: {
        companyId: input.companyId,
        sha256: received.sha256,
        byteSize: received.byteSize,
        storageKey,
        format: reading.format,
        pageCount: reading.pageCount,
        sourceUrl: input.sourceUrl ?? null,
        kind: input.kind ?? (found.kind === 'OTHER' && input.hints?.kind ? input.hints.kind : found.kind),
        fiscalYear: input.fiscalYear ?? found.fiscalYear ?? input.hints?.fiscalYear ?? null,
        title: input.title ?? found.title,
        language: found.language,
      },
    });
    return { document, deduplicated: false };
  });
}

/** The company already holds these bytes; if its file went missing, these bytes put it back. */
async function withFileRepaired(document: Document, tempPath: string): Promise<Document> {
  if (await storage.exists(document.storageKey)) return document;
  const outcome = await lockedTransaction(document.storageKey, () => ensureStoredFile(document.storageKey, tempPath));
  if (outcome === 'stored') logger.warn({ documentId: document.id, storageKey: document.storageKey }, 'restored a missing document file');
  return document;
}

/** Parses the bytes (in a reader thread) as what their content says they are; anything else is refused. */
async function readContent(received: ReceivedFile, fileName?: string | null): Promise<ContentReading> {
  const reading = await readInThread('classify', new Uint8Array(await readFile(received.tempPath)), { fileName });
  return {
    format: reading.format,
    pageCount: reading.pageCount,
    classification: reading.classification!,
    statements: reading.statements ?? null,
  };
}

function findSame(companyId: number, sha256: string) {
  return prisma.document.findUnique({ where: { companyId_sha256: { companyId, sha256 } } });
}
