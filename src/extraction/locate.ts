// Stage 3, locate: where each primary statement is printed. The report is cut at statement titles
// (locate/titles.ts, locate/sections.ts), pages no title claims are added as fallbacks, and every section is
// scored as every statement type with the one weights table (locate/score.ts, locate/weights.ts).
import type { Line } from './layout/lines.js';
import { scoreSection } from './locate/score.js';
import { findSections, untitledPages, withContinuation, type Section } from './locate/sections.js';
import { LOCATE_WEIGHTS as W, type ScoreTerm } from './locate/weights.js';
import type { StatementType } from './types.js';
import { titleStem } from './locate/titles.js';

export { findSections, type Section } from './locate/sections.js';
export { isFigure, matchTitle, type TitleMatch } from './locate/titles.js';
export { scoreSection, type Candidate } from './locate/score.js';

export interface StatementCandidate {
  type: StatementType;
  score: number;
  terms: ScoreTerm[];
  /** the section as found under its title */
  titledSection: Section;
  /** the same with continuation pages joined: what the statement is read from */
  section: Section;
}

/**
 * Every section scored as each statement type, best first, above the minimum score. The pick stage builds the
 * best few per type and chooses among them; it never takes one section for two types.
 */
export function locateStatementCandidates(pageLines: Line[][]): StatementCandidate[] {
  const titledSections = findSections(pageLines);
  const sections = [...titledSections, ...untitledPages(pageLines, titledSections)];
  // A section is scored as the whole statement it belongs to (continuation pages joined); the parts of one
  // statement give one candidate.
  const seen = new Set<string>();
  const candidates = sections.flatMap((titled) => {
    const section = withContinuation(titled, titledSections);
    const key = `${section.pages.join(',')}|${section.lines[0]?.y}`;
    if (seen.has(key)) return [];
    seen.add(key);
    return scoreSection(section).map((c) => ({ ...c, titledSection: titled }));
  });
  // Prior-year statements appended to a filing repeat the current one's title with older years.
  const latestByTitle = new Map<string, number>();
  for (const c of candidates) {
    if (c.section.kind !== c.type || !c.maxYear) continue;
    const key = `${c.type} ${titleStem(c.section.title)}`;
    latestByTitle.set(key, Math.max(latestByTitle.get(key) ?? 0, c.maxYear));
  }
  for (const c of candidates) {
    const latest = latestByTitle.get(`${c.type} ${titleStem(c.section.title)}`);
    if (c.section.kind === c.type && c.maxYear && latest && c.maxYear < latest) {
      c.terms.push({ term: 'priorYear', points: W.priorYear });
      c.score += W.priorYear;
    }
  }
  return candidates
    .filter((c) => c.score >= W.minimumScore)
    .sort((a, b) => b.score - a.score)
    .map((c) => ({ type: c.type, score: c.score, terms: c.terms, titledSection: c.titledSection, section: c.section }));
}
