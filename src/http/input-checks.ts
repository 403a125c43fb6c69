// Input no resolver should ever see, refused before execution with a clear error (400, extensions.code):
// - a NUL character (U+0000) in any string, as a variable or written in the document: PostgreSQL cannot store it
//   in text (error 22021), so it would fail half-way as an unexpected error;
// - variables nested deeper than any input type of the schema (a 100,000-deep JSON array overflowed the stack of
//   the response cache's key builder);
// - a multipart upload whose map puts the file at an argument that is not a File (misplaced-files.ts).
import { GraphQLError, type GraphQLSchema, type ValidationRule } from 'graphql';
import { createGraphQLError, type Plugin } from 'graphql-yoga';
import { rejections } from '../metrics.js';
import { misplacedFile } from './misplaced-files.js';

/** Our deepest input (CreateCompanyInput.tickers[].ticker) is 4 levels; 32 leaves room and stops abuse. */
export const MAX_VARIABLE_DEPTH = 32;

const NUL_MESSAGE = 'Strings may not contain the NUL character (U+0000)';

/** The first problem in the variables, walked iteratively (no recursion to overflow), or null. */
function variablesProblem(variables: unknown): { code: string; message: string } | null {
  const stack: { value: unknown; depth: number }[] = [{ value: variables, depth: 0 }];
  while (stack.length > 0) {
    const { value, depth } = stack.pop()!;
    if (typeof value === 'string') {
      if (value.includes('\u0000')) return { code: 'INVALID_CHARACTER', message: `${NUL_MESSAGE} (in the variables)` };
    } else if (value !== null && typeof value === 'object') {
      if (depth > MAX_VARIABLE_DEPTH) {
        return { code: 'VARIABLES_TOO_DEEP', message: `Variables are nested deeper than ${MAX_VARIABLE_DEPTH} levels` };
      }
      for (const child of Object.values(value)) stack.push({ value: child, depth: depth + 1 });
    }
  }
  return null;
}

const noNulInLiterals: ValidationRule = (context) => ({
  StringValue(node) {
    if (!node.value.includes('\u0000')) return;
    rejections.inc({ reason: 'invalid_character' });
    context.reportError(new GraphQLError(NUL_MESSAGE, { nodes: node, extensions: { code: 'INVALID_CHARACTER' } }));
  },
});

/** `maxTokens`: the document token limit (src/security.ts), kept when a multipart request's document is read here. */
export function useInputChecks(maxTokens: number): Plugin {
  let schema: GraphQLSchema | undefined;
  return {
    onSchemaChange({ schema: current }) {
      schema = current;
    },
    onParams({ params }) {
      const problem = variablesProblem(params.variables);
      if (problem) {
        rejections.inc({ reason: problem.code === 'INVALID_CHARACTER' ? 'invalid_character' : 'variables_depth' });
        throw createGraphQLError(problem.message, { extensions: { code: problem.code, http: { status: 400 } } });
      }
      const misplaced = schema && params.query ? misplacedFile(schema, { query: params.query, operationName: params.operationName, variables: params.variables }, maxTokens) : null;
      if (misplaced) {
        rejections.inc({ reason: 'misplaced_file' });
        throw createGraphQLError(misplaced, { extensions: { code: 'FILE_NOT_EXPECTED', http: { status: 400 } } });
      }
    },
    onValidate({ addValidationRule }) {
      addValidationRule(noNulInLiterals);
    },
  };
}
