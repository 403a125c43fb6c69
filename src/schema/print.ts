// Prints the schema (sorted) to schema.graphql; with --check, fails when the committed file is stale.
import { readFile, writeFile } from 'node:fs/promises';
import { printSchema } from 'graphql';

process.env.DATABASE_URL ??= 'postgresql://unused@127.0.0.1:1/unused'; // the client connects lazily; printing never queries
const { schema } = await import('./index.js');
const file = new URL('../../schema.graphql', import.meta.url);
const printed = `${printSchema(schema)}\n`;

if (process.argv.includes('--check')) {
  const committed = await readFile(file, 'utf8').catch(() => '');
  if (committed !== printed) {
    console.error('schema.graphql is stale: run `npm run schema:print` and commit it.');
    process.exit(1);
  }
  console.error('schema.graphql is up to date.');
} else {
  await writeFile(file, printed);
  console.error('Wrote schema.graphql');
}
