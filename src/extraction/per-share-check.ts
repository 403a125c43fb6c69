// Earnings per share against profit and share count: EPS = profit / weighted shares, to the last printed digit of
// the EPS, with one power-of-ten scale between the two (thousands of shares, millions of profit) that must hold
// in every column. It proves the share count, which no sum can. Only a reading that holds is reported: EPS on
// profit attributable to owners need not match the group's profit.
import { Decimal } from 'decimal.js';
import type { Check, ExtractedLine } from './types.js';

const SCALES = [-6, -3, 0, 3, 6, 9].map((k) => new Decimal(10).pow(k));

export function perShareChecks(statement: { columns: unknown[]; lineItems: ExtractedLine[] }): Check[] {
  const lines = statement.lineItems;
  const columns = statement.columns.map((_, c) => c);
  const firstPerShare = lines.findIndex((l) => l.perShare);
  if (firstPerShare < 0) return [];
  const full = (i: number) => columns.every((c) => lines[i].values[c] != null && !new Decimal(lines[i].values[c]!).isZero());
  const profits = lines.flatMap((l, i) => (i < firstPerShare && !l.perShare && full(i) ? [i] : [])).reverse();
  const shares = lines.flatMap((l, i) => (i > firstPerShare && !l.perShare && full(i) && columns.every((c) => !l.values[c]!.startsWith('-')) ? [i] : []));
  const checks: Check[] = [];
  for (const [e, eps] of lines.entries()) {
    if (!eps.perShare || !full(e)) continue;
    const decimals = Math.max(...columns.map((c) => (eps.values[c]!.split('.')[1] ?? '').length));
    const tolerance = new Decimal(10).pow(-decimals);
    const match = profits.flatMap((p) => shares.flatMap((s) => SCALES.map((scale) => ({ p, s, scale })))).find(({ p, s, scale }) =>
      columns.every((c) => new Decimal(lines[p].values[c]!).div(new Decimal(lines[s].values[c]!).times(scale)).minus(eps.values[c]!).abs().lessThanOrEqualTo(tolerance)),
    );
    if (!match) continue;
    for (const c of columns) {
      const ratio = new Decimal(lines[match.p].values[c]!).div(new Decimal(lines[match.s].values[c]!).times(match.scale));
      checks.push({
        name: `per share: ${eps.label} = ${lines[match.p].label} / ${lines[match.s].label}`,
        column: c,
        expected: new Decimal(eps.values[c]!).toFixed(),
        actual: ratio.toDecimalPlaces(decimals).toFixed(),
        difference: ratio.toDecimalPlaces(decimals).minus(eps.values[c]!).toFixed(),
        passed: true,
        lines: [e, match.p, match.s],
      });
    }
  }
  return checks;
}
