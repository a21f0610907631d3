/**
 * The Node interface (docs/public-api.md, "Global ids"): `node`/`nodes`, the type of each record, and the
 * global form of the ids of facts, relations, citations, revisions and fact changes. Lookups go through the
 * request's loaders, so `nodes` costs one statement per type asked. Current only: no asOf.
 */
import type { CitationRecord, EntityRecord, FactRecord, RelationRecord, RevisionRecord } from '../../database/records.ts';
import type { GraphQLContext } from '../context.ts';
import type { Resolvers } from '../generated/resolvers-types.ts';
import { changeTargetId, decodeNodeId, revisionGlobalId, toGlobalId, type NodeRef } from '../global-id.ts';
import { badUserInput } from '../errors.ts';
import { entityTypeOf } from './entities.ts';

export type NodeRecord = EntityRecord | FactRecord | RelationRecord | CitationRecord | RevisionRecord;

/** The record a decoded global id names, or null. */
export function loadNode(ref: NodeRef, { loaders }: GraphQLContext): Promise<NodeRecord | null> {
  switch (ref.type) {
    case 'Entity':
      return loaders.entity.load(ref.key);
    case 'Fact':
      return loaders.fact.load(ref.key);
    case 'Relation':
      return loaders.relation.load(ref.key);
    case 'Citation':
      return loaders.citation.load(ref.key);
    case 'Revision':
      return loaders.revision.load(ref.sequence);
  }
}

/** The GraphQL type of a Node record, told apart by a property only that kind of record has. */
export function nodeTypeOf(record: NodeRecord) {
  if ('quote' in record) return 'Citation' as const;
  if ('statement' in record) return 'Fact' as const;
  if ('factId' in record) return 'Relation' as const;
  if ('sequence' in record) return 'Revision' as const;
  return entityTypeOf(record);
}

export const nodeResolvers: Resolvers = {
  Query: {
    node: (_root, { id }, context) => loadNode(decodeNodeId(id), context),
    nodes: (_root, { ids }, context) => {
      const max = context.limits.maxPageSize;
      if (ids.length > max) throw badUserInput('ids', `must hold at most ${max} ids (the server's MAX_PAGE_SIZE), got ${ids.length}: ask in several calls`);
      // Every id is decoded before any is looked up: a refused list reads nothing.
      const refs = ids.map((id, i) => decodeNodeId(id, `ids[${i}]`));
      return Promise.all(refs.map((ref) => loadNode(ref, context)));
    },
  },
  Node: { __resolveType: nodeTypeOf },
  Fact: { id: (fact) => toGlobalId('Fact', fact.id) },
  Relation: { id: (relation) => toGlobalId('Relation', relation.id) },
  Citation: { id: (citation) => toGlobalId('Citation', citation.id) },
  Revision: { id: (revision) => revisionGlobalId(revision.sequence) },
  Change: { target: (change) => changeTargetId(change.operation, change.target) },
};
