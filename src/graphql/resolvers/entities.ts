/** Entity types: the interface's fields are the same for every kind, so one set of resolvers serves all. */
import type { EntityRecord } from '../../database/records.ts';
import { ENTITY_TYPE_OF_KIND, SOURCE_KIND, type EntityTypeName } from '../../vocabulary/index.ts';
import type { Resolvers } from '../generated/resolvers-types.ts';
import { decodeNested } from '../nested-fields.ts';
import { loadersOf } from '../as-of.ts';
import { withTotal } from '../connections.ts';

/** The GraphQL object type of an entity follows its kind (vocabulary ENTITY_TYPE_OF_KIND). */
export const entityTypeOf = (entity: EntityRecord): EntityTypeName => ENTITY_TYPE_OF_KIND[entity.kind];

/** A source's type; a record of another kind is not a source, which is a bug upstream, not a null. */
const sourceTypeOf = (entity: EntityRecord) => {
  if (!SOURCE_KIND.has(entity.kind)) throw new Error(`Entity ${entity.id} of kind ${entity.kind} is not a source`);
  return ENTITY_TYPE_OF_KIND[entity.kind];
};

/**
 * The Entity interface's fields; shared by every implementing type. A list the entity tree fetched is on the
 * record (`prefetched`, by response key); any other goes to its loader, with arguments decoded by the same
 * specification the tree's plan used (nested-fields.ts).
 */
const entityFields = {
  // A page the tree fetched is returned as a value, not a promise (graphql-js then completes it synchronously).
  relations: (entity, args, context, info) => {
    const query = decodeNested('relations', info, args, context.limits);
    const loaders = loadersOf(context, info);
    const total = () => loaders.relationCount({ types: query.types, direction: query.direction }, context.limits.exactCountLimit).load(entity.id);
    const prefetched = entity.prefetched?.get(info.path.key as string);
    if (prefetched?.kind === 'relations') return withTotal(prefetched.page, total);
    return loaders.relations(query).load(entity.id).then((page) => withTotal(page, total));
  },
  facts: (entity, args, context, info) => {
    const query = decodeNested('facts', info, args, context.limits);
    const loaders = loadersOf(context, info);
    const total = () => loaders.factCount({ types: query.types, includeRetracted: query.includeRetracted }, context.limits.exactCountLimit).load(entity.id);
    const prefetched = entity.prefetched?.get(info.path.key as string);
    if (prefetched?.kind === 'facts') return withTotal(prefetched.page, total);
    return loaders.facts(query).load(entity.id).then((page) => withTotal(page, total));
  },
  revision: (entity, _args, { loaders }) => (entity.revision === null ? null : loaders.revision.load(entity.revision)),
  redirectedFrom: (entity) => entity.redirectedFrom ?? null,
} satisfies Resolvers['Person'];

const backedFacts: NonNullable<Resolvers['Document']>['backedFacts'] = async (source, args, context, info) => {
  const { window, includeRetracted } = decodeNested('backedFacts', info, args, context.limits);
  const loaders = loadersOf(context, info);
  const page = await loaders.backedFacts(window, includeRetracted).load(source.id);
  return withTotal(page, () => loaders.backedFactCount(includeRetracted, context.limits.exactCountLimit).load(source.id));
};

export const entityResolvers: Resolvers = {
  Entity: { __resolveType: entityTypeOf },
  Source: { __resolveType: sourceTypeOf },
  // Every kind's type has the interface's fields; the sources add theirs below.
  ...(Object.fromEntries(Object.values(ENTITY_TYPE_OF_KIND).map((type) => [type, entityFields])) as Record<EntityTypeName, typeof entityFields>),
  Media: { ...entityFields, backedFacts },
  Document: {
    ...entityFields,
    backedFacts,
    text: (document, _args, context, info) => loadersOf(context, info).documentText.load(document.id),
  },
};
