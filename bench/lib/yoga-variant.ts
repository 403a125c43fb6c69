// Serves src/yoga.ts as it stands with one more Envelop plugin appended, to measure a plugin before adopting it:
// the file is copied beside itself (imports rewritten) with the plugin added at the end of its plugins array.
import { readFile, rm, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const SOURCE = fileURLToPath(new URL('../../src/yoga.ts', import.meta.url));
const COPY = fileURLToPath(new URL('./yoga-variant.generated.ts', import.meta.url));

async function plugin(name: string): Promise<unknown> {
  if (name === 'graphql-jit') {
    const { useGraphQlJit } = await import('@envelop/graphql-jit');
    return useGraphQlJit();
  }
  if (name === 'response-cache') {
    const { useResponseCache } = await import('@graphql-yoga/plugin-response-cache');
    // Keyed by the caller's key, so one caller never sees another's answers; a short TTL bounds staleness from
    // writes that bypass GraphQL (the job worker).
    return useResponseCache({ session: (request: Request) => request.headers.get('authorization'), ttl: 2_000 });
  }
  throw new Error(`unknown BENCH_YOGA_PLUGIN ${name}`);
}

export async function loadYogaVariant(name: string): Promise<typeof import('../../src/yoga.js')> {
  const source = await readFile(SOURCE, 'utf8');
  const array = /(plugins: \[[\s\S]*?)(\n\s*\],)/;
  if (!array.test(source)) throw new Error('src/yoga.ts has no plugins array to extend');
  const copy = source
    .replaceAll("from './", "from '../../src/")
    .replace(array, '$1\n      ...((globalThis as { benchPlugins?: never[] }).benchPlugins ?? []),$2');
  (globalThis as { benchPlugins?: unknown[] }).benchPlugins = [await plugin(name)];
  await writeFile(COPY, copy);
  try {
    return (await import(COPY)) as never;
  } finally {
    await rm(COPY, { force: true });
  }
}
