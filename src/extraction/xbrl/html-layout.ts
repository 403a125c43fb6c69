// What the (X)HTML shows around the tagged facts, gathered in the same streaming pass: the tables (row labels,
// indentation, rules, which facts are printed in parentheses), the text just before each table (its heading),
// and the printed page each element falls on, counted from CSS page breaks.
import { PositionedLayout } from './positioned-layout.js';
import type { HtmlTable, TableRow } from './types.js';
import type { XmlTag } from './xml.js';

const XHTML = 'http://www.w3.org/1999/xhtml';
const BLOCKS = new Set(['p', 'div', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'center', 'br']);
/** text that prints something (not only spaces and no-break spaces) */
const PRINTED = /[^\s\u00a0]/;
/** how many text blocks before a table are kept as its heading */
const CAPTION_BLOCKS = 6;

interface Cell {
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

interface Row {
  cells: Cell[];
  page: number;
}

interface Table {
  caption: string[];
  rows: TableRow[];
  /** each row's text, for a table without facts (a heading laid out as a table) */
  texts: string[];
  row: Row | null;
}

export class HtmlLayout {
  private readonly done: HtmlTable[] = [];
  private readonly open_: Table[] = [];
  private readonly recent: string[] = [];
  private block = '';
  private page = 1;
  private contentOnPage = false;
  private breakPending = false;
  private readonly breakAfter = new Set<XmlTag>();
  private readonly breakClasses = new Map<string, 'before' | 'after'>();
  private readonly positionClasses = new Map<string, { top: number | null; bottom: number | null; left: number | null }>();
  private styleText: string | null = null;
  private openFact: ({ fact: number; cell: Cell; start: number } | { fact: number; positioned: NonNullable<ReturnType<PositionedLayout['factOpened']>> })[] = [];
  private readonly positioned = new PositionedLayout();
  /** open XHTML elements, each with a number: a positioned box's container is the element it sits in */
  private readonly elements: number[] = [];
  private elementCount = 0;
  /** elements styled display:none (the ix:header's wrapper among them): their text is never printed */
  private readonly undisplayed = new Set<XmlTag>();

  constructor(private readonly documentIndex: number) {}

  open(tag: XmlTag): void {
    if (tag.uri !== XHTML) return;
    const style = tag.attributes.style?.value ?? '';
    if (/display\s*:\s*none/i.test(style)) this.undisplayed.add(tag);
    if (this.open_.length === 0) {
      const at = this.positionOf(style, tag.attributes.class?.value ?? '');
      if (at) this.positioned.open(at, this.elements.at(-1) ?? -1, this.elements.length, this.page);
    }
    this.elements.push(this.elementCount++);
    const breaks = this.pageBreakOf(style, tag.attributes.class?.value ?? '');
    if (breaks === 'before' && this.contentOnPage) this.breakPending = true;
    if (breaks === 'after') this.breakAfter.add(tag);
    const table = this.open_.at(-1);
    switch (tag.local) {
      case 'style':
        this.styleText = '';
        return;
      case 'table':
        this.flushBlock();
        this.open_.push({ caption: this.recent.slice(-CAPTION_BLOCKS), rows: [], texts: [], row: null });
        return;
      case 'tr':
        if (table) table.row = { cells: [], page: this.page };
        return;
      case 'td':
      case 'th':
        if (table?.row) {
          const previous = table.row.cells.at(-1);
          const span = Math.max(1, Math.min(1000, Number(tag.attributes.colspan?.value ?? '1') || 1));
          table.row.cells.push({ column: previous ? previous.column + previous.span : 0, span, text: '', indent: leftIndent(style), ruled: ruledAbove(style), facts: [] });
        }
        return;
    }
    // Indentation drawn by an element inside the cell, before its text (a padded <div> or <p>).
    const cell = table?.row?.cells.at(-1);
    if (cell && !cell.inked && style) cell.indent += leftIndent(style);
    if (BLOCKS.has(tag.local) && !table) this.flushBlock();
  }

  close(tag: XmlTag): void {
    if (tag.uri !== XHTML) return;
    this.undisplayed.delete(tag);
    this.elements.pop();
    this.positioned.close(this.elements.length);
    if (this.breakAfter.delete(tag) && this.contentOnPage) this.breakPending = true;
    const table = this.open_.at(-1);
    switch (tag.local) {
      case 'style':
        this.learnStyleClasses(this.styleText ?? '');
        this.styleText = null;
        return;
      case 'tr':
        if (table?.row) {
          table.rows.push(toTableRow(table.row));
          table.texts.push(collapse(table.row.cells.map((c) => c.text).join(' ')));
        }
        if (table) table.row = null;
        return;
      case 'table': {
        this.open_.pop();
        if (table && table.rows.some((r) => r.facts.length > 0)) {
          this.done.push({ document: this.documentIndex, caption: table.caption, rows: table.rows });
          // A table's heading is the text printed since the previous table of figures.
          if (this.open_.length === 0) this.recent.length = 0;
        } else if (table && this.open_.length === 0) {
          for (const text of table.texts.filter(Boolean)) this.pushRecent(text);
        }
        return;
      }
    }
    if (BLOCKS.has(tag.local) && !table) this.flushBlock();
  }

  text(text: string): void {
    if (this.styleText !== null) {
      this.styleText += text;
      return;
    }
    if (this.undisplayed.size > 0) return;
    const inked = PRINTED.test(text);
    if (inked) {
      if (this.breakPending) {
        this.page++;
        this.breakPending = false;
      }
      this.contentOnPage = true;
    }
    const cell = this.open_.at(-1)?.row?.cells.at(-1);
    if (cell) {
      cell.text += text;
      if (inked) cell.inked = true;
    }
    else if (this.open_.length === 0 && !this.positioned.text(text)) this.block += text;
  }

  factOpened(fact: number): void {
    const cell = this.open_.at(-1)?.row?.cells.at(-1);
    const positioned = cell ? null : this.positioned.factOpened(fact);
    if (cell) this.openFact.push({ fact, cell, start: cell.text.length });
    else if (positioned) this.openFact.push({ fact, positioned });
    else this.openFact.push({ fact, cell: { column: 0, span: 1, text: '', indent: 0, ruled: false, facts: [] }, start: 0 });
  }

  factClosed(): void {
    const open = this.openFact.pop();
    if (!open) return;
    if ('positioned' in open) this.positioned.factClosed(open.positioned, open.fact);
    else open.cell.facts.push({ fact: open.fact, start: open.start, end: open.cell.text.length });
  }

  /** The tables of figures: HTML tables, then the pages of a positioned (PDF-converted) layout. */
  tables(): HtmlTable[] {
    return [...this.done, ...this.positioned.tables(this.documentIndex, (cells, page, indent) => toTableRow({ cells: cells.map((c) => ({ ...c, span: 1, indent, ruled: false })), page }))];
  }

  pageCount(): number {
    return this.page;
  }

  private flushBlock(): void {
    const text = collapse(this.block);
    this.block = '';
    if (text) this.pushRecent(text);
  }

  private pushRecent(text: string): void {
    this.recent.push(text);
    if (this.recent.length > CAPTION_BLOCKS) this.recent.shift();
  }

  private pageBreakOf(style: string, classes: string): 'before' | 'after' | null {
    const m = /(?:page-break-|break-)(before|after)\s*:\s*(always|page|left|right)/i.exec(style);
    if (m) return m[1].toLowerCase() as 'before' | 'after';
    if (classes && this.breakClasses.size) for (const c of classes.split(/\s+/)) if (this.breakClasses.has(c)) return this.breakClasses.get(c)!;
    return null;
  }

  /**
   * What a stylesheet's classes do to layout: page breaks (`div.pagebreak { page-break-after: always }`) and
   * positions (`.y1a { bottom: 512px }`, `.x5 { left: 60px }`, as PDF-to-HTML converters write them).
   */
  private learnStyleClasses(css: string): void {
    for (const rule of css.replace(/\/\*[\s\S]*?\*\//g, '').matchAll(/([^{}]+)\{([^}]*)\}/g)) {
      const m = /(?:page-break-|break-)(before|after)\s*:\s*(always|page|left|right)/i.exec(rule[2]);
      const position = { top: cssLength(rule[2], 'top'), bottom: cssLength(rule[2], 'bottom'), left: cssLength(rule[2], 'left') };
      for (const selector of rule[1].split(',')) {
        const last = selector.trim().split(/\s+/).at(-1) ?? '';
        for (const c of last.matchAll(/\.([\w-]+)/g)) {
          if (m) this.breakClasses.set(c[1], m[1].toLowerCase() as 'before' | 'after');
          if (position.top !== null || position.bottom !== null || position.left !== null) this.positionClasses.set(c[1], position);
        }
      }
    }
  }

  /** An absolutely placed element's top and left in points (a bottom offset counts upwards), or null. */
  private positionOf(style: string, classes: string): { top: number; left: number } | null {
    let top = style ? cssLength(style, 'top') : null;
    let bottom = style ? cssLength(style, 'bottom') : null;
    let left = style ? cssLength(style, 'left') : null;
    if (classes && this.positionClasses.size) {
      for (const c of classes.split(/\s+/)) {
        const p = this.positionClasses.get(c);
        if (!p) continue;
        top ??= p.top;
        bottom ??= p.bottom;
        left ??= p.left;
      }
    }
    const vertical = top ?? (bottom === null ? null : -bottom);
    return vertical === null || left === null ? null : { top: vertical, left };
  }
}

/** A length property of a declaration block in points (px are 3/4 of a point), or null. */
function cssLength(declarations: string, property: string): number | null {
  const m = new RegExp(`(?:^|[;\\s{])${property}\\s*:\\s*(-?[\\d.]+)\\s*(pt|px)?`, 'i').exec(declarations);
  if (!m) return null;
  return m[2]?.toLowerCase() === 'px' ? Number(m[1]) * 0.75 : Number(m[1]);
}

/**
 * A row as the statements builder sees it. The label is the first cell with words outside any tag; facts tagged
 * inside it ("Common stock, $0.001 par value; 80,000 shares authorized") belong to the label, not to a column.
 */
function toTableRow(row: Row): TableRow {
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

function collapse(text: string): string {
  return text.replace(/[\s\u00a0\u200b]+/g, ' ').trim();
}

/** Left indentation in points from padding, margin and text-indent. */
function leftIndent(style: string): number {
  if (!style || !/padding|margin|indent/i.test(style)) return 0;
  let total = 0;
  const decls = new Map<string, string>();
  for (const d of style.split(';')) {
    const at = d.indexOf(':');
    if (at > 0) decls.set(d.slice(0, at).trim().toLowerCase(), d.slice(at + 1).trim());
  }
  for (const shorthand of ['padding', 'margin']) {
    const own = decls.get(`${shorthand}-left`);
    if (own) total += points(own);
    else if (decls.has(shorthand)) {
      const parts = decls.get(shorthand)!.split(/\s+/);
      total += points(parts[parts.length === 4 ? 3 : parts.length >= 2 ? 1 : 0]);
    }
  }
  const indent = decls.get('text-indent');
  if (indent) total += Math.max(0, points(indent));
  return Math.round(total * 10) / 10;
}

function points(length: string): number {
  const m = /^(-?[\d.]+)\s*(pt|px|em|rem|in|cm|mm|%)?$/.exec(length.trim());
  if (!m) return 0;
  const n = Number(m[1]);
  switch (m[2]) {
    case 'px':
      return n * 0.75;
    case 'em':
    case 'rem':
      return n * 10;
    case 'in':
      return n * 72;
    case 'cm':
      return n * 28.35;
    case 'mm':
      return n * 2.835;
    case '%':
      return 0;
    default:
      return n;
  }
}

function ruledAbove(style: string): boolean {
  return /border-top(-style)?\s*:[^;]*(solid|double)/i.test(style);
}
