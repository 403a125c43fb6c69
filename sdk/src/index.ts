// The Financial Data Extractor's typed client SDK: every public operation of examples/operations.ts as a
// TypedDocumentNode (`ListCompaniesDocument`, …) with its result and variable types, the schema's types, and two
// small typed helpers over fetch (queries and mutations; subscriptions over SSE). Works with any GraphQL client
// that accepts a TypedDocumentNode (urql, Apollo, graphql-request, graphql-sse).
export * from './generated/graphql.js';
export { graphql } from './generated/gql.js';
export { execute, subscribe, GraphQLRequestError, type ExecutionResult, type RequestOptions } from './client.js';
