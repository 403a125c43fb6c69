// GraphiQL, served whole by this server: its script, styles, editor workers and favicon come from the npm package
// @graphql-yoga/render-graphiql (Yoga's own page loads them from public CDNs: a blank page offline). It opens on
// the example operations of examples/operations.ts, printed from the same typed documents clients import.
import { renderGraphiQL as renderOfflineGraphiQL } from '@graphql-yoga/render-graphiql';
import { print, type DocumentNode } from 'graphql';
import type { GraphiQLOptions } from 'graphql-yoga';
import * as operations from '../../examples/operations.js';

const HEADER = `# Financial Data Extractor: the example operations of
# examples/operations.ts (the typed SDK's documents).
# Pick one with the run button. On a fresh database, in order
# (variables to paste after each name):
#   ListCompanies
#   AddCompany {"input": {"name": "Acme plc"}}
#   UploadReport: multipart, use curl or examples/client.ts
#   StartReportExtraction {"input": {"documentId": "<id>"}}
#   FollowJob {"id": "<job id>"}
#   CompiledStatementTable {"companyId": "<id>", "type": "INCOME_STATEMENT"}
# "npm run demo" uploads and extracts a report for you.
`;

/** Every example operation, printed, in the order of examples/operations.ts. */
export const exampleOperationsDocument: string = [
  HEADER,
  ...Object.values(operations as Record<string, DocumentNode>).map((document) => print(document)),
].join('\n\n');

export const graphiqlOptions: GraphiQLOptions = {
  title: 'Financial Data Extractor',
  defaultQuery: exampleOperationsDocument,
};

// The page inlines ~9 MB of assets: rendered once per set of options, not per request.
const rendered = new Map<string, string>();

export function renderGraphiQL(options: GraphiQLOptions): string {
  const key = JSON.stringify(options);
  let page = rendered.get(key);
  if (page === undefined) {
    page = renderOfflineGraphiQL(options);
    rendered.set(key, page);
  }
  return page;
}
