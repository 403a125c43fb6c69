// The extraction engine: from a report's bytes to checked primary statements. No GraphQL, no database: the
// services layer calls these. The stages, in order (each a module with one input and one output):
//
//   1. read               pdf/read-pdf.ts        bytes -> PdfDocument (text runs with positions, per page)
//   2. lines and tables   layout/lines.ts        page -> printed lines and phrases; running headers/footers dropped
//                         layout/table.ts        a section's lines -> labelled rows with one cell per column
//   3. locate             locate.ts              pages -> candidates: statement titles (locate/titles.ts), sections
//                                                cut at them (locate/sections.ts), each scored as each statement
//                                                type with the one weights table (locate/score.ts, weights.ts)
//   4. pick               pick.ts                candidates -> one per type, by location score plus the checks
//                                                of the built candidate; the LLM provider picks by score alone
//   5. columns, periods   layout/headers.ts      header lines -> each column's period, kind and the reasons
//   6. build statement    build-statement.ts     section -> ExtractedStatement: rows, unit, currency, and the
//                                                concept of each line (concepts/map-concepts.ts, shared with llm/)
//   7. checks, verdict    checks.ts, verdict.ts  the one arithmetic engine (also used by compilation) and the
//                                                statement's verdict: verified | unverified | inconsistent
//
// layout-extractor.ts runs stages 2-7 for the offline provider; llm/ replaces stages 5-6 with a model's reading
// of the picked pages and runs stage 7 on its answer. explain.ts renders stages 3-7 for `fde extract --explain`.
export { readPdf } from './pdf/read-pdf.js';
export { extractStatements, type ExtractStatementsOptions } from './extract-statements.js';
export { LayoutStatementExtractor } from './layout-extractor.js';
export { locateStatementCandidates, type StatementCandidate } from './locate.js';
export { pickStatements, type PickedStatement } from './pick.js';
export { runChecks, IDENTITY_RULES, type Rule } from './checks.js';
export { judgeStatement } from './verdict.js';
export { renderExplanation, type Explanation, type StatementExplanation } from './explain.js';
export { LOCATE_WEIGHTS } from './locate/weights.js';
export { listConcepts, TAXONOMY, type ConceptDefinition } from './concepts/taxonomy.js';
export { matchConcept } from './concepts/map-concepts.js';
export { parseAmount } from './numbers.js';
export { stringifyContract, toContractDocument } from './contract-json.js';
export {
  compareWithTaggedFacts,
  detectDocumentFormat,
  extractXbrlStatements,
  readXbrlReport,
  statementsOfReport,
  XBRL_PROVIDER,
  type Agreement,
  type AgreementDifference,
  type DocumentFormat,
  type StatementAgreement,
  type ReadXbrlOptions,
  type XbrlContext,
  type XbrlFact,
  type XbrlMeta,
  type XbrlProblem,
  type XbrlReport,
  type XbrlUnit,
} from './xbrl/index.js';
export type {
  Check,
  DecimalString,
  ExtractedColumn,
  ExtractedLine,
  ExtractedStatement,
  ExtractionOutput,
  ExtractionProgress,
  FactReference,
  ExtractOptions,
  PdfDocument,
  PdfPage,
  StatementExtractor,
  StatementType,
  TextItem,
  Unit,
  Verdict,
} from './types.js';
