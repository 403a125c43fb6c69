// Ratio columns: an income statement may print beside each period its lines as a share of sales ("Percent to
// Sales", "% of revenue", "in %"). Such a column reports no period and no amount; like a Notes column it is
// dropped before periods are read, so it can neither borrow a neighbour's period nor be taken for one. So is a
// column of changes between two periods.
import { findYear } from './periods.js';
import type { ColumnHeaders } from './headers.js';
import type { TableRow } from './table.js';

const RATIO_HEADER = /^(%|in %|percent(age)?|per ?cent|as a? ?% of .*|% (of|to) .*|percent(age)? (of|to) .*|per ?cent (of|to) .*|ratio to .*|in % (of|der|du|van) .*|% (du|des|der|van|av) .*)$/i;

// A change column ("Change", "Increase/(decrease)", "Variance", "Veränderung") compares two periods; it is none.
const CHANGE_HEADER = /^(\$ |€ |£ )?(change|changes|variance|var\.?|increase ?\/ ?\(?decrease\)?|\(?decrease\)? ?\/ ?increase|difference|δ|delta|veränderung|abweichung|variation|écart|verschil|mutatie|förändring|variación|variazione|diff\.?)( in (%|amount|\$|€|£))?( %)?$/i;

/** Whether the column's own header names a ratio and no period. */
export function isRatioColumn(own: string): boolean {
  const text = own.trim().replace(/\s+/g, ' ');
  return RATIO_HEADER.test(text) && findYear(text) === null;
}

/** Whether the column's own header names a change between periods ("Change", "Variance") and no period. */
export function isChangeColumn(own: string): boolean {
  const text = own.trim().replace(/\s+/g, ' ');
  return CHANGE_HEADER.test(text) && findYear(text) === null;
}

/** The headers and rows without their ratio and change columns (unchanged when there are none, or when every column is one). */
export function dropRatioColumns(headers: ColumnHeaders, rows: TableRow[]): { headers: ColumnHeaders; rows: TableRow[] } {
  const keep = headers.columns.map((h) => !isRatioColumn(h.own) && !isChangeColumn(h.own));
  if (keep.every(Boolean) || !keep.some(Boolean)) return { headers, rows };
  return {
    headers: { ...headers, columns: headers.columns.filter((_, i) => keep[i]) },
    rows: rows.map((r) => ({ ...r, cells: r.cells.filter((_, i) => keep[i]) })),
  };
}
