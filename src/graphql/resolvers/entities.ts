/** Entity types: the interface's fields are the same for every kind, so one set of resolvers serves all. */
import type { EntityRecord } from '../../database/records.ts';
import { ENTITY_TYPE_OF_KIND, SOURCE_KIND, type EntityTypeName } from '../../vocabulary/index.ts';
import type { Resolvers } from '../generated/resolvers-types.ts';
import { decodeCursor, pageSize } from '../arguments.ts';

/** The GraphQL object type of an entity follows its kind (vocabulary ENTITY_TYPE_OF_KIND). */
export const entityTypeOf = (entity: EntityRecord): EntityTypeName => ENTITY_TYPE_OF_KIND[entity.kind];

/** A source's type; a record of another kind is not a source, which is a bug upstream, not a null. */
const sourceTypeOf = (entity: EntityRecord) => {
  if (!SOURCE_KIND.has(entity.kind)) throw new Error(`Entity ${entity.id} of kind ${entity.kind} is not a source`);
  return ENTITY_TYPE_OF_KIND[entity.kind];
};

/** The Entity interface's fields; shared by every implementing type. */
const entityFields = {
  relations: (entity, args, { loaders, limits }, info) => {
    const prefetched = entity.prefetched?.get(info.path.key as string);
    if (prefetched && !Array.isArray(prefetched)) return prefetched;
    const query = {
      types: args.types ?? null,
      direction: args.direction ?? 'BOTH',
      first: pageSize(args.first, 20, limits.maxPageSize),
      after: decodeCursor('relation', args.after),
    };
    return loaders.relations(query).load(entity.id);
  },
  facts: (entity, args, { loaders, limits }, info) => {
    const prefetched = entity.prefetched?.get(info.path.key as string);
    if (Array.isArray(prefetched)) return prefetched;
    return loaders.facts(args.types ?? null, pageSize(args.first, 50, limits.maxPageSize)).load(entity.id);
  },
} satisfies Resolvers['Person'];

const backedFacts: NonNullable<Resolvers['Document']>['backedFacts'] = (source, args, { loaders, limits }) =>
  loaders.backedFacts(pageSize(args.first, 50, limits.maxPageSize)).load(source.id);

export const entityResolvers: Resolvers = {
  Entity: { __resolveType: entityTypeOf },
  Source: { __resolveType: sourceTypeOf },
  // Every kind's type has the interface's fields; the sources add theirs below.
  ...(Object.fromEntries(Object.values(ENTITY_TYPE_OF_KIND).map((type) => [type, entityFields])) as Record<EntityTypeName, typeof entityFields>),
  Media: { ...entityFields, backedFacts },
  Document: {
    ...entityFields,
    backedFacts,
    text: (document, _args, { loaders }) => loaders.documentText.load(document.id),
  },
};
