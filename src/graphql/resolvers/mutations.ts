/**
 * Every field of `type Mutation` (schema/curation.graphql): arguments to the curator (src/curation), which
 * checks them by the knowledge file's rules and writes each as one revision; refusals become coded errors.
 * The written entity or fact is read back through the repository, whose reads wait for this request's
 * bookmark, which the bookmarks plugin answers with.
 */
import { GraphQLError, type GraphQLResolveInfo } from 'graphql';
import { IdempotencyKeyReusedError } from '../../database/curation/revisions.ts';
import type { EntityRecord, FactRecord } from '../../database/records.ts';
import { ConflictError, CurationInputError, NotFoundError } from '../../curation/errors.ts';
import type { Caller } from '../../curation/curator.ts';
import type { GraphQLContext } from '../context.ts';
import { ErrorCode } from '../errors.ts';
import { decodeEntityId, decodeFactId, decodeRevisionId, optionalRevisionId, revisionGlobalId } from '../global-id.ts';
import type { MutationResolvers, Resolvers } from '../generated/resolvers-types.ts';

const mutation: MutationResolvers = {
  upsertEntity: (_parent, { input }, context, info) =>
    run(context, info, async (caller) => {
      const { result, revision } = await context.curator.upsertEntity({ ...input, expectedRevision: storedRevisionId(input.expectedRevision, 'input.expectedRevision') }, caller);
      return { entity: await entityOf(context, result.id), existed: result.existed, revision };
    }),

  addDocument: (_parent, { input }, context, info) =>
    run(context, info, async (caller) => {
      const { result, revision } = await context.curator.addDocument(input, caller);
      return { document: await entityOf(context, result.id), revision: revision! };
    }),

  assertFact: (_parent, { input }, context, info) =>
    run(context, info, async (caller) => {
      const id = input.id === null || input.id === undefined ? input.id : decodeFactId(input.id, 'input.id');
      const { result, revision } = await context.curator.assertFact({ ...input, id }, caller);
      return { fact: await factOf(context, result.id), revision: revision! };
    }),

  retractFact: (_parent, args, context, info) =>
    run(context, info, async (caller) => {
      const { result, revision } = await context.curator.retractFact(factArgs(args), caller);
      return { fact: await factOf(context, result.id), revision: revision! };
    }),

  setFactRank: (_parent, args, context, info) =>
    run(context, info, async (caller) => {
      const { result, revision } = await context.curator.setFactRank(factArgs(args), caller);
      return { fact: await factOf(context, result.id), revision: revision! };
    }),

  mergeEntities: (_parent, args, context, info) =>
    run(context, info, async (caller) => {
      const from = decodeEntityId(args.from, 'from');
      const into = decodeEntityId(args.into, 'into');
      const { result, revision } = await context.curator.mergeEntities({ ...args, from, into, expectedRevision: storedRevisionId(args.expectedRevision) }, caller);
      return { entity: await entityOf(context, result.id), redirected: result.redirected, revision: revision! };
    }),

  importKnowledge: (_parent, args, context, info) => run(context, info, (caller) => context.curator.importKnowledge(args, caller)),
};

export const mutationResolvers: Resolvers = { Mutation: mutation };

/**
 * The curator takes stored forms: a fact's slug and a revision's `r42`. Arguments take both forms
 * (global-id.ts), decoded here, before anything is written.
 */
function factArgs<T extends { id: string; expectedRevision?: string | null }>(args: T): T {
  return { ...args, id: decodeFactId(args.id), expectedRevision: storedRevisionId(args.expectedRevision) };
}

function storedRevisionId(id: string | null | undefined, argument = 'expectedRevision'): string | null | undefined {
  const sequence = optionalRevisionId(id, argument);
  return sequence === null ? id : `r${sequence}`;
}

/** The caller of one mutation field, its errors turned into GraphQL errors with their codes. */
async function run<T>(context: GraphQLContext, info: GraphQLResolveInfo, work: (caller: Caller) => Promise<T>): Promise<T> {
  const caller: Caller = {
    principal: context.principal,
    // One key per request; each mutation field of it (by its response key) is applied once.
    idempotencyKey: context.idempotencyKey === null ? null : `${context.idempotencyKey}#${info.path.key}`,
    onBookmark: (bookmark) => context.bookmarks.written.push(bookmark),
  };
  try {
    return await work(caller);
  } catch (error) {
    throw asGraphQLError(error);
  }
}

function asGraphQLError(error: unknown): unknown {
  if (error instanceof CurationInputError) {
    return new GraphQLError(error.message, { extensions: { code: ErrorCode.BAD_USER_INPUT, problems: error.problems, http: { status: 400 } } });
  }
  if (error instanceof NotFoundError) {
    return new GraphQLError(error.message, { extensions: { code: ErrorCode.NOT_FOUND, problems: [{ pointer: error.pointer, message: error.message }], http: { status: 404 } } });
  }
  if (error instanceof ConflictError) {
    // The current revision in the form Revision.id answers, so a client can send it back as expectedRevision.
    const currentRevision = error.currentRevision === null ? null : revisionGlobalId(decodeRevisionId(error.currentRevision));
    return new GraphQLError(error.message, { extensions: { code: ErrorCode.CONFLICT, currentRevision, http: { status: 409 } } });
  }
  if (error instanceof IdempotencyKeyReusedError) {
    return new GraphQLError(error.message, { extensions: { code: ErrorCode.IDEMPOTENCY_KEY_REUSED, http: { status: 422 } } });
  }
  return error;
}

async function entityOf(context: GraphQLContext, id: string): Promise<EntityRecord> {
  const entity = (await context.repository.entitiesByIds([id])).get(id);
  if (!entity) throw new Error(`The entity ${id} just written cannot be read back`);
  return entity;
}

async function factOf(context: GraphQLContext, id: string): Promise<FactRecord> {
  const fact = (await context.repository.factsByIds([id])).get(id);
  if (!fact) throw new Error(`The fact ${id} just written cannot be read back`);
  return fact;
}
