// The speed-ups to unpdf's bundled pdf.js (src/extraction/pdf/pdfjs-patches.ts) are source patches that skip
// themselves when their code is not found. That fallback is safe but slow, so an unpdf upgrade that moves the code
// must fail here rather than quietly halve the reading speed.
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { patchPdfjsSource, pdfjsPatches, usePatchedPdfjs } from '../../src/extraction/pdf/pdfjs-patches.js';

describe('pdf.js patches', () => {
  it('all apply to the installed unpdf (pinned in package.json)', async () => {
    expect(await usePatchedPdfjs()).toEqual(pdfjsPatches.map((p) => p.name));
  });

  it('skips a patch whose code is missing or found more than once, leaving the source as it was', async () => {
    const source = await readFile(new URL(import.meta.resolve('unpdf/pdfjs')), 'utf8');
    const [clone, transform] = pdfjsPatches;
    const twice = source + clone!.find;
    const missing = source.replace(transform!.find, '');
    expect(patchPdfjsSource(twice).applied).toEqual([transform!.name]);
    expect(patchPdfjsSource(missing).applied).toEqual([clone!.name]);
    expect(patchPdfjsSource('export const x = 1;')).toEqual({ source: 'export const x = 1;', applied: [] });
  });
});
