// Where document bytes live: the local filesystem under DATA_DIR by default, S3-compatible object storage when
// STORAGE=s3. Keys are content-addressed (documents/ab/abcdef….pdf), so identical bytes are stored once.
import path from 'node:path';
import type { Readable } from 'node:stream';
import { config } from '../config.js';
import { LocalStorage } from './local.js';
import { S3Storage } from './s3.js';

export interface DocumentStorage {
  readonly name: string;
  /** Moves a complete file (written under tempDir) to `key`; atomic: readers see all of it or nothing. */
  putFile(key: string, tempPath: string): Promise<void>;
  /** The stored bytes as a stream; `null` when there is no such key. */
  read(key: string): Promise<Readable | null>;
  delete(key: string): Promise<void>;
  exists(key: string): Promise<boolean>;
  /** Every stored key under `prefix` (a folder such as "documents/"), in no particular order. */
  list(prefix: string): AsyncIterable<string>;
  /** Throws unless a small object can be written and removed (used by /ready). */
  checkWritable(): Promise<void>;
}

export function storageKeyFor(sha256: string): string {
  return `documents/${sha256.slice(0, 2)}/${sha256}.pdf`;
}

/** The content hash a key of storageKeyFor names; null for any other key. */
export function sha256OfStorageKey(key: string): string | null {
  return /^documents\/[0-9a-f]{2}\/([0-9a-f]{64})\.pdf$/.exec(key)?.[1] ?? null;
}

/** Incoming files are streamed here first, whatever the storage, then moved into place. */
export const TEMP_DIR = path.join(config.dataDir, 'tmp');

function createStorage(): DocumentStorage {
  if (config.storage.driver === 's3') return new S3Storage(config.storage.s3);
  return new LocalStorage(path.join(config.dataDir, 'files'));
}

export const storage: DocumentStorage = createStorage();
