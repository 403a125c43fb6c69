// "Of which" lines: a part of the line above printed beneath it ("of which: related parties", "davon …", "dont …").
// It is no addend of the subtotal below (its figure is already inside the line above), and the arithmetic it can
// be held to is that it lies within that line: same sign, no larger. Only a breakdown that holds is reported.
import { Decimal } from 'decimal.js';
import type { Check, ExtractedLine } from './types.js';

const BREAKDOWN = /^[\s\-–—•(]*(of which|whereof|thereof|hereof|davon|darunter|hiervon|dont|de los cuales|de las cuales|del cual|de la cual|di cui|waarvan|varav|heraf|hvorav|josta)\b/i;

export function isBreakdownLine(line: Pick<ExtractedLine, 'label'>): boolean {
  return BREAKDOWN.test(line.label);
}

export function breakdownChecks(statement: { columns: unknown[]; lineItems: ExtractedLine[] }): Check[] {
  const lines = statement.lineItems;
  const checks: Check[] = [];
  lines.forEach((line, index) => {
    if (!isBreakdownLine(line) || line.perShare) return;
    let parent = index - 1;
    while (parent >= 0 && isBreakdownLine(lines[parent])) parent--;
    if (parent < 0 || lines[parent].perShare) return;
    const columns = statement.columns.map((_, c) => c).filter((c) => line.values[c] != null);
    const within = (c: number) => {
      const part = new Decimal(line.values[c]!);
      const whole = new Decimal(lines[parent].values[c] ?? 0);
      return part.isZero() || (part.isNegative() === whole.isNegative() && part.abs().lessThanOrEqualTo(whole.abs()));
    };
    if (columns.length === 0 || !columns.every(within)) return;
    for (const c of columns) {
      const [part, whole] = [new Decimal(line.values[c]!), new Decimal(lines[parent].values[c] ?? 0)];
      checks.push({ name: `breakdown: ${line.label} within ${lines[parent].label}`, column: c, expected: whole.toFixed(), actual: part.toFixed(), difference: part.minus(whole).toFixed(), passed: true, lines: [index, parent] });
    }
  });
  return checks;
}
