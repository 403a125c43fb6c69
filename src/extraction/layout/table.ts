// Row reconstruction: a statement's printed lines become a table of labelled rows with one cell per column.
// Columns come from the geometry of the figures themselves (right edges line up), not from header text.
import { isCurrencyMark, parseAmount, type NumberStyle, type ParsedAmount } from '../numbers.js';
import { median, type Line, type Phrase } from './lines.js';
import { mergeSubColumns } from './sub-columns.js';
import { mergeWrappedRows } from './wrapped-rows.js';

export interface Cell {
  x0: number;
  x1: number;
  text: string;
  amount: ParsedAmount;
  /** a list of note references ("15, 19", "5,16,34") that cannot be a figure: a Notes column's cell */
  noteRef?: boolean;
}

export interface ColumnZone {
  x0: number;
  x1: number;
  /** rows that have a figure in this column */
  support: number;
}

export interface TableRow {
  label: string;
  /** left edge of the label, for indentation; null for an unlabelled row */
  labelX0: number | null;
  cells: (Cell | undefined)[];
  page: number;
  y: number;
  /** the printed lines this row was assembled from (wrapped labels give several) */
  lineCount: number;
  /** the label starts with a bullet ("- afschrijvingen"): an item of its own, never the tail of the line above */
  bulleted?: boolean;
  /** the line ends in a currency sign with no figure after it: its figures are on the next line */
  awaitsFigures?: boolean;
}

export interface Table {
  columns: ColumnZone[];
  /** lines above the first row of figures: titles, unit notes, column headers */
  headerLines: Line[];
  rows: TableRow[];
  /** the x-ranges of Notes columns that were dropped */
  notesColumns: ColumnZone[];
}

interface RawRow {
  line: Line;
  label: Phrase[];
  cells: Cell[];
  awaitsFigures?: boolean;
}

/** Splits a line into its label and the run of figures at its right end. */
export function splitLine(line: Line, style: NumberStyle): RawRow {
  const phrases = [...line.phrases];
  const cells: Cell[] = [];
  let endsInCurrency = phrases.length > 1 && isCurrencyMark(phrases[phrases.length - 1].text);
  while (phrases.length > 0) {
    const last = phrases[phrases.length - 1];
    if (isCurrencyMark(last.text) || /^\(?[-−–]?\d+([.,]\d+)?\s?%\)?$/.test(last.text.trim())) {
      phrases.pop();
      continue;
    }
    if (isNoteRefList(last.text, style)) {
      cells.unshift({ x0: last.x0, x1: last.x1, text: last.text, amount: { value: null, minorUnitSuffix: false }, noteRef: true });
      phrases.pop();
      continue;
    }
    const amount = parseAmount(last.text, style);
    if (!amount) {
      // A figure set only a word space after its label ("Total equity 1,234") still ends the line.
      const peeled = peelTrailingFigure(last, style);
      if (!peeled) break;
      cells.unshift(peeled.cell);
      phrases[phrases.length - 1] = peeled.rest;
      continue;
    }
    cells.unshift({ x0: last.x0, x1: last.x1, text: last.text, amount });
    phrases.pop();
  }
  // A lone currency sign is furniture wherever it sits (a broken "P" or "$" between label and figures).
  endsInCurrency &&= cells.length === 0;
  return { line, label: phrases.filter((p) => !isCurrencyMark(p.text)), cells, awaitsFigures: endsInCurrency };
}

/**
 * Several note references in one cell ("15, 19", "7, 8", "5,16,34"): small numbers joined by commas that do not
 * read as one figure in the document's number style (in a comma-decimal report "8,10" is a figure).
 */
function isNoteRefList(text: string, style: NumberStyle): boolean {
  const t = text.trim();
  if (!/^\d{1,3}[a-z]?(\s*[,;&]\s*\d{1,3}[a-z]?)+$/i.test(t)) return false;
  if (/[,;&]\s/.test(t) || (/^\d+(,\d+){2,}$/.test(t) && !/^\d{1,3}(,\d{3})+$/.test(t))) return true;
  return !style.decimalComma && /^[1-9]\d?,[1-9]\d?$/.test(t);
}

function asFigure(cell: Cell, style: NumberStyle): Cell | undefined {
  const amount = parseAmount(cell.text, style);
  return amount ? { ...cell, amount, noteRef: undefined } : undefined;
}

function peelTrailingFigure(phrase: Phrase, style: NumberStyle): { cell: Cell; rest: Phrase } | null {
  const words = phrase.words ?? [];
  // The longest run of trailing words that reads as one figure ("1 234 567" is one, "1,234 1,100" two).
  for (let k = Math.min(4, words.length - 1); k >= 1; k--) {
    const tail = words.slice(words.length - k);
    const text = tail.map((w) => w.text).join(' ');
    const amount = parseAmount(text, style);
    if (!amount) continue;
    const head = words.slice(0, words.length - k);
    return {
      cell: { x0: tail[0].x0, x1: tail[tail.length - 1].x1, text, amount },
      rest: { ...phrase, text: head.map((w) => w.text).join(' '), x1: head[head.length - 1].x1, words: head },
    };
  }
  return null;
}

/** Day numbers and years stacked in column headers ("30" / "September" / "2024") are not figures. */
function isHeaderNumber(cell: Cell): boolean {
  if (!/^\d{1,4}$/.test(cell.text.trim())) return false;
  const n = Number(cell.text);
  return (n >= 1 && n <= 31) || (n >= 1950 && n <= 2100);
}

function isYearHeader(cell: Cell): boolean {
  return /^(19[5-9]\d|20\d\d)$/.test(cell.text.trim());
}

function isHeaderLabel(label: Phrase[]): boolean {
  return label.every((p) => NOTE_HEADER.test(p.text.trim()) || isCurrencyMark(p.text) || /^[£$€]?\s?(m|bn|'?000)$/i.test(p.text.trim()));
}

export function buildTable(lines: Line[], style: NumberStyle): Table {
  const raw = lines.map((line) => splitLine(line, style));
  let firstData = raw.findIndex((r) => r.cells.length > 0 && !r.cells.every(isHeaderNumber));
  if (firstData < 0) firstData = raw.length;
  const headerLines = lines.slice(0, firstData);
  const body = raw.slice(firstData);
  const fontSize = median(lines.map((l) => l.fontSize)) || 10;

  const zones = columnZones(body);
  const strongest = Math.max(0, ...zones.map((z) => z.support));
  // A column is a column when several rows use it; lone figures are stray text.
  let columns = zones.filter((z) => z.support >= Math.max(2, 0.2 * strongest));
  const notesColumns = findNotesColumns(zones, columns, body, headerLines, fontSize);
  columns = columns.filter((c) => !notesColumns.includes(c));
  columns = mergeSubColumns(columns, body.map((r) => r.cells.filter((c) => !c.noteRef)), headerLines, fontSize);

  // Section headings printed above the first figures ("Non-Current Assets") open the body, not the header.
  const firstColumnX = Math.min(...columns.map((c) => c.x0));
  let headingCount = 0;
  for (let i = headerLines.length - 1; i >= 0; i--) {
    const line = headerLines[i];
    const words = line.phrases.filter((p) => !isCurrencyMark(p.text));
    const leftOfFigures = words.length > 0 && words.every((p) => p.x1 < firstColumnX - fontSize);
    const text = words.map((p) => p.text).join(' ');
    const dated = /\b(19[5-9]\d|20\d\d)\b/.test(text) || /^\d+$/.test(text);
    if (!leftOfFigures || dated || NOTE_HEADER.test(text.trim()) || text.trim().length < 3) break;
    headingCount++;
  }
  const headings = headerLines.splice(headerLines.length - headingCount, headingCount).map((line) => splitLine(line, style));

  const rows: TableRow[] = [];
  for (const r of [...headings, ...body]) {
    // Column headers repeated further down (a statement continued on the next page) are not a row.
    if (r.cells.length > 0 && r.cells.every(isYearHeader) && isHeaderLabel(r.label)) continue;
    const cells: (Cell | undefined)[] = columns.map(() => undefined);
    const stray: Phrase[] = [];
    // Right to left: a figure the text layer crowded into its right neighbour's space ("871.96 385.52" printed
    // as one run) takes the free column on the left.
    for (const cell of [...r.cells].reverse()) {
      if (notesColumns.some((z) => overlaps(cell, z, 0.3 * fontSize))) continue;
      let index = columnOf(cell, columns, fontSize);
      // Note references outside a Notes column are dropped; one that stands in a figure column is a figure.
      const figure = cell.noteRef ? asFigure(cell, style) : cell;
      if (cell.noteRef && (index === undefined || !figure)) continue;
      if (index !== undefined && cells[index] && index > 0 && !cells[index - 1] && cells[index]!.x0 >= cell.x1) index--;
      if (index === undefined || cells[index]) stray.push({ text: cell.text, x0: cell.x0, x1: cell.x1, fontSize });
      else cells[index] = figure!;
    }
    // Figures left of every column belong to the label ("Issued and outstanding - 5,000,000 shares").
    const labelPhrases = [...r.label, ...stray].sort((a, b) => a.x0 - b.x0);
    const printedLabel = labelPhrases.map((p) => p.text).join(' ');
    rows.push({
      label: cleanLabel(printedLabel),
      bulleted: BULLET.test(printedLabel) || undefined,
      labelX0: labelPhrases.length > 0 ? labelPhrases[0].x0 : null,
      cells,
      page: r.line.page,
      y: r.line.y,
      lineCount: 1,
      awaitsFigures: r.awaitsFigures,
    });
  }
  return { columns, headerLines, rows: mergeWrappedRows(rows, fontSize), notesColumns };
}

/** Clusters the right edges of figures: right-aligned numbers in one column share an edge. */
function columnZones(body: RawRow[]): ColumnZone[] {
  const fontSize = median(body.map((r) => r.line.fontSize)) || 10;
  const cells = body.flatMap((r, row) =>
    r.cells.filter((c) => c.amount.value !== null || c.noteRef).map((c) => ({ ...c, row })),
  );
  cells.sort((a, b) => a.x1 - b.x1);
  const groups: (typeof cells)[] = [];
  for (const cell of cells) {
    const group = groups[groups.length - 1];
    if (group && cell.x1 - group[group.length - 1].x1 <= 1.2 * fontSize) group.push(cell);
    else groups.push([cell]);
  }
  return groups.map((g) => ({
    x0: Math.min(...g.map((c) => c.x0)),
    x1: Math.max(...g.map((c) => c.x1)),
    support: new Set(g.map((c) => c.row)).size,
  }));
}

const NOTE_HEADER = /^(notes?|not|noter|anm\.?|anmerkung(en)?|anhang|annexe|toelichting|ref\.?)$/i;

/** Note references ("8", "10", "4.2", "15, 19") in a sparse column left of the figures, or under a "Note" header. */
function findNotesColumns(zones: ColumnZone[], columns: ColumnZone[], body: RawRow[], headerLines: Line[], fontSize: number): ColumnZone[] {
  if (columns.length === 0) return [];
  const strongest = Math.max(...columns.map((c) => c.support));
  const firstFigures = Math.min(...columns.filter((c) => c.support >= 0.6 * strongest).map((c) => c.x0));
  return zones.filter((zone) => {
    const texts = body.flatMap((r) => r.cells.filter((c) => overlaps(c, zone, 0)).map((c) => c.text.trim()));
    // "1,000" is a figure in thousands groups, never notes 1 and 000: a column holding one is a figure column.
    const allRefs = texts.length > 0 && !texts.some((t) => /^\d{1,3}([,.]\d{3})+$/.test(t)) && texts.every((t) => /^\d{1,2}([.,]\s?\d{1,2})*[a-z]?$/i.test(t) || /^[-–—]$/.test(t) || /^\d{1,3}[a-z]?(\s*[,;&]\s*\d{1,3}[a-z]?)+$/i.test(t));
    if (!allRefs) return false;
    const headed = headerLines.some((l) =>
      l.phrases.some((p) => NOTE_HEADER.test(p.text.trim()) && p.x0 <= zone.x1 + 2 * fontSize && p.x1 >= zone.x0 - 2 * fontSize),
    );
    // A lone number left of the figures is part of its label ("Cash at September 30"), not a Notes column.
    const leftmostAndSparse = zone.x1 < firstFigures && zone.support < 0.6 * strongest && zone.support >= 2;
    return headed || leftmostAndSparse;
  });
}

function overlaps(cell: { x0: number; x1: number }, zone: { x0: number; x1: number }, pad: number): boolean {
  return cell.x1 >= zone.x0 - pad && cell.x0 <= zone.x1 + pad;
}

function columnOf(cell: Cell, columns: ColumnZone[], fontSize: number): number | undefined {
  let best: number | undefined;
  let bestDistance = Infinity;
  const centre = (cell.x0 + cell.x1) / 2;
  for (const [index, zone] of columns.entries()) {
    const distance = centre < zone.x0 ? zone.x0 - centre : centre > zone.x1 ? centre - zone.x1 : 0;
    if (distance < bestDistance) {
      bestDistance = distance;
      best = index;
    }
  }
  return bestDistance <= 1.5 * fontSize ? best : undefined;
}

const BULLET = /^[-–•·]\s+/;

export function cleanLabel(label: string): string {
  return label
    .replace(/^[-–•·]\s+/, '') // "- Inventories" in a bulleted adjustments block
    .replace(/\s*(\((notes?|note)\s[^)]*\)|\b(notes?)\s+\d+([,\s]+(and\s+)?\d+)*)\s*$/i, '') // note references
    .replace(/(\p{L})\d{1,2}$/u, '$1') // footnote digits glued to a word ("Revenue1")
    .replace(/\s*(\*+|†|‡|\(\w\))\s*$/u, '')
    .replace(/\s+/g, ' ')
    .trim();
}
