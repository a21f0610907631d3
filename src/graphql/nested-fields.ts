/**
 * One specification per nested list field of an entity: the arguments it takes and how they become the
 * repository's parameters (defaults from the SDL, bounds from the config). The entity-tree plan and the field
 * resolvers both decode through it, so an argument is honoured on both paths or on neither. `tree` lists the
 * arguments the compiled entity tree (src/database/entity-tree.ts) honours: a selection that gives any other
 * argument of the field, or selects a field with arguments that is not listed here, is resolved through the
 * loaders instead (entity-tree-plan.ts says why in the log).
 */
import type { GraphQLField, GraphQLResolveInfo } from 'graphql';
import type { Limits } from '../config/config.ts';
import type { FactsQuery, RelationDirection, RelationQuery } from '../database/queries.ts';
import { factKey, idKey, pageWindow, type FactKey, type PageWindow, type PagingArguments } from './arguments.ts';

/** Argument values as graphql-js coerced them, with the SDL's default also where the client sent null. */
export type Arguments = Readonly<Record<string, unknown>>;

export interface NestedFieldSpec<Params> {
  /** Every argument the field takes in the SDL (a test checks the SDL against this list). */
  readonly arguments: readonly string[];
  /** The arguments the compiled entity tree honours; null when the tree does not compile this field at all. */
  readonly tree: readonly string[] | null;
  readonly decode: (args: Arguments, limits: Limits) => Params;
}

const types = (args: Arguments): readonly string[] | null => (args.types as readonly string[] | null | undefined) ?? null;

const PAGING = ['first', 'after', 'last', 'before'] as const;

/** A fact list's page (Entity.facts, Source.backedFacts). */
export const factWindow = (args: Arguments, limits: Limits): PageWindow<FactKey> => pageWindow(args as PagingArguments, limits.maxPageSize, 'fact', factKey);

/** `Entity.relations`: a keyset page of the relations at the entity, by type and direction. */
const relations: NestedFieldSpec<RelationQuery> = {
  arguments: ['types', 'direction', ...PAGING],
  tree: ['types', 'direction', ...PAGING],
  decode: (args, limits) => ({
    types: types(args),
    direction: args.direction as RelationDirection,
    window: pageWindow(args as PagingArguments, limits.maxPageSize, 'relation', idKey),
  }),
};

/**
 * `Entity.facts`: a page of the facts the entity takes part in, by type. The tree honours `includeRetracted` only
 * when false (its default): the plan sends `true` to the loaders (entity-tree-plan.ts).
 */
const facts: NestedFieldSpec<FactsQuery> = {
  arguments: ['types', ...PAGING, 'includeRetracted'],
  tree: ['types', ...PAGING, 'includeRetracted'],
  decode: (args, limits) => ({ types: types(args), window: factWindow(args, limits), includeRetracted: args.includeRetracted === true }),
};

/** `Source.backedFacts`: resolved by its loader (the tree does not compile it). */
const backedFacts: NestedFieldSpec<{ window: PageWindow<FactKey>; includeRetracted: boolean }> = {
  arguments: [...PAGING, 'includeRetracted'],
  tree: null,
  decode: (args, limits) => ({ window: factWindow(args, limits), includeRetracted: args.includeRetracted === true }),
};

export const NESTED_FIELDS = { relations, facts, backedFacts } as const;

export type NestedFieldName = keyof typeof NESTED_FIELDS;

export const isNestedField = (name: string): name is NestedFieldName => Object.hasOwn(NESTED_FIELDS, name);

/** `args` with the field's SDL default wherever an argument is null or absent: the SDL is where defaults live. */
export function withDefaults(definition: Pick<GraphQLField<unknown, unknown>, 'args'>, args: Arguments): Arguments {
  const out: Record<string, unknown> = { ...args };
  for (const argument of definition.args) {
    if ((out[argument.name] === null || out[argument.name] === undefined) && argument.defaultValue !== undefined) out[argument.name] = argument.defaultValue;
  }
  return out;
}

/** The arguments a resolver received, with the SDL's defaults applied (see withDefaults). */
export function resolverArguments(info: Pick<GraphQLResolveInfo, 'parentType' | 'fieldName'>, args: object): Arguments {
  const definition = info.parentType.getFields()[info.fieldName];
  return definition ? withDefaults(definition, args as Arguments) : (args as Arguments);
}

/** What a nested field's resolver passes to its loader: its arguments decoded by its specification. */
export function decodeNested<Name extends NestedFieldName>(
  name: Name,
  info: Pick<GraphQLResolveInfo, 'parentType' | 'fieldName'>,
  args: object,
  limits: Limits,
): ReturnType<(typeof NESTED_FIELDS)[Name]['decode']> {
  return NESTED_FIELDS[name].decode(resolverArguments(info, args), limits) as ReturnType<(typeof NESTED_FIELDS)[Name]['decode']>;
}
