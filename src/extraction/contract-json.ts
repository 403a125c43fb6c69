// The CLI contract's JSON (shared/contracts/extraction-output.md). Decimal strings are written as JSON number
// literals verbatim, so no figure ever passes through a float. Only the contract's fields are printed (scale and a
// check's difference and lines stay in the in-process API), plus two additive ones: `provider`, and per line `facts` (each value's tagged
// XBRL fact) when the provider has them.
import type { ExtractionOutput } from './types.js';

export function toContractDocument(output: ExtractionOutput) {
  return {
    schemaVersion: output.schemaVersion,
    source: output.source,
    provider: output.provider,
    statements: output.statements.map((s) => ({
      type: s.type,
      title: s.title,
      pages: s.pages,
      currency: s.currency,
      unit: s.unit,
      columns: s.columns.map((c) => ({
        label: c.label,
        fiscalYear: c.fiscalYear,
        periodEnd: c.periodEnd,
        periodMonths: c.periodMonths,
        kind: c.kind ?? 'reported',
        ...(c.currency ? { currency: c.currency } : {}),
      })),
      verdict: s.verdict ?? 'unverified',
      checks: s.checks.map((c) => ({ name: c.name, column: c.column, passed: c.passed, expected: c.expected, actual: c.actual })),
      lineItems: s.lineItems.map((l) => ({
        label: l.label,
        concept: l.concept,
        values: l.values.map((v) => (v === null ? null : new RawNumber(v))),
        page: l.page,
        level: l.level,
        isTotal: l.isTotal,
        ...(l.facts ? { facts: l.facts } : {}),
      })),
    })),
  };
}

class RawNumber {
  constructor(readonly literal: string) {
    if (!/^-?\d+(\.\d+)?$/.test(literal)) throw new Error(`not a decimal: ${literal}`);
  }
}

/** JSON.stringify, except that RawNumber values come out as their exact literal. */
export function stringifyContract(output: ExtractionOutput, indent = 2): string {
  const marks: string[] = [];
  const json = JSON.stringify(
    toContractDocument(output),
    (_key, value) => {
      if (value instanceof RawNumber) {
        marks.push(value.literal);
        return `\u0000${marks.length - 1}\u0000`;
      }
      return value;
    },
    indent,
  );
  return json.replace(/"\\u0000(\d+)\\u0000"/g, (_m, i) => marks[Number(i)]);
}
