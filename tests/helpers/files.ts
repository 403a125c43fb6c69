import { readdir } from 'node:fs/promises';
import path from 'node:path';

/** Every file under the test's DATA_DIR (stored documents and temp files), to prove nothing is left behind. */
export async function storedFiles(): Promise<string[]> {
  const root = process.env.DATA_DIR!;
  const out: string[] = [];
  async function walk(dir: string) {
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) await walk(full);
      else out.push(path.relative(root, full));
    }
  }
  await walk(root);
  return out.sort();
}
