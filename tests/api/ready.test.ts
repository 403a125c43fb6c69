// /ready names the dependency that is down (database, storage, queue) and never the internal error behind it.
// Failures are real where they can be made so here: the queue's schema moved away, storage unwritable (a file
// where its folder must be), migrations missing. The database going down is tested under a running server in
// tests/db/embedded-restart.test.ts.
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { prisma } from '../../src/db.js';
import { stopQueue } from '../../src/queue/index.js';
import { yoga } from '../helpers/graphql.js';

afterAll(() => stopQueue({ graceful: false }));

async function ready() {
  const response = await yoga.fetch('http://yoga/ready');
  const text = await response.text();
  return { status: response.status, text, body: JSON.parse(text) as { status: string; dependencies: Record<string, string> } };
}

describe('/ready', () => {
  it('is 200 with every dependency ok', async () => {
    const answer = await ready();
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ status: 'ready', dependencies: { database: 'ok', storage: 'ok', queue: 'ok' } });
  });

  it('names the queue when pg-boss cannot reach its tables, without the database error', async () => {
    await prisma.$executeRawUnsafe('ALTER SCHEMA pgboss RENAME TO pgboss_away');
    try {
      const answer = await ready();
      expect(answer.status).toBe(503);
      expect(answer.body).toEqual({ status: 'unavailable', dependencies: { database: 'ok', storage: 'ok', queue: 'unavailable' } });
      expect(answer.text).not.toMatch(/pgboss|relation|exist/i);
    } finally {
      await prisma.$executeRawUnsafe('ALTER SCHEMA pgboss_away RENAME TO pgboss');
    }
    expect((await ready()).status).toBe(200);
  });

  it('names storage when the files folder cannot be written, without the path', async () => {
    const files = path.join(process.env.DATA_DIR!, 'files');
    await rename(files, `${files}.away`).catch(() => {});
    await writeFile(files, 'not a folder');
    try {
      const answer = await ready();
      expect(answer.status).toBe(503);
      expect(answer.body.dependencies).toEqual({ database: 'ok', storage: 'unavailable', queue: 'ok' });
      expect(answer.text).not.toContain(process.env.DATA_DIR!);
      expect(answer.text).not.toMatch(/EEXIST|ENOTDIR/);
    } finally {
      await rm(files, { force: true });
      await rename(`${files}.away`, files).catch(() => mkdir(files, { recursive: true }));
    }
    expect((await ready()).status).toBe(200);
  });

  it('says migrations are pending, without naming them', async () => {
    const [last] = await prisma.$queryRaw<{ id: string; migration_name: string }[]>`
      SELECT id, migration_name FROM "_prisma_migrations" ORDER BY migration_name DESC LIMIT 1`;
    await prisma.$executeRaw`UPDATE "_prisma_migrations" SET rolled_back_at = now() WHERE id = ${last!.id}`;
    try {
      const answer = await ready();
      expect(answer.status).toBe(503);
      expect(answer.body.dependencies.database).toBe('migrations_pending');
      expect(answer.text).not.toContain(last!.migration_name);
    } finally {
      await prisma.$executeRaw`UPDATE "_prisma_migrations" SET rolled_back_at = NULL WHERE id = ${last!.id}`;
    }
  });
});
