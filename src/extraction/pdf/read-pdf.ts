import { createHash } from 'node:crypto';
import { getDocumentProxy } from 'unpdf';
import { DocumentUnreadableError } from '../../errors.js';
import type { PdfDocument, PdfPage, TextItem } from '../types.js';
import { usePatchedPdfjs } from './pdfjs-patches.js';

export interface ReadPdfOptions {
  signal?: AbortSignal;
  onPage?: (current: number, total: number) => void;
}

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Reads every page's positioned text. Throws DocumentUnreadableError for anything that is not a readable PDF. */
export async function readPdf(bytes: Uint8Array, options: ReadPdfOptions = {}): Promise<PdfDocument> {
  if (bytes.length === 0) throw new DocumentUnreadableError('EMPTY', 'The file is empty (0 bytes).');
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
  if (!head.includes('%PDF-')) {
    throw new DocumentUnreadableError('NOT_PDF', 'The file is not a PDF (no %PDF- header).');
  }
  // pdf.js silently rebuilds a cut-off file from what is left, so a missing end marker is the reliable sign.
  const tail = Buffer.from(bytes.subarray(Math.max(0, bytes.length - 4096))).toString('latin1');
  if (!tail.includes('%%EOF')) {
    throw new DocumentUnreadableError('TRUNCATED', 'The PDF is truncated (no %%EOF end marker).');
  }
  const sha256 = createHash('sha256').update(bytes).digest('hex');

  await usePatchedPdfjs();
  let proxy;
  try {
    // A copy, because pdf.js may take ownership of (detach) the buffer it is given.
    proxy = await getDocumentProxy(bytes.slice(), { verbosity: 0 } as never);
  } catch (error) {
    throw unreadableFrom(error);
  }
  try {
    const pages: PdfPage[] = [];
    let textChars = 0;
    for (let n = 1; n <= proxy.numPages; n++) {
      options.signal?.throwIfAborted();
      const page = await proxy.getPage(n);
      const viewport = page.getViewport({ scale: 1 });
      const content = await page.getTextContent();
      const items: TextItem[] = [];
      for (const raw of content.items) {
        if (!('str' in raw) || raw.str.trim() === '') continue;
        // Into the page as displayed (y down), so a landscape page (/Rotate 90) reads upright like any other.
        const [a, b, c, d, e, f] = compose(viewport.transform as number[], raw.transform as number[]);
        // Runs still rotated on the displayed page (margin stamps, vertical headers) never belong to a row.
        if (Math.abs(b) > 0.01 * Math.abs(a) || Math.abs(c) > 0.01 * Math.abs(d) || a <= 0) continue;
        textChars += raw.str.trim().length;
        items.push({
          str: raw.str,
          x: e,
          y: viewport.height - f,
          width: raw.width,
          height: raw.height,
          fontSize: Math.abs(d) || Math.abs(a),
          fontName: raw.fontName,
        });
      }
      pages.push({ number: n, width: viewport.width, height: viewport.height, items });
      page.cleanup();
      options.onPage?.(n, proxy.numPages);
      // pdf.js parses a page synchronously; yielding keeps a long report from blocking the event loop.
      await yieldToEventLoop();
    }
    if (textChars === 0) {
      throw new DocumentUnreadableError(
        'NO_TEXT_LAYER',
        'The PDF has no text layer (scanned or image-only); it would need OCR.',
      );
    }
    return { pageCount: proxy.numPages, sha256, pages };
  } catch (error) {
    if (error instanceof DocumentUnreadableError) throw error;
    if (options.signal?.aborted) throw error;
    throw unreadableFrom(error);
  } finally {
    await proxy.destroy();
  }
}

/** The product of two PDF transformation matrices (m1 applied after m2), as pdf.js's Util.transform. */
function compose(m1: number[], m2: number[]): number[] {
  return [
    m1[0] * m2[0] + m1[2] * m2[1],
    m1[1] * m2[0] + m1[3] * m2[1],
    m1[0] * m2[2] + m1[2] * m2[3],
    m1[1] * m2[2] + m1[3] * m2[3],
    m1[0] * m2[4] + m1[2] * m2[5] + m1[4],
    m1[1] * m2[4] + m1[3] * m2[5] + m1[5],
  ];
}

function unreadableFrom(error: unknown): DocumentUnreadableError {
  const name = (error as { name?: string })?.name ?? '';
  const message = (error as { message?: string })?.message ?? String(error);
  if (name === 'PasswordException') {
    return new DocumentUnreadableError('ENCRYPTED', 'The PDF is encrypted with a password.');
  }
  if (name === 'InvalidPDFException') {
    return new DocumentUnreadableError('TRUNCATED', `The PDF structure is damaged: ${message}`);
  }
  return new DocumentUnreadableError('NOT_PDF', `The PDF could not be parsed: ${message}`);
}
