// The statement viewer's operations (web/ sends exactly these typed documents; so can any client: the SDK
// package exports them). With examples/operations.ts (AddCompany, UploadReport,
// StartReportExtraction, CompileCompanyStatements, FollowJob) they are everything the app asks of the API. Kept
// apart from those so GraphiQL's default document (every operation of examples/operations.ts, sent whole with each
// run) stays under the server's token limit. Page sizes are variables: the cost limit multiplies a literal
// `first: N` into a query's cost.
import { graphql } from '../sdk/src/generated/index.js';

/** The catalogue page: listings, how many documents and which fiscal years they cover. */
export const CompanyCatalogue = graphql(`
  query CompanyCatalogue($search: String, $first: Int = 50, $after: String, $documentsEach: Int = 50) {
    companies(first: $first, after: $after, search: $search) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges {
        node {
          id name country irUrl
          tickers { ticker exchange isPrimary }
          documents(first: $documentsEach) { totalCount edges { node { id fiscalYear } } }
        }
      }
    }
  }
`);

/** A company page: its documents with each statement's latest extraction and how its checks came out. */
export const CompanyOverview = graphql(`
  query CompanyOverview($id: ID!, $documents: Int = 100) {
    company(id: $id) {
      __typename
      ... on Company {
        id name country irUrl lei cik
        tickers { ticker exchange isPrimary }
        documents(first: $documents) {
          totalCount
          edges {
            node {
              id fiscalYear kind format title pageCount status downloadUrl sourceUrl byteSize createdAt
              income: latestExtraction(type: INCOME_STATEMENT) { ...ExtractionSummary }
              balanceSheet: latestExtraction(type: BALANCE_SHEET) { ...ExtractionSummary }
              cashFlow: latestExtraction(type: CASH_FLOW_STATEMENT) { ...ExtractionSummary }
            }
          }
        }
      }
      ... on NotFoundError { message }
    }
  }
  fragment ExtractionSummary on Extraction {
    id statementType provider verdict pages unit currency createdAt
    checks { name passed }
    agreement { agreeing compared }
  }
`);

/** Edit a company's name, country, investor-relations page or listings. */
export const EditCompany = graphql(`
  mutation EditCompany($input: UpdateCompanyInput!) {
    updateCompany(input: $input) {
      __typename
      ... on UpdateCompanyPayload { company { id name country irUrl lei cik tickers { ticker exchange isPrimary } } }
      ... on ValidationError { message fieldErrors { path message } }
      ... on Error { message }
    }
  }
`);

/** Fetch a report from a public URL into the company's documents. */
export const AddReportFromUrl = graphql(`
  mutation AddReportFromUrl($input: AddDocumentFromUrlInput!) {
    addDocumentFromUrl(input: $input) {
      __typename
      ... on AddDocumentFromUrlPayload { deduplicated document { id fiscalYear kind title pageCount status } }
      ... on FetchError { message failure status }
      ... on ValidationError { message fieldErrors { path message } }
      ... on Error { message }
    }
  }
`);

/** Scan the company's investor-relations page for reports (a job). */
export const DiscoverReports = graphql(`
  mutation DiscoverReports($input: DiscoverDocumentsInput!) {
    discoverDocuments(input: $input) {
      __typename
      ... on DiscoverDocumentsPayload { existing job { id kind status } }
      ... on ValidationError { message fieldErrors { path message } }
      ... on Error { message }
    }
  }
`);

/** Recent jobs, newest first, optionally of one company, status or kind. */
export const RecentJobs = graphql(`
  query RecentJobs($first: Int = 50, $status: JobStatus, $kind: JobKind, $companyId: ID) {
    jobs(first: $first, status: $status, kind: $kind, companyId: $companyId) {
      totalCount
      edges {
        node {
          id kind status attempts maxAttempts createdAt startedAt finishedAt
          progress { step current total percent }
          error { code message }
          company { id name }
          document { id fiscalYear title }
          subjectLabel
        }
      }
    }
  }
`);

/** Cancel a queued or running job. */
export const CancelJobRun = graphql(`
  mutation CancelJobRun($input: CancelJobInput!) {
    cancelJob(input: $input) {
      __typename
      ... on CancelJobPayload { job { id status } }
      ... on Error { message }
    }
  }
`);

/** Run a failed or cancelled job again, as a new job. */
export const RetryJobRun = graphql(`
  mutation RetryJobRun($input: RetryJobInput!) {
    retryJob(input: $input) {
      __typename
      ... on RetryJobPayload { job { id kind status } }
      ... on Error { message }
    }
  }
`);

/** A compiled statement with every cell's source page and the figures it superseded (restatements). */
export const StatementWithSources = graphql(`
  query StatementWithSources($companyId: ID!, $type: StatementType!) {
    company(id: $companyId) {
      __typename
      ... on Company { id name }
      ... on NotFoundError { message }
    }
    compiledStatement(companyId: $companyId, type: $type) {
      __typename
      ... on CompiledStatement {
        type currency unit fiscalYears updatedAt csvUrl
        rows {
          concept label level isTotal perShare
          cells {
            fiscalYear value restated restatedFrom
            source { page provider verdict document { id fiscalYear title format downloadUrl } }
            history { value reportFiscalYear source { page document { id fiscalYear title } } }
          }
        }
        checks { name fiscalYear expected actual difference passed }
        warnings { code message }
      }
      ... on NotFoundError { message }
    }
  }
`);

/** Correct a document's fiscal year, kind or title (e.g. when its classification from content was wrong). */
export const EditDocument = graphql(`
  mutation EditDocument($input: UpdateDocumentInput!) {
    updateDocument(input: $input) {
      __typename
      ... on UpdateDocumentPayload { document { id fiscalYear kind title } }
      ... on ValidationError { message fieldErrors { path message } }
      ... on Error { message }
    }
  }
`);

/** Remove a document with its extractions and stored file. */
export const RemoveDocument = graphql(`
  mutation RemoveDocument($input: DeleteDocumentInput!) {
    deleteDocument(input: $input) {
      __typename
      ... on DeleteDocumentPayload { deletedId }
      ... on Error { message }
    }
  }
`);
