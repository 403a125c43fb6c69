import { DocumentUnreadableError } from '../errors.js';
import { LayoutStatementExtractor } from './layout-extractor.js';
import { readPdf } from './pdf/read-pdf.js';
import type { ExtractionOutput, ExtractOptions, PdfDocument, StatementExtractor } from './types.js';
import { detectDocumentFormat } from './xbrl/detect-format.js';
import { extractXbrlStatements } from './xbrl/extract-xbrl.js';

export interface ExtractStatementsOptions extends ExtractOptions {
  /** for PDFs; defaults to the offline layout extractor (inline XBRL always goes to the XBRL provider) */
  extractor?: StatementExtractor;
  /** for a single iXBRL document: its extension taxonomy files, filed beside it */
  taxonomy?: { name: string; bytes: Uint8Array }[];
}

/**
 * Extracts the primary statements, choosing the provider by content: a report package or an inline-XBRL
 * document → the XBRL provider (exact tagged facts); a PDF → the chosen PDF provider (layout unless told).
 */
export async function extractStatements(
  input: Uint8Array | PdfDocument,
  options: ExtractStatementsOptions = {},
): Promise<ExtractionOutput> {
  if (input instanceof Uint8Array) {
    const format = detectDocumentFormat(input);
    if (format === 'IXBRL' || format === 'XBRL_PACKAGE') {
      if (options.extractor) {
        throw new DocumentUnreadableError('NOT_PDF', `The ${options.extractor.name} provider reads PDFs; this is inline XBRL (${format}), read by the xbrl provider.`);
      }
      return extractXbrlStatements(input, options);
    }
  }
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
