// Builds small statement PDFs with pdf-lib so every layout rule can be tested on a real text layer.
import { PDFDocument, StandardFonts, degrees, rgb } from 'pdf-lib';

export interface TextSpec {
  text: string;
  x: number;
  y: number;
  size?: number;
  /** x is the right edge (figures are right-aligned in statements) */
  alignRight?: boolean;
}

export interface PageSpec {
  texts: TextSpec[];
  /** draw a filled rectangle (a page with no text layer when texts is empty) */
  rectangle?: boolean;
  /** a landscape page stored portrait with /Rotate 90; texts are given in displayed (842 x 595) coordinates */
  landscape?: boolean;
}

export async function makePdf(pages: PageSpec[]): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (const spec of pages) {
    const page = doc.addPage([595, 842]);
    if (spec.rectangle) page.drawRectangle({ x: 100, y: 400, width: 300, height: 200, color: rgb(0.2, 0.2, 0.2) });
    if (spec.landscape) page.setRotation(degrees(90));
    for (const t of spec.texts) {
      const size = t.size ?? 9;
      const x = t.alignRight ? t.x - font.widthOfTextAtSize(t.text, size) : t.x;
      if (spec.landscape) page.drawText(t.text, { x: 595 - t.y, y: x, size, font, rotate: degrees(90) });
      else page.drawText(t.text, { x, y: t.y, size, font });
    }
  }
  return doc.save();
}

export interface StatementSpec {
  title?: string;
  /** lines under the title, left-aligned (e.g. "(in thousands)") */
  subtitles?: string[];
  /** header rows: one string per column, right-aligned over the figures */
  headers?: string[][];
  /** rows: label then one printed cell per column ('' for an empty cell) */
  rows: (string | { label: string; cells: string[]; indent?: number })[][] | RowSpec[];
  columnsX?: number[];
  /** x of a Notes column, with notes given as a leading cell when set */
  notesX?: number;
  top?: number;
}

export type RowSpec = { label: string; cells: string[]; indent?: number; note?: string };

/** Lays a statement out like a report: title, notes, right-aligned column headers, labelled rows. */
export function statementTexts(spec: StatementSpec): TextSpec[] {
  const columnsX = spec.columnsX ?? [400, 480, 560];
  const texts: TextSpec[] = [];
  let y = spec.top ?? 780;
  if (spec.title) {
    texts.push({ text: spec.title, x: 50, y, size: 12 });
    y -= 18;
  }
  for (const s of spec.subtitles ?? []) {
    texts.push({ text: s, x: 50, y });
    y -= 14;
  }
  for (const header of spec.headers ?? []) {
    header.forEach((h, i) => h && texts.push({ text: h, x: columnsX[i], y, alignRight: true }));
    y -= 14;
  }
  for (const raw of spec.rows as RowSpec[]) {
    const row = raw as RowSpec;
    if (row.label) texts.push({ text: row.label, x: 50 + (row.indent ?? 0) * 10, y });
    if (row.note && spec.notesX) texts.push({ text: row.note, x: spec.notesX, y, alignRight: true });
    row.cells.forEach((c, i) => c && texts.push({ text: c, x: columnsX[i], y, alignRight: true }));
    y -= 14;
  }
  return texts;
}

export const row = (label: string, ...cells: string[]): RowSpec => ({ label, cells });
