/**
 * The cost of an operation: an estimate of the objects its answer can hold (for data fields, the records
 * the database returns), computed from the document and its coerced variables before execution. Each object
 * field costs 1; a list multiplies the cost of what is selected in it by its size: `first` for pages and
 * searches (`first` or `last`, whichever is given: the value asked, a variable, or the operation's default for
 * that variable; a connection asked with neither is a page of DEFAULT_PAGE_SIZE), the reachable node count for
 * `neighborhood` (grows with `depth`), `maxDepth + 1` for `path`, the number of ids or representations for
 * `nodes` and the federation's `_entities`, and
 * DEFAULT_LIST_SIZE for short unpaginated lists (citations, participants…). Scalars are free (they come with
 * their object) unless the SDL gives them a weight: `@cost(weight: 40)` on a document's full text.
 *
 * Introspection costs like any other selection, with the schema's own list lengths (introspection-counts.ts):
 * `__schema { types { fields } }` costs the real number of types and fields, so thirty aliases of it are
 * thirty times that, and `ofType` chains cost only as deep as the schema's types are wrapped.
 */
import {
  getArgumentValues,
  getNamedType,
  getNullableType,
  isInterfaceType,
  isIntrospectionType,
  isLeafType,
  isListType,
  isObjectType,
  Kind,
  SchemaMetaFieldDef,
  TypeMetaFieldDef,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import type { Limits } from '../../config/config.ts';
import { DEFAULT_PAGE_SIZE } from '../arguments.ts';
import { introspectionCounts } from './introspection-counts.ts';

export const DEFAULT_LIST_SIZE = 10;
/** Entities a neighbourhood of depth 1 is expected to reach; each further layer multiplies by 5. */
const NEIGHBORHOOD_FIRST_LAYER = 20;
/** Keeps absurd `first` values from overflowing the arithmetic; the cost limit rejects them anyway. */
const SIZE_CEILING = 1_000_000;

export interface CostInput {
  schema: GraphQLSchema;
  operation: OperationDefinitionNode;
  fragments: Record<string, FragmentDefinitionNode>;
  /** The operation's variables as graphql-js coerced them (`getVariableValues`): defaults applied. */
  variables: Record<string, unknown>;
  limits: Pick<Limits, 'maxNeighborhoodNodes' | 'maxNeighborhoodDepth' | 'maxPathDepth'>;
}

/** Where a selection set is costed from. */
interface Scope {
  /** The page size a parent field asked for, for the list inside it (a connection's `nodes`). */
  listSize: number | undefined;
  /** Under an introspection list: each nested introspection list is as long as its average, not its longest. */
  everyParent: boolean;
  /** `ofType` levels already walked in this type reference. */
  ofTypeDepth: number;
}

export function operationCost({ schema, operation, fragments, variables, limits }: CostInput): number {
  const root = schema.getRootType(operation.operation);
  if (!root) return 0;
  const counts = introspectionCounts(schema);
  const memo = new Map<string, number>();
  const inProgress = new Set<string>();

  const definitionOf = (parent: GraphQLNamedType, name: string): GraphQLField<unknown, unknown> | undefined => {
    if (parent === root && name === '__schema') return SchemaMetaFieldDef;
    if (parent === root && name === '__type') return TypeMetaFieldDef;
    return isObjectType(parent) || isInterfaceType(parent) ? parent.getFields()[name] : undefined;
  };

  /** graphql-js's own argument coercion: literals, variables and the schema's defaults. */
  const argumentsOf = (definition: GraphQLField<unknown, unknown>, field: FieldNode): Record<string, unknown> => {
    try {
      return getArgumentValues(definition, field, variables);
    } catch {
      return {}; // validation reports bad arguments; cost falls back to the defaults below.
    }
  };

  /**
   * How many items a data field makes its lists hold, when its arguments say. Depths are costed at most at
   * their configured maximum: the resolver refuses deeper before any Cypher runs.
   */
  const sizeFrom = (name: string, args: Record<string, unknown>, paged: boolean): number | undefined => {
    const depthOf = (value: unknown, max: number) => (typeof value === 'number' ? Math.max(1, Math.min(value, max)) : max);
    if (name === 'neighborhood') {
      return Math.min(limits.maxNeighborhoodNodes, NEIGHBORHOOD_FIRST_LAYER * 5 ** (depthOf(args.depth, limits.maxNeighborhoodDepth) - 1));
    }
    if (name === 'path') return depthOf(args.maxDepth, limits.maxPathDepth) + 1;
    // Lists as long as the ids or representations given (variables included): `nodes`, and `_entities` of
    // the federation subgraph, which a gateway sends with one representation per object it needs.
    if (name === 'nodes' && Array.isArray(args.ids)) return Math.min(args.ids.length, SIZE_CEILING);
    if (name === '_entities' && Array.isArray(args.representations)) return Math.min(args.representations.length, SIZE_CEILING);
    const size = typeof args.first === 'number' ? args.first : typeof args.last === 'number' ? args.last : undefined;
    if (size !== undefined) return Math.min(Math.max(size, 0), SIZE_CEILING);
    // A connection asked without `first` or `last` is a page of the default size.
    return paged ? DEFAULT_PAGE_SIZE : undefined;
  };

  const costOf = (set: SelectionSetNode, parent: GraphQLNamedType | undefined, scope: Scope): number => {
    let total = 0;
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        total += fieldCost(selection, parent, scope);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parent;
        total += costOf(selection.selectionSet, type ?? undefined, scope);
      } else {
        total += spreadCost(selection.name.value, scope);
      }
    }
    return total;
  };

  const fieldCost = (field: FieldNode, parent: GraphQLNamedType | undefined, scope: Scope): number => {
    const name = field.name.value;
    const definition = parent && definitionOf(parent, name);
    if (!definition) return 0; // __typename, or a field validation refuses
    const type = getNamedType(definition.type);
    if (isLeafType(type)) return weightOf(definition);
    const isList = isListType(getNullableType(definition.type));
    if (isIntrospectionType(parent)) return introspectionFieldCost(field, parent, type, isList, scope);
    const size = sizeFrom(name, argumentsOf(definition, field), definition.args.some((a) => a.name === 'first' || a.name === 'last'));
    // A list is as long as its own `first`, or as the page its parent field asked for, or short.
    const multiplier = isList ? (size ?? scope.listSize ?? DEFAULT_LIST_SIZE) : 1;
    const inner: Scope = { listSize: isList ? undefined : size, everyParent: false, ofTypeDepth: 0 };
    const children = field.selectionSet ? costOf(field.selectionSet, type, inner) : 0;
    // An object field's own `@cost` weight (a mutation's write) counts on top of what it answers.
    return multiplier * (1 + weightOf(definition) + children);
  };

  const introspectionFieldCost = (field: FieldNode, parent: GraphQLNamedType, type: GraphQLNamedType, isList: boolean, scope: Scope): number => {
    const name = field.name.value;
    // Past the schema's deepest wrapping, `ofType` is null: nothing to answer.
    if (name === 'ofType' && scope.ofTypeDepth >= counts.maxWrapping) return 0;
    const length = isList ? counts.lists.get(`${parent.name}.${name}`) : undefined;
    const multiplier = !isList ? 1 : length ? (scope.everyParent ? length.average : length.max) : DEFAULT_LIST_SIZE;
    const inner: Scope = {
      listSize: undefined,
      everyParent: scope.everyParent || isList,
      ofTypeDepth: name === 'ofType' ? scope.ofTypeDepth + 1 : 0,
    };
    const children = field.selectionSet ? costOf(field.selectionSet, type, inner) : 0;
    return multiplier * (1 + children);
  };

  const spreadCost = (name: string, scope: Scope): number => {
    const key = `${name}/${scope.listSize ?? ''}/${scope.everyParent}/${scope.ofTypeDepth}`;
    const known = memo.get(key);
    if (known !== undefined) return known;
    const fragment = fragments[name];
    if (!fragment || inProgress.has(key)) return 0;
    inProgress.add(key);
    const cost = costOf(fragment.selectionSet, schema.getType(fragment.typeCondition.name.value) ?? undefined, scope);
    inProgress.delete(key);
    memo.set(key, cost);
    return cost;
  };

  /** A field's `@cost(weight:)` from the SDL (a scalar's, or a mutation's), else 0. */
  const weightOf = (definition: GraphQLField<unknown, unknown>): number => {
    const directive = definition.astNode?.directives?.find((d) => d.name.value === 'cost');
    const weight = directive?.arguments?.find((a) => a.name.value === 'weight')?.value;
    return weight?.kind === Kind.INT ? Number(weight.value) : 0;
  };

  // Average list lengths make fractions: the cost is the whole number just above.
  return Math.ceil(costOf(operation.selectionSet, root, { listSize: undefined, everyParent: false, ofTypeDepth: 0 }) - 1e-9);
}
