// Printed rows that wrap: a label continued on the next line, figures set on the line below their label, or
// figures centred on a multi-line label. Joined back into one table row each.
import type { TableRow } from './table.js';

const CONNECTOR_END =
  /(\b(and|of|or|for|to|the|in|from|on|by|with|at|as|per|och|av|för|till|und|der|die|des|von|für|aus|et|de|des|du|la|le|les|en|van|het|voor|uit)|[,\-–&/;])$/i;

/**
 * A label line that ends in a joining word, or in one followed by a gloss ("Net cash provided by (used in)" /
 * "investing activities"), is continued by the next line.
 */
function endsInConnector(label: string): boolean {
  return CONNECTOR_END.test(label) || CONNECTOR_END.test(label.replace(/\s*\([^()]*\)$/, ''));
}

function startsLowercase(label: string): boolean {
  return /^[\p{Ll}(]/u.test(label) && !/^\((loss|profit|increase|decrease|gain)/i.test(label);
}

function isAllCaps(label: string): boolean {
  return /\p{L}/u.test(label) && label === label.toUpperCase();
}

function filledColumns(row: TableRow): number[] {
  return row.cells.flatMap((c, i) => (c ? [i] : []));
}

/**
 * "Profit attributable to" / "  Owners of parent  37,050" / "  Non-controlling interests  (1,938)": an indented,
 * capitalised line followed by a sibling at the same indent is the first item under a heading, not its tail.
 */
function startsSiblingList(heading: TableRow, row: TableRow, next: TableRow | undefined): boolean {
  if (!next || next.page !== row.page || row.labelX0 === null || heading.labelX0 === null || next.labelX0 === null) return false;
  const indented = row.labelX0 > heading.labelX0 + 1;
  const sibling = Math.abs(next.labelX0 - row.labelX0) <= 1 && /^\p{Lu}/u.test(next.label) && filledColumns(next).length > 0;
  return indented && /^\p{Lu}/u.test(row.label) && sibling;
}

/** A label-only line whose own continuation, with the figures, is the next line: the head of that row. */
function headsNextRow(row: TableRow, next: TableRow | undefined): boolean {
  if (!next || next.page !== row.page || !next.label || next.bulleted || filledColumns(next).length === 0) return false;
  return startsLowercase(next.label) || endsInConnector(row.label);
}

/** Joins labels and figures that wrap onto the next printed line. */
export function mergeWrappedRows(rows: TableRow[], fontSize: number): TableRow[] {
  const out: TableRow[] = [];
  for (const [index, row] of rows.entries()) {
    const previous = out[out.length - 1];
    const sameBlock = previous && previous.page === row.page && previous.y - row.y < 2.2 * fontSize;
    if (previous && sameBlock) {
      const prevFilled = filledColumns(previous);
      const filled = filledColumns(row);
      // Label-only line continued by the next line: "...property, plant and" / "equipment  1.5  -".
      if (prevFilled.length === 0 && previous.label && row.label && !row.bulleted) {
        const indented = row.labelX0 !== null && previous.labelX0 !== null && row.labelX0 > previous.labelX0 + 1;
        const continues =
          endsInConnector(previous.label) ||
          startsLowercase(row.label) ||
          (isAllCaps(previous.label) && isAllCaps(row.label) && indented);
        if (continues && !/:$/.test(previous.label) && !startsSiblingList(previous, row, rows[index + 1])) {
          out[out.length - 1] = { ...row, label: `${previous.label} ${row.label}`, labelX0: previous.labelX0, lineCount: previous.lineCount + 1 };
          continue;
        }
      }
      // Figures printed at the vertical middle of a multi-line label (a 10-K's "Common stock, $0.00001 par
      // value; ..." block) sit closer to the label line above than a line pitch.
      // Likewise figures under a label that ends in a currency sign ("Cash   P" / "=2,618,394").
      if (prevFilled.length === 0 && previous.label && filled.length > 0 && row.label === '' && (previous.y - row.y < 0.7 * fontSize || previous.awaitsFigures)) {
        out[out.length - 1] = { ...previous, cells: row.cells, y: row.y, lineCount: previous.lineCount + 1 };
        continue;
      }
      // Figures set at the top of a cell whose label wraps land a line above the rest of the row: an unlabelled
      // line holding exactly the columns this row leaves empty belongs to it.
      const complementary = filled.every((i) => !previous.cells[i]) && prevFilled.length + filled.length === row.cells.length;
      if (previous.label === '' && prevFilled.length > 0 && row.label && filled.length > 0 && complementary && previous.y - row.y < 1.5 * fontSize) {
        out[out.length - 1] = { ...row, cells: row.cells.map((c, i) => c ?? previous.cells[i]), lineCount: row.lineCount + 1 };
        continue;
      }
      // Figures that wrapped: the next line fills only the columns this one left empty.
      if (prevFilled.length > 0 && filled.length > 0 && filled.every((i) => !previous.cells[i]) && (row.label === '' || startsLowercase(row.label))) {
        out[out.length - 1] = {
          ...previous,
          label: row.label ? `${previous.label} ${row.label}` : previous.label,
          cells: previous.cells.map((c, i) => c ?? row.cells[i]),
          lineCount: previous.lineCount + 1,
        };
        continue;
      }
      // The tail of a wrapped label under its figures: "Basic earnings per" / "share".
      if (prevFilled.length > 0 && filled.length === 0 && row.label && previous.label && !row.bulleted &&
          (startsLowercase(row.label) || endsInConnector(previous.label)) && !headsNextRow(row, rows[index + 1])) {
        out[out.length - 1] = { ...previous, label: `${previous.label} ${row.label}`, lineCount: previous.lineCount + 1 };
        continue;
      }
    }
    out.push(row);
  }
  return out;
}
