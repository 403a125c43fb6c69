// Compiled execution (graphql-jit) made to answer exactly as graphql-js does (tests/api/conformance.test.ts):
// - graphql-jit caches a compiled query per document object, whatever the operationName: each (document,
//   operationName) gets a document object of its own, so each operation is compiled and cached separately;
// - it ignores variable defaults: an omitted variable that has a default is given that default (as graphql-js
//   coerces it), an explicit null stays null;
// - variables are coerced by graphql-js first: invalid ones get graphql-js's errors (graphql-jit's echo the value,
//   e.g. an uploaded file's first bytes), valid ones then run compiled;
// - subscriptions run on graphql-js (compiled subscriptions lost literal arguments).
// Speed: bench/graphql-overhead.ts, ~45% less time on the catalogue query than graphql-js's execute.
import { useGraphQlJit } from '@envelop/graphql-jit';
import { getOperationAST, getVariableValues, GraphQLError, valueFromASTUntyped, type DocumentNode } from 'graphql';
import type { Plugin } from 'graphql-yoga';

const perOperation = new WeakMap<DocumentNode, Map<string, DocumentNode>>();

function documentFor(document: DocumentNode, operationName: string | null | undefined): DocumentNode {
  let byName = perOperation.get(document);
  if (!byName) perOperation.set(document, (byName = new Map()));
  const key = operationName ?? '';
  let own = byName.get(key);
  if (!own) byName.set(key, (own = { ...document }));
  return own;
}

function withDefaults(document: DocumentNode, operationName: string | null | undefined, variables: Record<string, unknown> | null | undefined) {
  const operation = getOperationAST(document, operationName);
  let filled: Record<string, unknown> | null | undefined = variables;
  for (const definition of operation?.variableDefinitions ?? []) {
    const name = definition.variable.name.value;
    if (!definition.defaultValue || (filled && Object.hasOwn(filled, name))) continue;
    filled = { ...filled, [name]: valueFromASTUntyped(definition.defaultValue) };
  }
  return filled;
}

export function compiledExecutionPlugins(): Plugin[] {
  const exact: Plugin = {
    onExecute({ args, setResultAndStopExecution }) {
      const operation = getOperationAST(args.document, args.operationName);
      if (!operation || operation.operation === 'subscription') return;
      const coerced = getVariableValues(args.schema, operation.variableDefinitions ?? [], (args.variableValues ?? {}) as Record<string, unknown>, {
        maxErrors: 50,
      });
      // A request error, as Yoga answers graphql-js's own coercion errors: HTTP 400.
      if (coerced.errors) {
        const errors = coerced.errors.map((e) => new GraphQLError(e.message, { nodes: e.nodes, extensions: { ...e.extensions, http: { status: 400 } } }));
        return setResultAndStopExecution({ errors });
      }
      args.variableValues = withDefaults(args.document, args.operationName, args.variableValues as Record<string, unknown>);
      args.document = documentFor(args.document, args.operationName);
    },
  };
  const jit = useGraphQlJit({}, { enableIf: (args) => getOperationAST(args.document, args.operationName)?.operation !== 'subscription' });
  return [exact, jit as Plugin];
}
