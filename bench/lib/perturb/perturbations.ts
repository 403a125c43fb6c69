// The layouts reports nobody here has seen are printed in: each a change from the control layout (US-style
// table, newest column first as filed, parentheses, comma thousands, unit on its own line, one page each).
import { CONTROL, type Layout } from './render-html.js';

export interface Perturbation {
  name: string;
  description: string;
  layout: Layout;
}

const p = (name: string, description: string, change: Partial<Layout>): Perturbation => ({ name, description, layout: { ...CONTROL, ...change } });

export const PERTURBATIONS: Perturbation[] = [
  p('control', 'US-style table as filed (newest first, parentheses, unit line)', {}),
  p('reversed-columns', 'columns in the reverse order (current year on the right)', { reverseColumns: true }),
  p('leading-minus', 'negatives with a leading minus instead of parentheses', { negative: 'minus' }),
  p('space-thousands', 'thousands separated by a space, decimal comma', { grouping: ' ', decimal: ',' }),
  p('narrow-nbsp-thousands', 'thousands separated by a narrow no-break space (French), decimal comma', { grouping: '\u202f', decimal: ',', negative: 'minus' }),
  p('dot-thousands', 'thousands separated by a dot, decimal comma', { grouping: '.', decimal: ',' }),
  p('apostrophe-thousands', "thousands separated by an apostrophe (Swiss)", { grouping: "'" }),
  p('notes-after-label', 'a Notes column between the label and the figures', { notes: 'after-label' }),
  p('notes-right', 'a Notes column right of the figures', { notes: 'right' }),
  p('wide-columns', 'narrow labels, wide figure columns far apart', { labelWidth: 60, columnWidth: 42 }),
  p('tight-columns', 'wide labels, tight figure columns, small type', { labelWidth: 100, columnWidth: 20, fontPt: 8 }),
  p('one-row-headers', 'one full period text per column ("Three months ended June 30, 2025")', { header: 'one-row' }),
  p('split-pages', 'each statement over two pages, the second "(continued)"', { split: true }),
  p('flowing', 'statements follow each other on a page (two on one page)', { flow: true }),
  p('landscape', 'landscape pages', { landscape: true, labelWidth: 120, columnWidth: 32 }),
  p('unit-in-title', 'currency and unit in the title line', { unit: 'title' }),
  p('unit-in-column-header', "currency and unit under each column's date (\"USD m\")", { unit: 'column-header' }),
  p('running-header-only', 'no statement title, only a small running header naming it', { title: 'running-header' }),
  p('thousands', 'figures in thousands', { scale: 'thousands' }),
  p('currency-signs', 'a currency sign in its own cell on first and total rows', { currencySigns: true }),
  p('deep-indent-of-which', 'deeply indented sub-items and "of which" lines', { indent: 10, ofWhich: true }),
  p('nil-hyphen', 'nil printed as a hyphen', { nil: '-' }),
  p('german', 'German labels, dates 30.06.2025 and 1.1.–30.6.2025, dot thousands, "in Mio. USD"', { language: 'de', grouping: '.', decimal: ',', negative: 'minus', header: 'one-row' }),
  p('french', 'French labels and dates, narrow-space thousands, "(en millions de USD)"', { language: 'fr', grouping: '\u202f', decimal: ',', header: 'one-row' }),
  p('spanish', 'Spanish labels and dates, dot thousands', { language: 'es', grouping: '.', decimal: ',', header: 'one-row' }),
  p('italian', 'Italian labels and dates, dot thousands', { language: 'it', grouping: '.', decimal: ',', header: 'one-row' }),
  p('dutch', 'Dutch labels and dates, dot thousands, notes column', { language: 'nl', grouping: '.', decimal: ',', header: 'one-row', notes: 'after-label' }),
  p('swedish', 'Swedish labels, dates 2025-06-30 and "jan–jun 2025", space thousands, minus', { language: 'sv', grouping: ' ', decimal: ',', negative: 'minus', header: 'one-row', nil: '–' }),
  p('japanese-english', 'Japanese-style English: oldest first, "As of …" / "From … to …" headers, "(Millions of …)"', { language: 'ja-en', reverseColumns: true, header: 'one-row', negative: 'minus' }),
];
