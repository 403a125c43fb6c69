/* eslint-disable */
import * as types from './graphql.js';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query Companies($first: Int, $after: String, $search: String, $ticker: String) {\n    companies(first: $first, after: $after, search: $search, ticker: $ticker) {\n      totalCount\n      pageInfo { hasNextPage hasPreviousPage endCursor startCursor }\n      edges { cursor node { id name primaryTicker irUrl tickers { ticker exchange isPrimary } } }\n    }\n  }\n": typeof types.CompaniesDocument,
    "\n  query Company($id: ID!) {\n    company(id: $id) {\n      __typename\n      ... on Company { id name country tickers { ticker exchange } }\n      ... on NotFoundError { message entity identifier }\n    }\n  }\n": typeof types.CompanyDocument,
    "\n  query CompanyByTicker($ticker: String!) {\n    companyByTicker(ticker: $ticker) {\n      __typename\n      ... on Company { name }\n      ... on Error { message }\n    }\n  }\n": typeof types.CompanyByTickerDocument,
    "\n  query Node($id: ID!, $ids: [ID!]!) {\n    node(id: $id) { __typename id ... on Company { name } }\n    nodes(ids: $ids) { __typename id }\n  }\n": typeof types.NodeDocument,
    "\n  mutation CreateCompany($input: CreateCompanyInput!) {\n    createCompany(input: $input) {\n      __typename\n      ... on CreateCompanyPayload { company { id name country irUrl primaryTicker tickers { ticker exchange isPrimary } } }\n      ... on ValidationError { message fieldErrors { path message } }\n      ... on ConflictError { message }\n    }\n  }\n": typeof types.CreateCompanyDocument,
    "\n  mutation UpdateCompany($input: UpdateCompanyInput!) {\n    updateCompany(input: $input) {\n      __typename\n      ... on UpdateCompanyPayload { company { id name irUrl tickers { ticker exchange } } }\n      ... on ValidationError { fieldErrors { path message } }\n      ... on Error { message }\n    }\n  }\n": typeof types.UpdateCompanyDocument,
    "\n  mutation DeleteCompany($input: DeleteCompanyInput!) {\n    deleteCompany(input: $input) {\n      __typename\n      ... on DeleteCompanyPayload { deletedId }\n      ... on NotFoundError { message }\n    }\n  }\n": typeof types.DeleteCompanyDocument,
    "\n    query CompaniesNested($first: Int!) {\n      companies(first: $first) {\n        edges { node { tickers { ticker } documents(first: 5) { edges { node { id } } } } }\n      }\n    }\n  ": typeof types.CompaniesNestedDocument,
    "\n  mutation CreateCompanyWithIdentifiers($input: CreateCompanyInput!) {\n    createCompany(input: $input) {\n      __typename\n      ... on CreateCompanyPayload { company { id lei cik } }\n      ... on ValidationError { fieldErrors { path message } }\n      ... on ConflictError { message }\n    }\n  }\n": typeof types.CreateCompanyWithIdentifiersDocument,
    "\n  mutation UpdateCompanyIdentifiers($input: UpdateCompanyInput!) {\n    updateCompany(input: $input) {\n      __typename\n      ... on UpdateCompanyPayload { company { lei cik } }\n      ... on ValidationError { fieldErrors { path message } }\n      ... on ConflictError { message }\n    }\n  }\n": typeof types.UpdateCompanyIdentifiersDocument,
    "\n  query CompanyShape($id: ID!) {\n    company(id: $id) { __typename ... on Company { name primaryTicker tickers { ticker exchange } } }\n  }\n": typeof types.CompanyShapeDocument,
    "\n  query TickerShape($ticker: String!) {\n    companyByTicker(ticker: $ticker) { __typename ... on Company { name primaryTicker tickers { ticker } documents(first: 2) { totalCount } } }\n  }\n": typeof types.TickerShapeDocument,
    "\n  query CatalogueShape {\n    companies(first: 10) { edges { node { name primaryTicker tickers { ticker exchange } } } }\n  }\n": typeof types.CatalogueShapeDocument,
    "\n  query CompiledStatement($companyId: ID!, $type: StatementType!) {\n    compiledStatement(companyId: $companyId, type: $type) {\n      __typename\n      ... on CompiledStatement {\n        type currency unit fiscalYears updatedAt csvUrl\n        rows {\n          concept label level isTotal perShare\n          cells {\n            fiscalYear value restated restatedFrom\n            source { page document { id fiscalYear } extraction { id statementType } }\n            history { value reportFiscalYear source { page document { id fiscalYear } } }\n          }\n        }\n        checks { name fiscalYear expected actual difference passed }\n        gaps { missingFiscalYears rowsMissingYears { concept label fiscalYears } }\n        warnings { code currency fiscalYears message }\n      }\n      ... on NotFoundError { message entity identifier }\n    }\n  }\n": typeof types.CompiledStatementDocument,
    "\n  query CompanyFinancials($id: ID!, $years: Int) {\n    company(id: $id) {\n      __typename\n      ... on Company {\n        compiledStatement(type: BALANCE_SHEET) { type fiscalYears rows { concept } }\n        compiledStatements { type unit rows { label } }\n        financials(years: $years) {\n          currency unit\n          years { fiscalYear revenue operatingProfit netIncome totalAssets totalEquity operatingCashFlow }\n        }\n      }\n    }\n  }\n": typeof types.CompanyFinancialsDocument,
    "\n  mutation AddDocumentFromUrl($input: AddDocumentFromUrlInput!) {\n    addDocumentFromUrl(input: $input) {\n      __typename\n      ... on AddDocumentFromUrlPayload { deduplicated document { id kind fiscalYear sourceUrl } }\n      ... on FetchError { failure status message }\n      ... on DocumentUnreadableError { reason }\n      ... on ValidationError { fieldErrors { path } }\n      ... on Error { message }\n    }\n  }\n": typeof types.AddDocumentFromUrlDocument,
    "\n  mutation UploadDocument($input: UploadDocumentInput!) {\n    uploadDocument(input: $input) {\n      __typename\n      ... on UploadDocumentPayload {\n        deduplicated\n        document { id fiscalYear kind title sha256 byteSize pageCount language status downloadUrl company { name } }\n      }\n      ... on DocumentUnreadableError { reason message }\n      ... on ValidationError { fieldErrors { path message } }\n      ... on Error { message }\n    }\n  }\n": typeof types.UploadDocumentDocument,
    "\n  query DocumentById($id: ID!) {\n    document(id: $id) {\n      __typename\n      ... on Document { id kind fiscalYear title }\n      ... on NotFoundError { message }\n    }\n  }\n": typeof types.DocumentByIdDocument,
    "\n  mutation UpdateDocument($input: UpdateDocumentInput!) {\n    updateDocument(input: $input) {\n      __typename\n      ... on UpdateDocumentPayload { document { id kind fiscalYear title } }\n      ... on ValidationError { fieldErrors { path } }\n      ... on Error { message }\n    }\n  }\n": typeof types.UpdateDocumentDocument,
    "\n  mutation DeleteDocument($input: DeleteDocumentInput!) {\n    deleteDocument(input: $input) {\n      __typename\n      ... on DeleteDocumentPayload { deletedId }\n      ... on Error { message }\n    }\n  }\n": typeof types.DeleteDocumentDocument,
    "\n  query CompanyDocuments($id: ID!, $fiscalYear: Int, $kind: DocumentKind) {\n    company(id: $id) {\n      ... on Company { documents(first: 10, fiscalYear: $fiscalYear, kind: $kind) { totalCount edges { node { fiscalYear kind } } } }\n    }\n    documents(first: 10, companyId: $id, fiscalYear: $fiscalYear, kind: $kind) { totalCount edges { node { fiscalYear } } }\n  }\n": typeof types.CompanyDocumentsDocument,
    "\n      mutation DeleteCompanyWithFiles($input: DeleteCompanyInput!) { deleteCompany(input: $input) { __typename } }\n    ": typeof types.DeleteCompanyWithFilesDocument,
    "\n  mutation StartExtraction($input: StartExtractionInput!) {\n    startExtraction(input: $input) {\n      __typename\n      ... on StartExtractionPayload { existing job { id kind status progress { step percent } } }\n      ... on NotFoundError { message }\n    }\n  }\n": typeof types.StartExtractionDocument,
    "\n  query JobById($id: ID!) {\n    job(id: $id) {\n      __typename\n      ... on Job { id kind status attempts error { code message } progress { step current total percent } document { id } company { name } result }\n      ... on NotFoundError { message }\n    }\n  }\n": typeof types.JobByIdDocument,
    "\n  query Jobs($status: JobStatus, $kind: JobKind, $companyId: ID) {\n    jobs(first: 50, status: $status, kind: $kind, companyId: $companyId) { totalCount edges { node { id kind status } } }\n  }\n": typeof types.JobsDocument,
    "\n  query DocumentExtractions($id: ID!) {\n    document(id: $id) {\n      ... on Document {\n        status\n        extractions { id statementType provider }\n        income: latestExtraction(type: INCOME_STATEMENT) {\n          id statementType provider pages unit currency\n          columns { label fiscalYear periodEnd periodMonths }\n          lineItems { label concept level isTotal page values }\n        }\n        balance: latestExtraction(type: BALANCE_SHEET) { id pages }\n      }\n    }\n  }\n": typeof types.DocumentExtractionsDocument,
    "\n  mutation CancelJob($input: CancelJobInput!) {\n    cancelJob(input: $input) { __typename ... on CancelJobPayload { job { status } } ... on Error { message } }\n  }\n": typeof types.CancelJobDocument,
    "\n  mutation RetryJob($input: RetryJobInput!) {\n    retryJob(input: $input) { __typename ... on RetryJobPayload { job { id status } } ... on Error { message } }\n  }\n": typeof types.RetryJobDocument,
    "\n  subscription JobProgress($id: ID!) { jobProgress(id: $id) { id status progress { step current total percent } } }\n": typeof types.JobProgressDocument,
    "\n  mutation ProcessCompany($input: ProcessCompanyInput!) {\n    processCompany(input: $input) {\n      __typename\n      ... on ProcessCompanyPayload { existing job { id kind status } }\n      ... on Error { message }\n    }\n  }\n": typeof types.ProcessCompanyDocument,
    "\n  mutation DiscoverDocuments($input: DiscoverDocumentsInput!) {\n    discoverDocuments(input: $input) {\n      __typename\n      ... on DiscoverDocumentsPayload { job { id kind status } }\n      ... on ValidationError { fieldErrors { path message } }\n      ... on Error { message }\n    }\n  }\n": typeof types.DiscoverDocumentsDocument,
    "\n  query CompiledIncome($companyId: ID!) {\n    compiledStatement(companyId: $companyId, type: INCOME_STATEMENT) {\n      __typename\n      ... on CompiledStatement {\n        fiscalYears\n        unit\n        rows { concept label cells { fiscalYear value restated source { page document { id } } } }\n      }\n    }\n  }\n": typeof types.CompiledIncomeDocument,
    "\n  mutation CreateApiKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) {\n      __typename\n      ... on CreateApiKeyPayload { secret apiKey { id name scopes prefix lastUsedAt revokedAt } }\n      ... on Error { message }\n    }\n  }\n": typeof types.CreateApiKeyDocument,
    "\n  mutation RevokeApiKey($input: RevokeApiKeyInput!) {\n    revokeApiKey(input: $input) {\n      __typename\n      ... on RevokeApiKeyPayload { apiKey { id revokedAt } }\n      ... on Error { message }\n    }\n  }\n": typeof types.RevokeApiKeyDocument,
    "\n  query ApiKeys {\n    apiKeys { totalCount edges { node { id name prefix scopes lastUsedAt revokedAt } } }\n  }\n": typeof types.ApiKeysDocument,
    "\n  mutation CreateCompanyWithKey($input: CreateCompanyInput!) {\n    createCompany(input: $input) {\n      __typename\n      ... on CreateCompanyPayload { company { id name } }\n      ... on Error { message }\n    }\n  }\n": typeof types.CreateCompanyWithKeyDocument,
    "\n  query CompanyCount { companies(first: 1) { totalCount } }\n": typeof types.CompanyCountDocument,
    "\n      mutation UploadToS3($input: UploadDocumentInput!) {\n        uploadDocument(input: $input) { __typename ... on UploadDocumentPayload { document { id downloadUrl } } }\n      }\n    ": typeof types.UploadToS3Document,
    "mutation DeleteFromS3($input: DeleteDocumentInput!) { deleteDocument(input: $input) { __typename } }": typeof types.DeleteFromS3Document,
};
const documents: Documents = {
    "\n  query Companies($first: Int, $after: String, $search: String, $ticker: String) {\n    companies(first: $first, after: $after, search: $search, ticker: $ticker) {\n      totalCount\n      pageInfo { hasNextPage hasPreviousPage endCursor startCursor }\n      edges { cursor node { id name primaryTicker irUrl tickers { ticker exchange isPrimary } } }\n    }\n  }\n": types.CompaniesDocument,
    "\n  query Company($id: ID!) {\n    company(id: $id) {\n      __typename\n      ... on Company { id name country tickers { ticker exchange } }\n      ... on NotFoundError { message entity identifier }\n    }\n  }\n": types.CompanyDocument,
    "\n  query CompanyByTicker($ticker: String!) {\n    companyByTicker(ticker: $ticker) {\n      __typename\n      ... on Company { name }\n      ... on Error { message }\n    }\n  }\n": types.CompanyByTickerDocument,
    "\n  query Node($id: ID!, $ids: [ID!]!) {\n    node(id: $id) { __typename id ... on Company { name } }\n    nodes(ids: $ids) { __typename id }\n  }\n": types.NodeDocument,
    "\n  mutation CreateCompany($input: CreateCompanyInput!) {\n    createCompany(input: $input) {\n      __typename\n      ... on CreateCompanyPayload { company { id name country irUrl primaryTicker tickers { ticker exchange isPrimary } } }\n      ... on ValidationError { message fieldErrors { path message } }\n      ... on ConflictError { message }\n    }\n  }\n": types.CreateCompanyDocument,
    "\n  mutation UpdateCompany($input: UpdateCompanyInput!) {\n    updateCompany(input: $input) {\n      __typename\n      ... on UpdateCompanyPayload { company { id name irUrl tickers { ticker exchange } } }\n      ... on ValidationError { fieldErrors { path message } }\n      ... on Error { message }\n    }\n  }\n": types.UpdateCompanyDocument,
    "\n  mutation DeleteCompany($input: DeleteCompanyInput!) {\n    deleteCompany(input: $input) {\n      __typename\n      ... on DeleteCompanyPayload { deletedId }\n      ... on NotFoundError { message }\n    }\n  }\n": types.DeleteCompanyDocument,
    "\n    query CompaniesNested($first: Int!) {\n      companies(first: $first) {\n        edges { node { tickers { ticker } documents(first: 5) { edges { node { id } } } } }\n      }\n    }\n  ": types.CompaniesNestedDocument,
    "\n  mutation CreateCompanyWithIdentifiers($input: CreateCompanyInput!) {\n    createCompany(input: $input) {\n      __typename\n      ... on CreateCompanyPayload { company { id lei cik } }\n      ... on ValidationError { fieldErrors { path message } }\n      ... on ConflictError { message }\n    }\n  }\n": types.CreateCompanyWithIdentifiersDocument,
    "\n  mutation UpdateCompanyIdentifiers($input: UpdateCompanyInput!) {\n    updateCompany(input: $input) {\n      __typename\n      ... on UpdateCompanyPayload { company { lei cik } }\n      ... on ValidationError { fieldErrors { path message } }\n      ... on ConflictError { message }\n    }\n  }\n": types.UpdateCompanyIdentifiersDocument,
    "\n  query CompanyShape($id: ID!) {\n    company(id: $id) { __typename ... on Company { name primaryTicker tickers { ticker exchange } } }\n  }\n": types.CompanyShapeDocument,
    "\n  query TickerShape($ticker: String!) {\n    companyByTicker(ticker: $ticker) { __typename ... on Company { name primaryTicker tickers { ticker } documents(first: 2) { totalCount } } }\n  }\n": types.TickerShapeDocument,
    "\n  query CatalogueShape {\n    companies(first: 10) { edges { node { name primaryTicker tickers { ticker exchange } } } }\n  }\n": types.CatalogueShapeDocument,
    "\n  query CompiledStatement($companyId: ID!, $type: StatementType!) {\n    compiledStatement(companyId: $companyId, type: $type) {\n      __typename\n      ... on CompiledStatement {\n        type currency unit fiscalYears updatedAt csvUrl\n        rows {\n          concept label level isTotal perShare\n          cells {\n            fiscalYear value restated restatedFrom\n            source { page document { id fiscalYear } extraction { id statementType } }\n            history { value reportFiscalYear source { page document { id fiscalYear } } }\n          }\n        }\n        checks { name fiscalYear expected actual difference passed }\n        gaps { missingFiscalYears rowsMissingYears { concept label fiscalYears } }\n        warnings { code currency fiscalYears message }\n      }\n      ... on NotFoundError { message entity identifier }\n    }\n  }\n": types.CompiledStatementDocument,
    "\n  query CompanyFinancials($id: ID!, $years: Int) {\n    company(id: $id) {\n      __typename\n      ... on Company {\n        compiledStatement(type: BALANCE_SHEET) { type fiscalYears rows { concept } }\n        compiledStatements { type unit rows { label } }\n        financials(years: $years) {\n          currency unit\n          years { fiscalYear revenue operatingProfit netIncome totalAssets totalEquity operatingCashFlow }\n        }\n      }\n    }\n  }\n": types.CompanyFinancialsDocument,
    "\n  mutation AddDocumentFromUrl($input: AddDocumentFromUrlInput!) {\n    addDocumentFromUrl(input: $input) {\n      __typename\n      ... on AddDocumentFromUrlPayload { deduplicated document { id kind fiscalYear sourceUrl } }\n      ... on FetchError { failure status message }\n      ... on DocumentUnreadableError { reason }\n      ... on ValidationError { fieldErrors { path } }\n      ... on Error { message }\n    }\n  }\n": types.AddDocumentFromUrlDocument,
    "\n  mutation UploadDocument($input: UploadDocumentInput!) {\n    uploadDocument(input: $input) {\n      __typename\n      ... on UploadDocumentPayload {\n        deduplicated\n        document { id fiscalYear kind title sha256 byteSize pageCount language status downloadUrl company { name } }\n      }\n      ... on DocumentUnreadableError { reason message }\n      ... on ValidationError { fieldErrors { path message } }\n      ... on Error { message }\n    }\n  }\n": types.UploadDocumentDocument,
    "\n  query DocumentById($id: ID!) {\n    document(id: $id) {\n      __typename\n      ... on Document { id kind fiscalYear title }\n      ... on NotFoundError { message }\n    }\n  }\n": types.DocumentByIdDocument,
    "\n  mutation UpdateDocument($input: UpdateDocumentInput!) {\n    updateDocument(input: $input) {\n      __typename\n      ... on UpdateDocumentPayload { document { id kind fiscalYear title } }\n      ... on ValidationError { fieldErrors { path } }\n      ... on Error { message }\n    }\n  }\n": types.UpdateDocumentDocument,
    "\n  mutation DeleteDocument($input: DeleteDocumentInput!) {\n    deleteDocument(input: $input) {\n      __typename\n      ... on DeleteDocumentPayload { deletedId }\n      ... on Error { message }\n    }\n  }\n": types.DeleteDocumentDocument,
    "\n  query CompanyDocuments($id: ID!, $fiscalYear: Int, $kind: DocumentKind) {\n    company(id: $id) {\n      ... on Company { documents(first: 10, fiscalYear: $fiscalYear, kind: $kind) { totalCount edges { node { fiscalYear kind } } } }\n    }\n    documents(first: 10, companyId: $id, fiscalYear: $fiscalYear, kind: $kind) { totalCount edges { node { fiscalYear } } }\n  }\n": types.CompanyDocumentsDocument,
    "\n      mutation DeleteCompanyWithFiles($input: DeleteCompanyInput!) { deleteCompany(input: $input) { __typename } }\n    ": types.DeleteCompanyWithFilesDocument,
    "\n  mutation StartExtraction($input: StartExtractionInput!) {\n    startExtraction(input: $input) {\n      __typename\n      ... on StartExtractionPayload { existing job { id kind status progress { step percent } } }\n      ... on NotFoundError { message }\n    }\n  }\n": types.StartExtractionDocument,
    "\n  query JobById($id: ID!) {\n    job(id: $id) {\n      __typename\n      ... on Job { id kind status attempts error { code message } progress { step current total percent } document { id } company { name } result }\n      ... on NotFoundError { message }\n    }\n  }\n": types.JobByIdDocument,
    "\n  query Jobs($status: JobStatus, $kind: JobKind, $companyId: ID) {\n    jobs(first: 50, status: $status, kind: $kind, companyId: $companyId) { totalCount edges { node { id kind status } } }\n  }\n": types.JobsDocument,
    "\n  query DocumentExtractions($id: ID!) {\n    document(id: $id) {\n      ... on Document {\n        status\n        extractions { id statementType provider }\n        income: latestExtraction(type: INCOME_STATEMENT) {\n          id statementType provider pages unit currency\n          columns { label fiscalYear periodEnd periodMonths }\n          lineItems { label concept level isTotal page values }\n        }\n        balance: latestExtraction(type: BALANCE_SHEET) { id pages }\n      }\n    }\n  }\n": types.DocumentExtractionsDocument,
    "\n  mutation CancelJob($input: CancelJobInput!) {\n    cancelJob(input: $input) { __typename ... on CancelJobPayload { job { status } } ... on Error { message } }\n  }\n": types.CancelJobDocument,
    "\n  mutation RetryJob($input: RetryJobInput!) {\n    retryJob(input: $input) { __typename ... on RetryJobPayload { job { id status } } ... on Error { message } }\n  }\n": types.RetryJobDocument,
    "\n  subscription JobProgress($id: ID!) { jobProgress(id: $id) { id status progress { step current total percent } } }\n": types.JobProgressDocument,
    "\n  mutation ProcessCompany($input: ProcessCompanyInput!) {\n    processCompany(input: $input) {\n      __typename\n      ... on ProcessCompanyPayload { existing job { id kind status } }\n      ... on Error { message }\n    }\n  }\n": types.ProcessCompanyDocument,
    "\n  mutation DiscoverDocuments($input: DiscoverDocumentsInput!) {\n    discoverDocuments(input: $input) {\n      __typename\n      ... on DiscoverDocumentsPayload { job { id kind status } }\n      ... on ValidationError { fieldErrors { path message } }\n      ... on Error { message }\n    }\n  }\n": types.DiscoverDocumentsDocument,
    "\n  query CompiledIncome($companyId: ID!) {\n    compiledStatement(companyId: $companyId, type: INCOME_STATEMENT) {\n      __typename\n      ... on CompiledStatement {\n        fiscalYears\n        unit\n        rows { concept label cells { fiscalYear value restated source { page document { id } } } }\n      }\n    }\n  }\n": types.CompiledIncomeDocument,
    "\n  mutation CreateApiKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) {\n      __typename\n      ... on CreateApiKeyPayload { secret apiKey { id name scopes prefix lastUsedAt revokedAt } }\n      ... on Error { message }\n    }\n  }\n": types.CreateApiKeyDocument,
    "\n  mutation RevokeApiKey($input: RevokeApiKeyInput!) {\n    revokeApiKey(input: $input) {\n      __typename\n      ... on RevokeApiKeyPayload { apiKey { id revokedAt } }\n      ... on Error { message }\n    }\n  }\n": types.RevokeApiKeyDocument,
    "\n  query ApiKeys {\n    apiKeys { totalCount edges { node { id name prefix scopes lastUsedAt revokedAt } } }\n  }\n": types.ApiKeysDocument,
    "\n  mutation CreateCompanyWithKey($input: CreateCompanyInput!) {\n    createCompany(input: $input) {\n      __typename\n      ... on CreateCompanyPayload { company { id name } }\n      ... on Error { message }\n    }\n  }\n": types.CreateCompanyWithKeyDocument,
    "\n  query CompanyCount { companies(first: 1) { totalCount } }\n": types.CompanyCountDocument,
    "\n      mutation UploadToS3($input: UploadDocumentInput!) {\n        uploadDocument(input: $input) { __typename ... on UploadDocumentPayload { document { id downloadUrl } } }\n      }\n    ": types.UploadToS3Document,
    "mutation DeleteFromS3($input: DeleteDocumentInput!) { deleteDocument(input: $input) { __typename } }": types.DeleteFromS3Document,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Companies($first: Int, $after: String, $search: String, $ticker: String) {\n    companies(first: $first, after: $after, search: $search, ticker: $ticker) {\n      totalCount\n      pageInfo { hasNextPage hasPreviousPage endCursor startCursor }\n      edges { cursor node { id name primaryTicker irUrl tickers { ticker exchange isPrimary } } }\n    }\n  }\n"): (typeof documents)["\n  query Companies($first: Int, $after: String, $search: String, $ticker: String) {\n    companies(first: $first, after: $after, search: $search, ticker: $ticker) {\n      totalCount\n      pageInfo { hasNextPage hasPreviousPage endCursor startCursor }\n      edges { cursor node { id name primaryTicker irUrl tickers { ticker exchange isPrimary } } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Company($id: ID!) {\n    company(id: $id) {\n      __typename\n      ... on Company { id name country tickers { ticker exchange } }\n      ... on NotFoundError { message entity identifier }\n    }\n  }\n"): (typeof documents)["\n  query Company($id: ID!) {\n    company(id: $id) {\n      __typename\n      ... on Company { id name country tickers { ticker exchange } }\n      ... on NotFoundError { message entity identifier }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CompanyByTicker($ticker: String!) {\n    companyByTicker(ticker: $ticker) {\n      __typename\n      ... on Company { name }\n      ... on Error { message }\n    }\n  }\n"): (typeof documents)["\n  query CompanyByTicker($ticker: String!) {\n    companyByTicker(ticker: $ticker) {\n      __typename\n      ... on Company { name }\n      ... on Error { message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Node($id: ID!, $ids: [ID!]!) {\n    node(id: $id) { __typename id ... on Company { name } }\n    nodes(ids: $ids) { __typename id }\n  }\n"): (typeof documents)["\n  query Node($id: ID!, $ids: [ID!]!) {\n    node(id: $id) { __typename id ... on Company { name } }\n    nodes(ids: $ids) { __typename id }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateCompany($input: CreateCompanyInput!) {\n    createCompany(input: $input) {\n      __typename\n      ... on CreateCompanyPayload { company { id name country irUrl primaryTicker tickers { ticker exchange isPrimary } } }\n      ... on ValidationError { message fieldErrors { path message } }\n      ... on ConflictError { message }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateCompany($input: CreateCompanyInput!) {\n    createCompany(input: $input) {\n      __typename\n      ... on CreateCompanyPayload { company { id name country irUrl primaryTicker tickers { ticker exchange isPrimary } } }\n      ... on ValidationError { message fieldErrors { path message } }\n      ... on ConflictError { message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateCompany($input: UpdateCompanyInput!) {\n    updateCompany(input: $input) {\n      __typename\n      ... on UpdateCompanyPayload { company { id name irUrl tickers { ticker exchange } } }\n      ... on ValidationError { fieldErrors { path message } }\n      ... on Error { message }\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateCompany($input: UpdateCompanyInput!) {\n    updateCompany(input: $input) {\n      __typename\n      ... on UpdateCompanyPayload { company { id name irUrl tickers { ticker exchange } } }\n      ... on ValidationError { fieldErrors { path message } }\n      ... on Error { message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteCompany($input: DeleteCompanyInput!) {\n    deleteCompany(input: $input) {\n      __typename\n      ... on DeleteCompanyPayload { deletedId }\n      ... on NotFoundError { message }\n    }\n  }\n"): (typeof documents)["\n  mutation DeleteCompany($input: DeleteCompanyInput!) {\n    deleteCompany(input: $input) {\n      __typename\n      ... on DeleteCompanyPayload { deletedId }\n      ... on NotFoundError { message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    query CompaniesNested($first: Int!) {\n      companies(first: $first) {\n        edges { node { tickers { ticker } documents(first: 5) { edges { node { id } } } } }\n      }\n    }\n  "): (typeof documents)["\n    query CompaniesNested($first: Int!) {\n      companies(first: $first) {\n        edges { node { tickers { ticker } documents(first: 5) { edges { node { id } } } } }\n      }\n    }\n  "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateCompanyWithIdentifiers($input: CreateCompanyInput!) {\n    createCompany(input: $input) {\n      __typename\n      ... on CreateCompanyPayload { company { id lei cik } }\n      ... on ValidationError { fieldErrors { path message } }\n      ... on ConflictError { message }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateCompanyWithIdentifiers($input: CreateCompanyInput!) {\n    createCompany(input: $input) {\n      __typename\n      ... on CreateCompanyPayload { company { id lei cik } }\n      ... on ValidationError { fieldErrors { path message } }\n      ... on ConflictError { message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateCompanyIdentifiers($input: UpdateCompanyInput!) {\n    updateCompany(input: $input) {\n      __typename\n      ... on UpdateCompanyPayload { company { lei cik } }\n      ... on ValidationError { fieldErrors { path message } }\n      ... on ConflictError { message }\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateCompanyIdentifiers($input: UpdateCompanyInput!) {\n    updateCompany(input: $input) {\n      __typename\n      ... on UpdateCompanyPayload { company { lei cik } }\n      ... on ValidationError { fieldErrors { path message } }\n      ... on ConflictError { message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CompanyShape($id: ID!) {\n    company(id: $id) { __typename ... on Company { name primaryTicker tickers { ticker exchange } } }\n  }\n"): (typeof documents)["\n  query CompanyShape($id: ID!) {\n    company(id: $id) { __typename ... on Company { name primaryTicker tickers { ticker exchange } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TickerShape($ticker: String!) {\n    companyByTicker(ticker: $ticker) { __typename ... on Company { name primaryTicker tickers { ticker } documents(first: 2) { totalCount } } }\n  }\n"): (typeof documents)["\n  query TickerShape($ticker: String!) {\n    companyByTicker(ticker: $ticker) { __typename ... on Company { name primaryTicker tickers { ticker } documents(first: 2) { totalCount } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CatalogueShape {\n    companies(first: 10) { edges { node { name primaryTicker tickers { ticker exchange } } } }\n  }\n"): (typeof documents)["\n  query CatalogueShape {\n    companies(first: 10) { edges { node { name primaryTicker tickers { ticker exchange } } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CompiledStatement($companyId: ID!, $type: StatementType!) {\n    compiledStatement(companyId: $companyId, type: $type) {\n      __typename\n      ... on CompiledStatement {\n        type currency unit fiscalYears updatedAt csvUrl\n        rows {\n          concept label level isTotal perShare\n          cells {\n            fiscalYear value restated restatedFrom\n            source { page document { id fiscalYear } extraction { id statementType } }\n            history { value reportFiscalYear source { page document { id fiscalYear } } }\n          }\n        }\n        checks { name fiscalYear expected actual difference passed }\n        gaps { missingFiscalYears rowsMissingYears { concept label fiscalYears } }\n        warnings { code currency fiscalYears message }\n      }\n      ... on NotFoundError { message entity identifier }\n    }\n  }\n"): (typeof documents)["\n  query CompiledStatement($companyId: ID!, $type: StatementType!) {\n    compiledStatement(companyId: $companyId, type: $type) {\n      __typename\n      ... on CompiledStatement {\n        type currency unit fiscalYears updatedAt csvUrl\n        rows {\n          concept label level isTotal perShare\n          cells {\n            fiscalYear value restated restatedFrom\n            source { page document { id fiscalYear } extraction { id statementType } }\n            history { value reportFiscalYear source { page document { id fiscalYear } } }\n          }\n        }\n        checks { name fiscalYear expected actual difference passed }\n        gaps { missingFiscalYears rowsMissingYears { concept label fiscalYears } }\n        warnings { code currency fiscalYears message }\n      }\n      ... on NotFoundError { message entity identifier }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CompanyFinancials($id: ID!, $years: Int) {\n    company(id: $id) {\n      __typename\n      ... on Company {\n        compiledStatement(type: BALANCE_SHEET) { type fiscalYears rows { concept } }\n        compiledStatements { type unit rows { label } }\n        financials(years: $years) {\n          currency unit\n          years { fiscalYear revenue operatingProfit netIncome totalAssets totalEquity operatingCashFlow }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query CompanyFinancials($id: ID!, $years: Int) {\n    company(id: $id) {\n      __typename\n      ... on Company {\n        compiledStatement(type: BALANCE_SHEET) { type fiscalYears rows { concept } }\n        compiledStatements { type unit rows { label } }\n        financials(years: $years) {\n          currency unit\n          years { fiscalYear revenue operatingProfit netIncome totalAssets totalEquity operatingCashFlow }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddDocumentFromUrl($input: AddDocumentFromUrlInput!) {\n    addDocumentFromUrl(input: $input) {\n      __typename\n      ... on AddDocumentFromUrlPayload { deduplicated document { id kind fiscalYear sourceUrl } }\n      ... on FetchError { failure status message }\n      ... on DocumentUnreadableError { reason }\n      ... on ValidationError { fieldErrors { path } }\n      ... on Error { message }\n    }\n  }\n"): (typeof documents)["\n  mutation AddDocumentFromUrl($input: AddDocumentFromUrlInput!) {\n    addDocumentFromUrl(input: $input) {\n      __typename\n      ... on AddDocumentFromUrlPayload { deduplicated document { id kind fiscalYear sourceUrl } }\n      ... on FetchError { failure status message }\n      ... on DocumentUnreadableError { reason }\n      ... on ValidationError { fieldErrors { path } }\n      ... on Error { message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UploadDocument($input: UploadDocumentInput!) {\n    uploadDocument(input: $input) {\n      __typename\n      ... on UploadDocumentPayload {\n        deduplicated\n        document { id fiscalYear kind title sha256 byteSize pageCount language status downloadUrl company { name } }\n      }\n      ... on DocumentUnreadableError { reason message }\n      ... on ValidationError { fieldErrors { path message } }\n      ... on Error { message }\n    }\n  }\n"): (typeof documents)["\n  mutation UploadDocument($input: UploadDocumentInput!) {\n    uploadDocument(input: $input) {\n      __typename\n      ... on UploadDocumentPayload {\n        deduplicated\n        document { id fiscalYear kind title sha256 byteSize pageCount language status downloadUrl company { name } }\n      }\n      ... on DocumentUnreadableError { reason message }\n      ... on ValidationError { fieldErrors { path message } }\n      ... on Error { message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DocumentById($id: ID!) {\n    document(id: $id) {\n      __typename\n      ... on Document { id kind fiscalYear title }\n      ... on NotFoundError { message }\n    }\n  }\n"): (typeof documents)["\n  query DocumentById($id: ID!) {\n    document(id: $id) {\n      __typename\n      ... on Document { id kind fiscalYear title }\n      ... on NotFoundError { message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateDocument($input: UpdateDocumentInput!) {\n    updateDocument(input: $input) {\n      __typename\n      ... on UpdateDocumentPayload { document { id kind fiscalYear title } }\n      ... on ValidationError { fieldErrors { path } }\n      ... on Error { message }\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateDocument($input: UpdateDocumentInput!) {\n    updateDocument(input: $input) {\n      __typename\n      ... on UpdateDocumentPayload { document { id kind fiscalYear title } }\n      ... on ValidationError { fieldErrors { path } }\n      ... on Error { message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteDocument($input: DeleteDocumentInput!) {\n    deleteDocument(input: $input) {\n      __typename\n      ... on DeleteDocumentPayload { deletedId }\n      ... on Error { message }\n    }\n  }\n"): (typeof documents)["\n  mutation DeleteDocument($input: DeleteDocumentInput!) {\n    deleteDocument(input: $input) {\n      __typename\n      ... on DeleteDocumentPayload { deletedId }\n      ... on Error { message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CompanyDocuments($id: ID!, $fiscalYear: Int, $kind: DocumentKind) {\n    company(id: $id) {\n      ... on Company { documents(first: 10, fiscalYear: $fiscalYear, kind: $kind) { totalCount edges { node { fiscalYear kind } } } }\n    }\n    documents(first: 10, companyId: $id, fiscalYear: $fiscalYear, kind: $kind) { totalCount edges { node { fiscalYear } } }\n  }\n"): (typeof documents)["\n  query CompanyDocuments($id: ID!, $fiscalYear: Int, $kind: DocumentKind) {\n    company(id: $id) {\n      ... on Company { documents(first: 10, fiscalYear: $fiscalYear, kind: $kind) { totalCount edges { node { fiscalYear kind } } } }\n    }\n    documents(first: 10, companyId: $id, fiscalYear: $fiscalYear, kind: $kind) { totalCount edges { node { fiscalYear } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n      mutation DeleteCompanyWithFiles($input: DeleteCompanyInput!) { deleteCompany(input: $input) { __typename } }\n    "): (typeof documents)["\n      mutation DeleteCompanyWithFiles($input: DeleteCompanyInput!) { deleteCompany(input: $input) { __typename } }\n    "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StartExtraction($input: StartExtractionInput!) {\n    startExtraction(input: $input) {\n      __typename\n      ... on StartExtractionPayload { existing job { id kind status progress { step percent } } }\n      ... on NotFoundError { message }\n    }\n  }\n"): (typeof documents)["\n  mutation StartExtraction($input: StartExtractionInput!) {\n    startExtraction(input: $input) {\n      __typename\n      ... on StartExtractionPayload { existing job { id kind status progress { step percent } } }\n      ... on NotFoundError { message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query JobById($id: ID!) {\n    job(id: $id) {\n      __typename\n      ... on Job { id kind status attempts error { code message } progress { step current total percent } document { id } company { name } result }\n      ... on NotFoundError { message }\n    }\n  }\n"): (typeof documents)["\n  query JobById($id: ID!) {\n    job(id: $id) {\n      __typename\n      ... on Job { id kind status attempts error { code message } progress { step current total percent } document { id } company { name } result }\n      ... on NotFoundError { message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Jobs($status: JobStatus, $kind: JobKind, $companyId: ID) {\n    jobs(first: 50, status: $status, kind: $kind, companyId: $companyId) { totalCount edges { node { id kind status } } }\n  }\n"): (typeof documents)["\n  query Jobs($status: JobStatus, $kind: JobKind, $companyId: ID) {\n    jobs(first: 50, status: $status, kind: $kind, companyId: $companyId) { totalCount edges { node { id kind status } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DocumentExtractions($id: ID!) {\n    document(id: $id) {\n      ... on Document {\n        status\n        extractions { id statementType provider }\n        income: latestExtraction(type: INCOME_STATEMENT) {\n          id statementType provider pages unit currency\n          columns { label fiscalYear periodEnd periodMonths }\n          lineItems { label concept level isTotal page values }\n        }\n        balance: latestExtraction(type: BALANCE_SHEET) { id pages }\n      }\n    }\n  }\n"): (typeof documents)["\n  query DocumentExtractions($id: ID!) {\n    document(id: $id) {\n      ... on Document {\n        status\n        extractions { id statementType provider }\n        income: latestExtraction(type: INCOME_STATEMENT) {\n          id statementType provider pages unit currency\n          columns { label fiscalYear periodEnd periodMonths }\n          lineItems { label concept level isTotal page values }\n        }\n        balance: latestExtraction(type: BALANCE_SHEET) { id pages }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CancelJob($input: CancelJobInput!) {\n    cancelJob(input: $input) { __typename ... on CancelJobPayload { job { status } } ... on Error { message } }\n  }\n"): (typeof documents)["\n  mutation CancelJob($input: CancelJobInput!) {\n    cancelJob(input: $input) { __typename ... on CancelJobPayload { job { status } } ... on Error { message } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RetryJob($input: RetryJobInput!) {\n    retryJob(input: $input) { __typename ... on RetryJobPayload { job { id status } } ... on Error { message } }\n  }\n"): (typeof documents)["\n  mutation RetryJob($input: RetryJobInput!) {\n    retryJob(input: $input) { __typename ... on RetryJobPayload { job { id status } } ... on Error { message } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription JobProgress($id: ID!) { jobProgress(id: $id) { id status progress { step current total percent } } }\n"): (typeof documents)["\n  subscription JobProgress($id: ID!) { jobProgress(id: $id) { id status progress { step current total percent } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ProcessCompany($input: ProcessCompanyInput!) {\n    processCompany(input: $input) {\n      __typename\n      ... on ProcessCompanyPayload { existing job { id kind status } }\n      ... on Error { message }\n    }\n  }\n"): (typeof documents)["\n  mutation ProcessCompany($input: ProcessCompanyInput!) {\n    processCompany(input: $input) {\n      __typename\n      ... on ProcessCompanyPayload { existing job { id kind status } }\n      ... on Error { message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DiscoverDocuments($input: DiscoverDocumentsInput!) {\n    discoverDocuments(input: $input) {\n      __typename\n      ... on DiscoverDocumentsPayload { job { id kind status } }\n      ... on ValidationError { fieldErrors { path message } }\n      ... on Error { message }\n    }\n  }\n"): (typeof documents)["\n  mutation DiscoverDocuments($input: DiscoverDocumentsInput!) {\n    discoverDocuments(input: $input) {\n      __typename\n      ... on DiscoverDocumentsPayload { job { id kind status } }\n      ... on ValidationError { fieldErrors { path message } }\n      ... on Error { message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CompiledIncome($companyId: ID!) {\n    compiledStatement(companyId: $companyId, type: INCOME_STATEMENT) {\n      __typename\n      ... on CompiledStatement {\n        fiscalYears\n        unit\n        rows { concept label cells { fiscalYear value restated source { page document { id } } } }\n      }\n    }\n  }\n"): (typeof documents)["\n  query CompiledIncome($companyId: ID!) {\n    compiledStatement(companyId: $companyId, type: INCOME_STATEMENT) {\n      __typename\n      ... on CompiledStatement {\n        fiscalYears\n        unit\n        rows { concept label cells { fiscalYear value restated source { page document { id } } } }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateApiKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) {\n      __typename\n      ... on CreateApiKeyPayload { secret apiKey { id name scopes prefix lastUsedAt revokedAt } }\n      ... on Error { message }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateApiKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) {\n      __typename\n      ... on CreateApiKeyPayload { secret apiKey { id name scopes prefix lastUsedAt revokedAt } }\n      ... on Error { message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeApiKey($input: RevokeApiKeyInput!) {\n    revokeApiKey(input: $input) {\n      __typename\n      ... on RevokeApiKeyPayload { apiKey { id revokedAt } }\n      ... on Error { message }\n    }\n  }\n"): (typeof documents)["\n  mutation RevokeApiKey($input: RevokeApiKeyInput!) {\n    revokeApiKey(input: $input) {\n      __typename\n      ... on RevokeApiKeyPayload { apiKey { id revokedAt } }\n      ... on Error { message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ApiKeys {\n    apiKeys { totalCount edges { node { id name prefix scopes lastUsedAt revokedAt } } }\n  }\n"): (typeof documents)["\n  query ApiKeys {\n    apiKeys { totalCount edges { node { id name prefix scopes lastUsedAt revokedAt } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateCompanyWithKey($input: CreateCompanyInput!) {\n    createCompany(input: $input) {\n      __typename\n      ... on CreateCompanyPayload { company { id name } }\n      ... on Error { message }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateCompanyWithKey($input: CreateCompanyInput!) {\n    createCompany(input: $input) {\n      __typename\n      ... on CreateCompanyPayload { company { id name } }\n      ... on Error { message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CompanyCount { companies(first: 1) { totalCount } }\n"): (typeof documents)["\n  query CompanyCount { companies(first: 1) { totalCount } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n      mutation UploadToS3($input: UploadDocumentInput!) {\n        uploadDocument(input: $input) { __typename ... on UploadDocumentPayload { document { id downloadUrl } } }\n      }\n    "): (typeof documents)["\n      mutation UploadToS3($input: UploadDocumentInput!) {\n        uploadDocument(input: $input) { __typename ... on UploadDocumentPayload { document { id downloadUrl } } }\n      }\n    "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation DeleteFromS3($input: DeleteDocumentInput!) { deleteDocument(input: $input) { __typename } }"): (typeof documents)["mutation DeleteFromS3($input: DeleteDocumentInput!) { deleteDocument(input: $input) { __typename } }"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;