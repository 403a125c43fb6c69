// Prints tagged statements (the truth) as an HTML report in a chosen layout, for Chromium to turn into a PDF: the
// same figures in layouts the extractor has not seen (column order, number formats, notes column, language, …).
import { Decimal } from 'decimal.js';
import type { ExtractedColumn, ExtractedLine, ExtractedStatement } from '../../../src/extraction/index.js';
import { LANGUAGES, type Language, type Scale } from './languages.js';

export interface Layout {
  language: Language;
  /** print the columns in the reverse of the filer's order (oldest first where the filer put newest first) */
  reverseColumns: boolean;
  negative: 'parens' | 'minus';
  /** thousands separator and decimal mark */
  grouping: string;
  decimal: '.' | ',';
  notes: 'none' | 'after-label' | 'right';
  /** widths in mm */
  labelWidth: number;
  columnWidth: number;
  fontPt: number;
  landscape: boolean;
  unit: 'line' | 'title' | 'column-header';
  /** a heading above each statement, or its name only in a small running header */
  title: 'heading' | 'running-header';
  /** each statement over two pages, the second headed "(continued)" */
  split: boolean;
  /** statements follow each other without page breaks (two on one page) */
  flow: boolean;
  /** two header rows ("Three months ended June 30," over the years) or one full text per column */
  header: 'one-row' | 'two-row';
  /** mm of indent per level */
  indent: number;
  ofWhich: boolean;
  scale: Scale | 'auto';
  /** a currency sign in its own cell on first and total rows */
  currencySigns: boolean;
  /** nil printed as */
  nil: string;
}

export const CONTROL: Layout = {
  language: 'en', reverseColumns: false, negative: 'parens', grouping: ',', decimal: '.', notes: 'none', labelWidth: 95, columnWidth: 24, fontPt: 9,
  landscape: false, unit: 'line', title: 'heading', split: false, flow: false, header: 'two-row', indent: 3, ofWhich: false, scale: 'auto', currencySigns: false, nil: '—',
};

const EN_MONTHS: Record<number, string> = { 3: 'Three months', 6: 'Six months', 9: 'Nine months' };
const FACTOR: Record<Scale, number> = { units: 1, thousands: 1e3, millions: 1e6 };
const OF_WHICH: Record<Language, string> = { en: 'of which: related parties', 'ja-en': 'of which, related parties', de: 'davon gegenüber nahestehenden Unternehmen', fr: 'dont parties liées', es: 'de los cuales, partes vinculadas', it: 'di cui verso parti correlate', nl: 'waarvan verbonden partijen', sv: 'varav närstående' };
const OF_WHICH_AFTER = new Set(['revenue', 'trade_receivables', 'trade_payables', 'cost_of_sales']);
const CONTINUED: Record<Language, string> = { en: '(continued)', 'ja-en': '(continued)', de: '(Fortsetzung)', fr: '(suite)', es: '(continuación)', it: '(segue)', nl: '(vervolg)', sv: '(forts.)' };
const NOTES: Record<Language, string> = { en: 'Notes', 'ja-en': 'Notes', de: 'Anhang', fr: 'Notes', es: 'Notas', it: 'Note', nl: 'Toelichting', sv: 'Not' };

/** The largest scale that prints every non-per-share figure of the statements as a whole number. */
export function displayScale(statements: ExtractedStatement[], wanted: Layout['scale']): Scale {
  const values = statements.flatMap((s) => s.lineItems.filter((l) => !l.perShare).flatMap((l) => l.values)).filter((v): v is string => v !== null);
  const whole = (s: Scale) => values.every((v) => new Decimal(v).mod(FACTOR[s]).isZero());
  // A wanted scale that would print fractions (a report in units shown in thousands) is not how anyone prints.
  if (wanted !== 'auto' && whole(wanted)) return wanted;
  return (['millions', 'thousands'] as const).find(whole) ?? 'units';
}

export function formatFigure(value: string | null, line: ExtractedLine, scale: Scale, layout: Layout): string {
  if (value === null) return '';
  const n = line.perShare ? new Decimal(value) : new Decimal(value).div(FACTOR[scale]);
  if (n.isZero()) return layout.nil;
  const places = line.perShare ? Math.max(2, n.decimalPlaces()) : n.decimalPlaces();
  const [whole, fraction] = n.abs().toFixed(places).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, layout.grouping) + (fraction ? layout.decimal + fraction : '');
  if (!n.isNegative()) return grouped;
  return layout.negative === 'parens' ? `(${grouped})` : `-${grouped}`;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const dateOf = (c: ExtractedColumn) => new Date(`${c.periodEnd}T00:00:00Z`);

function headerRows(columns: ExtractedColumn[], layout: Layout, unitText: string): string[][] {
  const style = LANGUAGES[layout.language];
  const full = columns.map((c) => (c.periodMonths === null ? style.instant(dateOf(c)) : style.duration(dateOf(c), c.periodMonths)));
  const rows: string[][] = [];
  if (layout.header === 'two-row' && (layout.language === 'en' || layout.language === 'ja-en')) {
    // US style: the period's length (and its month and day, when the group shares them) spans the group's
    // columns; the row below holds the years, or the whole short date where the days differ (52/53-week years).
    const top: string[] = [];
    const bottom: string[] = [];
    for (let i = 0; i < columns.length; ) {
      let j = i;
      while (j + 1 < columns.length && columns[j + 1].periodMonths === columns[i].periodMonths) j++;
      const group = columns.slice(i, j + 1);
      const sameDay = group.every((c) => c.periodEnd!.slice(5) === group[0].periodEnd!.slice(5));
      const length = group[0].periodMonths === null ? 'As of' : group[0].periodMonths === 12 ? 'Year ended' : `${EN_MONTHS[group[0].periodMonths] ?? `${group[0].periodMonths} months`} ended`;
      const monthDay = (c: ExtractedColumn) => `${dateOf(c).toLocaleString('en-US', { month: 'long', timeZone: 'UTC' })} ${dateOf(c).getUTCDate()}`;
      const short = (c: ExtractedColumn) => `${dateOf(c).toLocaleString('en-US', { month: 'short', timeZone: 'UTC' })} ${dateOf(c).getUTCDate()}, ${dateOf(c).getUTCFullYear()}`;
      for (const c of group) {
        top.push(sameDay ? `${length} ${monthDay(group[0])},` : length);
        bottom.push(sameDay ? c.periodEnd!.slice(0, 4) : short(c));
      }
      i = j + 1;
    }
    rows.push(top, bottom);
  } else rows.push(full);
  if (layout.unit === 'column-header') rows.push(columns.map(() => unitText));
  return rows;
}

function unitWords(statements: ExtractedStatement[], scale: Scale, layout: Layout): { line: string; short: string } {
  const currency = statements[0]?.currency ?? 'USD';
  const short = { units: currency, thousands: `${currency}'000`, millions: `${currency} m` }[scale];
  return { line: LANGUAGES[layout.language].unitLine(scale, currency), short };
}

/** The translated label of a line's concept, once per statement (a second "total equity" keeps its own words). */
function lineLabel(line: ExtractedLine, layout: Layout, used: Set<string>): string {
  const translated = line.concept && !used.has(line.concept) ? LANGUAGES[layout.language].labels[line.concept] : undefined;
  if (!translated) return line.label;
  used.add(line.concept!);
  return translated;
}

/** One statement as one or two tables (split), with title, unit line and header rows. */
function statementHtml(statement: ExtractedStatement, scale: Scale, layout: Layout, company: string): string {
  const style = LANGUAGES[layout.language];
  const order = statement.columns.map((_, i) => i);
  if (layout.reverseColumns) order.reverse();
  const columns = order.map((i) => statement.columns[i]);
  const units = unitWords([statement], scale, layout);
  const title = style.titles[statement.type] + (layout.unit === 'title' ? ` — ${units.line.replace(/^\(|\)$/g, '')}` : '');
  const header = headerRows(columns, layout, units.short);
  const cols = columns.length;
  const figureCell = (text: string, sign: boolean, bold: boolean) =>
    (layout.currencySigns ? `<td class="sign">${sign && text ? '$' : ''}</td>` : '') + `<td class="num${bold ? ' total' : ''}">${esc(text)}</td>`;
  const noteCell = (text: string) => `<td class="note">${esc(text)}</td>`;
  const rowHtml = (label: string, cells: string[], opts: { level: number; total: boolean; sign: boolean; note: string }) => {
    const labelCell = `<td class="label" style="padding-left:${opts.level * layout.indent}mm">${esc(label)}</td>`;
    const figures = cells.map((c) => figureCell(c, opts.sign, opts.total)).join('');
    if (layout.notes === 'after-label') return `<tr>${labelCell}${noteCell(opts.note)}${figures}</tr>`;
    if (layout.notes === 'right') return `<tr>${labelCell}${figures}${noteCell(opts.note)}</tr>`;
    return `<tr>${labelCell}${figures}</tr>`;
  };
  const headHtml = header
    .map((cells, r) => {
      const notes = layout.notes === 'none' ? '' : `<th class="note">${r === header.length - 1 ? NOTES[layout.language] : ''}</th>`;
      // Equal neighbouring cells of a top header row span their columns, as "Three months ended June 30," does.
      const spans: { text: string; n: number }[] = [];
      for (const c of cells) {
        const last = spans[spans.length - 1];
        if (r < header.length - 1 && last && last.text === c) last.n++;
        else spans.push({ text: c, n: 1 });
      }
      const per = layout.currencySigns ? 2 : 1;
      const figures = spans.map((s) => `<th class="num${s.n > 1 ? ' span' : ''}" colspan="${s.n * per}">${esc(s.text)}</th>`).join('');
      return `<tr><th class="label"></th>${layout.notes === 'after-label' ? notes : ''}${figures}${layout.notes === 'right' ? notes : ''}</tr>`;
    })
    .join('');
  const body: string[] = [];
  let noted = 0;
  const translated = new Set<string>();
  statement.lineItems.forEach((line, i) => {
    const cells = order.map((c) => formatFigure(line.values[c], line, scale, layout));
    const hasFigures = cells.some((c) => c !== '');
    const note = hasFigures && !line.isTotal && i % 3 === 1 ? String(3 + (noted++ % 18)) : '';
    body.push(rowHtml(lineLabel(line, layout, translated), cells, { level: line.level, total: line.isTotal, sign: i === 0 || line.isTotal, note }));
    if (layout.ofWhich && line.concept && OF_WHICH_AFTER.has(line.concept) && hasFigures) {
      const part: ExtractedLine = { ...line, values: line.values.map((v) => (v === null ? null : new Decimal(v).div(FACTOR[scale]).div(7).floor().times(FACTOR[scale]).toFixed())) };
      body.push(rowHtml(OF_WHICH[layout.language], order.map((c) => formatFigure(part.values[c], part, scale, layout)), { level: line.level + 1, total: false, sign: false, note: '' }));
    }
  });
  const running = `<div class="running">${esc(company)} — ${esc(layout.title === 'running-header' ? style.titles[statement.type] : 'Annual Report')}</div>`;
  const heading = (suffix: string) =>
    layout.title === 'heading' ? `<h2>${esc(title)}${suffix}</h2>${layout.unit === 'line' ? `<p class="unit">${esc(units.line)}</p>` : ''}` : layout.unit === 'line' ? `<p class="unit">${esc(units.line)}</p>` : '';
  const figureCols = Array.from({ length: cols }, () => (layout.currencySigns ? '<col class="sign">' : '') + '<col class="num">').join('');
  const notesCol = '<col class="note">';
  const colsHtml = layout.notes === 'after-label' ? notesCol + figureCols : layout.notes === 'right' ? figureCols + notesCol : figureCols;
  const width = layout.labelWidth + cols * (layout.columnWidth + (layout.currencySigns ? 4 : 0)) + (layout.notes === 'none' ? 0 : 12);
  const table = (rows: string[]) => `<table style="width:${width}mm"><colgroup><col class="label">${colsHtml}</colgroup><thead>${headHtml}</thead><tbody>${rows.join('')}</tbody></table>`;
  if (!layout.split) return `${running}${heading('')}${table(body)}`;
  const half = Math.ceil(body.length / 2);
  return `${running}${heading('')}${table(body.slice(0, half))}<div class="break"></div>${running}${heading(' ' + CONTINUED[layout.language])}${table(body.slice(half))}`;
}

/** The whole report: a cover page with narrative, then the statements. */
export function reportHtml(statements: ExtractedStatement[], layout: Layout, company: string): string {
  const scale = displayScale(statements, layout.scale);
  const sections = statements.map((s, i) => `<section class="${layout.flow && i > 0 ? 'flow' : 'page'}">${statementHtml(s, scale, layout, company)}</section>`);
  const size = layout.landscape ? 'A4 landscape' : 'A4';
  const css = `@page { size: ${size}; margin: 15mm 14mm; }
body { font-family: 'DejaVu Sans', 'Liberation Sans', sans-serif; font-size: ${layout.fontPt}pt; color: #111; }
h1 { font-size: 18pt; } h2 { font-size: 12pt; margin: 0 0 2mm; } p.unit { margin: 0 0 2mm; font-size: ${layout.fontPt - 1}pt; }
.running { font-size: 7pt; color: #666; margin-bottom: 4mm; }
section.page, .break { break-before: page; } section.flow { margin-top: 8mm; }
table { border-collapse: collapse; table-layout: fixed; }
col.label { width: ${layout.labelWidth}mm; } col.num { width: ${layout.columnWidth}mm; } col.note { width: 12mm; } col.sign { width: 4mm; }
td, th { padding: 0.4mm 0 0.4mm 2mm; vertical-align: bottom; }
th { font-weight: normal; text-align: right; }  td.num, th.num { text-align: right; } td.num { white-space: nowrap; } th.num.span { text-align: center; } td.total { border-top: 0.3pt solid #000; font-weight: bold; }
td.note, th.note { text-align: center; width: 12mm; } td.sign { text-align: left; width: 3mm; } td.label { text-align: left; }`;
  const cover = `<h1>${esc(company)}</h1><p>Annual report. Revenue grew and the Board proposes a dividend. This report contains the consolidated financial statements, the notes and the auditor's report.</p>`;
  return `<!doctype html><html><head><meta charset="utf-8"><style>${css}</style></head><body>${cover}${sections.join('')}</body></html>`;
}
