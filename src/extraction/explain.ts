// `fde extract --explain`: per statement type, the candidates location scored (with the weight terms that made
// each score), why the winner won, the columns with the period each was given and why, and the checks.
import type { ConsideredCandidate, PickedStatement } from './pick.js';
import type { ScoreTerm } from './locate/weights.js';
import type { ExtractedStatement, StatementType } from './types.js';
import { judgeStatement } from './verdict.js';

export interface CandidateExplanation {
  pages: number[];
  title: string;
  score: number;
  terms: ScoreTerm[];
  checkTerms: ScoreTerm[];
  total: number;
  note?: string;
}

export interface StatementExplanation {
  type: StatementType;
  /** pages of the winner, null when nothing was picked */
  picked: number[] | null;
  reason: string;
  candidates: CandidateExplanation[];
}

export type Explanation = StatementExplanation[];

export function explainPicks(picks: PickedStatement<unknown>[]): Explanation {
  return picks.map((p) => ({
    type: p.type,
    picked: p.candidate.section.pages,
    reason: p.reason,
    candidates: p.considered.map(describe),
  }));
}

function describe(c: ConsideredCandidate): CandidateExplanation {
  return {
    pages: c.candidate.section.pages,
    title: c.candidate.section.title,
    score: c.candidate.score,
    terms: c.candidate.terms,
    checkTerms: c.checkTerms,
    total: c.total,
    ...(c.note ? { note: c.note } : {}),
  };
}

const terms = (list: ScoreTerm[]) =>
  list.map((t) => `${t.term}${t.count !== undefined ? ` x${t.count}` : ''} ${t.points >= 0 ? '+' : ''}${t.points}`).join(', ');

/** The explanation as text, one block per statement type, with the built statement's columns and checks. */
export function renderExplanation(explanation: Explanation, statements: ExtractedStatement[]): string {
  const out: string[] = [];
  // A provider that does not explain its location (the LLM's) still shows its statements' columns and checks.
  const unexplained = statements.filter((s) => !explanation.some((e) => e.type === s.type));
  const entries: StatementExplanation[] = [
    ...explanation,
    ...unexplained.map((s) => ({ type: s.type, picked: s.pages, reason: 'the provider did not report how it located this statement', candidates: [] })),
  ];
  for (const e of entries) {
    const s = statements.find((x) => x.type === e.type);
    out.push(`== ${e.type}: ${s ? `"${s.title}" pages ${s.pages.join(', ')}` : 'not found'}`);
    out.push(`why: ${e.reason}`);
    out.push('candidates:');
    for (const c of e.candidates) {
      const mark = e.picked && c.pages.join() === e.picked.join() ? '*' : ' ';
      out.push(` ${mark} pages ${c.pages.join(', ')} "${c.title.slice(0, 70)}": ${c.total}${c.note ? ` (${c.note})` : ''}`);
      out.push(`      location ${c.score} = ${terms(c.terms)}`);
      if (c.checkTerms.length > 0) out.push(`      checks ${terms(c.checkTerms)}`);
    }
    if (!s) continue;
    out.push(`columns (unit ${s.unit}, currency ${s.currency ?? 'not stated'}):`);
    s.columns.forEach((c, i) => {
      const kind = (c as { kind?: string }).kind ?? 'reported';
      const period = c.periodMonths === null ? `instant ${c.periodEnd ?? c.fiscalYear}` : `${c.periodMonths} months to ${c.periodEnd ?? `FY${c.fiscalYear}`}`;
      out.push(`  ${i + 1}. "${c.label}": ${period}, ${kind}${c.reasons?.length ? ` (${c.reasons.join('; ')})` : ''}`);
    });
    const judged = judgeStatement(s);
    out.push(`verdict: ${s.verdict ?? judged.verdict} (${judged.why})`);
    out.push('checks:');
    if (s.checks.length === 0) out.push('  none could run');
    for (const c of s.checks) {
      out.push(`  ${c.passed ? 'ok  ' : 'FAIL'} column ${c.column + 1}: ${c.name}: expected ${c.expected}, actual ${c.actual}`);
    }
    out.push('');
  }
  return `${out.join('\n')}\n`;
}
