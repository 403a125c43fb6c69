// The one concept assignment, used by the layout provider (rows read from the page) and the LLM provider (the
// model's lines with their headings), in the order a reader would resolve them: a line's own label; cash lines
// named by a date ("Cash at 1 January" / "Cash at 31 December"); unlabelled totals by the rows they add up to
// and the heading above those rows; sub-lines by their heading ("Earnings per share" / "Basic"). Each concept
// goes to at most one line of a statement, the first that earns it.
import { Decimal } from 'decimal.js';
import type { DecimalString, StatementType } from '../types.js';
import { conceptDefinition, matchConcept } from './map-concepts.js';

export interface ConceptRow {
  /** '' for an unlabelled total */
  label: string;
  /** a line with figures (a line without is a heading over the lines below it) */
  hasFigures: boolean;
  /** the figures, one per column (undefined where none is printed), when known: unlabelled totals need them */
  values?: (DecimalString | null | undefined)[];
}

const hasFigures = (row: ConceptRow) => row.hasFigures;
const DATED_CASH = /^(total )?cash\b.*\b(at|as at|as of|per|am|au|al|per)\s+\d{1,2}\.?\s+\p{L}+|^(total )?cash\b.*\b(at|as at|as of)\s+\p{L}+\.?\s+\d{1,2}\b/iu;

export function assignConcepts(type: StatementType, rows: ConceptRow[]): (string | null)[] {
  const result: (string | null)[] = rows.map(() => null);
  const used = new Set<string>();
  const take = (i: number, key: string | null | undefined) => {
    if (!key || used.has(key) || result[i] !== null) return false;
    used.add(key);
    result[i] = key;
    return true;
  };
  const { headingOf, blockHeadingsOf, firstUnderHeading } = headingsOf(rows);

  rows.forEach((row, i) => {
    if (row.label && hasFigures(row)) take(i, matchConcept(type, row.label));
  });
  if (type === 'CASH_FLOW_STATEMENT') assignDatedCash(rows, take);

  // An unlabelled total belongs to the heading over the lines it adds up; failing that, the nearest heading.
  const covered = new Set<number>();
  rows.forEach((row, i) => {
    if (row.label || !hasFigures(row)) return;
    const start = startOfSummedRun(rows, i, covered);
    const headings = start !== null ? headingsAbove(rows, start) : [];
    for (let k = start ?? i; k < i; k++) covered.add(k);
    const near = headingOf[i];
    const names = [...headings, ...(near ? [near] : [])];
    for (const h of names) if (take(i, matchConcept(type, `total ${h}`)) || take(i, matchConcept(type, h))) break;
  });

  rows.forEach((row, i) => {
    if (!row.label || !hasFigures(row)) return;
    // "Earnings per share" / "Diluted": the heading and the line together name it. The heading alone names
    // only the first line under it, and only as a component ("Capital stock" / "Issued and outstanding"),
    // never as a total: the first line under "Cash flows from operating activities" is not their total.
    const headings = blockHeadingsOf[i];
    const together = headings.map((h) => matchConcept(type, `${h} ${row.label}`));
    const alone = firstUnderHeading[i] ? headings.map((h) => matchConcept(type, h)).filter((k) => k && !conceptDefinition(type, k)?.isTotal) : [];
    take(i, [...together, ...alone].find((k) => k && !used.has(k)));
  });
  return result;
}

function headingsOf(rows: ConceptRow[]) {
  const headingOf: (string | null)[] = [];
  const blockHeadingsOf: string[][] = [];
  const firstUnderHeading: boolean[] = [];
  let heading: string | null = null;
  let block: string[] = [];
  let previousHadFigures = true;
  for (const row of rows) {
    const figures = hasFigures(row);
    // A blank row (no label, no figures) is spacing: it neither ends a block nor starts one.
    if (!figures && !row.label) {
      headingOf.push(heading);
      blockHeadingsOf.push([]);
      firstUnderHeading.push(false);
      continue;
    }
    if (!figures && row.label) {
      heading = row.label;
      if (previousHadFigures) block = [];
      block.unshift(row.label); // nearest heading first
    }
    headingOf.push(heading);
    // A copy: headings met further down start their own block and never name the lines above them.
    blockHeadingsOf.push(figures ? [...block] : []);
    firstUnderHeading.push(figures && !previousHadFigures);
    previousHadFigures = figures;
  }
  return { headingOf, blockHeadingsOf, firstUnderHeading };
}

/** Label-only lines directly above row `start`, nearest first. */
function headingsAbove(rows: ConceptRow[], start: number): string[] {
  const out: string[] = [];
  for (let k = start - 1; k >= 0 && !hasFigures(rows[k]); k--) if (rows[k].label) out.push(rows[k].label);
  return out;
}

/**
 * The first row of the run of lines just above row `total` whose figures add up to it in every column (lines
 * already summed into an earlier unlabelled subtotal count through that subtotal); null when none does.
 */
function startOfSummedRun(rows: ConceptRow[], total: number, covered: Set<number>): number | null {
  const values = rows[total].values;
  if (!values) return null;
  const columns = values.map((v, c) => (v !== undefined && v !== null ? c : -1)).filter((c) => c >= 0);
  if (columns.length === 0) return null;
  const sums = columns.map(() => new Decimal(0));
  let terms = 0;
  for (let k = total - 1; k >= 0; k--) {
    const row = rows[k];
    if (!hasFigures(row) || covered.has(k)) continue;
    columns.forEach((c, j) => {
      const v = row.values?.[c];
      if (v) sums[j] = sums[j].plus(v);
    });
    terms++;
    if (terms >= 2 && columns.every((c, j) => sums[j].eq(values[c]!))) return k;
  }
  return null;
}

/** "Cash at 1 January 2024" ... "Cash at 31 December 2024": the first dated cash line opens, the last closes. */
function assignDatedCash(rows: ConceptRow[], take: (i: number, key: string) => boolean): void {
  const dated = rows.flatMap((row, i) => (row.label && hasFigures(row) && DATED_CASH.test(row.label) ? [i] : []));
  if (dated.length === 0) return;
  if (dated.length >= 2) take(dated[0], 'cash_at_beginning');
  take(dated[dated.length - 1], 'cash_at_end');
}
