// Groups the lines of several reports of one statement type into rows. Matching comes before any choice of
// values (normalise first, then prioritise): by concept key, then by identical label, then by a fenced fuzzy
// label match. Two lines of one report never share a row. Rows follow the newest report's line order; a row only
// older reports have is placed right after the row of the line printed above it.
import { createLabelMatcher, labelKey, type LabelCandidate } from './labels.js';
import type { ReportStatement } from './types.js';

export interface RowMember {
  /** index into the reports, newest first */
  report: number;
  line: number;
}

export interface MatchedRow {
  concept: string | null;
  perShare: boolean;
  labelKeys: Set<string>;
  /** newest report first */
  members: RowMember[];
}

interface Pending {
  line: number;
  row: number;
  score: number;
}

/** `reports` must be ordered newest first; returns the rows in display order. */
export function matchRows(reports: ReportStatement[]): MatchedRow[] {
  const rows: MatchedRow[] = [];
  const order: number[] = [];
  reports.forEach((report, r) => {
    const keys = report.lines.map((l) => labelKey(l.label));
    const assigned = r === 0 ? report.lines.map(() => -1) : assignToRows(rows, order, report, keys);
    placeNewRows(rows, order, report, r, keys, assigned);
    assigned.forEach((row, line) => {
      if (row < 0) return;
      const target = rows[row];
      target.members.push({ report: r, line });
      target.labelKeys.add(keys[line]);
      target.concept ??= report.lines[line].concept;
    });
  });
  return order.map((i) => rows[i]);
}

function compatible(row: MatchedRow, concept: string | null, perShare: boolean): boolean {
  return row.perShare === perShare && (row.concept === null || concept === null || row.concept === concept);
}

/** For each line of an older report, the existing row it continues, or -1. */
function assignToRows(rows: MatchedRow[], order: number[], report: ReportStatement, keys: string[]): number[] {
  const assigned = report.lines.map(() => -1);
  const claimed = new Set<number>();
  const claim = (line: number, row: number) => {
    assigned[line] = row;
    claimed.add(row);
  };

  const byConcept = new Map<string, number[]>();
  rows.forEach((row, i) => {
    if (row.concept) byConcept.set(row.concept, [...(byConcept.get(row.concept) ?? []), i]);
  });
  report.lines.forEach((line, i) => {
    if (!line.concept) return;
    const row = byConcept.get(line.concept)?.find((r) => !claimed.has(r) && rows[r].perShare === line.perShare);
    if (row !== undefined) claim(i, row);
  });

  // Identical labels; where a label repeats ("Other"), the row nearest the line's relative position.
  const position = new Map(order.map((row, at) => [row, at / Math.max(1, order.length)]));
  const byKey = new Map<string, number[]>();
  rows.forEach((row, i) => {
    for (const key of row.labelKeys) byKey.set(key, [...(byKey.get(key) ?? []), i]);
  });
  report.lines.forEach((line, i) => {
    if (assigned[i] >= 0) return;
    const relative = i / Math.max(1, report.lines.length);
    const candidates = (byKey.get(keys[i]) ?? []).filter((r) => !claimed.has(r) && compatible(rows[r], line.concept, line.perShare));
    candidates.sort((a, b) => Math.abs(position.get(a)! - relative) - Math.abs(position.get(b)! - relative) || a - b);
    if (candidates.length) claim(i, candidates[0]);
  });

  const open = report.lines.map((_, i) => i).filter((i) => assigned[i] < 0);
  if (open.length === 0) return assigned;
  const candidates: LabelCandidate[] = [];
  rows.forEach((row, i) => {
    if (!claimed.has(i)) for (const key of row.labelKeys) candidates.push({ row: i, key });
  });
  const matcher = createLabelMatcher(candidates);
  const pending: Pending[] = [];
  for (const i of open) {
    const line = report.lines[i];
    for (const m of matcher.matches(keys[i])) {
      if (compatible(rows[m.row], line.concept, line.perShare)) pending.push({ line: i, row: m.row, score: m.score });
    }
  }
  // Best pairs first, so a closer spelling is never taken by a worse one.
  pending.sort((a, b) => a.score - b.score || a.line - b.line || a.row - b.row);
  for (const p of pending) if (assigned[p.line] < 0 && !claimed.has(p.row)) claim(p.line, p.row);
  return assigned;
}

/** Creates a row for each unassigned line, placed after its nearest printed neighbour above (or below). */
function placeNewRows(rows: MatchedRow[], order: number[], report: ReportStatement, r: number, keys: string[], assigned: number[]) {
  let previous = -1;
  report.lines.forEach((line, i) => {
    if (assigned[i] >= 0) {
      previous = assigned[i];
      return;
    }
    const row = rows.push({ concept: null, perShare: line.perShare, labelKeys: new Set([keys[i]]), members: [] }) - 1;
    assigned[i] = row;
    if (previous >= 0) order.splice(order.indexOf(previous) + 1, 0, row);
    else {
      const next = assigned.slice(i + 1).find((a) => a >= 0 && order.includes(a));
      if (next === undefined) order.push(row);
      else order.splice(order.indexOf(next), 0, row);
    }
    previous = row;
  });
}
