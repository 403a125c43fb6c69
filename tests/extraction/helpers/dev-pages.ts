// Real development-set reports (by path, never copied into the repo), cut down to the pages a test is about, so
// that a test of how one statement is read does not depend on which pages the locator picks.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractStatements, readPdf, type ExtractedStatement, type PdfDocument, type StatementType } from '../../../src/extraction/index.js';

const pdfs = resolve(dirname(fileURLToPath(import.meta.url)), '../../../../shared/fixtures/reports/pdfs');
export const devSetPresent = existsSync(pdfs);

const read = new Map<string, Promise<PdfDocument>>();

/** Extracts from the given 1-based pages of a development report (page numbers stay those of the report). */
export async function extractDevPages(file: string, pages: number[]): Promise<ExtractedStatement[]> {
  if (!read.has(file)) read.set(file, readPdf(new Uint8Array(readFileSync(resolve(pdfs, file)))));
  const doc = await read.get(file)!;
  const subset: PdfDocument = { ...doc, pages: doc.pages.filter((p) => pages.includes(p.number)) };
  return (await extractStatements(subset)).statements;
}

export async function devStatement(file: string, pages: number[], type: StatementType): Promise<ExtractedStatement> {
  const statement = (await extractDevPages(file, pages)).find((s) => s.type === type);
  if (!statement) throw new Error(`${type} not found on pages ${pages.join(', ')} of ${file}`);
  return statement;
}
