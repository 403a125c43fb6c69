// Reads a report package (zip) with limits: a zip bomb, a path escaping the package, or a broken archive is a
// typed DocumentUnreadableError before anything is decompressed past the limits.
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { DocumentUnreadableError } from '../../errors.js';

/** The limits, in one place. Real ESEF packages hold tens of entries and a few MB; these leave a wide margin. */
export const PACKAGE_LIMITS = {
  maxEntries: 5_000,
  /** sum of the declared uncompressed sizes of all entries (yauzl checks each stream against its declaration) */
  maxTotalUncompressed: 512 * 1024 * 1024,
  /** XML and HTML compress 5-30x; a ratio above this on an entry of some size is a bomb, not a document */
  maxEntryRatio: 200,
  /** the ratio is judged only on entries at least this large (tiny files can compress oddly well) */
  ratioFloorBytes: 1024 * 1024,
};

export interface PackageFile {
  name: string;
  bytes: Uint8Array;
}

/** The entries `wanted` selects, decompressed; every entry's path and size is checked first. */
export async function readPackage(bytes: Uint8Array, wanted: (name: string) => boolean): Promise<PackageFile[]> {
  const zip = await openZip(bytes);
  try {
    if (zip.entryCount > PACKAGE_LIMITS.maxEntries) {
      throw new DocumentUnreadableError('ZIP_BOMB', `The package has ${zip.entryCount} entries (limit ${PACKAGE_LIMITS.maxEntries}).`);
    }
    const entries = await listEntries(zip);
    let total = 0;
    for (const entry of entries) {
      total += entry.uncompressedSize;
      if (total > PACKAGE_LIMITS.maxTotalUncompressed) {
        throw new DocumentUnreadableError('ZIP_BOMB', `The package expands to more than ${PACKAGE_LIMITS.maxTotalUncompressed} bytes.`);
      }
      const ratio = entry.uncompressedSize / Math.max(1, entry.compressedSize);
      if (entry.uncompressedSize >= PACKAGE_LIMITS.ratioFloorBytes && ratio > PACKAGE_LIMITS.maxEntryRatio) {
        throw new DocumentUnreadableError('ZIP_BOMB', `The entry ${entry.fileName} expands ${Math.round(ratio)}:1 (limit ${PACKAGE_LIMITS.maxEntryRatio}:1).`);
      }
    }
    const files: PackageFile[] = [];
    for (const entry of entries) {
      if (entry.fileName.endsWith('/') || !wanted(entry.fileName)) continue;
      files.push({ name: entry.fileName, bytes: await readEntry(zip, entry) });
    }
    return files;
  } finally {
    zip.close();
  }
}

function openZip(bytes: Uint8Array): Promise<ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), { lazyEntries: true, autoClose: false }, (error, zip) => {
      if (error || !zip) reject(zipError(error));
      else resolve(zip);
    });
  });
}

function listEntries(zip: ZipFile): Promise<Entry[]> {
  return new Promise((resolve, reject) => {
    const entries: Entry[] = [];
    zip.on('entry', (entry: Entry) => {
      entries.push(entry);
      zip.readEntry();
    });
    zip.on('end', () => resolve(entries));
    zip.on('error', (error: Error) => reject(zipError(error)));
    zip.readEntry();
  });
}

function readEntry(zip: ZipFile, entry: Entry): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (error, stream) => {
      if (error || !stream) return reject(zipError(error));
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('error', (e: Error) => reject(zipError(e)));
      stream.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    });
  });
}

/** yauzl's messages name the hostile case; each becomes its typed reason. */
function zipError(error: Error | null | undefined): DocumentUnreadableError {
  const message = error?.message ?? 'unknown zip error';
  if (/absolute path|invalid relative path|invalid characters in fileName/.test(message)) {
    return new DocumentUnreadableError('UNSAFE_PATH', `The package has an entry outside it: ${message}`);
  }
  if (/too many bytes|too few bytes/.test(message)) {
    return new DocumentUnreadableError('ZIP_BOMB', `An entry's size differs from its declaration: ${message}`);
  }
  return new DocumentUnreadableError('MALFORMED_ZIP', `The package is not a readable zip: ${message}`);
}
