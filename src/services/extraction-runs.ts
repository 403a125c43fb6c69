// Runs an extractor over a stored document and keeps its result: the whole pipeline of an EXTRACT_DOCUMENT job.
import { config } from '../config.js';
import { prisma } from '../db.js';
import { DocumentUnreadableError, NotFoundError } from '../errors.js';
import { LayoutStatementExtractor, readPdf } from '../extraction/index.js';
import { LlmStatementExtractor, llmOptionsFromEnv } from '../extraction/llm/index.js';
import type { ExtractedStatement } from '../extraction/types.js';
import type { ExtractionProvider } from '../generated/prisma/enums.js';
import { storage } from '../storage/index.js';
import { replaceExtractions } from './extractions.js';

export type Progress = (step: string, current: number, total: number) => Promise<void> | void;

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

export async function extractDocument(
  documentId: number,
  provider: ExtractionProvider = config.defaultProvider,
  progress: Progress = () => {},
): Promise<ExtractionRunResult> {
  const document = await prisma.document.findUnique({ where: { id: documentId } });
  if (!document) throw new NotFoundError('Document', String(documentId));
  const started = performance.now();
  await prisma.document.update({ where: { id: documentId }, data: { status: 'EXTRACTING' } });
  try {
    const bytes = await readStoredBytes(document.storageKey);
    // Page callbacks are synchronous: chain their reports, and stop reading as soon as one fails (a cancel).
    const abort = new AbortController();
    let reports: Promise<void> = Promise.resolve();
    let failure: unknown;
    const onPage = (current: number, total: number) => {
      reports = reports
        .then(() => progress('read', current, total))
        .catch((err) => {
          failure ??= err;
          abort.abort(err);
        });
    };
    const pdf = await readPdf(bytes, { onPage, signal: abort.signal }).catch((err) => {
      throw failure ?? err;
    });
    await reports;
    if (failure) throw failure;
    await progress('extract', 0, 3);
    let statements: ExtractedStatement[];
    let usage: Record<string, unknown> | undefined;
    let model: string | null = null;
    if (provider === 'LLM') {
      const result = await llmExtractor().extractWithMetrics(pdf);
      statements = result.statements;
      usage = result.metrics as unknown as Record<string, unknown>;
      model = result.metrics.model;
    } else {
      statements = await new LayoutStatementExtractor().extract(pdf);
    }
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
    await prisma.document.update({ where: { id: documentId }, data: { status: 'FAILED' } }).catch(() => {});
    throw err;
  }
}
