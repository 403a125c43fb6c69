// Generated annual reports: a title page and the three primary statements for a year and its comparative,
// with figures derived from `base` so each company/year gives different (but internally consistent) numbers.
import { makePdf, statementTexts, type PageSpec } from '../extraction/helpers/make-pdf.js';

export interface ReportSpec {
  company: string;
  year: number;
  /** scales every figure; different bases give different bytes */
  base?: number;
  /** extra text on the title page (e.g. to make otherwise identical reports differ) */
  note?: string;
}

const fmt = (n: number) => (n < 0 ? `(${Math.abs(n).toLocaleString('en-US')})` : n.toLocaleString('en-US'));

export function reportFigures(base: number) {
  const revenue = 1000 * base;
  const cost = 600 * base;
  const gross = revenue - cost;
  const opex = 250 * base;
  const operating = gross - opex;
  const tax = 30 * base;
  const net = operating - tax;
  const current = 900 * base;
  const nonCurrent = 1100 * base;
  const assets = current + nonCurrent;
  const liabilities = 1200 * base;
  const equity = assets - liabilities;
  const operatingCash = 200 * base;
  const investingCash = -80 * base;
  const financingCash = -50 * base;
  return { revenue, cost, gross, opex, operating, tax, net, current, nonCurrent, assets, liabilities, equity, operatingCash, investingCash, financingCash };
}

export async function makeAnnualReport(spec: ReportSpec): Promise<Uint8Array> {
  const now = reportFigures(spec.base ?? 1);
  const prior = reportFigures((spec.base ?? 1) * 0.9);
  const headers = [['', 'Year ended 31 December', ''].slice(0, 2), [String(spec.year), String(spec.year - 1)]];
  const cols = (pick: (f: ReturnType<typeof reportFigures>) => number) => [fmt(Math.round(pick(now))), fmt(Math.round(pick(prior)))];
  const columnsX = [430, 520];
  const pages: PageSpec[] = [
    {
      texts: [
        { text: spec.company, x: 50, y: 700, size: 28 },
        { text: `Annual Report ${spec.year}`, x: 50, y: 660, size: 20 },
        { text: `For the year ended 31 December ${spec.year}. ${spec.note ?? ''}`, x: 50, y: 620, size: 10 },
      ],
    },
    {
      texts: statementTexts({
        title: 'Consolidated Income Statement',
        subtitles: ['(in thousands of euros)'],
        headers,
        columnsX,
        rows: [
          { label: 'Revenue', cells: cols((f) => f.revenue) },
          { label: 'Cost of sales', cells: cols((f) => -f.cost) },
          { label: 'Gross profit', cells: cols((f) => f.gross) },
          { label: 'Operating expenses', cells: cols((f) => -f.opex) },
          { label: 'Operating profit', cells: cols((f) => f.operating) },
          { label: 'Income tax expense', cells: cols((f) => -f.tax) },
          { label: 'Profit for the year', cells: cols((f) => f.net) },
        ],
      }),
    },
    {
      texts: statementTexts({
        title: 'Consolidated Balance Sheet',
        subtitles: ['(in thousands of euros)'],
        headers: [['31 December', '31 December'], [String(spec.year), String(spec.year - 1)]],
        columnsX,
        rows: [
          { label: 'Total non-current assets', cells: cols((f) => f.nonCurrent) },
          { label: 'Total current assets', cells: cols((f) => f.current) },
          { label: 'Total assets', cells: cols((f) => f.assets) },
          { label: 'Total liabilities', cells: cols((f) => f.liabilities) },
          { label: 'Total equity', cells: cols((f) => f.equity) },
          { label: 'Total equity and liabilities', cells: cols((f) => f.assets) },
        ],
      }),
    },
    {
      texts: statementTexts({
        title: 'Consolidated Statement of Cash Flows',
        subtitles: ['(in thousands of euros)'],
        headers,
        columnsX,
        rows: [
          { label: 'Net cash from operating activities', cells: cols((f) => f.operatingCash) },
          { label: 'Net cash used in investing activities', cells: cols((f) => f.investingCash) },
          { label: 'Net cash used in financing activities', cells: cols((f) => f.financingCash) },
          { label: 'Net increase in cash and cash equivalents', cells: cols((f) => f.operatingCash + f.investingCash + f.financingCash) },
        ],
      }),
    },
  ];
  return makePdf(pages);
}
