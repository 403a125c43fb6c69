// Documents converted from PDF (common for UK accounts and ESEF reports) print no tables: every piece of text
// is a box positioned absolutely on its page (`style="top:153pt;left:294pt"`). Boxes of one page that share a
// `top` are one printed line; each page becomes a table whose rows are those lines, read left to right.
import type { HtmlTable, TableRow } from './types.js';

/** boxes whose tops differ by less than this many points are on one printed line */
const LINE_TOLERANCE_PT = 3;
const CAPTION_LINES = 6;

interface Box {
  container: number;
  top: number;
  left: number;
  page: number;
  text: string;
  facts: { fact: number; start: number; end: number }[];
}

export class PositionedLayout {
  private readonly boxes: Box[] = [];
  private open_: Box | null = null;
  private openDepth = 0;

  /** A positioned element opens at `depth` inside `container`: it starts a box unless one is open. */
  open(at: { top: number; left: number }, container: number, depth: number, page: number): void {
    if (this.open_) return;
    this.open_ = { container, top: at.top, left: at.left, page, text: '', facts: [] };
    this.openDepth = depth;
    this.boxes.push(this.open_);
  }

  close(depth: number): void {
    if (this.open_ && depth === this.openDepth) this.open_ = null;
  }

  /** false when no box is open (the text belongs elsewhere) */
  text(text: string): boolean {
    if (!this.open_) return false;
    this.open_.text += text;
    return true;
  }

  factOpened(fact: number): { box: Box; start: number } | null {
    return this.open_ ? { box: this.open_, start: this.open_.text.length } : null;
  }

  factClosed(open: { box: Box; start: number }, fact: number): void {
    open.box.facts.push({ fact, start: open.start, end: open.box.text.length });
  }

  /** One table per page container that has figures: its lines top to bottom, the lines above as its heading. */
  tables(document: number, toRow: (cells: { column: number; text: string; facts: Box['facts'] }[], page: number, indent: number) => TableRow): HtmlTable[] {
    const byContainer = new Map<number, Box[]>();
    for (const box of this.boxes) byContainer.set(box.container, [...(byContainer.get(box.container) ?? []), box]);
    const tables: HtmlTable[] = [];
    for (const boxes of byContainer.values()) {
      const lines: Box[][] = [];
      for (const box of [...boxes].sort((a, b) => a.top - b.top || a.left - b.left)) {
        const line = lines.at(-1);
        if (line && Math.abs(line[0].top - box.top) < LINE_TOLERANCE_PT) line.push(box);
        else lines.push([box]);
      }
      const firstFigures = lines.findIndex((l) => l.some((b) => b.facts.length > 0));
      if (firstFigures < 0) continue;
      const minLeft = Math.min(...boxes.map((b) => b.left));
      const rows = lines.slice(firstFigures).map((line) => {
        const cells = line.sort((a, b) => a.left - b.left).flatMap(splitLabel);
        return toRow(cells, line[0].page, Math.round(line[0].left - minLeft));
      });
      const caption = lines.slice(0, firstFigures).map((l) => l.map((b) => b.text.replace(/\s+/g, ' ').trim()).join(' ').trim()).filter(Boolean);
      tables.push({ document, caption: caption.slice(-CAPTION_LINES), rows: rows.filter((r) => r.facts.length > 0 || r.label) });
    }
    return tables;
  }
}

/**
 * A box may hold a whole printed line, label and figures (converters that write one element per line): its
 * text before the first figure is a label cell of its own; each figure keeps its order in the line.
 */
function splitLabel(box: Box): { column: number; text: string; facts: Box['facts'] }[] {
  const column = Math.round(box.left);
  const first = box.facts.length ? Math.min(...box.facts.map((f) => f.start)) : -1;
  const label = first > 0 ? box.text.slice(0, first) : '';
  if (!/\p{L}/u.test(label)) return [{ column, text: box.text, facts: box.facts }];
  const figures = box.facts.map((f) => ({ ...f, start: f.start - first, end: f.end - first }));
  return [
    { column, text: label, facts: [] },
    { column: column + 1, text: box.text.slice(first), facts: figures },
  ];
}
