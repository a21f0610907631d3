/**
 * Global ids (docs/public-api.md, "Global ids"): the one codec. An entity's id is its slug; every other Node's
 * is `Type:key`. Slugs never contain `:`, so a prefixed id is never an entity's. Resolvers decode arguments
 * here and encode what they answer; the repository and stored data keep slugs and sequences.
 */
import { badUserInput } from './errors.ts';

/** The Node types whose ids carry a prefix (entities' ids are bare slugs). */
export const PREFIXED_NODE_TYPES = ['Fact', 'Relation', 'Citation', 'Revision'] as const;
export type PrefixedNodeType = (typeof PREFIXED_NODE_TYPES)[number];

/** What a Node id names: an entity by slug, or a prefixed type by its key (a revision by its sequence). */
export type NodeRef =
  | { type: 'Entity'; key: string }
  | { type: 'Fact' | 'Relation' | 'Citation'; key: string }
  | { type: 'Revision'; key: string; sequence: number };

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const REVISION_KEY = /^r([1-9][0-9]{0,15})$/;
/** A relation's key: its fact's slug, or `fact/ROLE/entity` for a participant relation. */
const RELATION_KEY = /^[a-z0-9]+(-[a-z0-9]+)*(\/[A-Z][A-Z_]*\/[a-z0-9]+(-[a-z0-9]+)*)?$/;
/** A citation's key: its fact's slug and position (`xai-owns-grok#c0`). */
const CITATION_KEY = /^[a-z0-9]+(-[a-z0-9]+)*#c[0-9]{1,6}$/;
const KEY_OF: Record<Exclude<PrefixedNodeType, 'Revision'>, RegExp> = { Fact: SLUG, Relation: RELATION_KEY, Citation: CITATION_KEY };
const MAX_SHOWN = 60;

export function toGlobalId(type: PrefixedNodeType, key: string): string {
  return `${type}:${key}`;
}

export const revisionGlobalId = (sequence: number): string => toGlobalId('Revision', `r${sequence}`);

/** A Change's target in global form: a fact's is prefixed, an entity's or document's stays its slug. */
export function changeTargetId(operation: string, target: string): string {
  return FACT_OPERATIONS.has(operation) ? toGlobalId('Fact', target) : target;
}
const FACT_OPERATIONS = new Set(['ASSERT_FACT', 'REVISE_FACT', 'RETRACT_FACT', 'SET_RANK']);

/** Any Node id (node, nodes), or a BAD_USER_INPUT naming the forms accepted. */
export function decodeNodeId(id: string, argument = 'id'): NodeRef {
  const colon = id.indexOf(':');
  if (colon < 0) {
    if (SLUG.test(id)) return { type: 'Entity', key: id };
    throw refused(argument, id, `an entity's slug or \`Type:key\` with Type one of ${PREFIXED_NODE_TYPES.join(', ')}`);
  }
  const type = id.slice(0, colon);
  const key = id.slice(colon + 1);
  if (type === 'Revision') return { type, key, sequence: revisionKey(key, argument, id) };
  if (type === 'Fact' || type === 'Relation' || type === 'Citation') {
    if (!KEY_OF[type].test(key)) throw refused(argument, id, `a ${type} id such as ${EXAMPLE[type]}`);
    return { type, key };
  }
  throw refused(argument, id, `an entity's slug or \`Type:key\` with Type one of ${PREFIXED_NODE_TYPES.join(', ')}`);
}

const EXAMPLE: Record<PrefixedNodeType, string> = {
  Fact: 'Fact:xai-owns-grok',
  Relation: 'Relation:xai-owns-grok',
  Citation: 'Citation:xai-owns-grok#c0',
  Revision: 'Revision:r42',
};

/** The prefixed Node type an id starts with, or null (a slug, or text that names no Node type). */
function prefixOf(id: string): PrefixedNodeType | null {
  const colon = id.indexOf(':');
  const type = colon < 0 ? '' : id.slice(0, colon);
  return (PREFIXED_NODE_TYPES as readonly string[]).includes(type) ? (type as PrefixedNodeType) : null;
}

/**
 * An argument naming an entity: its slug. The id of another Node type is refused; anything else is passed
 * through, and names no entity (null, as an unknown id always did).
 */
export function decodeEntityId(id: string, argument = 'id'): string {
  const type = prefixOf(id);
  if (type === null) return id;
  throw refused(argument, id, `an entity's id, which is its slug (such as elon-musk); ${type} ids are not accepted here`);
}

/** An argument naming a fact: `Fact:slug` or the slug; the slug is returned. Another Node type's id is refused. */
export function decodeFactId(id: string, argument = 'id'): string {
  const type = prefixOf(id);
  if (type === null) return id;
  if (type === 'Fact') return id.slice(type.length + 1);
  throw refused(argument, id, `a fact id: Fact:slug or the slug (such as ${EXAMPLE.Fact} or xai-owns-grok)`);
}

/** An argument naming an entity or a fact (history): an entity slug, or a fact id in either form. */
export function decodeEntityOrFactId(id: string, argument = 'id'): string {
  const type = prefixOf(id);
  if (type === null) return id;
  if (type === 'Fact') return id.slice(type.length + 1);
  throw refused(argument, id, `an entity's slug (such as elon-musk) or a fact id (${EXAMPLE.Fact} or xai-owns-grok)`);
}

/** An argument naming a revision: `Revision:r21` or `r21`; its sequence is returned. */
export function decodeRevisionId(id: string, argument = 'id'): number {
  const colon = id.indexOf(':');
  if (colon < 0) return revisionKey(id, argument, id);
  if (id.slice(0, colon) === 'Revision') return revisionKey(id.slice(colon + 1), argument, id);
  throw refused(argument, id, `a revision id: ${EXAMPLE.Revision} or r42`);
}

/** `decodeRevisionId`, for an optional argument. */
export function optionalRevisionId(id: string | null | undefined, argument: string): number | null {
  return id === null || id === undefined ? null : decodeRevisionId(id, argument);
}

function revisionKey(key: string, argument: string, id: string): number {
  const match = REVISION_KEY.exec(key);
  if (!match) throw refused(argument, id, `a revision id: ${EXAMPLE.Revision} or r42 (\`r\` and the revision's sequence number)`);
  return Number(match[1]);
}

function refused(argument: string, id: string, accepted: string) {
  return badUserInput(argument, `must be ${accepted}; got ${JSON.stringify(id.slice(0, MAX_SHOWN))}`);
}
