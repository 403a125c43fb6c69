// Runs an extractor over a stored document and keeps its result: the whole pipeline of an EXTRACT_DOCUMENT job.
import { prisma } from '../db.js';
import { DocumentUnreadableError, NotFoundError } from '../errors.js';
import type { ExtractedStatement } from '../extraction/index.js';
import { LlmStatementExtractor, llmOptionsFromEnv } from '../extraction/llm/index.js';
import type { ExtractionProvider } from '../generated/prisma/enums.js';
import { storage } from '../storage/index.js';
import { firstLayoutStatements } from './documents/content.js';
import { readInThread } from './documents/reading/reader-pool.js';
import { replaceExtractions } from './extractions.js';
import { providerFor } from './extraction-provider.js';
import { chainedProgress, JobCancelledError, noProgress, type ReportProgress } from './jobs/progress.js';

export interface ExtractionRunResult {
  documentId: number;
  provider: ExtractionProvider;
  extractionIds: number[];
  statementTypes: string[];
  durationMs: number;
  usage?: Record<string, unknown>;
}

let llm: { key: string; extractor: LlmStatementExtractor } | undefined;
function llmExtractor() {
  // One instance per process (its concurrency limit covers every job of this worker), rebuilt if settings change.
  const options = llmOptionsFromEnv(process.env);
  const key = JSON.stringify(options);
  if (llm?.key !== key) llm = { key, extractor: new LlmStatementExtractor(options) };
  return llm.extractor;
}

async function readStoredBytes(storageKey: string): Promise<Uint8Array> {
  const stream = await storage.read(storageKey);
  if (!stream) throw new DocumentUnreadableError('EMPTY', 'The stored file of this document is missing');
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return new Uint8Array(Buffer.concat(chunks));
}

/** Runs `provider` (by default the one for the document's format, see providerFor) and stores its statements. */
export async function extractDocument(
  documentId: number,
  requested?: ExtractionProvider | null,
  progress: ReportProgress = noProgress,
): Promise<ExtractionRunResult> {
  const document = await prisma.document.findUnique({ where: { id: documentId } });
  if (!document) throw new NotFoundError('Document', String(documentId));
  const provider = providerFor(document.format, requested);
  const started = performance.now();
  await prisma.document.update({ where: { id: documentId }, data: { status: 'EXTRACTING' } });
  // A cancelled run leaves the document as it found it; a failed one marks it FAILED.
  const restoreStatus = document.status === 'EXTRACTING' ? 'STORED' : document.status;
  try {
    // A PDF's first LAYOUT extraction is what ingest already read (so the file is parsed once); others read it.
    const ingested = provider === 'LAYOUT' ? await firstLayoutStatements(document) : null;
    const { statements, usage, model } = ingested
      ? { statements: ingested, model: null }
      : provider === 'XBRL'
        ? await readTaggedStatements(await readStoredBytes(document.storageKey), progress)
        : await readPdfStatements(await readStoredBytes(document.storageKey), provider, progress);
    await progress('store', 3, 3);
    const durationMs = Math.round(performance.now() - started);
    const stored = await replaceExtractions(documentId, provider, statements, {
      model,
      durationMs,
      usage: usage ? JSON.parse(JSON.stringify(usage)) : undefined,
    });
    await prisma.document.update({ where: { id: documentId }, data: { status: 'EXTRACTED' } });
    return {
      documentId,
      provider,
      extractionIds: stored.map((s) => s.id),
      statementTypes: stored.map((s) => s.statementType),
      durationMs,
      ...(usage ? { usage } : {}),
    };
  } catch (err) {
    const status = err instanceof JobCancelledError ? restoreStatus : 'FAILED';
    await prisma.document.updateMany({ where: { id: documentId }, data: { status } }).catch(() => {});
    throw err;
  }
}

interface ProviderResult {
  statements: ExtractedStatement[];
  usage?: Record<string, unknown>;
  model: string | null;
}

/** Inline XBRL: the statements from the tagged facts, each value with the fact it came from. */
async function readTaggedStatements(bytes: Uint8Array, progress: ReportProgress): Promise<ProviderResult> {
  await progress('extract', 0, 3);
  const reading = await readInThread('xbrl', bytes);
  return { statements: reading.statements ?? [], model: null };
}

async function readPdfStatements(bytes: Uint8Array, provider: ExtractionProvider, progress: ReportProgress): Promise<ProviderResult> {
  // Page and statement callbacks are synchronous: their reports are chained, and a cancel stops the work itself.
  const pages = chainedProgress(progress, 'read');
  // Parsed in a reader thread: the layout extractor runs there too; the LLM provider gets the positioned text.
  const reading = await readInThread(provider === 'LLM' ? 'pdf' : 'layout', bytes, { onPage: pages.report, signal: pages.signal }).catch((err) => {
    throw pages.failure ?? err;
  });
  await pages.settle();
  await progress('extract', 0, 3);
  if (provider === 'LLM') {
    const answered = chainedProgress(progress, 'extract');
    const options = { onProgress: (p: { current: number; total: number }) => answered.report(p.current, p.total), signal: answered.signal };
    const result = await llmExtractor()
      .extractWithMetrics(reading.pdf!, options)
      .catch((err) => {
        throw answered.failure ?? err;
      });
    await answered.settle();
    return { statements: result.statements, usage: result.metrics as unknown as Record<string, unknown>, model: result.metrics.model };
  }
  return { statements: reading.statements ?? [], model: null };
}
