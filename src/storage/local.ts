import { createReadStream } from 'node:fs';
import { access, copyFile, mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import type { DocumentStorage } from './index.js';

export class LocalStorage implements DocumentStorage {
  readonly name = 'local';

  constructor(private readonly root: string) {}

  private pathOf(key: string) {
    const full = path.resolve(this.root, key);
    if (!full.startsWith(path.resolve(this.root) + path.sep)) throw new Error(`storage key escapes the root: ${key}`);
    return full;
  }

  async putFile(key: string, tempPath: string) {
    const target = this.pathOf(key);
    await mkdir(path.dirname(target), { recursive: true });
    try {
      await rename(tempPath, target); // atomic within one filesystem
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EXDEV') throw err;
      // Different filesystems: copy beside the target, then rename, so readers never see a partial file.
      const staging = `${target}.${process.pid}.part`;
      await copyFile(tempPath, staging);
      await rename(staging, target);
      await rm(tempPath, { force: true });
    }
  }

  async read(key: string): Promise<Readable | null> {
    if (!(await this.exists(key))) return null;
    return createReadStream(this.pathOf(key));
  }

  async delete(key: string) {
    await rm(this.pathOf(key), { force: true });
  }

  async exists(key: string) {
    try {
      await access(this.pathOf(key));
      return true;
    } catch {
      return false;
    }
  }

  async *list(prefix: string): AsyncIterable<string> {
    const root = path.resolve(this.root);
    let entries;
    try {
      entries = await readdir(this.pathOf(prefix), { recursive: true, withFileTypes: true });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw err;
    }
    for (const entry of entries) {
      // Half-copied files of a cross-device put are not documents.
      if (entry.isFile() && !entry.name.endsWith('.part')) yield path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join('/');
    }
  }

  async checkWritable() {
    await mkdir(this.root, { recursive: true });
    const probe = path.join(this.root, `.ready-${process.pid}`);
    await writeFile(probe, 'ok');
    await rm(probe, { force: true });
  }
}
