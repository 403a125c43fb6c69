// Runs before each test file: clones the migrated template into the file's own database and points
// DATABASE_URL at it before any application module (and so the Prisma client) is loaded.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, inject } from 'vitest';

const admin = inject('adminDatabaseUrl');
const template = inject('templateDatabase');
const database = `fde_test_${randomBytes(6).toString('hex')}`;

async function adminQuery(sql: string) {
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

await adminQuery(`CREATE DATABASE "${database}" TEMPLATE "${template}"`);
const url = new URL(admin);
url.pathname = `/${database}`;
process.env.DATABASE_URL = url.toString();
// Stored files go to a folder of this file's own, removed afterwards.
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'fde-test-data-'));
process.env.DATA_DIR = dataDir;

afterAll(async () => {
  const { prisma } = await import('../../src/db.js');
  await prisma.$disconnect();
  await adminQuery(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
  rmSync(dataDir, { recursive: true, force: true });
});
