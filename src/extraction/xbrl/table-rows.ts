// A printed table row as the statements builder sees it: its label, its figures and the sign each is printed with.
import type { TableRow } from './types.js';

export interface Cell {
  /** printed text seen yet (indentation is read only from the elements before it) */
  inked?: boolean;
  /** the grid column the cell starts in (earlier cells' colspans summed) */
  column: number;
  span: number;
  text: string;
  indent: number;
  ruled: boolean;
  facts: { fact: number; start: number; end: number }[];
}


export interface Row {
  cells: Cell[];
  page: number;
}


/**
 * A row as the statements builder sees it. The label is the first cell with words outside any tag; facts tagged
 * inside it ("Common stock, $0.001 par value; 80,000 shares authorized") belong to the label, not to a column.
 */
export function toTableRow(row: Row): TableRow {
  const labelIndex = row.cells.findIndex((c) => /\p{L}/u.test(textOutsideFacts(c)));
  const facts: TableRow['facts'] = [];
  row.cells.forEach((cell, index) => {
    if (index <= labelIndex) return;
    cell.facts.forEach((f, k) => {
      const before = cell.text.slice(k > 0 ? cell.facts[k - 1].end : 0, f.start);
      let after = cell.text.slice(f.end, k + 1 < cell.facts.length ? cell.facts[k + 1].start : undefined);
      // The closing parenthesis often sits in the next cell of its own (a separate <td>)
      if (!after.trim() && k === cell.facts.length - 1 && row.cells[index + 1]?.facts.length === 0) after = row.cells[index + 1].text;
      facts.push({ fact: f.fact, cell: cell.column, negativeShown: printedNegative(before, after) });
    });
  });
  const labelCell = labelIndex >= 0 ? row.cells[labelIndex] : undefined;
  return {
    label: labelCell ? collapse(labelCell.text) : '',
    indent: labelCell?.indent ?? 0,
    ruled: row.cells.some((c) => c.facts.length > 0 && c.ruled),
    page: row.page,
    facts,
  };
}

/** The cell's text without the tagged figures (nested tags: the outermost span counts). */
function textOutsideFacts(cell: Cell): string {
  let out = '';
  let at = 0;
  for (const f of [...cell.facts].sort((a, b) => a.start - b.start)) {
    if (f.start < at) continue;
    out += cell.text.slice(at, f.start);
    at = f.end;
  }
  return out + cell.text.slice(at);
}

/** "(1,234)" or "-1,234" / "−1,234" printed around the tagged number (an em dash alone means nil, not minus). */
export function printedNegative(before: string, after: string): boolean {
  const b = before.replace(/[\s\u00a0$€£¥₹]+/g, '');
  const a = after.replace(/[\s\u00a0]+/g, '');
  return /\($/.test(b) || /^\)/.test(a) || /[-−–]$/.test(b);
}

export function collapse(text: string): string {
  return text.replace(/[\s\u00a0\u200b]+/g, ' ').trim();
}
