/**
 * Why a write was refused, before or inside its transaction (which is then rolled back: nothing is written).
 * The resolvers turn these into GraphQL errors with their codes (src/graphql/resolvers/mutations.ts).
 */

/** One thing wrong with a mutation's arguments: where (a JSON pointer into them) and what is allowed. */
export interface Problem {
  pointer: string;
  message: string;
}

/** Bad input: every problem found at once. */
export class CurationInputError extends Error {
  override name = 'CurationInputError';
  constructor(readonly problems: readonly Problem[]) {
    super(problems.length === 1 ? `${problems[0]!.pointer}: ${problems[0]!.message}` : `${problems.length} problems: ${problems.map((p) => `${p.pointer}: ${p.message}`).join('; ')}`);
  }
}

/** The mutation names an entity or fact that does not exist. */
export class NotFoundError extends Error {
  override name = 'NotFoundError';
  constructor(
    readonly what: 'entity' | 'fact',
    readonly id: string,
    readonly pointer: string,
  ) {
    super(`No ${what} has the id "${id}"`);
  }
}

/** `expectedRevision` is stale: another revision changed the target since. */
export class ConflictError extends Error {
  override name = 'ConflictError';
  constructor(
    readonly target: string,
    readonly expected: string,
    /** The target's current revision id (null: it has none, e.g. it does not exist yet). */
    readonly currentRevision: string | null,
  ) {
    super(`${target} was changed since revision ${expected}: it is now at ${currentRevision ?? 'no revision'}. Read it again, and retry with expectedRevision ${currentRevision ?? 'omitted'}.`);
  }
}
