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

  /** An element opens at `depth` inside `container`; a positioned one starts a box unless one is open. */
  open(style: string, container: number, depth: number, page: number): void {
    if (this.open_ || !style.includes('top')) return;
    const top = position(style, 'top');
    const left = position(style, 'left');
    if (top === null || left === null) return;
    this.open_ = { container, top, left, page, text: '', facts: [] };
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
        const cells = line.sort((a, b) => a.left - b.left).map((b) => ({ column: Math.round(b.left), text: b.text, facts: b.facts }));
        return toRow(cells, line[0].page, Math.round(line[0].left - minLeft));
      });
      const caption = lines.slice(0, firstFigures).map((l) => l.map((b) => b.text.replace(/\s+/g, ' ').trim()).join(' ').trim()).filter(Boolean);
      tables.push({ document, caption: caption.slice(-CAPTION_LINES), rows: rows.filter((r) => r.facts.length > 0 || r.label) });
    }
    return tables;
  }
}

function position(style: string, side: 'top' | 'left'): number | null {
  const m = new RegExp(`(?:^|;)\\s*${side}\\s*:\\s*(-?[\\d.]+)\\s*(pt|px)?`, 'i').exec(style);
  if (!m) return null;
  return m[2]?.toLowerCase() === 'px' ? Number(m[1]) * 0.75 : Number(m[1]);
}
