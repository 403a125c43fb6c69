// Turns incoming bytes into a stored, classified document, exactly once per company and content:
// stream to a temp file (size cap, signature, SHA-256) → same bytes already there? return that document →
// tell the format from the content (PDF, inline-XBRL document, report package) → read it (a typed error if it
// cannot be read, hostile input included) → classify from content → store under the content key → insert the
// row. A failed insert removes the file it stored; a failed store writes no row; temp files never stay.
import { readFile, rm } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { config } from '../../config.js';
import { prisma } from '../../db.js';
import { detectDocumentFormat, extractStatements, readPdf, readXbrlReport } from '../../extraction/index.js';
import type { Document } from '../../generated/prisma/client.js';
import type { DocumentFormat, DocumentKind } from '../../generated/prisma/enums.js';
import { logger } from '../../logger.js';
import { storage, storageKeyFor } from '../../storage/index.js';
import { assertCompanyExists } from '../companies.js';
import { classifyDocument, classifyXbrlReport, type Classification } from './classify.js';
import { notPdf, receiveDocument } from './receive.js';

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
  try {
    const existing = await findSame(input.companyId, received.sha256);
    if (existing) return { document: existing, deduplicated: true };

    const { format, pageCount, found } = await readAndClassify(new Uint8Array(await readFile(received.tempPath)), input.fileName);
    logger.debug({ sha256: received.sha256, format, signals: found.signals }, 'classified document');

    const storageKey = storageKeyFor(received.sha256);
    const alreadyStored = await storage.exists(storageKey);
    if (!alreadyStored) await storage.putFile(storageKey, received.tempPath);
    try {
      const document = await prisma.document.create({
        data: {
          companyId: input.companyId,
          sha256: received.sha256,
          byteSize: received.byteSize,
          storageKey,
          format,
          pageCount,
          sourceUrl: input.sourceUrl ?? null,
          kind: input.kind ?? (found.kind === 'OTHER' && input.hints?.kind ? input.hints.kind : found.kind),
          fiscalYear: input.fiscalYear ?? found.fiscalYear ?? input.hints?.fiscalYear ?? null,
          title: input.title ?? found.title,
          language: found.language,
        },
      });
      return { document, deduplicated: false };
    } catch (err) {
      if (!alreadyStored) await removeIfUnreferenced(storageKey);
      // The same bytes arriving twice at once: the loser returns the winner's row.
      if ((err as { code?: string }).code === 'P2002') {
        const winner = await findSame(input.companyId, received.sha256);
        if (winner) return { document: winner, deduplicated: true };
      }
      throw err;
    }
  } finally {
    await rm(received.tempPath, { force: true });
  }
}

interface ReadDocument {
  format: DocumentFormat;
  pageCount: number | null;
  found: Classification;
}

/** Reads the bytes as what their content says they are; anything else is refused with the typed error. */
async function readAndClassify(bytes: Uint8Array, fileName?: string | null): Promise<ReadDocument> {
  const format = detectDocumentFormat(bytes);
  if (format === 'PDF') {
    const pdf = await readPdf(bytes);
    const { statements } = await extractStatements(pdf);
    return { format, pageCount: pdf.pageCount, found: classifyDocument(pdf, statements) };
  }
  if (format === 'IXBRL' || format === 'XBRL_PACKAGE') {
    const report = await readXbrlReport(bytes, { fileName: fileName ?? undefined });
    return { format, pageCount: report.pages || null, found: classifyXbrlReport(report) };
  }
  throw notPdf();
}

function findSame(companyId: number, sha256: string) {
  return prisma.document.findUnique({ where: { companyId_sha256: { companyId, sha256 } } });
}

/** Content-addressed files are shared by every company that has the same bytes: delete only the last reference. */
export async function removeIfUnreferenced(storageKey: string) {
  const users = await prisma.document.count({ where: { storageKey } });
  if (users === 0) await storage.delete(storageKey);
}
