// Which HTML table is which primary statement. A table is scored per statement type by the canonical keys its
// dimensionless facts map to (the statement's defining totals weigh most) and by the heading printed above it;
// each type takes its best table, and a statement cut across tables (a page break) continues into the next
// table until its closing total appears.
import type { StatementType } from '../types.js';
import { STATEMENT_TYPES } from '../types.js';
import { ANCHOR_KEYS, CLOSING_KEYS, standardConceptKey } from './standard-concepts.js';
import type { HtmlTable, XbrlReport } from './types.js';

export const STATEMENT_TITLES: Record<StatementType, RegExp> = {
  INCOME_STATEMENT: /statements? of (consolidated |condensed |combined )*(operations|income|earnings|profit (or|and) loss|comprehensive (income|loss))|income statements?|profit and loss (account|statement)|statements? of activities/i,
  BALANCE_SHEET: /balance sheets?|statements? of (consolidated |condensed |combined )*financial (position|condition)/i,
  CASH_FLOW_STATEMENT: /statements? of (consolidated |condensed |combined )*cash flows?|cash flows? statements?/i,
};
const NOT_A_FACE_STATEMENT = /parenthetical|\bnotes? to\b|supplemental/i;
/** a table needs at least this many distinct keys of the statement to be taken for it */
const MIN_KEYS = 2;

export interface StatementTables {
  type: StatementType;
  tables: HtmlTable[];
  /** the same statement printed again for other periods (an interim report's quarter and year to date) */
  companions?: { table: HtmlTable; before: boolean }[];
}

/**
 * Face-of-statement facts: valid numbers with contexts that carry no dimensions; printed ones only, unless the
 * statement comes from the linkbase (figures a filer kept in ix:hidden still belong to the statement it presents).
 */
export function faceFacts(report: XbrlReport, includeHidden = false): boolean[] {
  return report.facts.map((f) => {
    const c = report.contexts.get(f.contextRef);
    return f.numeric && (includeHidden || !f.hidden) && !!c && c.dimensions.length === 0 && c.period.kind !== 'forever';
  });
}

export function locateStatementTables(report: XbrlReport): StatementTables[] {
  const face = faceFacts(report);
  const tables = joinRowFragments(report.tables);
  const scored = tables.map((table, index) => ({ table, index, keys: keysOf(report, table, face) }));
  const taken = new Set<number>();
  const picks: { type: StatementType; index: number; score: number }[] = [];
  const candidates = STATEMENT_TYPES.flatMap((type) =>
    scored
      .map((t) => ({ type, index: t.index, score: score(type, t.table, t.keys.get(type)!) }))
      .filter((c) => c.score > 0),
  ).sort((a, b) => b.score - a.score);
  // Greedy by score across types: a table is one statement, the strongest claim wins.
  for (const c of candidates) {
    if (taken.has(c.index) || picks.some((p) => p.type === c.type)) continue;
    picks.push(c);
    taken.add(c.index);
  }
  return STATEMENT_TYPES.flatMap((type) => {
    const pick = picks.find((p) => p.type === type);
    if (!pick) return [];
    const chosen = [tables[pick.index]];
    const keys = new Set(scored[pick.index].keys.get(type));
    // A statement without its closing total continues in the following table(s) of the same document.
    for (let next = pick.index + 1; next < tables.length && next <= pick.index + 2; next++) {
      if (CLOSING_KEYS[type].some((k) => keys.has(k))) break;
      const following = tables[next];
      if (taken.has(next) || following.document !== chosen[0].document) break;
      chosen.push(following);
      taken.add(next);
      for (const k of scored[next].keys.get(type)!) keys.add(k);
    }
    // An interim report may print the quarter and the year to date as two tables of one statement (same heading,
    // same lines, other periods): the other table's periods become further columns of this statement.
    const companions = scored.filter((t) => !taken.has(t.index) && t.table.document === chosen[0].document && isCompanion(report, face, type, chosen[0], t.table, keys, t.keys.get(type)!));
    for (const c of companions) taken.add(c.index);
    return [{ type, tables: chosen, companions: companions.map((c) => ({ table: c.table, before: c.index < pick.index })) }];
  });
}

function isCompanion(report: XbrlReport, face: boolean[], type: StatementType, base: HtmlTable, other: HtmlTable, baseKeys: Set<string>, otherKeys: Set<string>): boolean {
  const title = (t: HtmlTable) => [...t.caption].reverse().find((c) => STATEMENT_TITLES[type].test(c))?.toLowerCase() ?? null;
  if (title(base) === null || title(base) !== title(other)) return false;
  const shared = [...baseKeys].filter((k) => otherKeys.has(k)).length;
  if (shared < 0.6 * baseKeys.size) return false;
  const periods = (t: HtmlTable) => new Set(t.rows.flatMap((r) => r.facts.filter((f) => face[f.fact]).map((f) => {
    const p = report.contexts.get(report.facts[f.fact].contextRef)!.period;
    return `${p.start}|${p.end}`;
  })));
  const mine = periods(base);
  return [...periods(other)].every((p) => !mine.has(p));
}

/**
 * Some accounts software prints every statement line as a table of its own. A table of one or two rows that
 * follows the previous one with at most a section heading or two between them ("CURRENT ASSETS") continues it,
 * so the statement is one table again; a notes page, a paragraph or a statement title between them does not.
 */
function joinRowFragments(tables: HtmlTable[]): HtmlTable[] {
  const joined: HtmlTable[] = [];
  for (const table of tables) {
    const previous = joined.at(-1);
    const between = table.caption;
    const headingsOnly = between.length <= 2 && between.every((text) => text.length <= 60 && !/\bnotes?\b/i.test(text));
    const titled = STATEMENT_TYPES.some((type) => STATEMENT_TITLES[type].test(between.join(' ')));
    if (previous && table.rows.length <= 2 && headingsOnly && !titled && previous.document === table.document) {
      joined[joined.length - 1] = { ...previous, rows: [...previous.rows, ...table.rows] };
    } else joined.push(table);
  }
  return joined;
}
function keysOf(report: XbrlReport, table: HtmlTable, face: boolean[]): Map<StatementType, Set<string>> {
  const keys = new Map<StatementType, Set<string>>(STATEMENT_TYPES.map((t) => [t, new Set<string>()]));
  for (const row of table.rows) {
    for (const f of row.facts) {
      if (!face[f.fact]) continue;
      for (const type of STATEMENT_TYPES) {
        const key = standardConceptKey(type, report.facts[f.fact].concept);
        if (key) keys.get(type)!.add(key);
      }
    }
  }
  return keys;
}

function score(type: StatementType, table: HtmlTable, keys: Set<string>): number {
  const anchors = ANCHOR_KEYS[type].filter((k) => keys.has(k)).length;
  const heading = table.caption.slice(-3).join(' ');
  const titled = STATEMENT_TITLES[type].test(heading) && !NOT_A_FACE_STATEMENT.test(heading);
  if (keys.size < MIN_KEYS || (anchors === 0 && !titled)) return 0;
  return anchors * 10 + keys.size * 2 + (titled ? 15 : 0) + Math.min(table.rows.length, 60) / 10;
}
