/**
 * Walks an operation's selections through its fragments, the way execution would, with each fragment's
 * result computed once per context (so a fragment spread a thousand times costs one walk) and cycles cut
 * (validation rejects them, but limit rules run beside validation, not after it). Introspection (`__schema`,
 * `__type`) is walked like any other selection: its answer can be as large as any other. Only what the schema
 * guarantees to be null is skipped: an `ofType` deeper than the schema's deepest type wrapping.
 */
import { Kind, type FragmentDefinitionNode, type SelectionSetNode } from 'graphql';

/** Where a selection set is: under introspection or not, and how many `ofType` levels deep. */
interface Context {
  introspection: boolean;
  ofTypeDepth: number;
}

/**
 * Folds a selection set: `field` gets a field's alias-ness, name and the folded value of its own selections;
 * values of sibling selections are combined with `combine`. `maxWrapping` is the schema's deepest `ofType`
 * chain (introspection-counts.ts).
 */
export function foldSelections<T>(
  root: SelectionSetNode,
  fragments: (name: string) => FragmentDefinitionNode | undefined | null,
  maxWrapping: number,
  visit: {
    empty: T;
    field(node: { name: string; aliased: boolean }, children: T): T;
    combine(a: T, b: T): T;
  },
): T {
  const memo = new Map<string, T>();
  const inProgress = new Set<string>();
  const fold = (set: SelectionSetNode, context: Context): T => {
    let result = visit.empty;
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        const name = selection.name.value;
        const ofType = context.introspection && name === 'ofType';
        if (ofType && context.ofTypeDepth >= maxWrapping) continue; // null in every answer
        const inner: Context = {
          introspection: context.introspection || name === '__schema' || name === '__type',
          ofTypeDepth: ofType ? context.ofTypeDepth + 1 : 0,
        };
        const children = selection.selectionSet ? fold(selection.selectionSet, inner) : visit.empty;
        result = visit.combine(result, visit.field({ name, aliased: selection.alias !== undefined }, children));
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        result = visit.combine(result, fold(selection.selectionSet, context));
      } else {
        const key = `${selection.name.value}/${context.introspection}/${context.ofTypeDepth}`;
        if (!memo.has(key)) {
          const fragment = fragments(selection.name.value);
          if (!fragment || inProgress.has(key)) continue;
          inProgress.add(key);
          memo.set(key, fold(fragment.selectionSet, context));
          inProgress.delete(key);
        }
        result = visit.combine(result, memo.get(key)!);
      }
    }
    return result;
  };
  return fold(root, { introspection: false, ofTypeDepth: 0 });
}
