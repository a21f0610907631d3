/** Entity types: the interface's fields are the same for every kind, so one set of resolvers serves all. */
import type { EntityRecord } from '../../database/records.ts';
import type { Resolvers } from '../generated/resolvers-types.ts';
import { decodeNested } from '../nested-fields.ts';

/** GraphQL object type for each entity kind. */
export const TYPE_OF_KIND = {
  PERSON: 'Person',
  ORGANIZATION: 'Organization',
  PRODUCT: 'Product',
  PLACE: 'Place',
  FACILITY: 'Facility',
  DOCUMENT: 'Document',
  MEDIA: 'Media',
  EVENT: 'Event',
  CONCEPT: 'Concept',
} as const;

export type EntityTypeName = (typeof TYPE_OF_KIND)[keyof typeof TYPE_OF_KIND];

export const entityTypeOf = (entity: EntityRecord): EntityTypeName => TYPE_OF_KIND[entity.kind];

/**
 * The Entity interface's fields; shared by every implementing type. A list the entity tree fetched is on the
 * record (`prefetched`, by response key); any other goes to its loader, with arguments decoded by the same
 * specification the tree's plan used (nested-fields.ts).
 */
const entityFields = {
  relations: (entity, args, { loaders, limits }, info) => {
    const prefetched = entity.prefetched?.get(info.path.key as string);
    if (prefetched && !Array.isArray(prefetched)) return prefetched;
    return loaders.relations(decodeNested('relations', info, args, limits)).load(entity.id);
  },
  facts: (entity, args, { loaders, limits }, info) => {
    const prefetched = entity.prefetched?.get(info.path.key as string);
    if (Array.isArray(prefetched)) return prefetched;
    return loaders.facts(decodeNested('facts', info, args, limits)).load(entity.id);
  },
} satisfies Resolvers['Person'];

const backedFacts: NonNullable<Resolvers['Document']>['backedFacts'] = (source, args, { loaders, limits }, info) =>
  loaders.backedFacts(decodeNested('backedFacts', info, args, limits).first).load(source.id);

export const entityResolvers: Resolvers = {
  Entity: { __resolveType: entityTypeOf },
  Source: { __resolveType: (entity) => (entity.kind === 'MEDIA' ? 'Media' : 'Document') },
  Person: entityFields,
  Organization: entityFields,
  Product: entityFields,
  Place: entityFields,
  Facility: entityFields,
  Event: entityFields,
  Concept: entityFields,
  Media: { ...entityFields, backedFacts },
  Document: {
    ...entityFields,
    backedFacts,
    text: (document, _args, { loaders }) => loaders.documentText.load(document.id),
  },
};
