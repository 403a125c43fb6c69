// What the (X)HTML shows around the tagged facts, gathered in the same streaming pass: the tables (row labels,
// indentation, rules, which facts are printed in parentheses), the text just before each table (its heading),
// and the printed page each element falls on, counted from CSS page breaks.
import { PositionedLayout } from './positioned-layout.js';
import { cssLength, leftIndent, ruledAbove } from './css.js';
import { collapse, toTableRow, type Cell, type Row } from './table-rows.js';
import type { HtmlTable, TableRow } from './types.js';
import type { XmlTag } from './xml.js';

const XHTML = 'http://www.w3.org/1999/xhtml';
const BLOCKS = new Set(['p', 'div', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'center', 'br']);
/** text that prints something (not only spaces and no-break spaces) */
const PRINTED = /[^\s\u00a0]/;
/** how many text blocks before a table are kept as its heading */
const CAPTION_BLOCKS = 6;

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
