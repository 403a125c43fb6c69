import { describe, expect, it } from 'vitest';
import { DocumentUnreadableError } from '../../src/errors.js';
import { extractStatements, readPdf } from '../../src/extraction/index.js';
import { makeEncryptedPdf } from './helpers/encrypted-pdf.js';
import { makePdf } from './helpers/make-pdf.js';

async function reasonOf(bytes: Uint8Array): Promise<string> {
  try {
    await readPdf(bytes);
  } catch (error) {
    expect(error).toBeInstanceOf(DocumentUnreadableError);
    return (error as DocumentUnreadableError).reason;
  }
  return 'READABLE';
}

describe('readPdf', () => {
  it('reads positioned text, page count and sha256', async () => {
    const bytes = await makePdf([{ texts: [{ text: 'Revenue', x: 50, y: 700 }] }, { texts: [{ text: 'Page two', x: 50, y: 700 }] }]);
    const doc = await readPdf(bytes);
    expect(doc.pageCount).toBe(2);
    expect(doc.sha256).toMatch(/^[0-9a-f]{64}$/);
    const item = doc.pages[0].items.find((i) => i.str === 'Revenue')!;
    expect(item.x).toBeCloseTo(50, 0);
    expect(item.y).toBeCloseTo(700, 0);
    expect(doc.pages[1].items[0].str).toBe('Page two');
  });

  it('rejects an empty file', async () => {
    expect(await reasonOf(new Uint8Array())).toBe('EMPTY');
  });

  it('rejects a file that is not a PDF', async () => {
    expect(await reasonOf(new TextEncoder().encode('<html><body>Annual report</body></html>'))).toBe('NOT_PDF');
  });

  it('rejects a truncated PDF', async () => {
    const bytes = await makePdf([{ texts: [{ text: 'Revenue 1,234', x: 50, y: 700 }] }]);
    expect(await reasonOf(bytes.subarray(0, Math.floor(bytes.length / 2)))).toBe('TRUNCATED');
  });

  it('rejects a PDF encrypted with a real user password', async () => {
    expect(await reasonOf(makeEncryptedPdf('secret'))).toBe('ENCRYPTED');
  });

  it('reads a PDF encrypted with an empty user password (as Lyft 10-K is)', async () => {
    const doc = await readPdf(makeEncryptedPdf('', 'owner', 'Consolidated Balance Sheets'));
    expect(doc.pages[0].items.map((i) => i.str).join(' ')).toContain('Consolidated Balance Sheets');
  });

  it('rejects a PDF without a text layer', async () => {
    expect(await reasonOf(await makePdf([{ texts: [], rectangle: true }]))).toBe('NO_TEXT_LAYER');
  });

  it('reports progress per page and stops when aborted', async () => {
    const bytes = await makePdf([1, 2, 3].map((n) => ({ texts: [{ text: `Page ${n} text`, x: 50, y: 700 }] })));
    const steps: string[] = [];
    await extractStatements(bytes, { onProgress: (p) => steps.push(`${p.step} ${p.current}/${p.total}`) });
    expect(steps).toEqual(expect.arrayContaining(['read 1/3', 'read 3/3', 'layout 3/3']));

    const controller = new AbortController();
    controller.abort();
    await expect(extractStatements(bytes, { signal: controller.signal })).rejects.toThrow(/abort/i);
  });
});
