// The result for the period attributed to the owners of the parent and to non-controlling interests: printed as
// both parts under the result (IFRS: owners + NCI = profit) or as the NCI share taken off the result to reach
// the owners' (US: net income - NCI = net income attributable to the company). Either way the two lines are
// pinned by the result; a reading must hold in every column, and only one that holds is reported.
import { Decimal } from 'decimal.js';
import type { Check, ExtractedLine } from './types.js';

const NCI = /non.?controlling|minority|utan bestämmande|nicht beherrschend|ne donnant pas le contrôle|minderheidsbelang|participaciones no dominantes|terzi/i;
const OWNERS =
  /attributable to .*\b(owners?|shareholders|stockholders|equity holders|members|parent|company|group)\b|attributable to (common|ordinary)|hänförligt till moderbolagets|anteilseigner|aktionäre|actionnaires|propriétaires de la société|aandeelhouders|accionistas|dominante|azionisti|capogruppo/i;
/** How far below the result the attribution may be printed (a line or two of headings between). */
const REACH = 6;

export function attributionChecks(statement: { columns: unknown[]; lineItems: ExtractedLine[] }): Check[] {
  const lines = statement.lineItems;
  const result = lines.findIndex((l) => l.concept === 'net_income');
  if (result < 0) return [];
  const near = lines.map((l, i) => ({ l, i })).filter(({ l, i }) => i > result && i <= result + REACH && !l.perShare);
  const nci = near.find(({ l }) => NCI.test(l.label));
  const owners = near.find(({ l }) => OWNERS.test(l.label) && !NCI.test(l.label));
  if (!nci || !owners) return [];
  const columns = statement.columns.map((_, c) => c).filter((c) => [result, nci.i, owners.i].every((i) => lines[i].values[c] != null));
  if (columns.length === 0) return [];
  const value = (i: number, c: number) => new Decimal(lines[i].values[c]!);
  const sign = ([1, -1] as const).find((s) => columns.every((c) => value(owners.i, c).plus(value(nci.i, c).times(s)).equals(value(result, c))));
  if (sign === undefined) return [];
  return columns.map((c) => {
    const actual = value(owners.i, c).plus(value(nci.i, c).times(sign));
    return { name: `attribution: ${lines[owners.i].label} and ${lines[nci.i].label} = ${lines[result].label}`, column: c, expected: value(result, c).toFixed(), actual: actual.toFixed(), difference: '0', passed: true, lines: [result, nci.i, owners.i] };
  });
}
