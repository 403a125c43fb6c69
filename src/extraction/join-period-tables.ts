// Interim reports often print one statement as two tables under the same title on facing pages: the quarter on
// one page, the year to date on the next (a 10-Q's "Fiscal Second Quarter Ended" and "Fiscal Six Months Ended").
// They are one statement. The picked table takes the other's columns when both list the same lines and the
// other's periods end on the same days with other lengths; anything less strict leaves the pick alone.
import { runChecks } from './checks.js';
import { normaliseLabel } from './concepts/taxonomy.js';
import type { StatementCandidate } from './locate.js';
import { titleStem } from './locate/titles.js';
import type { ExtractedStatement } from './types.js';
import { judgeStatement } from './verdict.js';

/** Share of the picked statement's labelled lines the other table must print too. */
const SHARED_LINES = 0.8;

const periodKey = (c: ExtractedStatement['columns'][number]) => `${c.periodEnd}|${c.periodMonths}`;

/**
 * The picked statement joined with a same-titled table on an adjacent page that reports the same lines for
 * other periods ending on the same dates; the picked statement unchanged when there is none.
 */
export function joinPeriodTables(
  picked: { candidate: StatementCandidate; statement: ExtractedStatement },
  candidates: StatementCandidate[],
  build: (candidate: StatementCandidate) => ExtractedStatement | null,
): ExtractedStatement {
  const { statement } = picked;
  if (statement.type === 'BALANCE_SHEET' || !datedFlows(statement)) return statement;
  const stem = titleStem(picked.candidate.section.title);
  const pages = picked.candidate.section.pages;
  for (const other of candidates) {
    if (other.type !== statement.type || other.section.pages.some((p) => pages.includes(p))) continue;
    const adjacent = other.section.pages.some((p) => pages.some((q) => Math.abs(p - q) === 1));
    if (!adjacent || !stem || titleStem(other.section.title) !== stem) continue;
    const table = build(other);
    if (table && joinable(statement, table)) return join(statement, table, other.section.pages[0] < pages[0]);
  }
  return statement;
}

/** Every column has an end date and a length, each its own. */
function datedFlows(s: ExtractedStatement): boolean {
  const keys = s.columns.map(periodKey);
  return s.columns.every((c) => c.periodEnd !== null && c.periodMonths !== null) && new Set(keys).size === keys.length;
}

function joinable(a: ExtractedStatement, b: ExtractedStatement): boolean {
  if (!datedFlows(b) || a.unit !== b.unit || a.currency !== b.currency) return false;
  const ends = (s: ExtractedStatement) => [...new Set(s.columns.map((c) => c.periodEnd))].sort().join(',');
  if (ends(a) !== ends(b)) return false;
  const keysA = new Set(a.columns.map(periodKey));
  if (b.columns.some((c) => keysA.has(periodKey(c)))) return false;
  const labels = a.lineItems.filter((l) => l.label).map((l) => normaliseLabel(l.label));
  const theirs = new Set(b.lineItems.map((l) => normaliseLabel(l.label)));
  return labels.length >= 3 && labels.filter((l) => theirs.has(l)).length >= SHARED_LINES * labels.length;
}

/** Columns side by side (the earlier page's first); each line takes the other table's figures by its label. */
function join(a: ExtractedStatement, b: ExtractedStatement, otherFirst: boolean): ExtractedStatement {
  const used = new Set<number>();
  const otherValues = a.lineItems.map((line) => {
    const label = normaliseLabel(line.label);
    const at = b.lineItems.findIndex((l, i) => !used.has(i) && normaliseLabel(l.label) === label && l.perShare === line.perShare);
    if (at < 0) return b.columns.map(() => null);
    used.add(at);
    return b.lineItems[at].values;
  });
  const reason = `joined from the table of the same title on page ${b.pages[0]}: same lines, same period ends, other lengths`;
  const added = b.columns.map((c) => ({ ...c, reasons: [...(c.reasons ?? []), reason] }));
  const columns = otherFirst ? [...added, ...a.columns] : [...a.columns, ...added];
  // Each table printed only its dates ("June 29, 2025" twice): the length, which each table's heading gave, tells them apart.
  const labels = columns.map((c) => c.label);
  const named = columns.map((c) => (labels.filter((l) => l === c.label).length > 1 ? { ...c, label: `${c.label} (${c.periodMonths} months)` } : c));
  const joined: ExtractedStatement = {
    ...a,
    pages: [...new Set([...a.pages, ...b.pages])].sort((x, y) => x - y),
    columns: named,
    lineItems: a.lineItems.map((line, i) => ({ ...line, values: otherFirst ? [...otherValues[i], ...line.values] : [...line.values, ...otherValues[i]] })),
  };
  joined.checks = runChecks(joined);
  joined.verdict = judgeStatement(joined).verdict;
  return joined;
}
