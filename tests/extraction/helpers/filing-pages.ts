// PDF renderings of the inline-XBRL filings in ../shared/fixtures/xbrl (held out: the extractor is measured on
// them, never tuned on them), cut down to the pages a test is about. Used by path, never copied into the repo.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractStatements, readPdf, type ExtractedStatement, type PdfDocument, type StatementType } from '../../../src/extraction/index.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../../../shared/fixtures/xbrl');
export const filingsPresent = existsSync(resolve(root, 'sec-corpus'));

const read = new Map<string, Promise<PdfDocument>>();

/** The statement of the given type read from the given 1-based pages of a filing's PDF (path under fixtures/xbrl). */
export async function filingStatement(file: string, pages: number[], type: StatementType): Promise<ExtractedStatement> {
  if (!read.has(file)) read.set(file, readPdf(new Uint8Array(readFileSync(resolve(root, file)))));
  const doc = await read.get(file)!;
  const subset: PdfDocument = { ...doc, pages: doc.pages.filter((p) => pages.includes(p.number)) };
  const statement = (await extractStatements(subset)).statements.find((s) => s.type === type);
  if (!statement) throw new Error(`${type} not found on pages ${pages.join(', ')} of ${file}`);
  return statement;
}
