// A document's bytes are stored once per content (storage/index.ts: the key is the SHA-256) and shared by every
// document, of any company, that holds them. Who may create or remove such a file is decided under one lock per
// storage key: an in-process queue (so identical uploads in this process wait instead of parsing in parallel) and a
// PostgreSQL advisory lock held by a transaction (so other processes wait too). Under it, ingest makes sure the
// file exists and inserts its row in the same transaction; removal counts the rows that still reference the file
// and deletes it only at zero. So no interleaving of ingest and delete loses a file a document references.
import pg from 'pg';
import { prisma, type Tx } from '../../db.js';
import type { ExtractedStatement } from '../../extraction/types.js';
import type { Prisma } from '../../generated/prisma/client.js';
import type { DocumentFormat } from '../../generated/prisma/enums.js';
import { logger } from '../../logger.js';
import { sha256OfStorageKey, storage } from '../../storage/index.js';
import type { Classification } from './classify.js';

// Longest a transaction may hold a content lock: storing a file (an S3 PUT of MAX_DOCUMENT_MB) and a few rows.
const LOCKED_WORK_TIMEOUT_MS = 10 * 60_000;

const queues = new Map<string, Promise<unknown>>();

/** Runs `work` alone for this storage key, in this process (first) and across processes (the transaction's lock). */
export function withContentLock<T>(storageKey: string, work: (tx: Tx) => Promise<T>): Promise<T> {
  return inProcessQueue(storageKey, () => lockedTransaction(storageKey, work));
}

/** The cross-process half: a transaction holding the key's advisory lock (callers already in its queue use it). */
export function lockedTransaction<T>(storageKey: string, work: (tx: Tx) => Promise<T>): Promise<T> {
  return prisma.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('document-content'), hashtext(${storageKey}))`;
      return work(tx);
    },
    { timeout: LOCKED_WORK_TIMEOUT_MS, maxWait: LOCKED_WORK_TIMEOUT_MS },
  );
}

// Parse locks are session locks held while a document is read (seconds), so on their own small pool: a wait
// never takes a connection the API's queries need.
let parseLockPool: pg.Pool | undefined;

/**
 * Runs `work` (reading new bytes) while no other process reads the same bytes: the second process then finds
 * the first one's reading instead of parsing again. A session advisory lock, released if the process dies.
 */
export async function withParseLock<T>(storageKey: string, work: () => Promise<T>): Promise<T> {
  if (!parseLockPool) {
    parseLockPool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 2, idleTimeoutMillis: 10_000, allowExitOnIdle: true });
    // An idle connection cut by the server (a restart, a dropped database) is replaced, never a crash.
    parseLockPool.on('error', (err) => logger.warn({ err }, 'parse-lock connection lost'));
  }
  const client = await parseLockPool.connect();
  let broken = false;
  try {
    await client.query(`SELECT pg_advisory_lock(hashtext('document-parse'), hashtext($1))`, [storageKey]);
    try {
      return await work();
    } finally {
      // A lost connection has released the lock already; it is not returned to the pool.
      await client.query(`SELECT pg_advisory_unlock(hashtext('document-parse'), hashtext($1))`, [storageKey]).catch(() => (broken = true));
    }
  } finally {
    client.release(broken);
  }
}

/** Runs `work` after every earlier call for `key` in this process has settled (never call it from inside `work`). */
export function inProcessQueue<T>(key: string, work: () => Promise<T>): Promise<T> {
  const previous = queues.get(key) ?? Promise.resolve();
  const run = previous.then(work, work);
  const tail = run.catch(() => {});
  queues.set(key, tail);
  void tail.then(() => {
    if (queues.get(key) === tail) queues.delete(key);
  });
  return run;
}

/**
 * Under the content lock: puts the file at `storageKey` from `tempPath` unless it is there. Also how a document
 * whose file went missing is repaired: ingesting the same bytes again stores them again.
 */
export async function ensureStoredFile(storageKey: string, tempPath: string): Promise<'stored' | 'present'> {
  if (await storage.exists(storageKey)) return 'present';
  await storage.putFile(storageKey, tempPath);
  return 'stored';
}

/** Removes the file and the content's reading once no document references them; safe to call at any time. */
export async function removeIfUnreferenced(storageKey: string): Promise<void> {
  await withContentLock(storageKey, async (tx) => {
    const users = await tx.document.count({ where: { storageKey } });
    if (users > 0) return;
    const sha256 = sha256OfStorageKey(storageKey);
    if (sha256) await tx.contentReading.deleteMany({ where: { sha256 } });
    await storage.delete(storageKey);
    logger.debug({ storageKey }, 'removed an unreferenced document file');
  });
}

/** What ingest read from some content: the same bytes ingested again, by anyone, are not parsed again. */
export interface ContentReading {
  format: DocumentFormat;
  pageCount: number | null;
  classification: Classification;
  statements: ExtractedStatement[] | null;
}

export async function findReading(sha256: string): Promise<ContentReading | null> {
  const row = await prisma.contentReading.findUnique({ where: { sha256 } });
  if (!row) return null;
  return {
    format: row.format,
    pageCount: row.pageCount,
    classification: row.classification as unknown as Classification,
    statements: (row.statements as unknown as ExtractedStatement[] | null) ?? null,
  };
}

export async function keepReading(tx: Tx, sha256: string, reading: ContentReading): Promise<void> {
  const data = {
    format: reading.format,
    pageCount: reading.pageCount,
    classification: reading.classification as unknown as Prisma.InputJsonObject,
    statements: reading.statements ? (reading.statements as unknown as Prisma.InputJsonArray) : undefined,
  };
  await tx.contentReading.createMany({ data: [{ sha256, ...data }], skipDuplicates: true });
}

/**
 * The statements ingest's reading found, for the document's first LAYOUT extraction (none stored yet), so the
 * extraction job does not read the PDF a second time. Later runs (a re-extraction) read the file again.
 */
export async function firstLayoutStatements(document: {
  id: number;
  sha256: string;
  storageKey: string;
}): Promise<ExtractedStatement[] | null> {
  const [reading, extracted, stored] = await Promise.all([
    prisma.contentReading.findUnique({ where: { sha256: document.sha256 }, select: { statements: true } }),
    prisma.extraction.count({ where: { documentId: document.id, provider: 'LAYOUT' } }),
    // A document whose file is gone is broken whatever was read before: the job says so (and re-upload repairs).
    storage.exists(document.storageKey),
  ]);
  if (extracted > 0 || !reading?.statements || !stored) return null;
  return reading.statements as unknown as ExtractedStatement[];
}
