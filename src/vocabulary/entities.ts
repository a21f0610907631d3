/**
 * Entity kinds and an entity's stored properties. A kind's `type` is both its GraphQL object type and its Neo4j
 * label (every entity is an `:Entity` node also labelled by its kind); `source` kinds implement `Source`.
 */
import { enumeration, type ValueOf } from './enumeration.ts';
import { timeProperties } from './time.ts';

interface KindSpec {
  readonly type: string;
  readonly description: string;
  readonly source?: true;
}

/** Add a kind here, then `npm run codegen`: the SDL, JSON Schema, mappers and Neo4j labels follow. */
const KINDS = {
  PERSON: { type: 'Person', description: 'A person, such as Elon Musk.' },
  ORGANIZATION: { type: 'Organization', description: 'A company, an agency or another organization, such as Tesla or xAI.' },
  PRODUCT: { type: 'Product', description: 'A product or a service, such as the Nvidia H100 or the chatbot Grok.' },
  PLACE: { type: 'Place', description: 'A place: a city, a region, a country.' },
  FACILITY: { type: 'Facility', description: 'A built or planned installation, such as a GPU cluster.' },
  DOCUMENT: { type: 'Document', description: 'A document: an article, a memo, a post, a report.', source: true },
  MEDIA: { type: 'Media', description: 'A medium that relays what others say, such as CNBC or Reuters.', source: true },
  EVENT: {
    type: 'Event',
    description: 'Something happening at a time, reified so that each participant of an n-ary fact can be queried.',
  },
  CONCEPT: { type: 'Concept', description: 'An idea, a field or a category, such as artificial intelligence.' },
} as const satisfies Record<string, KindSpec>;

type Kind = keyof typeof KINDS;
type SourceKindOf<K extends Kind> = K extends Kind ? ((typeof KINDS)[K] extends { source: true } ? K : never) : never;
const kinds = Object.keys(KINDS) as Kind[];
const describedKinds = <K extends Kind>(keys: readonly K[]) => Object.fromEntries(keys.map((k) => [k, KINDS[k].description])) as Record<K, string>;

export const ENTITY_KIND = enumeration(
  'EntityKind',
  'What an entity is. Every entity has exactly one kind, and the GraphQL type of the entity follows its kind\n(PERSON → Person, ORGANIZATION → Organization, …).',
  describedKinds(kinds),
);
export type EntityKind = ValueOf<typeof ENTITY_KIND>;
export const ENTITY_KINDS = ENTITY_KIND.values;

/** The GraphQL object type of an entity of each kind, which is also its Neo4j label. */
export type EntityTypeName = (typeof KINDS)[EntityKind]['type'];
export const ENTITY_TYPE_OF_KIND = Object.freeze(Object.fromEntries(kinds.map((k) => [k, KINDS[k].type]))) as Readonly<{
  [K in EntityKind]: (typeof KINDS)[K]['type'];
}>;
/** Neo4j labels of the kinds, in kind order. */
export const ENTITY_LABELS: readonly EntityTypeName[] = ENTITY_KINDS.map((k) => ENTITY_TYPE_OF_KIND[k]);

export const SOURCE_KIND = enumeration(
  'SourceKind',
  'The kinds of entity that can be a source.',
  describedKinds(kinds.filter((k): k is SourceKindOf<Kind> => 'source' in KINDS[k])),
);
export type SourceKind = ValueOf<typeof SOURCE_KIND>;
export const SOURCE_KINDS = SOURCE_KIND.values;

/**
 * The stored properties an entity record is made of (repository toEntity), read by map projections. Listed,
 * not `.*`: a document's full text is a property too, and reading a megabyte of it for every citation that names
 * the document made lookups several times slower.
 */
export const ENTITY_PROPERTIES = [
  'id',
  'kind',
  'name',
  'description',
  'background',
  'aliasTexts',
  'aliasLanguages',
  'language',
  'textSha256',
  ...Object.values(timeProperties('published')),
] as const;

/** Stored on entities but never part of a record: the full-text index's input, and a document's text (read on its own; its hash is in the record). */
export const ENTITY_UNREAD_PROPERTIES = ['searchNames', 'text'] as const;
