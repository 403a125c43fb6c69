// The inline-XBRL reader and provider: public surface (no GraphQL, no database).
export { detectDocumentFormat } from './detect-format.js';
export { readXbrlReport, type ReadXbrlOptions } from './read-report.js';
export { extractXbrlStatements, statementsOfReport, XBRL_PROVIDER } from './extract-xbrl.js';
export type * from './types.js';
export { compareWithTaggedFacts, type Agreement, type AgreementDifference, type StatementAgreement } from './agreement.js';
