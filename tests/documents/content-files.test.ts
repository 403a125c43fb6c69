// Content-addressed files shared between documents: no interleaving of delete and ingest loses a referenced file,
// a missing file is repaired by uploading the same bytes, identical uploads parse once, and a PDF is parsed once
// from upload to its first LAYOUT extraction (parses counted by fde_document_readings_total).
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { prisma } from '../../src/db.js';
import { documentReadings } from '../../src/metrics.js';
import { deleteDocument, ingestDocument } from '../../src/services/documents/index.js';
import { extractDocument } from '../../src/services/extraction-runs.js';
import { storage, storageKeyFor } from '../../src/storage/index.js';
import { yoga } from '../helpers/graphql.js';
import { globalId } from '../helpers/jobs.js';
import { makeAnnualReport } from '../helpers/report-pdf.js';
import { uploadFile } from '../helpers/upload.js';


async function readings(purpose: string) {
  const metric = await documentReadings.get();
  return metric.values.find((v) => v.labels.purpose === purpose)?.value ?? 0;
}

async function upload(bytes: Uint8Array, companyId: number) {
  const result = await uploadFile(bytes, globalId('Company', companyId));
  const payload = result.data?.uploadDocument;
  if (payload?.__typename !== 'UploadDocumentPayload') throw new Error(`upload failed: ${JSON.stringify(result)}`);
  return payload;
}

const ingest = (companyId: number, bytes: Uint8Array) => ingestDocument({ companyId, source: Readable.from([Buffer.from(bytes)]) });

/** Documents whose stored file is gone. */
async function documentsWithoutFile() {
  const documents = await prisma.document.findMany({ select: { id: true, storageKey: true } });
  const missing = await Promise.all(documents.map(async (d) => ((await storage.exists(d.storageKey)) ? null : d.id)));
  return missing.filter((id) => id !== null);
}

describe('content-addressed document files', () => {
  it('never loses a referenced file when one company deletes the bytes another is ingesting (40 rounds)', async () => {
    const bytes = await makeAnnualReport({ company: 'Shared Bytes plc', year: 2024, base: 31 });
    const a = await prisma.company.create({ data: { name: 'Race A' } });
    const b = await prisma.company.create({ data: { name: 'Race B' } });
    let holder = (await ingest(a.id, bytes)).document;
    const losses: number[] = [];
    for (let round = 0; round < 40; round++) {
      const next = holder.companyId === a.id ? b.id : a.id;
      // The holder's delete and the other company's ingest of the same bytes, at once (and in either order).
      const [, ingested] = await Promise.all([
        round % 2 ? deleteDocument(holder.id) : new Promise<void>((r) => setImmediate(r)).then(() => deleteDocument(holder.id)),
        ingest(next, bytes),
      ]);
      holder = ingested.document;
      if ((await documentsWithoutFile()).length) losses.push(round);
    }
    expect(losses).toEqual([]);
    expect(await prisma.document.count({ where: { companyId: { in: [a.id, b.id] } } })).toBe(1);
    // The last reference gone, the file and the reading go too.
    await deleteDocument(holder.id);
    expect(await storage.exists(holder.storageKey)).toBe(false);
    expect(await prisma.contentReading.count({ where: { sha256: holder.sha256 } })).toBe(0);
  });

  it('repairs a document whose file went missing when the same bytes are uploaded again', async () => {
    const bytes = await makeAnnualReport({ company: 'Repair Co', year: 2023, base: 12 });
    const company = await prisma.company.create({ data: { name: 'Repair Co' } });
    const first = await upload(bytes, company.id);
    const row = await prisma.document.findFirstOrThrow({ where: { companyId: company.id } });
    await storage.delete(row.storageKey);
    expect((await yoga.fetch(first.document.downloadUrl)).status).toBe(404);

    const again = await upload(bytes, company.id);
    expect(again).toMatchObject({ deduplicated: true, document: { id: first.document.id } });
    const download = await yoga.fetch(first.document.downloadUrl);
    expect(download.status).toBe(200);
    expect(new Uint8Array(await download.arrayBuffer())).toEqual(bytes);
  });

  it('parses 20 simultaneous uploads of the same PDF once', async () => {
    const bytes = await makeAnnualReport({ company: 'Crowd plc', year: 2022, base: 55 });
    const company = await prisma.company.create({ data: { name: 'Crowd plc' } });
    const before = await readings('classify');
    const results = await Promise.all(Array.from({ length: 20 }, () => upload(bytes, company.id)));
    expect(await readings('classify')).toBe(before + 1);
    expect(new Set(results.map((r) => r.document.id)).size).toBe(1);
    expect(results.filter((r) => !r.deduplicated)).toHaveLength(1);
    // Another company's upload of the same bytes uses the reading already made.
    const other = await prisma.company.create({ data: { name: 'Crowd Holdings' } });
    expect((await upload(bytes, other.id)).deduplicated).toBe(false);
    expect(await readings('classify')).toBe(before + 1);
  });

  it('waits while another process reads the same new bytes, then uses its reading instead of parsing', async () => {
    const bytes = await makeAnnualReport({ company: 'Elsewhere plc', year: 2021, base: 23 });
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const company = await prisma.company.create({ data: { name: 'Elsewhere plc' } });
    // "Another process" (its own connection) is reading these bytes: it holds their parse lock.
    const other = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await other.connect();
    await other.query(`SELECT pg_advisory_lock(hashtext('document-parse'), hashtext($1))`, [storageKeyFor(sha256)]);
    const before = await readings('classify');
    let settled = false;
    const ingesting = ingest(company.id, bytes).finally(() => (settled = true));
    await new Promise((r) => setTimeout(r, 1500));
    expect(settled).toBe(false);
    // It finishes: its reading is stored, its lock released.
    const classification = { kind: 'ANNUAL_REPORT', fiscalYear: 2021, title: 'Read elsewhere', language: 'en', signals: [] };
    await other.query(`INSERT INTO "ContentReading" (sha256, format, "pageCount", classification) VALUES ($1, 'PDF', 4, $2)`, [sha256, classification]);
    await other.query(`SELECT pg_advisory_unlock(hashtext('document-parse'), hashtext($1))`, [storageKeyFor(sha256)]);
    await other.end();
    const { document } = await ingesting;
    expect(document).toMatchObject({ title: 'Read elsewhere', fiscalYear: 2021, pageCount: 4 });
    expect(await readings('classify')).toBe(before);
  });

  it('reads a PDF once from upload to its first LAYOUT extraction; a re-extraction reads it again', async () => {
    const bytes = await makeAnnualReport({ company: 'Once plc', year: 2024, base: 40 });
    const company = await prisma.company.create({ data: { name: 'Once plc' } });
    const [classify, layout] = [await readings('classify'), await readings('layout')];
    const { document } = await ingest(company.id, bytes);
    const first = await extractDocument(document.id, 'LAYOUT');
    expect(await readings('classify')).toBe(classify + 1);
    expect(await readings('layout')).toBe(layout);
    expect(first.statementTypes.sort()).toEqual(['BALANCE_SHEET', 'CASH_FLOW_STATEMENT', 'INCOME_STATEMENT']);

    const again = await extractDocument(document.id, 'LAYOUT');
    expect(await readings('layout')).toBe(layout + 1);
    // The reading made at upload and the one made by the job agree.
    expect(again.statementTypes.sort()).toEqual(first.statementTypes.sort());
  });
});
