// The response cache answers repeated queries from memory, and never once the data behind an answer may have
// changed: after a mutation here, after a write by anyone else (announced by the database), for another caller,
// for a revoked key, or while the change notifications cannot be heard. A write drops only the answers holding a
// type read from its table: a running job's progress writes keep a company's answer.
import { isCompositeType } from 'graphql';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { onQuery, prisma } from '../../src/db.js';
import { followChanges, hearingChanges, stopListening } from '../../src/db/notifications.js';
import { isListed, TYPE_READS } from '../../src/http/cache-dependencies.js';
import { ChangeAwareCache } from '../../src/http/response-cache.js';
import { schema } from '../../src/schema/index.js';
import { createApiKey, revokeApiKey } from '../../src/services/api-keys.js';
import { buildYoga } from '../../src/yoga.js';

const yoga = buildYoga({ responseCache: { ttlMs: 60_000, maxEntries: 100 } });

const COMPANY = `
  query Company($id: ID!) { company(id: $id) { __typename ... on Company { name tickers { ticker } } } }
`;

let companyId: string;
let companyRowId: number;

interface Answer {
  status: number;
  body: { data?: { company?: { name?: string } }; errors?: { message: string; extensions?: { code?: string } }[] };
  statements: number;
  /** Statements that read the company itself (not the API-key lookup). */
  companyReads: number;
  etag: string | null;
}

async function ask(query: string, variables: Record<string, unknown>, headers: Record<string, string> = {}, origin = 'http://yoga'): Promise<Answer> {
  const sql: string[] = [];
  const stop = onQuery((statement) => sql.push(statement));
  try {
    const response = await yoga.fetch(`${origin}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', ...headers },
      body: JSON.stringify({ query, variables }),
    });
    return {
      status: response.status,
      body: (await response.json()) as Answer['body'],
      statements: sql.length,
      companyReads: sql.filter((s) => s.includes('FROM "public"."Company"')).length,
      etag: response.headers.get('etag'),
    };
  } finally {
    stop();
  }
}

const askCompany = (headers?: Record<string, string>, origin?: string) => ask(COMPANY, { id: companyId }, headers, origin);

async function until(condition: () => boolean, what: string) {
  const deadline = Date.now() + 10_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Resolves when this process has heard the next change to `table`. */
function nextChange(table: string): Promise<void> {
  return new Promise((resolve) => {
    const unfollow = followChanges({
      changed: (t) => {
        if (t !== table) return;
        unfollow();
        resolve();
      },
      connected: () => {},
      lost: () => {},
    });
  });
}

/** A write from outside this process's GraphQL server: another connection, as a job worker or psql would. */
async function writeElsewhere(sql: string, params: unknown[]): Promise<{ id: number }[]> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    return (await client.query<{ id: number }>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  await until(hearingChanges, 'the change notifications');
  const heard = nextChange('Ticker'); // written last: once heard, the cache holds nothing from before
  const company = await prisma.company.create({
    data: { name: 'Cached Holdings plc', tickers: { create: [{ ticker: 'CACH', exchange: 'LSE', isPrimary: true }] } },
  });
  companyRowId = company.id;
  companyId = Buffer.from(`Company:${company.id}`).toString('base64');
  await heard;
});

afterAll(async () => {
  await stopListening();
});

describe('response cache', () => {
  it('answers a repeated query from memory, without SQL, and marks the answer with an ETag', async () => {
    const first = await askCompany();
    const second = await askCompany();
    expect(first.body.data?.company?.name).toBe('Cached Holdings plc');
    expect(first.statements).toBeGreaterThan(0);
    expect(second.body).toEqual(first.body);
    expect(second.statements).toBe(0);
    expect(second.etag).toBeTruthy();
  });

  it('is fresh right after a mutation on this server, without waiting for the notification', async () => {
    await askCompany();
    const update = await ask(
      `mutation($input: UpdateCompanyInput!) { updateCompany(input: $input) { __typename ... on UpdateCompanyPayload { company { name } } } }`,
      { input: { id: companyId, name: 'Renamed Holdings plc' } },
    );
    expect(update.body.data).toBeTruthy();
    const after = await askCompany();
    expect(after.body.data?.company?.name).toBe('Renamed Holdings plc');
    expect(after.statements).toBeGreaterThan(0);
  });

  it('drops answers when another process writes (a job worker, the CLI, psql)', async () => {
    await askCompany();
    expect((await askCompany()).statements).toBe(0);
    const heard = nextChange('Ticker');
    await writeElsewhere(`INSERT INTO "Ticker" ("companyId", ticker, exchange, "isPrimary") VALUES ($1, 'CCH', 'XETRA', false)`, [companyRowId]);
    await heard;
    const after = await askCompany();
    expect(after.statements).toBeGreaterThan(0);
    expect(after.body.data?.company).toMatchObject({ tickers: [{ ticker: 'CACH' }, { ticker: 'CCH' }] });
  });

  it('keeps a company answer through a job progress write, and drops the job answer', async () => {
    const heardInsert = nextChange('Job');
    const job = await writeElsewhere(
      `INSERT INTO "Job" (kind, status, "companyId", "updatedAt") VALUES ('COMPILE_COMPANY', 'RUNNING', $1, now()) RETURNING id`,
      [companyRowId],
    );
    await heardInsert;
    const jobId = Buffer.from(`Job:${job[0]!.id}`).toString('base64');
    const JOB = `query Job($id: ID!) { job(id: $id) { __typename ... on Job { status progress { step current } } } }`;
    await askCompany();
    await ask(JOB, { id: jobId });
    expect((await askCompany()).statements).toBe(0);
    expect((await ask(JOB, { id: jobId })).statements).toBe(0);

    const heardProgress = nextChange('Job');
    await writeElsewhere(`UPDATE "Job" SET "progressStep" = 'compile', "progressCurrent" = 1, "updatedAt" = now() WHERE id = $1`, [job[0]!.id]);
    await heardProgress;
    expect((await askCompany()).statements).toBe(0);
    const jobAfter = await ask(JOB, { id: jobId });
    expect(jobAfter.statements).toBeGreaterThan(0);
    expect(jobAfter.body.data).toMatchObject({ job: { progress: { step: 'compile', current: 1 } } });
  });

  it('drops a company answer when the company changes elsewhere, and not when another table does', async () => {
    await askCompany();
    expect((await askCompany()).statements).toBe(0);
    const heardDocument = nextChange('Document');
    await writeElsewhere('DELETE FROM "Document" WHERE id = -1', []);
    await heardDocument;
    expect((await askCompany()).statements).toBe(0);
    const heardCompany = nextChange('Company');
    await writeElsewhere(`UPDATE "Company" SET name = 'Changed Elsewhere plc' WHERE id = $1`, [companyRowId]);
    await heardCompany;
    const after = await askCompany();
    expect(after.statements).toBeGreaterThan(0);
    expect(after.body.data?.company?.name).toBe('Changed Elsewhere plc');
  });

  it('drops a lookup miss when any table changes (the row may now exist)', async () => {
    const missing = Buffer.from('Company:999999').toString('base64');
    await ask(COMPANY, { id: missing });
    expect((await ask(COMPANY, { id: missing })).statements).toBe(0);
    const heard = nextChange('Job');
    await writeElsewhere('DELETE FROM "Job" WHERE id = -1', []);
    await heard;
    expect((await ask(COMPANY, { id: missing })).statements).toBeGreaterThan(0);
  });

  it('does not announce writes that are rolled back', async () => {
    await askCompany();
    let heard = 0;
    const unfollow = followChanges({ changed: () => heard++, connected: () => {}, lost: () => {} });
    try {
      await expect(
        prisma.$transaction(async (tx) => {
          await tx.company.update({ where: { id: companyRowId }, data: { name: 'Never Committed plc' } });
          throw new Error('rolled back');
        }),
      ).rejects.toThrow('rolled back');
      // A committed write after it: once its notification is here, the rolled-back one would have been too.
      const committed = nextChange('Document');
      await writeElsewhere('DELETE FROM "Document" WHERE id = -1', []);
      await committed;
      expect(heard).toBe(1);
    } finally {
      unfollow();
    }
  });

  it('keeps answers apart per caller (API key) and per origin', async () => {
    const created = nextChange('ApiKey');
    const { secret } = await createApiKey({ name: 'cache-reader', scopes: ['read'] });
    await created;
    const keyed = { authorization: `Bearer ${secret}` };
    const anonymous = await askCompany();
    expect((await askCompany()).statements).toBe(0);
    const first = await askCompany(keyed);
    expect(first.companyReads).toBeGreaterThan(0); // not the anonymous answer
    expect((await askCompany(keyed)).statements).toBe(0);
    const elsewhere = await askCompany({}, 'http://other.example');
    expect(elsewhere.companyReads).toBeGreaterThan(0);
    expect(elsewhere.body).toEqual(anonymous.body);
  });

  it('refuses a revoked key from its next request on', async () => {
    const created = nextChange('ApiKey');
    const { apiKey, secret } = await createApiKey({ name: 'soon-revoked', scopes: ['read'] });
    await created;
    const keyed = { authorization: `Bearer ${secret}` };
    await askCompany(keyed);
    expect((await askCompany(keyed)).statements).toBe(0);
    const heard = nextChange('ApiKey');
    await revokeApiKey(apiKey.id);
    await heard;
    const after = await askCompany(keyed);
    expect(after.body.data ?? null).toBeNull();
    expect(after.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('never stores an answer with errors', async () => {
    const bad = { authorization: 'Bearer fde_not-a-key' };
    const first = await askCompany(bad);
    expect(first.body.errors?.length).toBeGreaterThan(0);
    expect(first.etag).toBeNull();
    const second = await askCompany(bad);
    expect(second.body.errors?.length).toBeGreaterThan(0);
    expect(second.statements).toBeGreaterThan(0); // the key was looked up again
  });

  it('is bypassed by Cache-Control: no-cache', async () => {
    await askCompany();
    expect((await askCompany()).statements).toBe(0);
    expect((await askCompany({ 'cache-control': 'no-cache' })).statements).toBeGreaterThan(0);
  });

  it('is bypassed while the notification connection is down, and cleared when it is back', async () => {
    await askCompany();
    expect((await askCompany()).statements).toBe(0);
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    try {
      // Kill the LISTEN connection as a database restart or a network cut would.
      const { rowCount } = await client.query(
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
         WHERE datname = current_database() AND pid <> pg_backend_pid() AND query LIKE 'LISTEN%'`,
      );
      expect(rowCount).toBe(1);
      await until(() => !hearingChanges(), 'the connection loss to be noticed');
      // Unheard while down: answers must not be served from memory.
      await client.query(`UPDATE "Company" SET name = 'Changed While Deaf plc' WHERE id = $1`, [companyRowId]);
      const down = await askCompany();
      expect(down.statements).toBeGreaterThan(0);
      expect(down.body.data?.company?.name).toBe('Changed While Deaf plc');
      expect((await askCompany()).statements).toBeGreaterThan(0);
      await until(hearingChanges, 'the reconnection');
      await askCompany();
      expect((await askCompany()).statements).toBe(0);
    } finally {
      await client.end();
    }
  });
});

describe('ChangeAwareCache', () => {
  const result = (name: string) => ({ data: { name } });
  const request = () => new Request('http://yoga/graphql');
  const company = [{ typename: 'Query' }, { typename: 'Company', id: 'Q29tcGFueTox' }, { typename: 'Ticker' }];
  const job = [{ typename: 'Query' }, { typename: 'Job', id: 'Sm9iOjE=' }];

  /** Stores an answer as Yoga's plugin does: onTtl (storeFor) then set, for a request begun before. */
  function store(cache: ChangeAwareCache, req: Request, key: string, entities: { typename: string; id?: string }[]) {
    cache.storeFor(req);
    cache.set(key, result(key), entities, 1_000);
  }

  it('drops only the answers holding a changed type', () => {
    const cache = new ChangeAwareCache(10);
    const req = request();
    cache.begin(req);
    store(cache, req, 'company', company);
    store(cache, req, 'job', job);
    cache.changed(['Job', 'JobProgress']);
    expect(cache.get('company')).toEqual(result('company'));
    expect(cache.get('job')).toBeNull();
  });

  it('does not store an answer holding a type that changed while it was computed', () => {
    const cache = new ChangeAwareCache(10);
    const before = request();
    cache.begin(before);
    cache.changed(['Job']); // a change arrives while `before` is being answered
    store(cache, before, 'job', job);
    store(cache, before, 'company', company);
    expect(cache.get('job')).toBeNull();
    expect(cache.get('company')).toEqual(result('company'));
    const after = request();
    cache.begin(after);
    store(cache, after, 'job', job);
    expect(cache.get('job')).toEqual(result('job'));
  });

  it('stores nothing begun before a clear, nor for a request that never began', () => {
    const cache = new ChangeAwareCache(10);
    const before = request();
    cache.begin(before);
    store(cache, before, 'kept', company);
    cache.clear();
    expect(cache.get('kept')).toBeNull();
    store(cache, before, 'company', company);
    expect(cache.get('company')).toBeNull();
    store(cache, request(), 'never-began', company);
    expect(cache.get('never-began')).toBeNull();
  });

  it('keeps at most maxEntries answers', () => {
    const cache = new ChangeAwareCache(2);
    const req = request();
    cache.begin(req);
    for (const key of ['a', 'b', 'c']) store(cache, req, key, company);
    expect(cache.get('a')).toBeNull();
    expect(cache.get('c')).toEqual(result('c'));
  });
});

describe('cache dependencies', () => {
  it('lists every object, interface and union type of the schema', () => {
    const types = Object.values(schema.getTypeMap()).filter((t) => !t.name.startsWith('__') && isCompositeType(t));
    expect(types.filter((t) => !isListed(t.name)).map((t) => t.name)).toEqual([]);
    expect(Object.keys(TYPE_READS).filter((name) => !schema.getType(name))).toEqual([]);
  });
});
