// A generated four-page report with known figures (cover, income statement, balance sheet, notes), and the
// answer a faithful model would give for each statement, built from the same figures.
import { PDFDocument, StandardFonts } from 'pdf-lib';
import type { StatementAnswer } from '../../src/extraction/llm/schema.js';

export interface PrintedLine {
  label: string;
  /** as printed: "12,345", "(7,000)" */
  values: [string, string];
  isTotal?: boolean;
  heading?: string;
}

export const INCOME_PAGE = 2;
export const BALANCE_PAGE = 3;
/** a figure printed only in the notes, which are never sent */
export const NOTES_ONLY_FIGURE = '4,321';

export const INCOME_LINES: PrintedLine[] = [
  { label: 'Revenue', values: ['12,345', '11,200'] },
  { label: 'Cost of sales', values: ['(7,000)', '(6,500)'] },
  { label: 'Gross profit', values: ['5,345', '4,700'], isTotal: true },
  { label: 'Operating expenses', values: ['(2,100)', '(2,000)'] },
  { label: 'Profit before tax', values: ['3,245', '2,700'], isTotal: true },
  { label: 'Income tax expense', values: ['(745)', '(600)'] },
  { label: 'Net income', values: ['2,500', '2,100'], isTotal: true },
];

export const BALANCE_LINES: PrintedLine[] = [
  { label: 'Cash and cash equivalents', values: ['1,500', '1,200'], heading: 'Current assets' },
  { label: 'Trade receivables', values: ['2,000', '1,800'], heading: 'Current assets' },
  { label: 'Total current assets', values: ['3,500', '3,000'], isTotal: true, heading: 'Current assets' },
  { label: 'Property, plant and equipment', values: ['6,500', '6,000'], heading: 'Non-current assets' },
  { label: 'Total non-current assets', values: ['6,500', '6,000'], isTotal: true, heading: 'Non-current assets' },
  { label: 'Total assets', values: ['10,000', '9,000'], isTotal: true },
  { label: 'Total liabilities', values: ['4,000', '3,800'], isTotal: true },
  { label: 'Total equity', values: ['6,000', '5,200'], isTotal: true },
  { label: 'Total liabilities and equity', values: ['10,000', '9,000'], isTotal: true },
];

const PROSE =
  'Acme Industries designs and sells industrial equipment in Europe and North America. The year brought steady ' +
  'demand, a new plant and a simpler group structure. This report describes the business, its governance and ' +
  'its results; the financial statements follow the directors\' report.';

export async function makeStatementReport(): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  const rightAligned = (page: ReturnType<typeof pdf.addPage>, text: string, right: number, y: number, size = 10) =>
    page.drawText(text, { x: right - font.widthOfTextAtSize(text, size), y, size, font });

  const cover = pdf.addPage([595, 842]);
  cover.drawText('Acme Industries', { x: 50, y: 760, size: 28, font: bold });
  cover.drawText('Annual Report 2023', { x: 50, y: 720, size: 18, font });
  wrap(PROSE + ' ' + PROSE, 90).forEach((line, i) => cover.drawText(line, { x: 50, y: 680 - i * 14, size: 10, font }));

  const statementPage = (title: string, period: string, lines: PrintedLine[]) => {
    const page = pdf.addPage([595, 842]);
    page.drawText(title, { x: 50, y: 780, size: 14, font: bold });
    page.drawText('(in thousands of US dollars)', { x: 50, y: 762, size: 9, font });
    rightAligned(page, period, 540, 735, 9);
    rightAligned(page, '2023', 440, 720);
    rightAligned(page, '2022', 540, 720);
    let y = 700;
    let heading: string | undefined;
    for (const line of lines) {
      if (line.heading && line.heading !== heading) {
        heading = line.heading;
        page.drawText(heading, { x: 50, y, size: 10, font: bold });
        y -= 18;
      }
      page.drawText(line.label, { x: line.heading && !line.isTotal ? 60 : 50, y, size: 10, font: line.isTotal ? bold : font });
      rightAligned(page, line.values[0], 440, y);
      rightAligned(page, line.values[1], 540, y);
      y -= 18;
    }
  };
  statementPage('Consolidated Income Statement', 'Year ended December 31', INCOME_LINES);
  statementPage('Consolidated Balance Sheet', 'December 31', BALANCE_LINES);

  const notes = pdf.addPage([595, 842]);
  notes.drawText('Notes to the consolidated financial statements', { x: 50, y: 780, size: 14, font: bold });
  const notesText = `1. Accounting policies. ${PROSE} Employees at year end numbered ${NOTES_ONLY_FIGURE}. ${PROSE}`;
  wrap(notesText, 90).forEach((line, i) => notes.drawText(line, { x: 50, y: 750 - i * 14, size: 10, font }));
  return pdf.save();
}

function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let current = '';
  for (const word of text.split(' ')) {
    if (current && current.length + word.length + 1 > width) {
      lines.push(current);
      current = word;
    } else current = current ? `${current} ${word}` : word;
  }
  if (current) lines.push(current);
  return lines;
}

/** What a faithful model answers for the statement on `page`. */
export function faithfulAnswer(type: 'INCOME_STATEMENT' | 'BALANCE_SHEET'): StatementAnswer {
  const income = type === 'INCOME_STATEMENT';
  const lines = income ? INCOME_LINES : BALANCE_LINES;
  const page = income ? INCOME_PAGE : BALANCE_PAGE;
  return {
    found: true,
    title: income ? 'Consolidated Income Statement' : 'Consolidated Balance Sheet',
    currency: 'USD',
    unit: 'thousands',
    columns: [
      { label: '2023', fiscalYear: 2023, periodEnd: '2023-12-31', periodMonths: income ? 12 : null },
      { label: '2022', fiscalYear: 2022, periodEnd: '2022-12-31', periodMonths: income ? 12 : null },
    ],
    lineItems: lines.map((l) => ({
      label: l.label,
      heading: l.heading ?? null,
      values: [...l.values],
      page,
      level: l.heading && !l.isTotal ? 1 : 0,
      isTotal: Boolean(l.isTotal),
      perShare: false,
    })),
  };
}

export const NOT_FOUND_ANSWER: StatementAnswer = { found: false, title: '', currency: null, unit: 'units', columns: [], lineItems: [] };
