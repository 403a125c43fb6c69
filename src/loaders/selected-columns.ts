// Which columns of a model a GraphQL selection reads, so a loader can load (and map) only those.
import type { FieldNode, FragmentDefinitionNode, GraphQLResolveInfo, SelectionSetNode } from 'graphql';

type Fragments = Record<string, FragmentDefinitionNode>;

export interface ColumnRules {
  /** The model's columns; a field of the same name reads that column. */
  columns: ReadonlySet<string>;
  /** Fields that read only the `always` columns (relations Pothos loads from the row's id, ids in URLs). */
  idOnly: ReadonlySet<string>;
  /** Always loaded: the id and whatever the loader keys rows by. */
  always: readonly string[];
}

/**
 * The columns `selections` read under `rules`, sorted (a stable batch signature), or undefined (every column) when
 * they select a field the rules do not know: a new field that reads other columns is then still served.
 */
export function selectedColumns(selections: readonly SelectionSetNode[], fragments: Fragments, rules: ColumnRules): string[] | undefined {
  const columns = new Set(rules.always);
  const visit = (set: SelectionSetNode | undefined): boolean => {
    for (const s of set?.selections ?? []) {
      if (s.kind === 'Field') {
        const name = s.name.value;
        if (rules.columns.has(name)) columns.add(name);
        else if (!rules.idOnly.has(name) && name !== '__typename') return false;
      } else if (s.kind === 'InlineFragment') {
        if (!visit(s.selectionSet)) return false;
      } else if (!visit(fragments[s.name.value]?.selectionSet)) return false;
    }
    return true;
  };
  for (const set of selections) if (!visit(set)) return undefined;
  return [...columns].sort();
}

export type FieldInfo = Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments'>;

/**
 * `columnsOf`, worked out once per field of the document: every row of a page resolves the same field node, so a
 * page of 500 documents walks its selection once, not 500 times.
 */
export function columnsPerField(columnsOf: (info: FieldInfo) => string[] | undefined): (info: FieldInfo) => string[] | undefined {
  const byField = new WeakMap<FieldNode, string[] | undefined>();
  return (info) => {
    const node = info.fieldNodes.length === 1 ? info.fieldNodes[0]! : undefined;
    if (node && byField.has(node)) return byField.get(node);
    const columns = columnsOf(info);
    if (node) byField.set(node, columns);
    return columns;
  };
}

/** The selection sets of the fields' own selections (an object field: what it selects of the object). */
export function fieldSelections(fieldNodes: readonly FieldNode[]): SelectionSetNode[] {
  return fieldNodes.flatMap((node) => (node.selectionSet ? [node.selectionSet] : []));
}

/** The selection sets under `edges { node { … } }` of connection fields, through fragments at either level. */
export function connectionNodeSelections(fieldNodes: readonly FieldNode[], fragments: Fragments): SelectionSetNode[] {
  return childSelections(childSelections(fieldSelections(fieldNodes), 'edges', fragments), 'node', fragments);
}

function childSelections(sets: readonly SelectionSetNode[], field: string, fragments: Fragments): SelectionSetNode[] {
  const found: SelectionSetNode[] = [];
  const visit = (set: SelectionSetNode | undefined) => {
    for (const s of set?.selections ?? []) {
      if (s.kind === 'Field') {
        if (s.name.value === field && s.selectionSet) found.push(s.selectionSet);
      } else if (s.kind === 'InlineFragment') visit(s.selectionSet);
      else visit(fragments[s.name.value]?.selectionSet);
    }
  };
  for (const set of sets) visit(set);
  return found;
}
