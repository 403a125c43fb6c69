// The one concept assignment, used by the layout provider (rows read from the page) and the LLM provider (the
// model's lines with their headings): each canonical concept goes to at most one line of a statement.
import type { StatementType } from '../types.js';
import { matchConcept } from './map-concepts.js';

export interface ConceptRow {
  /** '' for an unlabelled total */
  label: string;
  /** a line with figures (a line without is a heading over the lines below it) */
  hasFigures: boolean;
}

/**
 * Concepts by the line's own label first; then unlabelled totals by the heading they close ("Non-current
 * assets" ... [total]); then sub-lines by their heading ("Capital stock" / "Issued and outstanding").
 */
export function assignConcepts(type: StatementType, rows: ConceptRow[]): (string | null)[] {
  const result: (string | null)[] = rows.map(() => null);
  const used = new Set<string>();
  const take = (i: number, key: string | null) => {
    if (key && !used.has(key) && result[i] === null) {
      used.add(key);
      result[i] = key;
    }
  };
  const headingOf: (string | null)[] = [];
  const blockHeadingsOf: string[][] = [];
  const firstUnderHeading: boolean[] = [];
  let heading: string | null = null;
  let block: string[] = [];
  let previousHadFigures = true;
  for (const row of rows) {
    if (!row.hasFigures && row.label) {
      heading = row.label;
      if (previousHadFigures) block = [];
      block.unshift(row.label); // nearest heading first
    }
    headingOf.push(heading);
    blockHeadingsOf.push(row.hasFigures ? block : []);
    firstUnderHeading.push(row.hasFigures && !previousHadFigures);
    previousHadFigures = row.hasFigures;
  }
  rows.forEach((row, i) => {
    if (row.label && row.hasFigures) take(i, matchConcept(type, row.label));
  });
  rows.forEach((row, i) => {
    if (!row.label && headingOf[i]) take(i, matchConcept(type, `total ${headingOf[i]}`) ?? matchConcept(type, headingOf[i]!));
  });
  rows.forEach((row, i) => {
    if (!row.label) return;
    // "Earnings per share" / "Diluted": the heading and the line together name it; failing that, the heading.
    // The heading alone names only the line right under it (a component list under "Revenue" is not revenue).
    const headings = blockHeadingsOf[i];
    const alone = firstUnderHeading[i] ? headings.map((h) => matchConcept(type, h)) : [];
    const key = [...headings.map((h) => matchConcept(type, `${h} ${row.label}`)), ...alone].find((k) => k && !used.has(k));
    take(i, key ?? null);
  });
  return result;
}
