/**
 * Walks an operation's selections through its fragments, the way execution would, with each fragment's
 * result computed once (so a fragment spread a thousand times costs one walk) and cycles cut (validation
 * rejects them, but limit rules run beside validation, not after it).
 */
import { Kind, type FragmentDefinitionNode, type SelectionSetNode } from 'graphql';

/** Fields under these are answered from the schema, never from the database: limits ignore them. */
export function isIntrospectionField(name: string): boolean {
  return name === '__schema' || name === '__type';
}

/**
 * Folds a selection set: `field` gets a field's alias-ness, name and the folded value of its own selections;
 * values of sibling selections are combined with `combine`.
 */
export function foldSelections<T>(
  root: SelectionSetNode,
  fragments: (name: string) => FragmentDefinitionNode | undefined | null,
  visit: {
    empty: T;
    field(node: { name: string; aliased: boolean }, children: T): T;
    combine(a: T, b: T): T;
  },
): T {
  const memo = new Map<string, T>();
  const inProgress = new Set<string>();
  const fold = (set: SelectionSetNode): T => {
    let result = visit.empty;
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        if (isIntrospectionField(selection.name.value)) continue;
        const children = selection.selectionSet ? fold(selection.selectionSet) : visit.empty;
        result = visit.combine(result, visit.field({ name: selection.name.value, aliased: selection.alias !== undefined }, children));
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        result = visit.combine(result, fold(selection.selectionSet));
      } else {
        const name = selection.name.value;
        if (!memo.has(name)) {
          const fragment = fragments(name);
          if (!fragment || inProgress.has(name)) continue;
          inProgress.add(name);
          memo.set(name, fold(fragment.selectionSet));
          inProgress.delete(name);
        }
        result = visit.combine(result, memo.get(name)!);
      }
    }
    return result;
  };
  return fold(root);
}
