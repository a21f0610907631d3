/** Relations, their connections and the facts behind them. */
import type { Resolvers } from '../generated/resolvers-types.ts';
import type { FactRecord } from '../../database/records.ts';
import { encodeCursor } from '../arguments.ts';
import type { Loaders } from '../loaders.ts';
import { loadersOf } from '../as-of.ts';

export const relationResolvers: Resolvers = {
  Relation: {
    // A fact the request already holds is returned as a value, not a promise: graphql-js completes values
    // synchronously, and a lookup resolves hundreds of such fields.
    fact: (relation, _args, context, info) => relation.fact ?? loadFact(loadersOf(context, info), relation.id, relation.factId),
  },
  RelationConnection: {
    edges: (page) => page.items.map((node) => ({ cursor: encodeCursor('relation', node.id), node })),
    nodes: (page) => page.items,
    pageInfo: (page) => ({ hasNextPage: page.hasNextPage, endCursor: endCursor('relation', page.items) }),
  },
  EntityConnection: {
    edges: (page) => page.items.map((node) => ({ cursor: encodeCursor('entity', node.id), node })),
    nodes: (page) => page.items,
    pageInfo: (page) => ({ hasNextPage: page.hasNextPage, endCursor: endCursor('entity', page.items) }),
  },
};

async function loadFact(loaders: Loaders, relationId: string, factId: string): Promise<FactRecord> {
  const fact = await loaders.fact.load(factId);
  if (!fact) throw new Error(`Relation ${relationId} points to missing fact ${factId}`);
  return fact;
}

function endCursor(prefix: 'entity' | 'relation', items: readonly { id: string }[]): string | null {
  const last = items[items.length - 1];
  return last ? encodeCursor(prefix, last.id) : null;
}
