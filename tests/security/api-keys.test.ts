// API keys end to end: the CLI creates the first admin key; keys are created over GraphQL (secret shown once,
// only its hash stored), used (last-used time), scoped, and revoked. Runs against the test yoga, where anonymous
// access is allowed (as in development), so it also checks that a presented bad key is refused even there.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { prisma } from '../../src/db.js';
import { graphql } from '../generated/index.js';
import { execute, executeOk } from '../helpers/graphql.js';

const run = promisify(execFile);

const CreateApiKey = graphql(`
  mutation CreateApiKey($input: CreateApiKeyInput!) {
    createApiKey(input: $input) {
      __typename
      ... on CreateApiKeyPayload { secret apiKey { id name scopes prefix lastUsedAt revokedAt } }
      ... on Error { message }
    }
  }
`);

const RevokeApiKey = graphql(`
  mutation RevokeApiKey($input: RevokeApiKeyInput!) {
    revokeApiKey(input: $input) {
      __typename
      ... on RevokeApiKeyPayload { apiKey { id revokedAt } }
      ... on Error { message }
    }
  }
`);

const ApiKeys = graphql(`
  query ApiKeys {
    apiKeys { totalCount edges { node { id name prefix scopes lastUsedAt revokedAt } } }
  }
`);

const CreateCompanyWithKey = graphql(`
  mutation CreateCompanyWithKey($input: CreateCompanyInput!) {
    createCompany(input: $input) {
      __typename
      ... on CreateCompanyPayload { company { id name } }
      ... on Error { message }
    }
  }
`);

const CompanyCount = graphql(`
  query CompanyCount { companies(first: 1) { totalCount } }
`);

const bearer = (secret: string) => ({ authorization: `Bearer ${secret}` });

async function cliCreateKey(args: string[]) {
  return run('node', ['--import', 'tsx', 'src/cli/index.ts', 'keys', 'create', ...args], {
    env: { ...process.env, NODE_ENV: 'test', LOG_LEVEL: 'silent' },
    timeout: 30_000,
  });
}

describe('API keys', () => {
  let admin: string;

  it('creates the first admin key from the CLI: the secret on stdout, only its hash in the database', async () => {
    const { stdout, stderr } = await cliCreateKey(['--name', 'ops', '--scopes', 'admin']);
    admin = stdout.trim();
    expect(admin).toMatch(/^fde_[\w-]{43}$/);
    expect(stderr).toContain('"ops"');
    expect(stderr).not.toContain(admin);
    const row = await prisma.apiKey.findFirstOrThrow({ where: { name: 'ops' } });
    expect(row.scopes).toEqual(['admin']);
    expect(row.secretHash).toBe(createHash('sha256').update(admin).digest('hex'));
    expect(JSON.stringify(row)).not.toContain(admin.slice(12));
    expect(admin.startsWith(row.prefix)).toBe(true);
    expect(row.lastUsedAt).toBeNull();
  });

  it('refuses an unknown scope from the CLI', async () => {
    await expect(cliCreateKey(['--name', 'bad', '--scopes', 'root'])).rejects.toMatchObject({ code: 1 });
    expect(await prisma.apiKey.count({ where: { name: 'bad' } })).toBe(0);
  });

  it('creates keys over GraphQL with an admin key, shows the secret once, and records the last use', async () => {
    const created = await executeOk(CreateApiKey, { input: { name: 'reader', scopes: ['read'] } }, bearer(admin));
    if (created.createApiKey.__typename !== 'CreateApiKeyPayload') throw new Error(JSON.stringify(created));
    const { secret, apiKey } = created.createApiKey;
    expect(apiKey).toMatchObject({ name: 'reader', scopes: ['read'], lastUsedAt: null, revokedAt: null });
    expect(secret.startsWith(apiKey.prefix)).toBe(true);

    const listed = await executeOk(ApiKeys, {}, bearer(admin));
    expect(listed.apiKeys.totalCount).toBe(2);
    expect(JSON.stringify(listed)).not.toContain(secret);
    const ops = listed.apiKeys.edges.find((e) => e.node.name === 'ops')!.node;
    expect(ops.lastUsedAt).not.toBeNull(); // the admin key has just been used

    expect((await executeOk(CompanyCount, {}, bearer(secret))).companies.totalCount).toBe(0);
    const reader = await prisma.apiKey.findFirstOrThrow({ where: { name: 'reader' } });
    expect(reader.lastUsedAt!.getTime()).toBeGreaterThan(Date.now() - 10_000);
  });

  it('enforces scopes: read cannot write, write cannot administer keys, and nothing is written', async () => {
    const reader = await executeOk(CreateApiKey, { input: { name: 'r', scopes: ['read'] } }, bearer(admin));
    const writer = await executeOk(CreateApiKey, { input: { name: 'w', scopes: ['write'] } }, bearer(admin));
    if (reader.createApiKey.__typename !== 'CreateApiKeyPayload' || writer.createApiKey.__typename !== 'CreateApiKeyPayload') {
      throw new Error('keys not created');
    }
    const read = reader.createApiKey.secret;
    const write = writer.createApiKey.secret;
    const keysBefore = await prisma.apiKey.count();

    const denied = await executeOk(CreateCompanyWithKey, { input: { name: 'Nope AG' } }, bearer(read));
    expect(denied.createCompany).toMatchObject({ __typename: 'ForbiddenError', message: expect.stringContaining('"write"') });
    expect(await prisma.company.count()).toBe(0);

    const allowed = await executeOk(CreateCompanyWithKey, { input: { name: 'Yes AG' } }, bearer(write));
    expect(allowed.createCompany.__typename).toBe('CreateCompanyPayload');

    const escalation = await executeOk(CreateApiKey, { input: { name: 'x', scopes: ['admin'] } }, bearer(write));
    expect(escalation.createApiKey.__typename).toBe('ForbiddenError');
    const listing = await execute(ApiKeys, {}, bearer(write));
    expect(listing.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await prisma.apiKey.count()).toBe(keysBefore);
  });

  it('refuses a revoked or unknown key even though anonymous requests are allowed here', async () => {
    const made = await executeOk(CreateApiKey, { input: { name: 'temp', scopes: ['write'] } }, bearer(admin));
    if (made.createApiKey.__typename !== 'CreateApiKeyPayload') throw new Error('not created');
    const { secret, apiKey } = made.createApiKey;
    expect((await execute(CompanyCount, {}, bearer(secret))).errors).toBeUndefined();

    const revoked = await executeOk(RevokeApiKey, { input: { id: apiKey.id } }, bearer(admin));
    expect(revoked.revokeApiKey).toMatchObject({ __typename: 'RevokeApiKeyPayload', apiKey: { revokedAt: expect.any(String) } });

    const afterRevoke = await executeOk(CreateCompanyWithKey, { input: { name: 'Late AG' } }, bearer(secret));
    expect(afterRevoke.createCompany).toMatchObject({ __typename: 'UnauthorizedError', message: expect.stringMatching(/revoked/) });
    expect((await execute(CompanyCount, {}, bearer(secret))).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await execute(CompanyCount, {}, bearer('fde_not-a-key'))).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(await prisma.company.count({ where: { name: 'Late AG' } })).toBe(0);

    // anonymous (no header) stays allowed in this configuration, as the contract says
    expect((await execute(CompanyCount)).errors).toBeUndefined();
  });
});
