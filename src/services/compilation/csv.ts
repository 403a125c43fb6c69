// A compiled statement as CSV: one row per line, one column per fiscal year (newest first), figures in the unit
// the header row states. Labels that a spreadsheet would run as formulas are defused.
import type { CompiledStatementData } from './types.js';

function field(text: string): string {
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function statementCsv(s: CompiledStatementData): string {
  const unit = `${s.currency ?? 'currency unknown'} ${s.unit}; per-share lines unscaled`;
  const header = [`Line (${unit})`, 'Concept', ...s.fiscalYears.map(String)];
  const lines = [header.map(field).join(',')];
  for (const row of s.rows) {
    const byYear = new Map(row.cells.map((c) => [c.fiscalYear, c.value]));
    // Figures are canonical decimal strings, written as they are (never through a float).
    lines.push([field(row.label), field(row.concept ?? ''), ...s.fiscalYears.map((y) => byYear.get(y) ?? '')].join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}
