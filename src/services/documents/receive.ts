// Streams incoming bytes (an upload or a download) to a temp file while hashing them, enforcing the size limit as
// the bytes arrive and checking the signature early (a PDF, a zip, or markup that may be inline XBRL), so a 2 GB
// file or an image is refused cheaply. What the bytes really are is decided on the whole file (ingest.ts).
import { createHash, randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { DocumentUnreadableError } from '../../errors.js';
import { TEMP_DIR } from '../../storage/index.js';

export interface ReceivedFile {
  tempPath: string;
  sha256: string;
  byteSize: number;
}

/** Thrown when the stream passes `maxBytes`; callers turn it into their own typed error. */
export class TooLargeError extends Error {
  constructor(readonly maxBytes: number) {
    super(`The file is larger than ${Math.round(maxBytes / 1024 / 1024)} MB`);
  }
}

/** What a report download may be (an Accept header): a PDF, an inline-XBRL (X)HTML document, a report package. */
export const DOCUMENT_TYPES = 'application/pdf,application/xhtml+xml,text/html;q=0.9,application/zip;q=0.9,*/*;q=0.8';

// The PDF header may follow a little junk; readers accept it within the first 1024 bytes.
const SIGNATURE_WINDOW = 1024;

export async function receiveDocument(source: Readable, maxBytes: number): Promise<ReceivedFile> {
  await mkdir(TEMP_DIR, { recursive: true });
  const tempPath = path.join(TEMP_DIR, `${randomUUID()}.part`);
  const hash = createHash('sha256');
  let byteSize = 0;
  let head = Buffer.alloc(0);
  let signatureChecked = false;

  const inspect = new Transform({
    transform(chunk: Buffer, _enc, done) {
      byteSize += chunk.length;
      if (byteSize > maxBytes) return done(new TooLargeError(maxBytes));
      if (!signatureChecked) {
        head = Buffer.concat([head, chunk]);
        if (head.length >= SIGNATURE_WINDOW) {
          signatureChecked = true;
          if (!hasDocumentSignature(head)) return done(notPdf());
        }
      }
      hash.update(chunk);
      done(null, chunk);
    },
    flush(done) {
      if (byteSize === 0) return done(new DocumentUnreadableError('EMPTY', 'The file is empty'));
      if (!signatureChecked && !hasDocumentSignature(head)) return done(notPdf());
      done();
    },
  });

  const out = createWriteStream(tempPath);
  try {
    await pipeline(source, inspect, out);
  } catch (err) {
    // The file may still be opening when the pipeline fails: remove it only once the stream has closed.
    if (!out.closed) await once(out, 'close').catch(() => {});
    await rm(tempPath, { force: true });
    throw err;
  }
  return { tempPath, sha256: hash.digest('hex'), byteSize };
}

/** A PDF header, a zip's first record (a report package), or markup after an optional byte-order mark. */
function hasDocumentSignature(head: Buffer) {
  if (head.subarray(0, SIGNATURE_WINDOW).includes('%PDF-')) return true;
  if (head.subarray(0, 4).equals(ZIP_LOCAL_HEADER) || head.subarray(0, 4).equals(ZIP_EMPTY)) return true;
  return /^(\uFEFF)?\s*</.test(head.subarray(0, SIGNATURE_WINDOW).toString('utf8'));
}

const ZIP_LOCAL_HEADER = Buffer.from('PK\u0003\u0004', 'latin1');
const ZIP_EMPTY = Buffer.from('PK\u0005\u0006', 'latin1');

export function notPdf() {
  return new DocumentUnreadableError('NOT_PDF', 'The file is neither a PDF nor an inline-XBRL document or report package');
}
