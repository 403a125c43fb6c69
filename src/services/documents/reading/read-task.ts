// Runs in a worker thread (src/services/documents/reading/reader-pool.ts): everything that parses a document's
// bytes — pdf.js, the layout extractor, the inline-XBRL reader — so a 300-page report never stalls the API's event
// loop. Errors cross the thread boundary as data: a structured clone would drop a typed error's class and reason.
import type { MessagePort } from 'node:worker_threads';
import { DocumentUnreadableError, type UnreadableReason } from '../../../errors.js';
import { detectDocumentFormat } from '../../../extraction/xbrl/detect-format.js';
import { extractXbrlStatements } from '../../../extraction/xbrl/extract-xbrl.js';
import { readXbrlReport } from '../../../extraction/xbrl/read-report.js';
import { LayoutStatementExtractor } from '../../../extraction/layout-extractor.js';
import { readPdf } from '../../../extraction/pdf/read-pdf.js';
import type { ExtractedStatement, PdfDocument } from '../../../extraction/types.js';
import type { DocumentFormat } from '../../../generated/prisma/enums.js';
import { classifyDocument, classifyXbrlReport, type Classification } from '../classify.js';

/**
 * What to read: `classify` (ingest: the format, page count and classification, plus a PDF's layout statements so
 * its first LAYOUT extraction needs no second reading), `layout` (a PDF's statements), `xbrl` (tagged statements),
 * `pdf` (the positioned text itself, for the LLM provider).
 */
export type ReadPurpose = 'classify' | 'layout' | 'xbrl' | 'pdf';

export interface ReadTask {
  purpose: ReadPurpose;
  bytes: Uint8Array;
  fileName?: string | null;
  /** receives `{ current, total }` per page read */
  progress?: MessagePort;
}

export interface Reading {
  format: DocumentFormat;
  pageCount: number | null;
  classification?: Classification;
  statements?: ExtractedStatement[];
  pdf?: PdfDocument;
}

export type ReadTaskResult = { ok: true; reading: Reading } | { ok: false; reason: UnreadableReason; message: string };

export default async function readDocument(task: ReadTask): Promise<ReadTaskResult> {
  try {
    return { ok: true, reading: await read(task) };
  } catch (err) {
    if (err instanceof DocumentUnreadableError) return { ok: false, reason: err.reason, message: err.message };
    throw err;
  } finally {
    task.progress?.close();
  }
}

async function read({ purpose, bytes, fileName, progress }: ReadTask): Promise<Reading> {
  const format = detectDocumentFormat(bytes);
  if (format === 'IXBRL' || format === 'XBRL_PACKAGE') {
    if (purpose === 'xbrl') {
      const output = await extractXbrlStatements(bytes, { fileName: fileName ?? undefined });
      return { format, pageCount: output.source.pages ?? null, statements: output.statements };
    }
    if (purpose !== 'classify') throw notPdf(format);
    const report = await readXbrlReport(bytes, { fileName: fileName ?? undefined });
    return { format, pageCount: report.pages || null, classification: classifyXbrlReport(report) };
  }
  if (format !== 'PDF') throw notPdf(format);
  const pdf = await readPdf(bytes, { onPage: (current, total) => progress?.postMessage({ current, total }) });
  if (purpose === 'pdf') return { format, pageCount: pdf.pageCount, pdf };
  const statements = await new LayoutStatementExtractor().extract(pdf);
  const classification = purpose === 'classify' ? classifyDocument(pdf, statements) : undefined;
  return { format, pageCount: pdf.pageCount, statements, classification };
}

function notPdf(format: string | null) {
  return format === 'IXBRL' || format === 'XBRL_PACKAGE'
    ? new DocumentUnreadableError('NOT_PDF', `This provider reads PDFs; the file is inline XBRL (${format}).`)
    : new DocumentUnreadableError('NOT_PDF', 'The file is neither a PDF nor an inline-XBRL document or report package');
}
