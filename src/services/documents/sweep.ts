// What a crash can leave behind, cleared: a document file no row references (a process died between storing it
// and committing the row, or between deleting the row and the file) and temp files of uploads that never
// finished. Each candidate file is removed through removeIfUnreferenced, under its content lock, so a file an
// ingest is storing right now is never taken. `fde storage sweep` runs it; the server sweeps temp files at start.
import { readdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { prisma } from '../../db.js';
import { storage, TEMP_DIR } from '../../storage/index.js';
import { removeIfUnreferenced } from './content.js';

// An upload in progress writes its temp file for as long as the body arrives; none takes an hour.
const STALE_TEMP_MS = 60 * 60_000;

export interface SweepResult {
  filesRemoved: number;
  tempFilesRemoved: number;
}

export async function sweepStorage(): Promise<SweepResult> {
  const referenced = new Set((await prisma.document.findMany({ select: { storageKey: true }, distinct: ['storageKey'] })).map((d) => d.storageKey));
  let filesRemoved = 0;
  for await (const key of storage.list('documents/')) {
    if (referenced.has(key)) continue;
    await removeIfUnreferenced(key); // re-checked under the lock: it may have gained a row since the query
    if (!(await storage.exists(key))) filesRemoved++;
  }
  // Readings of content no document holds (a crash between a delete and its file's removal left them).
  await prisma.$executeRaw`DELETE FROM "ContentReading" r WHERE NOT EXISTS (SELECT 1 FROM "Document" d WHERE d.sha256 = r.sha256)`;
  return { filesRemoved, tempFilesRemoved: await sweepTempFiles() };
}

/** Removes temp files older than an hour (never one an upload is still writing). */
export async function sweepTempFiles(now = Date.now()): Promise<number> {
  let names: string[];
  try {
    names = await readdir(TEMP_DIR);
  } catch {
    return 0;
  }
  let removed = 0;
  for (const name of names) {
    const file = path.join(TEMP_DIR, name);
    const info = await stat(file).catch(() => null);
    if (!info?.isFile() || now - info.mtimeMs < STALE_TEMP_MS) continue;
    await rm(file, { force: true });
    removed++;
  }
  return removed;
}
