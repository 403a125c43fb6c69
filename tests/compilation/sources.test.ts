// Which source a compiled cell takes: a tagged (XBRL) figure over a PDF-read one for the same period and concept,
// and never a budget, adjusted or translated column. Seeded, on generated extraction sets, like compile.test.ts.
import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { compileStatement, newestFirst } from '../../src/services/compilation/compile.js';
import { labelKey } from '../../src/services/compilation/labels.js';
import type { ReportLine, ReportStatement, StatementType } from '../../src/services/compilation/types.js';
import { generateExtractions, random, type TruthLine } from './generate.js';

const SEEDS = Array.from({ length: 20 }, (_, i) => 4000 + i * 53);
const TYPES: StatementType[] = ['INCOME_STATEMENT', 'BALANCE_SHEET', 'CASH_FLOW_STATEMENT'];

/**
 * Some years also have an iXBRL document of the same report (another document, provider XBRL) holding the exact
 * figures; the PDF readings of every year misread some figures. Returns the reports and which ones are tagged.
 */
function withTaggedTwins(seed: number) {
  const { reports, truth } = generateExtractions({ seed, years: 6, linesPerStatement: 30 });
  const rnd = random(seed + 1);
  const taggedYears = new Set([2015, 2016, 2017, 2018, 2019, 2020].filter(() => rnd.chance(0.5)));
  const all: ReportStatement[] = [];
  for (const pdf of reports) {
    const misread = { ...pdf, lines: pdf.lines.map((l) => ({ ...l, values: l.values.map((v) => (v !== null && rnd.chance(0.3) ? `${v}1` : v)) })) };
    all.push(misread);
    if (taggedYears.has(pdf.reportFiscalYear!)) {
      all.push({ ...pdf, extractionId: pdf.extractionId + 10_000, documentId: pdf.documentId + 1_000, provider: 'XBRL', verdict: 'VERIFIED', unit: 'units',
        lines: pdf.lines.map((l) => ({ ...l, values: l.values.map((v) => (v === null || l.perShare ? v : new Decimal(v).times(1e6).toFixed())) })) });
    }
  }
  return { reports: all, truth };
}

function findLine(lines: ReportLine[], line: TruthLine) {
  return lines.find((l) => (line.concept ? l.concept === line.concept : labelKey(l.label) === labelKey(line.label)));
}

describe('a tagged figure wins over a PDF-read one (generated sets)', () => {
  it.each(SEEDS)('each cell takes the newest tagged figure where one exists, else the newest report (seed %i)', (seed) => {
    const { reports, truth } = withTaggedTwins(seed);
    for (const type of TYPES) {
      const compiled = compileStatement(type, reports);
      const own = reports.filter((r) => r.statementType === type).sort(newestFirst);
      for (const line of truth.get(type)!) {
        const row = compiled.rows.find((r) => (line.concept ? r.concept === line.concept : labelKey(r.label) === labelKey(line.label)));
        for (const cell of row?.cells ?? []) {
          const printers = own.filter((r) => findLine(r.lines, line) && r.columns.some((c) => c.fiscalYear === cell.fiscalYear));
          const expected = printers.find((r) => r.provider === 'XBRL') ?? printers[0];
          const printed = findLine(expected.lines, line)!.values[expected.columns.findIndex((c) => c.fiscalYear === cell.fiscalYear)];
          const inMillions = printed === null ? null : expected.unit === 'units' && !line.perShare ? new Decimal(printed).div(1e6).toFixed() : new Decimal(printed).toFixed();
          expect(cell.value).toBe(inMillions);
          expect(cell.source).toMatchObject({ extractionId: expected.extractionId, provider: expected.provider, verdict: expected.verdict });
          expect(cell.history).toHaveLength(printers.length);
          // Two readings of one report are never a restatement.
          if (printers.every((p) => p.reportFiscalYear === expected.reportFiscalYear)) expect(cell.restated).toBe(false);
        }
      }
    }
  });

  it('takes the tagged figure even when a newer report was only read from its PDF', () => {
    const line = (values: (string | null)[]): ReportLine => ({ label: 'Revenue', concept: 'revenue', level: 0, isTotal: false, perShare: false, page: 3, values });
    const base = { interim: false, statementType: 'INCOME_STATEMENT' as const, currency: 'EUR', verdict: null };
    const tagged2023: ReportStatement = { ...base, extractionId: 1, documentId: 1, reportFiscalYear: 2023, provider: 'XBRL', unit: 'units',
      columns: [{ fiscalYear: 2023, periodMonths: 12 }, { fiscalYear: 2022, periodMonths: 12 }], lines: [line(['1500000', '1400000'])] };
    const pdf2024: ReportStatement = { ...base, extractionId: 2, documentId: 2, reportFiscalYear: 2024, provider: 'LAYOUT', unit: 'thousands',
      columns: [{ fiscalYear: 2024, periodMonths: 12 }, { fiscalYear: 2023, periodMonths: 12 }], lines: [line(['1600', '1501'])] };
    const s = compileStatement('INCOME_STATEMENT', [pdf2024, tagged2023]);
    expect(s.rows[0].cells.map((c) => [c.fiscalYear, c.value, c.source.provider])).toEqual([
      [2024, '1600', 'LAYOUT'],
      [2023, '1500', 'XBRL'],
      [2022, '1400', 'XBRL'],
    ]);
    expect(s.rows[0].cells[1].history.map((h) => h.value)).toEqual(['1500', '1501']);
  });
});

describe('non-reported column kinds never become a period figure (generated sets)', () => {
  it.each(SEEDS.slice(0, 10))('budget, adjusted and translation columns are ignored wherever they sit (seed %i)', (seed) => {
    const { reports } = generateExtractions({ seed, years: 5, linesPerStatement: 25 });
    const rnd = random(seed);
    const kinds = ['BUDGET', 'ADJUSTED', 'TRANSLATION', 'ADJUSTMENTS'] as const;
    const noisy = reports.map((r) => {
      const extra = { kind: kinds[rnd.int(kinds.length)], label: String(r.reportFiscalYear), fiscalYear: r.reportFiscalYear, periodMonths: r.columns[0].periodMonths };
      const at = rnd.int(r.columns.length + 1);
      const columns = [...r.columns.slice(0, at), extra, ...r.columns.slice(at)];
      return { ...r, columns, lines: r.lines.map((l) => ({ ...l, values: [...l.values.slice(0, at), '9999999', ...l.values.slice(at)] })) };
    });
    for (const type of TYPES) {
      const clean = compileStatement(type, reports);
      const compiled = compileStatement(type, noisy);
      expect(compiled.rows.flatMap((r) => r.cells).some((c) => c.value === '9999999')).toBe(false);
      expect(compiled.rows.map((r) => r.cells.map((c) => c.value))).toEqual(clean.rows.map((r) => r.cells.map((c) => c.value)));
    }
  });
});

describe('the PDF and the tagged reading of one report meet in one row (generated sets)', () => {
  it.each(SEEDS.slice(0, 10))('a PDF line without concept or with another label joins its tagged twin by its figures (seed %i)', (seed) => {
    const { reports } = generateExtractions({ seed, years: 4, linesPerStatement: 25 });
    const rnd = random(seed + 2);
    const all: ReportStatement[] = [];
    for (const tagged of reports) {
      all.push({ ...tagged, provider: 'XBRL', unit: 'units',
        lines: tagged.lines.map((l) => ({ ...l, values: l.values.map((v) => (v === null || l.perShare ? v : new Decimal(v).times(1e6).toFixed())) })) });
      // The PDF reading of the same report: same figures in millions, concepts lost, labels garbled or empty.
      all.push({ ...tagged, extractionId: tagged.extractionId + 10_000, documentId: tagged.documentId + 1_000,
        lines: tagged.lines.map((l) => ({ ...l, concept: null, label: rnd.chance(0.5) ? '' : `garbled ${rnd.int(1e6)}` })) });
    }
    for (const type of TYPES) {
      const compiled = compileStatement(type, all);
      const taggedOnly = compileStatement(type, all.filter((r) => r.provider === 'XBRL'));
      for (const cell of compiled.rows.flatMap((r) => r.cells)) {
        const tagged = cell.history.filter((h) => h.provider === 'XBRL');
        const read = cell.history.filter((h) => h.provider === 'LAYOUT');
        // Every PDF figure sits beside the tagged figure of the same report (where the line has a non-zero figure).
        if (read.length) expect(cell.value === null || new Decimal(cell.value).isZero() || tagged.length > 0, JSON.stringify(cell)).toBe(true);
        if (tagged.length) expect(cell.source.provider).toBe('XBRL');
      }
      const withFigures = (rows: typeof compiled.rows) => rows.filter((r) => r.cells.some((c) => c.value !== null && !new Decimal(c.value).isZero())).length;
      expect(withFigures(compiled.rows)).toBe(withFigures(taggedOnly.rows));
    }
  });
});
