// What a crash leaves in storage is swept: files no document references and stale upload temp files go; files a
// document references and temp files of uploads still arriving stay.
import { randomBytes } from 'node:crypto';
import { mkdir, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { prisma } from '../../src/db.js';
import { ingestDocument } from '../../src/services/documents/index.js';
import { sweepStorage } from '../../src/services/documents/sweep.js';
import { storage, storageKeyFor, TEMP_DIR } from '../../src/storage/index.js';
import { makeAnnualReport } from '../helpers/report-pdf.js';

async function putOrphan() {
  const key = storageKeyFor(randomBytes(32).toString('hex'));
  const source = path.join(TEMP_DIR, `${randomBytes(4).toString('hex')}.orphan`);
  await mkdir(TEMP_DIR, { recursive: true });
  await writeFile(source, '%PDF-1.7 left by a crash');
  await storage.putFile(key, source);
  return key;
}

describe('sweepStorage', () => {
  it('removes unreferenced files and stale temp files, keeping referenced files and fresh temp files', async () => {
    const company = await prisma.company.create({ data: { name: 'Sweep plc' } });
    const bytes = await makeAnnualReport({ company: 'Sweep plc', year: 2024, base: 64 });
    const { document } = await ingestDocument({ companyId: company.id, source: Readable.from([Buffer.from(bytes)]) });
    const orphans = [await putOrphan(), await putOrphan()];
    await prisma.contentReading.create({ data: { sha256: 'f'.repeat(64), format: 'PDF', classification: {} } });
    const stale = path.join(TEMP_DIR, 'stale.part');
    const fresh = path.join(TEMP_DIR, 'fresh.part');
    await writeFile(stale, 'half an upload');
    await writeFile(fresh, 'an upload arriving');
    const twoHoursAgo = new Date(Date.now() - 2 * 3600_000);
    await utimes(stale, twoHoursAgo, twoHoursAgo);

    expect(await sweepStorage()).toEqual({ filesRemoved: 2, tempFilesRemoved: 1 });
    for (const key of orphans) expect(await storage.exists(key)).toBe(false);
    expect(await storage.exists(document.storageKey)).toBe(true);
    expect((await prisma.contentReading.findMany({ select: { sha256: true } })).map((r) => r.sha256)).toEqual([document.sha256]);
    const listed = [];
    for await (const key of storage.list('documents/')) listed.push(key);
    expect(listed).toEqual([document.storageKey]);
    expect(await sweepStorage()).toEqual({ filesRemoved: 0, tempFilesRemoved: 0 });
  });
});
