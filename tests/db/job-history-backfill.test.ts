// The backfill migration gives jobs written before subjectLabel (and before their input carried the subject's ids)
// the same label and ids a new job gets, so they stay readable as history once their subject is deleted.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { prisma } from '../../src/db.js';
import { stopQueue } from '../../src/queue/index.js';
import { inputOfJob, requestCompilation, requestExtraction } from '../../src/services/jobs/index.js';

const MIGRATION = path.resolve(import.meta.dirname, '../../prisma/migrations/20261202024500_job_history_backfill/migration.sql');

afterAll(async () => {
  await stopQueue({ graceful: false });
});

async function runMigrationAgain() {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    await client.query(await readFile(MIGRATION, 'utf8'));
  } finally {
    await client.end();
  }
}

describe('job history backfill', () => {
  it('labels old jobs as new ones are labelled and puts their ids in the input; leaves labelled jobs alone', async () => {
    const company = await prisma.company.create({ data: { name: 'Old Jobs plc' } });
    const doc = await prisma.document.create({
      data: { companyId: company.id, fiscalYear: 2020, title: 'Annual Report 2020', storageKey: 'old-jobs', sha256: 'old-jobs', byteSize: 1 },
    });
    const untitled = await prisma.document.create({ data: { companyId: company.id, kind: 'INTERIM_REPORT', storageKey: 'old-jobs-2', sha256: 'old-jobs-2', byteSize: 1 } });
    const old = [
      await prisma.job.create({ data: { kind: 'EXTRACT_DOCUMENT', companyId: company.id, documentId: doc.id, input: { provider: 'LAYOUT' } } }),
      await prisma.job.create({ data: { kind: 'EXTRACT_DOCUMENT', companyId: company.id, documentId: untitled.id, input: {} } }),
      await prisma.job.create({ data: { kind: 'COMPILE_COMPANY', companyId: company.id, input: { includeInterim: true } } }),
    ]; // one after the other: the assertions below read them in id order
    const current = [(await requestExtraction(doc.id, 'LAYOUT')).job, (await requestCompilation(company.id)).job];
    await prisma.job.update({ where: { id: current[1]!.id }, data: { subjectLabel: 'kept as written' } });

    await runMigrationAgain();

    const after = await prisma.job.findMany({ where: { id: { in: old.map((j) => j.id) } }, orderBy: { id: 'asc' } });
    // The same wording as the label a new job gets.
    expect(after[0]!.subjectLabel).toBe((await prisma.job.findUniqueOrThrow({ where: { id: current[0]!.id } })).subjectLabel);
    expect(after.map((j) => j.subjectLabel)).toEqual([
      `Old Jobs plc: annual report 2020 "Annual Report 2020" (document ${doc.id})`,
      `Old Jobs plc: interim report (document ${untitled.id})`,
      `Old Jobs plc (company ${company.id})`,
    ]);
    expect(after.map((j) => j.input)).toEqual([
      { documentId: doc.id, companyId: company.id, provider: 'LAYOUT' },
      { documentId: untitled.id, companyId: company.id },
      { companyId: company.id, includeInterim: true },
    ]);
    // Read once the subject is gone (its columns cleared), the input still says what the job was.
    expect(inputOfJob({ ...after[2]!, companyId: null })).toEqual({ companyId: company.id, includeInterim: true });
    expect((await prisma.job.findUniqueOrThrow({ where: { id: current[1]!.id } })).subjectLabel).toBe('kept as written');
  });
});
