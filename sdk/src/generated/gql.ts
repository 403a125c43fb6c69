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
    "\n  query ListCompanies($first: Int = 20, $after: String, $search: String, $ticker: String) {\n    companies(first: $first, after: $after, search: $search, ticker: $ticker) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { id name country primaryTicker tickers { ticker exchange } } }\n    }\n  }\n": typeof types.ListCompaniesDocument,
    "\n  query CompanyWithDocuments($id: ID!, $first: Int = 20) {\n    company(id: $id) {\n      __typename\n      ... on Company {\n        id\n        name\n        primaryTicker\n        irUrl\n        tickers { ticker exchange isPrimary }\n        documents(first: $first) {\n          totalCount\n          edges {\n            node {\n              id\n              fiscalYear\n              kind\n              title\n              pageCount\n              status\n              downloadUrl\n              income: latestExtraction(type: INCOME_STATEMENT) { id provider pages unit currency }\n              balanceSheet: latestExtraction(type: BALANCE_SHEET) { id provider pages unit currency }\n              cashFlow: latestExtraction(type: CASH_FLOW_STATEMENT) { id provider pages unit currency }\n            }\n          }\n        }\n      }\n      ... on NotFoundError { message }\n    }\n  }\n": typeof types.CompanyWithDocumentsDocument,
    "\n  mutation AddCompany($input: CreateCompanyInput!) {\n    createCompany(input: $input) {\n      __typename\n      ... on CreateCompanyPayload { company { id name primaryTicker } }\n      ... on ValidationError { message fieldErrors { path message } }\n      ... on Error { message }\n    }\n  }\n": typeof types.AddCompanyDocument,
    "\n  mutation UploadReport($input: UploadDocumentInput!) {\n    uploadDocument(input: $input) {\n      __typename\n      ... on UploadDocumentPayload { deduplicated document { id fiscalYear kind title pageCount status } }\n      ... on DocumentUnreadableError { message reason }\n      ... on ValidationError { message fieldErrors { path message } }\n      ... on Error { message }\n    }\n  }\n": typeof types.UploadReportDocument,
    "\n  mutation StartReportExtraction($input: StartExtractionInput!) {\n    startExtraction(input: $input) {\n      __typename\n      ... on StartExtractionPayload { existing job { id kind status } }\n      ... on Error { message }\n    }\n  }\n": typeof types.StartReportExtractionDocument,
    "\n  mutation CompileCompanyStatements($input: CompileStatementsInput!) {\n    compileStatements(input: $input) {\n      __typename\n      ... on CompileStatementsPayload { existing job { id kind status } }\n      ... on Error { message }\n    }\n  }\n": typeof types.CompileCompanyStatementsDocument,
    "\n  subscription FollowJob($id: ID!) {\n    jobProgress(id: $id) {\n      id\n      kind\n      status\n      progress { step current total percent }\n      error { code message }\n      result\n    }\n  }\n": typeof types.FollowJobDocument,
    "\n  query JobStatus($id: ID!) {\n    job(id: $id) {\n      __typename\n      ... on Job { id kind status progress { step current total percent } error { code message } }\n      ... on NotFoundError { message }\n    }\n  }\n": typeof types.JobStatusDocument,
    "\n  query CompiledStatementTable($companyId: ID!, $type: StatementType!) {\n    compiledStatement(companyId: $companyId, type: $type) {\n      __typename\n      ... on CompiledStatement {\n        type\n        currency\n        unit\n        fiscalYears\n        updatedAt\n        csvUrl\n        rows {\n          concept\n          label\n          level\n          isTotal\n          perShare\n          cells { fiscalYear value restated restatedFrom source { page document { id fiscalYear } } }\n        }\n        checks { name fiscalYear passed difference }\n        warnings { code message }\n      }\n      ... on NotFoundError { message }\n    }\n  }\n": typeof types.CompiledStatementTableDocument,
};
const documents: Documents = {
    "\n  query ListCompanies($first: Int = 20, $after: String, $search: String, $ticker: String) {\n    companies(first: $first, after: $after, search: $search, ticker: $ticker) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { id name country primaryTicker tickers { ticker exchange } } }\n    }\n  }\n": types.ListCompaniesDocument,
    "\n  query CompanyWithDocuments($id: ID!, $first: Int = 20) {\n    company(id: $id) {\n      __typename\n      ... on Company {\n        id\n        name\n        primaryTicker\n        irUrl\n        tickers { ticker exchange isPrimary }\n        documents(first: $first) {\n          totalCount\n          edges {\n            node {\n              id\n              fiscalYear\n              kind\n              title\n              pageCount\n              status\n              downloadUrl\n              income: latestExtraction(type: INCOME_STATEMENT) { id provider pages unit currency }\n              balanceSheet: latestExtraction(type: BALANCE_SHEET) { id provider pages unit currency }\n              cashFlow: latestExtraction(type: CASH_FLOW_STATEMENT) { id provider pages unit currency }\n            }\n          }\n        }\n      }\n      ... on NotFoundError { message }\n    }\n  }\n": types.CompanyWithDocumentsDocument,
    "\n  mutation AddCompany($input: CreateCompanyInput!) {\n    createCompany(input: $input) {\n      __typename\n      ... on CreateCompanyPayload { company { id name primaryTicker } }\n      ... on ValidationError { message fieldErrors { path message } }\n      ... on Error { message }\n    }\n  }\n": types.AddCompanyDocument,
    "\n  mutation UploadReport($input: UploadDocumentInput!) {\n    uploadDocument(input: $input) {\n      __typename\n      ... on UploadDocumentPayload { deduplicated document { id fiscalYear kind title pageCount status } }\n      ... on DocumentUnreadableError { message reason }\n      ... on ValidationError { message fieldErrors { path message } }\n      ... on Error { message }\n    }\n  }\n": types.UploadReportDocument,
    "\n  mutation StartReportExtraction($input: StartExtractionInput!) {\n    startExtraction(input: $input) {\n      __typename\n      ... on StartExtractionPayload { existing job { id kind status } }\n      ... on Error { message }\n    }\n  }\n": types.StartReportExtractionDocument,
    "\n  mutation CompileCompanyStatements($input: CompileStatementsInput!) {\n    compileStatements(input: $input) {\n      __typename\n      ... on CompileStatementsPayload { existing job { id kind status } }\n      ... on Error { message }\n    }\n  }\n": types.CompileCompanyStatementsDocument,
    "\n  subscription FollowJob($id: ID!) {\n    jobProgress(id: $id) {\n      id\n      kind\n      status\n      progress { step current total percent }\n      error { code message }\n      result\n    }\n  }\n": types.FollowJobDocument,
    "\n  query JobStatus($id: ID!) {\n    job(id: $id) {\n      __typename\n      ... on Job { id kind status progress { step current total percent } error { code message } }\n      ... on NotFoundError { message }\n    }\n  }\n": types.JobStatusDocument,
    "\n  query CompiledStatementTable($companyId: ID!, $type: StatementType!) {\n    compiledStatement(companyId: $companyId, type: $type) {\n      __typename\n      ... on CompiledStatement {\n        type\n        currency\n        unit\n        fiscalYears\n        updatedAt\n        csvUrl\n        rows {\n          concept\n          label\n          level\n          isTotal\n          perShare\n          cells { fiscalYear value restated restatedFrom source { page document { id fiscalYear } } }\n        }\n        checks { name fiscalYear passed difference }\n        warnings { code message }\n      }\n      ... on NotFoundError { message }\n    }\n  }\n": types.CompiledStatementTableDocument,
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
export function graphql(source: "\n  query ListCompanies($first: Int = 20, $after: String, $search: String, $ticker: String) {\n    companies(first: $first, after: $after, search: $search, ticker: $ticker) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { id name country primaryTicker tickers { ticker exchange } } }\n    }\n  }\n"): (typeof documents)["\n  query ListCompanies($first: Int = 20, $after: String, $search: String, $ticker: String) {\n    companies(first: $first, after: $after, search: $search, ticker: $ticker) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { id name country primaryTicker tickers { ticker exchange } } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CompanyWithDocuments($id: ID!, $first: Int = 20) {\n    company(id: $id) {\n      __typename\n      ... on Company {\n        id\n        name\n        primaryTicker\n        irUrl\n        tickers { ticker exchange isPrimary }\n        documents(first: $first) {\n          totalCount\n          edges {\n            node {\n              id\n              fiscalYear\n              kind\n              title\n              pageCount\n              status\n              downloadUrl\n              income: latestExtraction(type: INCOME_STATEMENT) { id provider pages unit currency }\n              balanceSheet: latestExtraction(type: BALANCE_SHEET) { id provider pages unit currency }\n              cashFlow: latestExtraction(type: CASH_FLOW_STATEMENT) { id provider pages unit currency }\n            }\n          }\n        }\n      }\n      ... on NotFoundError { message }\n    }\n  }\n"): (typeof documents)["\n  query CompanyWithDocuments($id: ID!, $first: Int = 20) {\n    company(id: $id) {\n      __typename\n      ... on Company {\n        id\n        name\n        primaryTicker\n        irUrl\n        tickers { ticker exchange isPrimary }\n        documents(first: $first) {\n          totalCount\n          edges {\n            node {\n              id\n              fiscalYear\n              kind\n              title\n              pageCount\n              status\n              downloadUrl\n              income: latestExtraction(type: INCOME_STATEMENT) { id provider pages unit currency }\n              balanceSheet: latestExtraction(type: BALANCE_SHEET) { id provider pages unit currency }\n              cashFlow: latestExtraction(type: CASH_FLOW_STATEMENT) { id provider pages unit currency }\n            }\n          }\n        }\n      }\n      ... on NotFoundError { message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddCompany($input: CreateCompanyInput!) {\n    createCompany(input: $input) {\n      __typename\n      ... on CreateCompanyPayload { company { id name primaryTicker } }\n      ... on ValidationError { message fieldErrors { path message } }\n      ... on Error { message }\n    }\n  }\n"): (typeof documents)["\n  mutation AddCompany($input: CreateCompanyInput!) {\n    createCompany(input: $input) {\n      __typename\n      ... on CreateCompanyPayload { company { id name primaryTicker } }\n      ... on ValidationError { message fieldErrors { path message } }\n      ... on Error { message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UploadReport($input: UploadDocumentInput!) {\n    uploadDocument(input: $input) {\n      __typename\n      ... on UploadDocumentPayload { deduplicated document { id fiscalYear kind title pageCount status } }\n      ... on DocumentUnreadableError { message reason }\n      ... on ValidationError { message fieldErrors { path message } }\n      ... on Error { message }\n    }\n  }\n"): (typeof documents)["\n  mutation UploadReport($input: UploadDocumentInput!) {\n    uploadDocument(input: $input) {\n      __typename\n      ... on UploadDocumentPayload { deduplicated document { id fiscalYear kind title pageCount status } }\n      ... on DocumentUnreadableError { message reason }\n      ... on ValidationError { message fieldErrors { path message } }\n      ... on Error { message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StartReportExtraction($input: StartExtractionInput!) {\n    startExtraction(input: $input) {\n      __typename\n      ... on StartExtractionPayload { existing job { id kind status } }\n      ... on Error { message }\n    }\n  }\n"): (typeof documents)["\n  mutation StartReportExtraction($input: StartExtractionInput!) {\n    startExtraction(input: $input) {\n      __typename\n      ... on StartExtractionPayload { existing job { id kind status } }\n      ... on Error { message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CompileCompanyStatements($input: CompileStatementsInput!) {\n    compileStatements(input: $input) {\n      __typename\n      ... on CompileStatementsPayload { existing job { id kind status } }\n      ... on Error { message }\n    }\n  }\n"): (typeof documents)["\n  mutation CompileCompanyStatements($input: CompileStatementsInput!) {\n    compileStatements(input: $input) {\n      __typename\n      ... on CompileStatementsPayload { existing job { id kind status } }\n      ... on Error { message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription FollowJob($id: ID!) {\n    jobProgress(id: $id) {\n      id\n      kind\n      status\n      progress { step current total percent }\n      error { code message }\n      result\n    }\n  }\n"): (typeof documents)["\n  subscription FollowJob($id: ID!) {\n    jobProgress(id: $id) {\n      id\n      kind\n      status\n      progress { step current total percent }\n      error { code message }\n      result\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query JobStatus($id: ID!) {\n    job(id: $id) {\n      __typename\n      ... on Job { id kind status progress { step current total percent } error { code message } }\n      ... on NotFoundError { message }\n    }\n  }\n"): (typeof documents)["\n  query JobStatus($id: ID!) {\n    job(id: $id) {\n      __typename\n      ... on Job { id kind status progress { step current total percent } error { code message } }\n      ... on NotFoundError { message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CompiledStatementTable($companyId: ID!, $type: StatementType!) {\n    compiledStatement(companyId: $companyId, type: $type) {\n      __typename\n      ... on CompiledStatement {\n        type\n        currency\n        unit\n        fiscalYears\n        updatedAt\n        csvUrl\n        rows {\n          concept\n          label\n          level\n          isTotal\n          perShare\n          cells { fiscalYear value restated restatedFrom source { page document { id fiscalYear } } }\n        }\n        checks { name fiscalYear passed difference }\n        warnings { code message }\n      }\n      ... on NotFoundError { message }\n    }\n  }\n"): (typeof documents)["\n  query CompiledStatementTable($companyId: ID!, $type: StatementType!) {\n    compiledStatement(companyId: $companyId, type: $type) {\n      __typename\n      ... on CompiledStatement {\n        type\n        currency\n        unit\n        fiscalYears\n        updatedAt\n        csvUrl\n        rows {\n          concept\n          label\n          level\n          isTotal\n          perShare\n          cells { fiscalYear value restated restatedFrom source { page document { id fiscalYear } } }\n        }\n        checks { name fiscalYear passed difference }\n        warnings { code message }\n      }\n      ... on NotFoundError { message }\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;