// Public API of the extraction engine. No GraphQL, no database: the services layer calls these.
export { readPdf } from './pdf/read-pdf.js';
export { extractStatements, type ExtractStatementsOptions } from './extract-statements.js';
export { LayoutStatementExtractor } from './layout-extractor.js';
export { locateStatementCandidates, type StatementCandidate } from './locate.js';
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
} from './types.js';
