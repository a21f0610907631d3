/** Facts and their provenance: participants, quantities, times, citations. */
import type { EntityRecord, TimeRefRecord } from '../../database/records.ts';
import { periodOf } from '../../knowledge/time.ts';
import type { GraphQLContext } from '../context.ts';
import type { Resolvers } from '../generated/resolvers-types.ts';
import type { GraphQLResolveInfo } from 'graphql';
import { loadersOf } from '../as-of.ts';

/**
 * An entity the request already holds comes back as a value (graphql-js completes it without a promise). Under
 * a root field with asOf, entities are those of its revision (loadersOf).
 */
function requireEntity(id: string, context: GraphQLContext, info: Pick<GraphQLResolveInfo, 'path'>): EntityRecord | Promise<EntityRecord> {
  const loaders = loadersOf(context, info);
  return loaders.knownEntity(id) ?? loadEntity(id, loaders);
}

async function loadEntity(id: string, loaders: GraphQLContext['loaders']): Promise<EntityRecord> {
  const entity = await loaders.entity.load(id);
  if (!entity) throw new Error(`Missing entity ${id}`);
  return entity;
}

function optionalEntity(id: string | null, context: GraphQLContext, info: Pick<GraphQLResolveInfo, 'path'>): EntityRecord | null | Promise<EntityRecord | null> {
  if (id === null) return null;
  const loaders = loadersOf(context, info);
  return loaders.knownEntity(id) ?? loaders.entity.load(id);
}

const revisionOf = (sequence: number | null, { loaders }: GraphQLContext) => (sequence === null ? null : loaders.revision.load(sequence));

export const factResolvers: Resolvers = {
  Fact: {
    subject: (fact, _args, context, info) => requireEntity(fact.subject, context, info),
    object: (fact, _args, context, info) => optionalEntity(fact.object, context, info),
    event: (fact, _args, context, info) => optionalEntity(fact.event, context, info),
    assertedIn: (fact, _args, context) => revisionOf(fact.assertedIn, context),
    revision: (fact, _args, context) => revisionOf(fact.revision, context),
  },
  Retraction: {
    revision: async (retraction, _args, { loaders }) => {
      const revision = await loaders.revision.load(retraction.revision);
      if (!revision) throw new Error(`Retraction names missing revision ${retraction.revision}`);
      return revision;
    },
  },
  Participant: {
    entity: (participant, _args, context, info) => requireEntity(participant.entity, context, info),
  },
  Quantity: {
    item: (quantity, _args, context, info) => optionalEntity(quantity.item, context, info),
    money: ({ kind, value, currency }) => (kind === 'MONEY' && value !== null && currency !== null ? { amount: value, currency } : null),
  },
  Citation: {
    document: (citation, _args, context, info) => requireEntity(citation.document, context, info),
    saidBy: (citation, _args, context, info) => requireEntity(citation.saidBy, context, info),
    reportedBy: (citation, _args, context, info) => optionalEntity(citation.reportedBy, context, info),
  },
  TimeRef: {
    start: (time: TimeRefRecord) => periodOf(time.value, time.precision).start,
    end: (time: TimeRefRecord) => periodOf(time.endValue ?? time.value, time.precision).end,
  },
};
