/** Relations, their connections and the facts behind them. */
import type { Resolvers } from '../generated/resolvers-types.ts';
import { encodeCursor } from '../arguments.ts';

export const relationResolvers: Resolvers = {
  Relation: {
    fact: async (relation, _args, { loaders }) => {
      if (relation.fact) return relation.fact;
      const fact = await loaders.fact.load(relation.factId);
      if (!fact) throw new Error(`Relation ${relation.id} points to missing fact ${relation.factId}`);
      return fact;
    },
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

function endCursor(prefix: 'entity' | 'relation', items: readonly { id: string }[]): string | null {
  const last = items[items.length - 1];
  return last ? encodeCursor(prefix, last.id) : null;
}
