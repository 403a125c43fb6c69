// Subtotal checks: which printed lines add up to which totals. A total is a line marked as one (by its wording
// or concept) or a line that equals the sum of the lines above it in every column (an unlabelled-looking
// subtotal such as "Equity attributable to owners"). One reading must hold in every column the total has a figure
// in, so a coincidence in one column proves nothing. Only readings that hold are reported.
import { Decimal } from 'decimal.js';
import { isBreakdownLine } from './breakdown-lines.js';
import type { Check, ExtractedLine } from './types.js';

/**
 * Figures printed rounded (or truncated) to their last digit can miss their printed total by one unit of that
 * digit. That is rounding, not an error, on totals of four digits or more (a misread digit is more, and on small
 * totals one unit is too large a share to excuse).
 */
export function roundingTolerance(total: Decimal, decimals: number, parts: number): Decimal {
  const unit = new Decimal(10).pow(-decimals);
  return parts >= 2 && total.abs().greaterThanOrEqualTo(unit.times(1000)) ? unit : new Decimal(0);
}

const decimalsOf = (values: (string | null | undefined)[]) => Math.max(0, ...values.map((v) => (v ? (v.split('.')[1] ?? '').length : 0)));

export function makeCheck(name: string, column: number, expected: Decimal, actual: Decimal, lines: number[], values?: (string | null | undefined)[]): Check {
  const difference = actual.minus(expected);
  const tolerance = roundingTolerance(expected, decimalsOf(values ?? []), lines.length - 1);
  return {
    name,
    column,
    expected: expected.toFixed(),
    actual: actual.toFixed(),
    difference: difference.toFixed(),
    passed: difference.abs().lessThanOrEqualTo(tolerance),
    lines,
  };
}

/** One way of adding lines up to a total: the lines, each with its sign. */
type Reading = { index: number; sign: 1 | -1 }[];

export function subtotalChecks(statement: { columns: unknown[]; lineItems: ExtractedLine[] }): Check[] {
  const lines = statement.lineItems;
  // An "of which" line is inside the line above it, never an addend of its own.
  const counts = (l: ExtractedLine) => !l.perShare && !isBreakdownLine(l) && l.values.some((v) => v !== null);
  const checks: Check[] = [];
  const totals: number[] = [];
  const covered = new Set<number>();
  lines.forEach((line, index) => {
    if (!counts(line)) return;
    const start = totals.length > 0 ? totals[totals.length - 1] : -1;
    const parts = range(start + 1, index).filter((i) => counts(lines[i]));
    const earlier = totals.slice(-2).reverse();
    const readings = line.isTotal ? totalReadings(parts, earlier) : plainReadings(parts);
    // Right after a total, a line can close on a line printed before that total's block ("Revenue", then the
    // costs and their total, then "Operating loss" = revenue - total costs).
    if (parts.length === 0 && earlier.length > 0) {
      const before = range(0, earlier[0]).filter((i) => counts(lines[i]) && !covered.has(i) && !totals.includes(i)).reverse().slice(0, 3);
      for (const x of before) readings.push([{ index: x, sign: 1 }, { index: earlier[0], sign: -1 }], [{ index: x, sign: 1 }, { index: earlier[0], sign: 1 }]);
    }
    const columns = statement.columns.map((_, c) => c).filter((c) => line.values[c] != null);
    const value = (i: number, c: number) => new Decimal(lines[i].values[c] ?? 0);
    const sumOf = (reading: Reading, c: number) => reading.reduce((acc, p) => acc.plus(value(p.index, c).times(p.sign)), new Decimal(0));
    const holds = (r: Reading) => columns.every((c) => sumOf(r, c).equals(value(index, c)));
    let found = columns.some((c) => !value(index, c).isZero()) ? readings.find(holds) : undefined;
    // Rounded figures: the plain sum of the parts, within a last-digit unit in every column.
    if (!found && parts.length >= 2) {
      const plain: Reading = parts.map((i) => ({ index: i, sign: 1 }));
      const withinRounding = (c: number) => makeCheck('', c, value(index, c), sumOf(plain, c), [index, ...parts], [index, ...parts].map((i) => lines[i].values[c])).passed;
      if (line.isTotal && columns.every(withinRounding)) found = plain;
    }
    if (line.isTotal || found) totals.push(index);
    // A line that closed on an earlier one is itself the start of the next block.
    if (!found || columns.length === 0) return;
    const used = [index, ...found.map((p) => p.index)];
    for (const i of used) covered.add(i);
    for (const c of columns) {
      checks.push(makeCheck(`subtotal: ${line.label || '(unlabelled total)'}`, c, value(index, c), sumOf(found, c), used, used.map((i) => lines[i].values[c])));
    }
  });
  return checks;
}

/** A line not marked as a total is one only when it is the plain sum of two or more lines right above it. */
function plainReadings(parts: number[]): Reading[] {
  const readings: Reading[] = [];
  for (let from = 0; from <= parts.length - 2; from++) readings.push(parts.slice(from).map((i) => ({ index: i, sign: 1 as const })));
  return readings;
}

/**
 * A marked total: the lines since the previous total (or the last few of them); carried on from earlier totals
 * ("Total assets" adds current and non-current, "Operating profit" starts from "Gross profit"); or a line and the
 * lines after it added or subtracted (revenue, then costs printed as positive figures).
 */
function totalReadings(parts: number[], earlier: number[]): Reading[] {
  const plus = (ids: number[]) => ids.map((i) => ({ index: i, sign: 1 as const }));
  const minus = (ids: number[]) => ids.map((i) => ({ index: i, sign: -1 as const }));
  const readings: Reading[] = [];
  if (parts.length >= 1) readings.push(plus(parts));
  for (let from = 1; from <= parts.length - 2; from++) readings.push(plus(parts.slice(from)));
  for (let n = 1; n <= earlier.length; n++) {
    const carried = earlier.slice(0, n);
    readings.push([...plus(carried), ...plus(parts)]);
    if (parts.length > 0) readings.push([...plus(carried), ...minus(parts)]);
  }
  for (let split = 1; split < parts.length; split++) {
    const anchor = parts[split - 1];
    readings.push([...plus([anchor]), ...minus(parts.slice(split))]);
    if (split > 1) readings.push([...plus([anchor]), ...plus(parts.slice(split))]);
  }
  return readings.filter((r) => r.length >= 1);
}

const range = (from: number, to: number) => Array.from({ length: Math.max(0, to - from) }, (_, k) => from + k);
