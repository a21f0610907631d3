/**
 * Hub keys (docs/public-api.md, issue 12): every projected relation carries `fromKey` and `toKey`, its start's
 * and its end's entity id, a space, and its own id. Entity ids are slugs `[a-z0-9-]+`, and ' ' (0x20) sorts
 * below every slug character, so the keys of entity `e` are exactly the range [e + ' ', e + '!'), in relation-id
 * order: a page of a hub's relations is an index seek on that range, whatever the hub's degree.
 * cypher/write/create-relations.cypher builds the same string in Cypher; the bulk importer uses this function.
 */
export const relationKey = (entityId: string, relationId: string): string => `${entityId} ${relationId}`;

/** The separator the keys use, and the character just above it that closes an entity's range. */
export const RELATION_KEY_SEPARATOR = ' ';
export const RELATION_KEY_END = '!';
