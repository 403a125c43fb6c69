// Builds the statement viewer (web/) with Vite when its sources changed since the last build, so `npm start` needs
// no extra command and stays fast: the build's inputs are hashed, and an unchanged hash skips the build (~3 s).
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const WEB_ROOT = path.join(PROJECT_ROOT, 'web');
export const WEB_DIST = path.join(WEB_ROOT, 'dist');
const STAMP = path.join(WEB_DIST, '.build-hash');

async function files(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries
      .filter((e) => e.name !== 'dist' && e.name !== 'node_modules')
      .map((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : [path.join(dir, e.name)])),
  );
  return nested.flat().sort();
}

/** The build's inputs: the app's sources, the SDK it imports, the operations, and the locked dependency versions. */
export async function webSourceHash(): Promise<string> {
  const inputs = [
    ...(await files(WEB_ROOT)),
    ...(await files(path.join(PROJECT_ROOT, 'sdk/src'))),
    path.join(PROJECT_ROOT, 'package-lock.json'),
  ];
  const hash = createHash('sha256');
  for (const file of inputs) {
    hash.update(path.relative(PROJECT_ROOT, file)).update('\0');
    if (existsSync(file)) hash.update(await readFile(file)).update('\0');
  }
  return hash.digest('hex');
}

/** Builds web/dist unless it is already built from these sources. Returns whether it built. */
export async function ensureWebBuild(options: { force?: boolean } = {}): Promise<boolean> {
  const hash = await webSourceHash();
  if (!options.force && existsSync(STAMP) && (await readFile(STAMP, 'utf8')).trim() === hash) return false;
  const { build } = await import('vite');
  await build({ configFile: path.join(WEB_ROOT, 'vite.config.ts'), logLevel: 'warn' });
  await writeFile(STAMP, `${hash}\n`);
  return true;
}

// `npm run build:web`: build now, whatever the stamp says.
if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const started = performance.now();
  await ensureWebBuild({ force: process.argv.includes('--force') });
  console.log(`web/dist ready in ${Math.round(performance.now() - started)} ms`);
}
