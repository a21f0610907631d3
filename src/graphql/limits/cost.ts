/**
 * The cost of an operation: an estimate of the records it can make the database return, computed from the
 * document and its variables before execution. Each object field costs 1; a list multiplies the cost of
 * what is selected in it by its size: `first` for pages and searches (the value asked, or its default),
 * the reachable node count for `neighborhood` (grows with `depth`), `maxDepth + 1` for `path`, and
 * DEFAULT_LIST_SIZE for short unpaginated lists (aliases, citations, participants…). Scalars are free: they
 * come with their record. Introspection is free: the schema answers it.
 */
import {
  getNamedType,
  getNullableType,
  isInterfaceType,
  isLeafType,
  isListType,
  isObjectType,
  Kind,
  valueFromASTUntyped,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import type { Limits } from '../../config/config.ts';
import { isIntrospectionField } from './selections.ts';

export const DEFAULT_LIST_SIZE = 10;
/** Entities a neighbourhood of depth 1 is expected to reach; each further layer multiplies by 5. */
const NEIGHBORHOOD_FIRST_LAYER = 20;
/** Keeps absurd `first` values from overflowing the arithmetic; the cost limit rejects them anyway. */
const SIZE_CEILING = 1_000_000;

export interface CostInput {
  schema: GraphQLSchema;
  operation: OperationDefinitionNode;
  fragments: Record<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
  limits: Limits;
}

export function operationCost({ schema, operation, fragments, variables, limits }: CostInput): number {
  const root = schema.getRootType(operation.operation);
  if (!root) return 0;
  const memo = new Map<string, number>();
  const inProgress = new Set<string>();

  const argumentsOf = (field: FieldNode): Record<string, unknown> =>
    Object.fromEntries((field.arguments ?? []).map((arg) => [arg.name.value, valueFromASTUntyped(arg.value, variables)]));

  /**
   * How many items a field makes its lists hold, when its arguments (or their SDL defaults) say. Depths are
   * costed at most at their configured maximum: the resolver refuses deeper before any Cypher runs.
   */
  const sizeFrom = (field: FieldNode, definition: GraphQLField<unknown, unknown>): number | undefined => {
    const given = argumentsOf(field);
    const arg = (name: string): unknown => given[name] ?? definition.args.find((a) => a.name === name)?.defaultValue;
    const depthOf = (name: string, max: number) => {
      const value = arg(name);
      return typeof value === 'number' ? Math.max(1, Math.min(value, max)) : max;
    };
    if (field.name.value === 'neighborhood') {
      return Math.min(limits.maxNeighborhoodNodes, NEIGHBORHOOD_FIRST_LAYER * 5 ** (depthOf('depth', limits.maxNeighborhoodDepth) - 1));
    }
    if (field.name.value === 'path') return depthOf('maxDepth', limits.maxPathDepth) + 1;
    const first = arg('first');
    return typeof first === 'number' ? Math.min(Math.max(first, 0), SIZE_CEILING) : undefined;
  };

  const costOf = (set: SelectionSetNode, parent: GraphQLNamedType | undefined, listSize: number | undefined): number => {
    let total = 0;
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        total += fieldCost(selection, parent, listSize);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parent;
        total += costOf(selection.selectionSet, type ?? undefined, listSize);
      } else {
        total += spreadCost(selection.name.value, listSize);
      }
    }
    return total;
  };

  const fieldCost = (field: FieldNode, parent: GraphQLNamedType | undefined, listSize: number | undefined): number => {
    const name = field.name.value;
    if (isIntrospectionField(name) || name === '__typename') return 0;
    if (!parent || !(isObjectType(parent) || isInterfaceType(parent))) return 0;
    const definition = parent.getFields()[name];
    if (!definition) return 0;
    const type = getNamedType(definition.type);
    if (isLeafType(type)) return 0;
    const size = sizeFrom(field, definition);
    const isList = isListType(getNullableType(definition.type));
    // A list is as long as its own `first`, or as the page its parent field asked for, or short.
    const multiplier = isList ? (size ?? listSize ?? DEFAULT_LIST_SIZE) : 1;
    const children = field.selectionSet ? costOf(field.selectionSet, type, isList ? undefined : size) : 0;
    return multiplier * (1 + children);
  };

  const spreadCost = (name: string, listSize: number | undefined): number => {
    const key = `${name}/${listSize ?? ''}`;
    const known = memo.get(key);
    if (known !== undefined) return known;
    const fragment = fragments[name];
    if (!fragment || inProgress.has(key)) return 0;
    inProgress.add(key);
    const cost = costOf(fragment.selectionSet, schema.getType(fragment.typeCondition.name.value) ?? undefined, listSize);
    inProgress.delete(key);
    memo.set(key, cost);
    return cost;
  };

  return costOf(operation.selectionSet, root, undefined);
}
