import { LayoutStatementExtractor } from './layout-extractor.js';
import { readPdf } from './pdf/read-pdf.js';
import type { ExtractionOutput, ExtractOptions, PdfDocument, StatementExtractor } from './types.js';

export interface ExtractStatementsOptions extends ExtractOptions {
  /** defaults to the offline layout extractor */
  extractor?: StatementExtractor;
}

/** Reads a PDF (unless already read) and extracts its primary statements with the chosen provider. */
export async function extractStatements(
  input: Uint8Array | PdfDocument,
  options: ExtractStatementsOptions = {},
): Promise<ExtractionOutput> {
  const doc =
    input instanceof Uint8Array
      ? await readPdf(input, {
          signal: options.signal,
          onPage: (current, total) => options.onProgress?.({ step: 'read', current, total }),
        })
      : input;
  const extractor = options.extractor ?? new LayoutStatementExtractor();
  const statements = await extractor.extract(doc, options);
  return {
    schemaVersion: 1,
    source: { file: options.fileName ?? null, pages: doc.pageCount, sha256: doc.sha256 },
    provider: extractor.name,
    statements,
  };
}
