// The public operations a frontend needs: `npm run codegen` turns each graphql(`...`) below into a TypedDocumentNode
// of the SDK package (sdk/: `ListCompaniesDocument`, …, result and variable types included). Only the operations
// here are shipped to clients; GraphiQL opens on them (src/http/graphiql.ts); examples/client.ts sends them.
import { graphql } from '../sdk/src/generated/index.js';

/** The catalogue, a page at a time; `search` matches names, `ticker` a listing ("AZN" or "LSE:AZN"). */
export const ListCompanies = graphql(`
  query ListCompanies($first: Int = 20, $after: String, $search: String, $ticker: String) {
    companies(first: $first, after: $after, search: $search, ticker: $ticker) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { id name country primaryTicker tickers { ticker exchange } } }
    }
  }
`);

/** One company with its documents, newest fiscal year first, and what has been extracted from each. */
export const CompanyWithDocuments = graphql(`
  query CompanyWithDocuments($id: ID!, $first: Int = 20) {
    company(id: $id) {
      __typename
      ... on Company {
        id
        name
        primaryTicker
        irUrl
        tickers { ticker exchange isPrimary }
        documents(first: $first) {
          totalCount
          edges {
            node {
              id
              fiscalYear
              kind
              title
              pageCount
              status
              downloadUrl
              income: latestExtraction(type: INCOME_STATEMENT) { id provider pages unit currency }
              balanceSheet: latestExtraction(type: BALANCE_SHEET) { id provider pages unit currency }
              cashFlow: latestExtraction(type: CASH_FLOW_STATEMENT) { id provider pages unit currency }
            }
          }
        }
      }
      ... on NotFoundError { message }
    }
  }
`);

/** Add a company to the catalogue. */
export const AddCompany = graphql(`
  mutation AddCompany($input: CreateCompanyInput!) {
    createCompany(input: $input) {
      __typename
      ... on CreateCompanyPayload { company { id name primaryTicker } }
      ... on ValidationError { message fieldErrors { path message } }
      ... on Error { message }
    }
  }
`);

/** Upload a PDF (GraphQL multipart request; send the header x-graphql-yoga-csrf: 1). Same bytes: same document. */
export const UploadReport = graphql(`
  mutation UploadReport($input: UploadDocumentInput!) {
    uploadDocument(input: $input) {
      __typename
      ... on UploadDocumentPayload { deduplicated document { id fiscalYear kind title pageCount status } }
      ... on DocumentUnreadableError { message reason }
      ... on ValidationError { message fieldErrors { path message } }
      ... on Error { message }
    }
  }
`);

/** Queue the extraction of a document's three statements; an identical active request returns its job. */
export const StartReportExtraction = graphql(`
  mutation StartReportExtraction($input: StartExtractionInput!) {
    startExtraction(input: $input) {
      __typename
      ... on StartExtractionPayload { existing job { id kind status } }
      ... on Error { message }
    }
  }
`);

/** Queue a compilation of the company's statements (extractions queue one by themselves, a few seconds later). */
export const CompileCompanyStatements = graphql(`
  mutation CompileCompanyStatements($input: CompileStatementsInput!) {
    compileStatements(input: $input) {
      __typename
      ... on CompileStatementsPayload { existing job { id kind status } }
      ... on Error { message }
    }
  }
`);

/** A job now and at every change until it finishes: over SSE (accept: text/event-stream). */
export const FollowJob = graphql(`
  subscription FollowJob($id: ID!) {
    jobProgress(id: $id) {
      id
      kind
      status
      progress { step current total percent }
      error { code message }
      result
    }
  }
`);

/** The same, polled: for clients without SSE. */
export const JobStatus = graphql(`
  query JobStatus($id: ID!) {
    job(id: $id) {
      __typename
      ... on Job { id kind status progress { step current total percent } error { code message } }
      ... on NotFoundError { message }
    }
  }
`);

/** A company's compiled statement: a row per line item, a cell per fiscal year, each cell citing its page. */
export const CompiledStatementTable = graphql(`
  query CompiledStatementTable($companyId: ID!, $type: StatementType!) {
    compiledStatement(companyId: $companyId, type: $type) {
      __typename
      ... on CompiledStatement {
        type
        currency
        unit
        fiscalYears
        updatedAt
        pendingCompilation
        csvUrl
        rows {
          concept
          label
          level
          isTotal
          perShare
          cells { fiscalYear value restated restatedFrom source { page document { id fiscalYear } } }
        }
        checks { name fiscalYear passed difference }
        warnings { code message }
      }
      ... on NotFoundError { message }
    }
  }
`);
