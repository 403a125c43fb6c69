// A multipart request's `map` may put its file at any variable path. Only a File argument takes a file: anywhere
// else graphql-js would refuse it with a message that prints the value, i.e. the file object's internals (its
// name, type, buffers). Files are found here first and a misplaced one is named by its path and the type there.
import {
  getNamedType,
  getNullableType,
  getOperationAST,
  isInputObjectType,
  isListType,
  parse,
  typeFromAST,
  type GraphQLInputType,
  type GraphQLSchema,
} from 'graphql';

/** A file of a multipart request as Yoga hands it over (a File of the fetch API, or its Node ponyfill). */
export function isUploadedFile(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return false;
  const file = value as Partial<Blob>;
  return typeof file.arrayBuffer === 'function' && typeof file.stream === 'function';
}

/** Where files sit in the variables: each one's path of keys and indexes. Iterative, as the variables may be deep. */
export function filePaths(variables: unknown): (string | number)[][] {
  const found: (string | number)[][] = [];
  const stack: { value: unknown; path: (string | number)[] }[] = [{ value: variables, path: [] }];
  while (stack.length > 0) {
    const { value, path } = stack.pop()!;
    if (isUploadedFile(value)) found.push(path);
    else if (Array.isArray(value)) value.forEach((item, i) => stack.push({ value: item, path: [...path, i] }));
    else if (value !== null && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) stack.push({ value: item, path: [...path, key] });
    }
  }
  return found;
}

/** The input type at a path below a variable's type, or null where the path leaves the type (an unknown field). */
function typeAt(type: GraphQLInputType, path: (string | number)[]): GraphQLInputType | null {
  let current: GraphQLInputType = type;
  for (const key of path) {
    const nullable = getNullableType(current);
    if (isListType(nullable) && typeof key === 'number') current = nullable.ofType;
    else if (isInputObjectType(nullable) && typeof key === 'string' && Object.hasOwn(nullable.getFields(), key)) {
      current = nullable.getFields()[key].type;
    } else return null;
  }
  return current;
}

/**
 * The first file placed where the operation expects something else, as a message without the file's content; null
 * when every file sits at a File argument (or the document does not parse: Yoga reports that itself). A file in a
 * variable the operation does not declare is ignored, as graphql-js ignores any undeclared variable.
 */
export function misplacedFile(
  schema: GraphQLSchema,
  request: { query: string; operationName?: string; variables: unknown },
  maxTokens: number,
): string | null {
  const paths = filePaths(request.variables);
  if (paths.length === 0) return null;
  let operation;
  try {
    // Within the token limit, as Yoga's own parse: a document over it is refused there.
    operation = getOperationAST(parse(request.query, { maxTokens }), request.operationName);
  } catch {
    return null;
  }
  for (const path of paths) {
    const [name, ...below] = path;
    const definition = operation?.variableDefinitions?.find((d) => d.variable.name.value === name);
    if (!definition) continue;
    const declared = typeFromAST(schema, definition.type) as GraphQLInputType | undefined;
    const type = declared && typeAt(declared, below);
    if (type && getNamedType(type).name === 'File') continue;
    const where = `variables.${path.join('.')}`;
    const expected = type ? `expects ${type.toString()}` : `is not a field of ${declared?.toString() ?? 'the operation'}`;
    return `A file can only be sent to an argument of type File: the multipart map puts one at ${where}, which ${expected}`;
  }
  return null;
}
