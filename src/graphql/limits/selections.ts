/**
 * Walks an operation's selections through its fragments, the way execution would, with each fragment's
 * result computed once (so a fragment spread a thousand times costs one walk) and cycles cut (validation
 * rejects them, but limit rules run beside validation, not after it). Introspection (`__schema`, `__type`)
 * is walked like any other selection: its answer can be as large as any other.
 */
import { Kind, type FragmentDefinitionNode, type SelectionSetNode } from 'graphql';

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
