// Candidate scoring: each section scored as each statement type from its title, its vocabulary and its density
// of figures, every point a named term of LOCATE_WEIGHTS.
import { TAXONOMY, normaliseLabel } from '../concepts/taxonomy.js';
import { findYear } from '../layout/periods.js';
import { splitLine } from '../layout/table.js';
import { detectNumberStyle } from '../numbers.js';
import { STATEMENT_TYPES, type StatementType } from '../types.js';
import type { Section } from './sections.js';
import { LOCATE_WEIGHTS as W, sumTerms, type LocateWeight, type ScoreTerm } from './weights.js';

const VOCABULARY = new Map<StatementType, RegExp[]>();
for (const c of TAXONOMY) {
  const list = VOCABULARY.get(c.statement) ?? [];
  list.push(...c.patterns);
  VOCABULARY.set(c.statement, list);
}

// Title words of tables that repeat statement figures without being the statement.
const SUMMARY_TITLE = /\b(summary|selected|highlights|five.year|ten.year|historical|segments?|key figures|översikt|flerårsöversikt|mehrjahres\w*|kennzahlen|meerjarenoverzicht|kerncijfers|chiffres clés)\b/;
const CONDENSED_TITLE = /\b(condensed|abridged|summari[sz]ed|verkürzt\w*|i sammandrag|sammandrag|résumé|beknopt\w*|verkort\w*)\b/;
const PARENT_TITLE = /parent company|moderbolag|mutterunternehmen|société mère|moedermaatschappij|enkelvoudig\w*|company only|company-only|separate financial|standalone|registrant|schedule i\b|^company\b|\bcompany (balance sheet|statement|income|cash)|\bag\b.*\bhgb\b|jahresabschluss der/;
const GROUP_TITLE = /consolidated|\bgroup\b|konzern|koncern|consolidé|geconsolideerd/;
const COMPREHENSIVE_TITLE = /comprehensive|totalresultat|gesamtergebnis|résultat global/;

export interface Candidate {
  type: StatementType;
  section: Section;
  score: number;
  /** the named weights that made the score, for --explain */
  terms: ScoreTerm[];
  /** latest year printed in the section's header */
  maxYear: number | null;
}

/** Scores a section as a candidate for each statement type (one pass over its lines). */
export function scoreSection(section: Section): Candidate[] {
  const style = detectNumberStyle(section.lines.flatMap((l) => l.phrases.map((p) => p.text)));
  let rowsWithFigures = 0;
  let prose = 0;
  const vocabulary = new Map<StatementType, number>(STATEMENT_TYPES.map((t) => [t, 0]));
  const yearsInHeader: number[] = [];
  let seenFigures = false;
  for (const line of section.lines) {
    const row = splitLine(line, style);
    const figures = row.cells.filter((c) => c.amount.value !== null && !/^(19|20)\d\d$/.test(c.text.trim()));
    if (figures.length > 0) {
      rowsWithFigures++;
      seenFigures = true;
    } else if (!seenFigures) {
      for (const m of line.text.matchAll(/\b(19[5-9]\d|20\d\d)\b/g)) yearsInHeader.push(Number(m[1]));
    }
    const label = normaliseLabel(row.label.map((p) => p.text).join(' '));
    if (label.split(' ').length > 25) prose++;
    if (!label || label.length > 120) continue;
    for (const type of STATEMENT_TYPES) {
      if (VOCABULARY.get(type)!.some((re) => re.test(label))) vocabulary.set(type, vocabulary.get(type)! + 1);
    }
  }
  const title = section.title.toLowerCase();
  const maxYear = yearsInHeader.length > 0 ? Math.max(...yearsInHeader) : findYear(section.title);
  const manyYears = new Set(yearsInHeader).size >= 5;
  return STATEMENT_TYPES.map((type) => {
    const terms: ScoreTerm[] = [];
    const add = (term: LocateWeight, count = 1) => {
      if (count !== 0) terms.push({ term, points: W[term] * count, ...(count !== 1 ? { count } : {}) });
    };
    const own = vocabulary.get(type)!;
    const foreign = STATEMENT_TYPES.filter((t) => t !== type).reduce((n, t) => n + vocabulary.get(t)!, 0);
    add('ownVocabularyLine', own);
    add('foreignVocabularyLine', foreign);
    add('figureRow', Math.min(rowsWithFigures, W.figureRowsCap));
    add('proseLine', prose);
    if (section.kind === type) add('titleNamesType');
    else if (section.untitled) add('untitledPage');
    else if (section.kind === 'OTHER') add('titleNamesOtherStatement');
    else add('titleNamesOtherType');
    if (rowsWithFigures < W.minimumFigureRows) add('tooFewFigureRows');
    if (type === 'INCOME_STATEMENT' && COMPREHENSIVE_TITLE.test(title)) add('comprehensiveIncomeTitle');
    if (SUMMARY_TITLE.test(title)) add('summaryTitle');
    if (CONDENSED_TITLE.test(title)) add('condensedTitle');
    if (PARENT_TITLE.test(title)) add('parentCompanyTitle');
    else if (GROUP_TITLE.test(title)) add('consolidatedTitle');
    if (manyYears) add('manyYearsInHeader');
    return { type, section, score: sumTerms(terms), terms, maxYear };
  });
}
