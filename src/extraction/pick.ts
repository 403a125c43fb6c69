// Stage 4, pick: one located candidate per statement type. The best few candidates of each type are built and
// checked, and the choice goes by the numbers: location score plus the checks that hold, minus the checks that
// fail (a trap page with the same title but condensed or prior-year figures rarely adds up as the statement
// does). No section serves two types. A provider that cannot build cheaply (the LLM) picks by score alone.
import type { StatementCandidate } from './locate.js';
import { familyOf, IDENTITY_RULES } from './checks.js';
import { LOCATE_WEIGHTS as W, sumTerms, type ScoreTerm } from './locate/weights.js';
import { STATEMENT_TYPES, type ExtractedStatement, type StatementType } from './types.js';

/** What the pick stage needs of a built statement: its type, columns and checks. */
type Checked = Pick<ExtractedStatement, 'checks' | 'columns' | 'type'>;

export interface ConsideredCandidate {
  candidate: StatementCandidate;
  /** location score plus the check terms */
  total: number;
  /** the terms the checks added */
  checkTerms: ScoreTerm[];
  /** why it was not built, or not taken */
  note?: string;
}

export interface PickedStatement<S> {
  type: StatementType;
  candidate: StatementCandidate;
  statement: S | null;
  considered: ConsideredCandidate[];
  /** one line on why the winner won */
  reason: string;
}

const sectionKey = (c: StatementCandidate) => `${c.section.pages.join(',')}|${c.section.lines[0]?.y ?? ''}`;

/**
 * Picks one candidate per type. With `build`, the best `candidatesBuilt` of each type are built and their checks
 * scored; the winners are then taken best first so that no section is read as two statements.
 */
export function pickStatements<S extends Checked>(
  candidates: StatementCandidate[],
  build?: (candidate: StatementCandidate) => S | null,
): PickedStatement<S>[] {
  const judged: (ConsideredCandidate & { statement: S | null })[] = [];
  const notBuilt: ConsideredCandidate[] = [];
  for (const type of STATEMENT_TYPES) {
    const ofType = candidates.filter((c) => c.type === type);
    // Only a candidate the checks could lift above the best is worth building.
    const reach = (ofType[0]?.score ?? 0) - W.checkHolds * W.checkHoldsCap;
    const shortlist = build ? ofType.slice(0, W.candidatesBuilt).filter((c, i) => i === 0 || c.score >= reach) : ofType;
    for (const candidate of ofType.slice(0, W.candidatesBuilt).filter((c) => !shortlist.includes(c))) {
      notBuilt.push({ candidate, checkTerms: [], total: candidate.score, note: 'not built: checks could not lift it above the best' });
    }
    for (const candidate of shortlist) {
      const statement = build ? build(candidate) : null;
      const checkTerms = statement ? checkScore(statement) : [];
      judged.push({ candidate, statement, checkTerms, total: candidate.score + sumTerms(checkTerms), note: build && !statement ? 'no table could be read' : undefined });
    }
  }
  judged.sort((a, b) => b.total - a.total);
  const picks = new Map<StatementType, PickedStatement<S>>();
  const taken = new Set<string>();
  const take = (type: StatementType, entry: { candidate: StatementCandidate; statement: S | null }, reason: string) => {
    picks.set(type, { type, candidate: entry.candidate, statement: entry.statement, considered: [], reason });
    taken.add(sectionKey(entry.candidate));
  };
  for (const entry of judged) {
    const { type } = entry.candidate;
    if (picks.has(type) || (build && !entry.statement)) continue;
    if (taken.has(sectionKey(entry.candidate))) {
      entry.note = 'its section is already another statement';
      continue;
    }
    const rivals = [...judged, ...notBuilt].filter((j) => j.candidate.type === type && j !== entry);
    take(type, entry, winnerReason(entry, rivals));
  }
  // A type whose shortlist was all unreadable or taken: the next candidates in score order.
  for (const type of STATEMENT_TYPES) {
    if (picks.has(type) || !build) continue;
    for (const candidate of candidates.filter((c) => c.type === type)) {
      if (taken.has(sectionKey(candidate)) || judged.some((j) => j.candidate === candidate)) continue;
      const statement = build(candidate);
      if (!statement) continue;
      take(type, { candidate, statement }, 'the first readable candidate after the shortlist');
      break;
    }
  }
  for (const pick of picks.values()) pick.considered = [...judged, ...notBuilt].filter((j) => j.candidate.type === pick.type);
  return STATEMENT_TYPES.flatMap((t) => (picks.has(t) ? [picks.get(t)!] : []));
}

/** Check families that hold in every column earn checkHolds each; every failed check costs checkFails. */
export function checkScore(statement: Checked): ScoreTerm[] {
  const families = new Map<string, boolean[]>();
  const family = (name: string) => {
    const rule = IDENTITY_RULES[statement.type].find((r) => r.name === name);
    return rule ? familyOf(rule) : name;
  };
  for (const c of statement.checks) {
    const perColumn = families.get(family(c.name)) ?? statement.columns.map(() => false);
    if (c.passed) perColumn[c.column] = true;
    families.set(family(c.name), perColumn);
  }
  const holds = Math.min(W.checkHoldsCap, [...families.values()].filter((cols) => cols.every(Boolean)).length);
  const fails = statement.checks.filter((c) => !c.passed).length;
  const terms: ScoreTerm[] = [];
  if (holds > 0) terms.push({ term: 'checkHolds', points: holds * W.checkHolds, count: holds });
  if (fails > 0) terms.push({ term: 'checkFails', points: fails * W.checkFails, count: fails });
  return terms;
}

function winnerReason(winner: ConsideredCandidate, rivals: ConsideredCandidate[]): string {
  const next = rivals.filter((r) => !r.note).sort((a, b) => b.total - a.total)[0];
  const unbuilt = rivals.filter((r) => r.note?.startsWith('not built')).length;
  const own = `score ${winner.total} (location ${winner.candidate.score}${winner.checkTerms.map((t) => `, ${t.term} ${t.points > 0 ? '+' : ''}${t.points}`).join('')})`;
  if (!next) return `${own}; ${unbuilt > 0 ? `the next ${unbuilt} scored too low for checks to lift them` : 'no other candidate'}`;
  const pages = next.candidate.section.pages;
  return `${own} against ${next.total} for pages ${pages[0]}${pages.length > 1 ? `-${pages[pages.length - 1]}` : ''}`;
}
