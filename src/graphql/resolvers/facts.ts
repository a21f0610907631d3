/** Facts and their provenance: participants, quantities, times, citations. */
import type { EntityRecord, TimeRefRecord } from '../../database/records.ts';
import { periodOf } from '../../knowledge/time.ts';
import type { GraphQLContext } from '../context.ts';
import type { Resolvers } from '../generated/resolvers-types.ts';

/** An entity the request already holds comes back as a value (graphql-js completes it without a promise). */
function requireEntity(id: string, { loaders }: GraphQLContext): EntityRecord | Promise<EntityRecord> {
  return loaders.knownEntity(id) ?? loadEntity(id, loaders);
}

async function loadEntity(id: string, loaders: GraphQLContext['loaders']): Promise<EntityRecord> {
  const entity = await loaders.entity.load(id);
  if (!entity) throw new Error(`Missing entity ${id}`);
  return entity;
}

function optionalEntity(id: string | null, { loaders }: GraphQLContext): EntityRecord | null | Promise<EntityRecord | null> {
  return id === null ? null : (loaders.knownEntity(id) ?? loaders.entity.load(id));
}

export const factResolvers: Resolvers = {
  Fact: {
    subject: (fact, _args, context) => requireEntity(fact.subject, context),
    object: (fact, _args, context) => optionalEntity(fact.object, context),
    event: (fact, _args, context) => optionalEntity(fact.event, context),
  },
  Participant: {
    entity: (participant, _args, context) => requireEntity(participant.entity, context),
  },
  Quantity: {
    item: (quantity, _args, context) => optionalEntity(quantity.item, context),
  },
  Citation: {
    document: (citation, _args, context) => requireEntity(citation.document, context),
    saidBy: (citation, _args, context) => requireEntity(citation.saidBy, context),
    reportedBy: (citation, _args, context) => optionalEntity(citation.reportedBy, context),
  },
  TimeRef: {
    start: (time: TimeRefRecord) => periodOf(time.value, time.precision).start,
    end: (time: TimeRefRecord) => periodOf(time.endValue ?? time.value, time.precision).end,
  },
};
