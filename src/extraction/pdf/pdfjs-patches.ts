// Two small source patches to the pdf.js bundled in unpdf, each keeping every number it computes and together about
// halving the time text extraction takes. Both slow spots are in the glyph loop of PartialEvaluator.getTextContent.
// A patch whose code is not found exactly once is skipped (e.g. after an unpdf upgrade): stock pdf.js is slower, not
// wrong. unpdf's pdf.js is minified, hence the short names.
import { readFile } from 'node:fs/promises';
import { definePDFJSModule } from 'unpdf';

interface SourcePatch {
  name: string;
  find: string;
  replace: string;
}

export const pdfjsPatches: SourcePatch[] = [
  {
    // TextState.clone() (on every `q` operator and font change) made the copy's prototype the state it copied
    // (Object.create(this)). V8 then gives each state its own hidden class and every read of a text state in the glyph
    // loop goes megamorphic. The copy already holds every field as its own property (Object.assign), so its prototype
    // can be the class's.
    name: 'TextState.clone',
    find: 'clone(){const e=Object.assign(Object.create(this),this);return e.textMatrix=this.textMatrix.slice(),',
    replace:
      'clone(){const e=Object.assign(Object.create(Object.getPrototypeOf(this)),this);return e.textMatrix=this.textMatrix.slice(),',
  },
  {
    // getCurrentTextTransform(), called two or three times per glyph, multiplied ctm × textMatrix × font matrix through
    // Util.transform, which all of pdf.js feeds Float32Arrays and arrays of every element kind, so its element reads
    // are megamorphic. The same products in the same order, written out here, where the reads see few kinds.
    name: 'getCurrentTextTransform',
    find: 'return pt.transform(Y.ctm,pt.transform(Y.textMatrix,Ae))}p(W,"getCurrentTextTransform")',
    replace:
      'const t=Y.textMatrix,m=[t[0]*Ae[0]+t[2]*Ae[1],t[1]*Ae[0]+t[3]*Ae[1],t[0]*Ae[2]+t[2]*Ae[3],t[1]*Ae[2]+t[3]*Ae[3],' +
      't[0]*Ae[4]+t[2]*Ae[5]+t[4],t[1]*Ae[4]+t[3]*Ae[5]+t[5]],c=Y.ctm;' +
      'return[c[0]*m[0]+c[2]*m[1],c[1]*m[0]+c[3]*m[1],c[0]*m[2]+c[2]*m[3],c[1]*m[2]+c[3]*m[3],' +
      'c[0]*m[4]+c[2]*m[5]+c[4],c[1]*m[4]+c[3]*m[5]+c[5]]}p(W,"getCurrentTextTransform")',
  },
];

/** Applies the patches found exactly once in `source`; returns the patched source and the names applied. */
export function patchPdfjsSource(source: string): { source: string; applied: string[] } {
  const applied: string[] = [];
  for (const patch of pdfjsPatches) {
    const at = source.indexOf(patch.find);
    if (at < 0 || source.indexOf(patch.find, at + 1) >= 0) continue;
    source = source.slice(0, at) + patch.replace + source.slice(at + patch.find.length);
    applied.push(patch.name);
  }
  return { source, applied };
}

let loading: Promise<string[]> | undefined;

/**
 * Makes unpdf use the patched pdf.js; resolves to the patches applied ([] means stock pdf.js is in use).
 * Call before the first getDocumentProxy: a document opened earlier keeps the pdf.js it was opened with.
 */
export function usePatchedPdfjs(): Promise<string[]> {
  loading ??= loadPatchedPdfjs().catch(() => []);
  return loading;
}

async function loadPatchedPdfjs(): Promise<string[]> {
  const url = import.meta.resolve('unpdf/pdfjs');
  const { source, applied } = patchPdfjsSource(await readFile(new URL(url), 'utf8'));
  if (applied.length === 0) return [];
  // Imported from a data: URL, so the module's own `import.meta.url` is put back to the file it came from, and
  // sourceURL names it in stack traces (which would otherwise quote the whole 2 MB URL in every frame).
  const module = `${source.replaceAll('import.meta.url', JSON.stringify(url))}\n//# sourceURL=${url}?patched\n`;
  const dataUrl = `data:text/javascript;base64,${Buffer.from(module).toString('base64')}`;
  await definePDFJSModule(() => import(dataUrl));
  return applied;
}
