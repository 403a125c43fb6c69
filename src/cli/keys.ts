// `fde keys create|list|revoke`: API keys on DATABASE_URL, e.g. the first admin key of a production install:
//   npm run --silent fde -- keys create --name ops --scopes admin
// `create` prints the secret alone on stdout (it is shown only this once) and the key's details on stderr.
import type { Command } from 'commander';
import type { ApiScope } from '../services/api-keys.js';

async function service() {
  if (!process.env.DATABASE_URL) {
    console.error('error: set DATABASE_URL to the database the API uses');
    process.exit(2);
  }
  // Loaded only now: the Prisma client reads DATABASE_URL when its module is evaluated.
  const [apiKeys, { prisma }] = await Promise.all([import('../services/api-keys.js'), import('../db.js')]);
  return { apiKeys, done: () => prisma.$disconnect() };
}

export function registerKeysCommand(program: Command) {
  const keys = program.command('keys').description('API keys (Authorization: Bearer <key>)');
  keys
    .command('create')
    .description('create a key and print its secret once')
    .requiredOption('--name <name>', 'who or what uses the key')
    .option('--scopes <scopes>', 'comma-separated: read, write, admin (each includes the ones before it)', 'read')
    .action(async (opts: { name: string; scopes: string }) => {
      const { apiKeys, done } = await service();
      try {
        const scopes = opts.scopes.split(',').map((s) => s.trim()).filter(Boolean);
        const { apiKey, secret } = await apiKeys.createApiKey({ name: opts.name, scopes: scopes as ApiScope[] });
        console.error(`created key ${apiKey.id} "${apiKey.name}" (${apiKey.prefix}…) with scopes ${apiKey.scopes.join(', ')}`);
        console.error('the secret below is shown only now; store it safely');
        console.log(secret);
      } catch (err) {
        console.error(`error: ${(err as Error).message}`);
        process.exitCode = 1;
      } finally {
        await done();
      }
    });
  keys
    .command('list')
    .description('list keys (never their secrets)')
    .action(async () => {
      const { apiKeys, done } = await service();
      for (const k of await apiKeys.listApiKeys()) {
        const state = k.revokedAt ? `revoked ${k.revokedAt.toISOString()}` : 'active';
        const used = k.lastUsedAt ? `last used ${k.lastUsedAt.toISOString()}` : 'never used';
        console.log(`${k.id}\t${k.prefix}…\t${k.name}\t${k.scopes.join(',')}\t${state}\t${used}`);
      }
      await done();
    });
  keys
    .command('revoke <id>')
    .description('revoke a key by its number (see `keys list`)')
    .action(async (id: string) => {
      const { apiKeys, done } = await service();
      try {
        const key = await apiKeys.revokeApiKey(Number(id));
        console.error(`revoked key ${key.id} "${key.name}"`);
      } catch (err) {
        console.error(`error: ${(err as Error).message}`);
        process.exitCode = 1;
      } finally {
        await done();
      }
    });
}
