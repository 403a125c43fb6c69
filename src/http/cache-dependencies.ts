// Which tables each GraphQL type's answers are read from, so a change to one table drops only the cached answers
// that contain a type it backs (src/http/response-cache.ts). Yoga's response cache records the __typename of every
// object in an answer (and the type of every null or empty field), so an answer is dropped when any of its types
// reads the changed table. A type lists every table its own fields read, computed fields included (Company's
// primaryTicker reads Ticker; CompiledStatement's pendingCompilation reads Job); the types its fields return list
// their own. ANY_TABLE: the answer may depend on anything (a lookup miss becomes a hit once the row exists).
// Every composite type of the schema must be listed (tests/api/response-cache.test.ts): a type missing at run time
// is treated as ANY_TABLE, so a new type is safe before it is listed, only cached more coarsely.
import { isCompositeType, type GraphQLSchema } from 'graphql';

/** The tables whose writes are announced on the fde_change channel (prisma/migrations/*_change_notifications). */
export const ANNOUNCED_TABLES = [
  'Company',
  'Ticker',
  'Document',
  'Extraction',
  'ExtractionColumn',
  'ExtractedLine',
  'ExtractedValue',
  'CompiledStatement',
  'CompiledRow',
  'CompiledCell',
  'Job',
  'ApiKey',
] as const;
export type Table = (typeof ANNOUNCED_TABLES)[number];

export const ANY_TABLE = 'any table';
type Reads = readonly Table[] | typeof ANY_TABLE;

const EXTRACTION: Table[] = ['Extraction', 'ExtractionColumn', 'ExtractedLine', 'ExtractedValue'];
const COMPILED: Table[] = ['CompiledStatement', 'CompiledRow', 'CompiledCell'];

export const TYPE_READS: Record<string, Reads> = {
  // The root only holds fields; what they return is recorded with its own type.
  Query: [],
  Mutation: ANY_TABLE,
  Subscription: ANY_TABLE,
  // Relay's node(id)/nodes(ids) answer null for a missing id: the null is recorded as Node.
  Node: ANY_TABLE,
  PageInfo: [],

  Company: ['Company', 'Ticker'],
  CompanyConnection: ['Company', 'Ticker'], // totalCount, and the ticker filter
  CompanyEdge: ['Company', 'Ticker'],
  CompanyResult: ANY_TABLE,
  Ticker: ['Ticker'],

  Document: ['Document'],
  DocumentConnection: ['Document'],
  DocumentEdge: ['Document'],
  DocumentResult: ANY_TABLE,

  // agreement compares with the company's inline-XBRL document of the same year: other documents' extractions.
  Extraction: ['Document', ...EXTRACTION],
  ExtractionResult: ANY_TABLE,
  ExtractionCheck: ['Extraction'],
  StatementColumn: ['ExtractionColumn'],
  ExtractedLine: ['ExtractedLine', 'ExtractedValue', 'ExtractionColumn'],
  XbrlFact: ['ExtractedValue'],
  StatementAgreement: ['Document', ...EXTRACTION],
  AgreementDifference: ['Document', ...EXTRACTION],

  // pendingCompilation: a compiling job queued or running for the company.
  CompiledStatement: [...COMPILED, 'Job'],
  CompiledStatementResult: ANY_TABLE,
  CompiledRow: ['CompiledRow', 'CompiledCell'],
  CompiledCell: ['CompiledCell'],
  CellRevision: ['CompiledCell'],
  // The cited document and extraction may be gone (null) until the next compilation.
  CellSource: ['CompiledCell', 'Document', 'Extraction'],
  CompiledCheck: ['CompiledStatement'],
  CompiledGaps: ['CompiledStatement'],
  RowGap: ['CompiledStatement'],
  CompilationWarning: ['CompiledStatement', 'Document'],
  Financials: COMPILED,
  FinancialYear: COMPILED,

  Job: ['Job'],
  JobConnection: ['Job'],
  JobEdge: ['Job'],
  JobResult: ANY_TABLE,
  JobError: ['Job'],
  JobProgress: ['Job'],

  ApiKey: ['ApiKey'],
  ApiKeyConnection: ['ApiKey'],
  ApiKeyEdge: ['ApiKey'],
};

// Domain errors and mutation payloads: a lookup miss can become a hit after any write; payloads are never cached.
const ANY_TABLE_SUFFIXES = ['Error', 'Payload', 'Result'];

const readsOf = (typeName: string): Reads => TYPE_READS[typeName] ?? ANY_TABLE;

/** Whether the type is listed in TYPE_READS or is an error, payload or result type (ANY_TABLE by name). */
export function isListed(typeName: string): boolean {
  return typeName in TYPE_READS || ANY_TABLE_SUFFIXES.some((s) => typeName.endsWith(s));
}

/** For each announced table, the schema's types whose cached answers a write to it drops. */
export function typesByTable(schema: GraphQLSchema): Map<string, string[]> {
  const byTable = new Map<string, string[]>(ANNOUNCED_TABLES.map((t) => [t, []]));
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__') || !isCompositeType(type)) continue;
    const reads = readsOf(type.name);
    for (const table of ANNOUNCED_TABLES) if (reads === ANY_TABLE || reads.includes(table)) byTable.get(table)!.push(type.name);
  }
  return byTable;
}
