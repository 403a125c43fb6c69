// Generated extraction sets for the compiler's property tests and benchmark: one synthetic company with a known
// truth (every line's identity and every year's figures), printed by a report per year that shows its own year
// and the one before, restates some figures, renames some lines and drops or adds others.
import type { ReportLine, ReportStatement, StatementType, Unit } from '../../src/services/compilation/types.js';

export function random(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (n: number) => Math.floor(next() * n), chance: (p: number) => next() < p };
}

export interface TruthLine {
  id: number;
  concept: string | null;
  label: string;
  perShare: boolean;
}

export interface GeneratedSet {
  reports: ReportStatement[];
  truth: Map<StatementType, TruthLine[]>;
}

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

function word(rnd: ReturnType<typeof random>, length: number): string {
  let w = '';
  for (let i = 0; i < length; i++) w += LETTERS[rnd.int(26)];
  return w;
}

export interface GenerateOptions {
  seed: number;
  years: number;
  linesPerStatement: number;
  types?: StatementType[];
  /** first fiscal year reported */
  firstYear?: number;
  unit?: Unit;
}

export function generateExtractions(options: GenerateOptions): GeneratedSet {
  const rnd = random(options.seed);
  const types = options.types ?? ['INCOME_STATEMENT', 'BALANCE_SHEET', 'CASH_FLOW_STATEMENT'];
  const firstYear = options.firstYear ?? 2015;
  const truth = new Map<StatementType, TruthLine[]>();
  const reports: ReportStatement[] = [];
  let extractionId = 1;
  for (const type of types) {
    const lines: TruthLine[] = [];
    for (let id = 0; id < options.linesPerStatement; id++) {
      const concept = rnd.chance(0.6) ? `${type.toLowerCase()}_concept_${id}` : null;
      lines.push({ id, concept, label: `${word(rnd, 7)} ${word(rnd, 6)} ${word(rnd, 5)}`, perShare: rnd.chance(0.03) });
    }
    truth.set(type, lines);
  }
  for (let year = firstYear; year < firstYear + options.years; year++) {
    const documentId = year - firstYear + 1;
    for (const type of types) {
      const printed = truth.get(type)!.filter(() => rnd.chance(0.93));
      const columns = type === 'BALANCE_SHEET'
        ? [{ fiscalYear: year, periodMonths: null }, { fiscalYear: year - 1, periodMonths: null }]
        : [{ fiscalYear: year, periodMonths: 12 }, { fiscalYear: year - 1, periodMonths: 12 }];
      const reportLines: ReportLine[] = printed.map((t, position) => ({
        // Concept lines may be renamed freely; the others only change case and punctuation.
        label: t.concept && rnd.chance(0.2) ? `${word(rnd, 8)} ${word(rnd, 8)}` : rnd.chance(0.2) ? t.label.toUpperCase() + ',' : t.label,
        concept: t.concept,
        level: t.id % 3,
        isTotal: t.id % 10 === 9,
        perShare: t.perShare,
        page: 10 + Math.floor(position / 40),
        values: columns.map((c) => figure(options.seed, type, t.id, c.fiscalYear!, rnd.chance(0.1) ? year : 0)),
      }));
      reports.push({
        extractionId: extractionId++,
        documentId,
        reportFiscalYear: year,
        interim: false,
        provider: 'LAYOUT',
        verdict: null,
        statementType: type,
        currency: 'EUR',
        unit: options.unit ?? 'millions',
        columns,
        lines: reportLines,
      });
    }
  }
  return { reports, truth };
}

/** A line's figure for a year; a non-zero `restatedIn` gives the version a later report restates it to. */
function figure(seed: number, type: StatementType, id: number, year: number, restatedIn: number): string | null {
  const h = Math.abs(Math.imul(seed + 7919 * id + 31 * year + type.length * 104729 + restatedIn * 15485863, 2654435761) | 0);
  if (h % 50 === 0) return null;
  const sign = h % 7 === 0 ? '-' : '';
  return `${sign}${h % 100000}.${String(h % 10)}`;
}
