// Finds a real PostgreSQL for the run and prepares a migrated template database; each test file then clones it
// (tests/setup/database.ts), so files run in parallel on clean databases. Never a mock.
//  1. TEST_DATABASE_URL when set (CI starts Debian's PostgreSQL);
//  2. otherwise testcontainers' PostgreSQL module when a Docker engine answers (none does on our machines);
//  3. otherwise the embedded PostgreSQL that `npm start` uses, in a throwaway folder.
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { migrateDatabase, readMigrations } from '../../src/db/migrate.js';
import { startEmbeddedPostgres } from '../../src/db/embedded.js';

declare module 'vitest' {
  export interface ProvidedContext {
    adminDatabaseUrl: string;
    templateDatabase: string;
  }
}

async function startServer(): Promise<{ adminUrl: string; stop: () => Promise<void> }> {
  if (process.env.TEST_DATABASE_URL) return { adminUrl: process.env.TEST_DATABASE_URL, stop: async () => {} };
  if (process.env.DOCKER_HOST || existsSync('/var/run/docker.sock')) {
    try {
      const { PostgreSqlContainer } = await import('@testcontainers/postgresql');
      const container = await new PostgreSqlContainer('postgres:16-alpine').start();
      return { adminUrl: container.getConnectionUri(), stop: async () => void (await container.stop()) };
    } catch (err) {
      // A socket without a working engine (or no image to pull): fall through to the embedded server.
      console.warn(`testcontainers unavailable (${(err as Error).message}); using the embedded PostgreSQL`);
    }
  }
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'fde-test-pg-'));
  const port = 55000 + Math.floor(Math.random() * 5000);
  const db = await startEmbeddedPostgres({ dataDir, port, persistent: false });
  return {
    adminUrl: db.url('postgres'),
    stop: async () => {
      await db.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

export default async function setup(project: TestProject) {
  const server = await startServer();
  const migrations = await readMigrations();
  // Named after the migrations' checksums, so a changed migration gets a fresh template.
  const digest = migrations.map((m) => m.checksum.slice(0, 4)).join('').slice(-24);
  const templateDatabase = `fde_template_${process.pid}_${digest}`;
  const admin = new pg.Client({ connectionString: server.adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${templateDatabase}"`);
  await admin.query(`CREATE DATABASE "${templateDatabase}"`);
  await admin.end();
  const templateUrl = new URL(server.adminUrl);
  templateUrl.pathname = `/${templateDatabase}`;
  await migrateDatabase(templateUrl.toString());

  project.provide('adminDatabaseUrl', server.adminUrl);
  project.provide('templateDatabase', templateDatabase);

  return async () => {
    const client = new pg.Client({ connectionString: server.adminUrl });
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS "${templateDatabase}" WITH (FORCE)`);
    await client.end();
    await server.stop();
  };
}
