/** Relations, their connections and the facts behind them. */
import type { Resolvers } from '../generated/resolvers-types.ts';
import type { EntityRecord, FactRecord, RelationRecord } from '../../database/records.ts';
import { encodeFactKey } from '../arguments.ts';
import { connectionFields } from '../connections.ts';
import type { Loaders } from '../loaders.ts';
import { loadersOf } from '../as-of.ts';

export const relationResolvers: Resolvers = {
  Relation: {
    // A fact the request already holds is returned as a value, not a promise: graphql-js completes values
    // synchronously, and a lookup resolves hundreds of such fields.
    fact: (relation, _args, context, info) => relation.fact ?? loadFact(loadersOf(context, info), relation.id, relation.factId),
  },
  RelationConnection: connectionFields<RelationRecord>('relation', (relation) => relation.id),
  EntityConnection: connectionFields<EntityRecord>('entity', (entity) => entity.id),
  // Facts are ordered preferred first, then by id: the cursor holds both (arguments.ts factKey).
  FactConnection: connectionFields<FactRecord>('fact', (fact) => encodeFactKey({ rank: fact.rank === 'PREFERRED' ? 0 : 1, id: fact.id })),
};

async function loadFact(loaders: Loaders, relationId: string, factId: string): Promise<FactRecord> {
  const fact = await loaders.fact.load(factId);
  if (!fact) throw new Error(`Relation ${relationId} points to missing fact ${factId}`);
  return fact;
}

