// Parses documents in worker threads (piscina), so the API keeps answering while a 300-page report is read: the
// event loop only hashes, moves bytes and stores results. Every parse is counted in fde_document_readings_total.
import { MessageChannel } from 'node:worker_threads';
import { Piscina } from 'piscina';
import { config } from '../../../config.js';
import { DocumentUnreadableError } from '../../../errors.js';
import { documentReadings } from '../../../metrics.js';
import type { ReadPurpose, ReadTask, ReadTaskResult, Reading } from './read-task.js';

export type { Reading, ReadPurpose } from './read-task.js';

export interface ReadOptions {
  fileName?: string | null;
  onPage?: (current: number, total: number) => void;
  /** aborting ends the thread that reads (piscina terminates it) and rejects with the signal's reason */
  signal?: AbortSignal;
}

// The task is TypeScript: under `tsx` (npm start) threads inherit its loader; elsewhere (vitest) they get it here.
const underTsx = process.execArgv.some((arg) => arg.includes('tsx'));

const READER_HEAP_MB = 1536;

let pool: Piscina<ReadTask, ReadTaskResult> | undefined;

function readerPool() {
  pool ??= new Piscina({
    filename: new URL('./read-task.ts', import.meta.url).href,
    maxThreads: config.readerThreads,
    minThreads: 0,
    // A thread holds pdf.js and its fonts (~60 MB): kept a while for the next document, then let go.
    idleTimeout: 60_000,
    // A hostile or pathological file exhausts its thread's heap, not the API's: the task fails, the thread is
    // replaced (the 238-page Lyft 10-K peaks at ~210 MB).
    resourceLimits: { maxOldGenerationSizeMb: READER_HEAP_MB },
    ...(underTsx ? {} : { execArgv: ['--import', 'tsx'] }),
  });
  return pool;
}

/** Reads `bytes` for `purpose` in a worker thread; unreadable input rejects with DocumentUnreadableError. */
export async function readInThread(purpose: ReadPurpose, bytes: Uint8Array, options: ReadOptions = {}): Promise<Reading> {
  options.signal?.throwIfAborted();
  documentReadings.inc({ purpose });
  // Moved, not copied, to the thread: a view of a larger buffer is copied into its own first.
  const own = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : bytes.slice();
  const channel = options.onPage ? new MessageChannel() : undefined;
  channel?.port1.on('message', (m: { current: number; total: number }) => options.onPage!(m.current, m.total));
  try {
    const result = await readerPool().run(
      { purpose, bytes: own, fileName: options.fileName ?? null, progress: channel?.port2 },
      { transferList: [own.buffer as ArrayBuffer, ...(channel ? [channel.port2] : [])], signal: options.signal },
    );
    if (!result.ok) throw new DocumentUnreadableError(result.reason, result.message);
    return result.reading;
  } catch (err) {
    // piscina rejects an aborted task with its own AbortError; callers expect the signal's reason.
    if (options.signal?.aborted) throw options.signal.reason;
    throw err;
  } finally {
    channel?.port1.close();
  }
}

/** Ends the reader threads (server shutdown, the end of a CLI run). */
export async function stopReaders() {
  const stopping = pool;
  pool = undefined;
  await stopping?.destroy();
}
