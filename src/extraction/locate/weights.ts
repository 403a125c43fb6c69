// The one table of weights that candidate scoring uses. Every term a candidate earns is named here, so
// `fde extract --explain` can show which terms made a score and a reader can tune them in one place.
export const LOCATE_WEIGHTS = {
  /** per labelled line whose wording belongs to the candidate type (revenue lines on an income statement) */
  ownVocabularyLine: 3,
  /** per labelled line whose wording belongs to another statement type */
  foreignVocabularyLine: -1,
  /** per row carrying figures, counted up to figureRowsCap: a statement is a dense table */
  figureRow: 1,
  figureRowsCap: 40,
  /** fewer figure rows than this is no table at all */
  minimumFigureRows: 3,
  tooFewFigureRows: -50,
  /** per line of running prose (more than 25 words): narrative pages quote statement wording */
  proseLine: -2,
  /** the section's title names this statement type */
  titleNamesType: 15,
  /** the title names another primary statement */
  titleNamesOtherType: -15,
  /** the title names a statement that is not primary (changes in equity, notes) */
  titleNamesOtherStatement: -30,
  /** a page without any title: only its vocabulary speaks for it */
  untitledPage: -12,
  /** "comprehensive income" title as an income-statement candidate: a tie-breaker against the P&L proper */
  comprehensiveIncomeTitle: -3,
  /** summaries, highlights, multi-year overviews, segment tables */
  summaryTitle: -25,
  /** condensed/abridged versions repeated in a management report; the full statement wins when both exist */
  condensedTitle: -5,
  /** the parent company's own statements when the group's are also printed */
  parentCompanyTitle: -6,
  /** the group's statements */
  consolidatedTitle: 2,
  /** five or more distinct years in the header: a multi-year summary */
  manyYearsInHeader: -20,
  /** the header's latest year is older than the report's: prior-year statements appended to a filing */
  priorYear: -12,
  /** candidates below this are not considered at all */
  minimumScore: 10,
  /** per check family that holds in every column when the candidate is built (pick by the numbers) */
  checkHolds: 4,
  /** at most this many holding check families count */
  checkHoldsCap: 4,
  /** per check that fails when the candidate is built */
  checkFails: -6,
  /** how many of the best candidates per type are built and checked before picking (those within checkHolds x
   *  checkHoldsCap of the best) */
  candidatesBuilt: 3,
} as const;

export type LocateWeight = keyof typeof LOCATE_WEIGHTS;

/** One named term of a candidate's score: which weight, how often, and the points it gave. */
export interface ScoreTerm {
  term: LocateWeight;
  points: number;
  /** how many lines or checks the term counted, for per-line weights */
  count?: number;
}

export const sumTerms = (terms: ScoreTerm[]): number => terms.reduce((n, t) => n + t.points, 0);
