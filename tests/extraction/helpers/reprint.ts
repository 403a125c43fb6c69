// Real tagged statements (an iXBRL fixture, by path) printed again by Chromium in one of the perturbation bench's
// layouts, read back by the PDF extractor and compared with the tagged facts.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compareWithTaggedFacts, extractStatements, extractXbrlStatements, type Agreement, type ExtractionOutput } from '../../../src/extraction/index.js';
import { PERTURBATIONS } from '../../../bench/lib/perturb/perturbations.js';
import { chromiumPath, PdfPrinter } from '../../../bench/lib/perturb/print-pdf.js';
import { reportHtml } from '../../../bench/lib/perturb/render-html.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../../../shared/fixtures/xbrl');
export const reprintPresent = existsSync(root) && chromiumPath() !== null;

/** The fixture's tagged statements printed in the named layout, what the extractor read, and how far they agree. */
export async function reprinted(file: string, perturbation: string): Promise<{ read: ExtractionOutput; agreement: Agreement }> {
  const layout = PERTURBATIONS.find((p) => p.name === perturbation)?.layout;
  if (!layout) throw new Error(`no perturbation ${perturbation}`);
  const tagged = await extractXbrlStatements(new Uint8Array(readFileSync(resolve(root, file))));
  const printer = new PdfPrinter();
  try {
    const pdf = await printer.print(reportHtml(tagged.statements, layout, 'Example Group'));
    const read = await extractStatements(pdf);
    return { read, agreement: compareWithTaggedFacts(tagged.statements, read) };
  } finally {
    await printer.close();
  }
}
