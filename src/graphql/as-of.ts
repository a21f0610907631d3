/**
 * `asOf`: a root field's AsOf input becomes a revision sequence, and the field and everything nested under it
 * read through the loaders of that sequence (loaders.ts `at`). Nested resolvers find the sequence by their
 * path's root response key, so the records themselves stay what current reads return.
 */
import { GraphQLError, type GraphQLResolveInfo } from 'graphql';
import type { AsOf } from './generated/resolvers-types.ts';
import type { GraphQLContext } from './context.ts';
import type { Loaders } from './loaders.ts';
import { badUserInput, ErrorCode } from './errors.ts';
import { isDateTime } from './scalars.ts';
import { decodeRevisionId } from './global-id.ts';


const EXACTLY_ONE = 'give exactly one of `revision` (a revision id, such as r42) and `time` (an RFC 3339 date-time, such as 2026-12-01T10:00:00Z)';

/** A revision id's sequence (`Revision:r42` or `r42` → 42), or a BAD_USER_INPUT naming `argument`. */
export const revisionSequence = (id: string, argument: string): number => decodeRevisionId(id, argument);

/** The sequence an AsOf input names (null: no asOf, the graph as it is). */
export async function asOfSequence(input: AsOf | null | undefined, { repository }: GraphQLContext): Promise<number | null> {
  if (input === null || input === undefined) return null;
  const { revision, time } = input;
  const given = [revision, time].filter((value) => value !== null && value !== undefined);
  if (given.length !== 1) throw badUserInput('asOf', EXACTLY_ONE);
  if (revision !== null && revision !== undefined) {
    const sequence = revisionSequence(revision, 'asOf.revision');
    if (!(await repository.isCommitted(sequence))) {
      throw new GraphQLError(`Revision ${revision} has not been committed: asOf.revision must name a committed revision (knowledgeVersion is the latest).`, {
        extensions: { code: ErrorCode.REVISION_NOT_FOUND, http: { status: 400 } },
      });
    }
    return sequence;
  }
  // The DateTime scalar has checked it on the way in; this guards a value built in code.
  if (!isDateTime(time!)) throw badUserInput('asOf.time', `must be an RFC 3339 date-time, such as 2026-12-01T10:00:00Z; got ${JSON.stringify(time!.slice(0, 40))}`);
  return repository.sequenceAtTime(time!);
}

/**
 * The loaders a root field reads with: those of its asOf (recorded for the fields nested under it), or the
 * current ones.
 */
export async function rootLoaders(input: AsOf | null | undefined, context: GraphQLContext, info: Pick<GraphQLResolveInfo, 'path'>): Promise<Loaders> {
  const sequence = await asOfSequence(input, context);
  if (sequence === null) return context.loaders;
  context.loaders.rootAsOf.set(String(info.path.key), sequence);
  return context.loaders.at(sequence);
}

/** The loaders a nested field reads with: its root field's (as of its revision when it has asOf). */
export function loadersOf(context: GraphQLContext, info: Pick<GraphQLResolveInfo, 'path'>): Loaders {
  const { loaders } = context;
  if (loaders.rootAsOf.size === 0) return loaders;
  let path = info.path;
  while (path.prev) path = path.prev;
  const sequence = loaders.rootAsOf.get(String(path.key));
  return sequence === undefined ? loaders : loaders.at(sequence);
}

/** Refuses asOf on a field that cannot answer it, with the reason. */
export function refuseAsOf(input: AsOf | null | undefined, field: string, reason: string): void {
  if (input === null || input === undefined) return;
  throw new GraphQLError(`\`${field}\` does not take asOf: ${reason}. Ask it without asOf.`, { extensions: { code: ErrorCode.AS_OF_NOT_SUPPORTED, http: { status: 400 } } });
}
