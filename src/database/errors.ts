/**
 * Database failures, classified so the API can answer with a clear error and its own code. Classified by the
 * codes Neo4j and the driver give (`Neo4jError.code`, the driver's own retryable rule), never by message text,
 * which changes between versions without notice.
 */
import neo4j, { Neo4jError } from 'neo4j-driver';

export type DatabaseFailure = 'DATABASE_UNAVAILABLE' | 'DATABASE_TIMEOUT' | 'DATABASE_ERROR' | 'INVALID_BOOKMARK';

/** A bookmark Neo4j does not accept: the client's `neo4j-bookmark`, malformed or from another database. */
const BOOKMARK_CODES = new Set(['Neo.ClientError.Transaction.InvalidBookmark', 'Neo.ClientError.Transaction.InvalidBookmarkMixture']);

export class DatabaseError extends Error {
  override name = 'DatabaseError';
  constructor(
    readonly failure: DatabaseFailure,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }

  /** The Neo4j (or driver) status code behind the failure, when there is one. */
  get code(): string | undefined {
    return this.cause instanceof Neo4jError ? this.cause.code : undefined;
  }
}

/** A statement ran longer than its transaction timeout (server-side, or the one the driver asked for). */
const TIMEOUT_CODES = new Set(['Neo.ClientError.Transaction.TransactionTimedOut', 'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration']);

/**
 * The driver's own failures to serve a request carry no code of their own ('N/A'): the connection pool's
 * acquisition timeout (every connection busy, or connecting took too long) and a closed pool. Connection
 * failures are ServiceUnavailable or SessionExpired; everything Neo4j reports has a Neo.* code.
 */
const DRIVER_FAILURE = 'N/A';

/** The status code of a uniqueness (or other) constraint refusing a write. */
export const CONSTRAINT_VIOLATION = 'Neo.ClientError.Schema.ConstraintValidationFailed';

/** Maps a driver error to a DatabaseError with a message fit for a client (no internals); the error is its cause. */
export function classifyDatabaseError(error: unknown): DatabaseError {
  if (error instanceof DatabaseError) return error;
  const code = error instanceof Neo4jError ? error.code : undefined;
  if (code !== undefined && BOOKMARK_CODES.has(code)) {
    return new DatabaseError('INVALID_BOOKMARK', 'The neo4j-bookmark sent is not a bookmark of this database: send back the one a write answered with, unchanged.', { cause: error });
  }
  if (code !== undefined && TIMEOUT_CODES.has(code)) {
    return new DatabaseError('DATABASE_TIMEOUT', 'The database query took too long and was stopped.', { cause: error });
  }
  // Retryable, in the driver's own terms: ServiceUnavailable, SessionExpired, any Neo.TransientError.* (the
  // database is unavailable, a leader is switching, a deadlock) and an expired authorization. The driver
  // already retried write transactions for maxTransactionRetryTime; what is left is for the client to retry.
  if (neo4j.isRetryableError(error) || code === DRIVER_FAILURE) {
    return new DatabaseError('DATABASE_UNAVAILABLE', 'The database is unavailable; try again shortly.', { cause: error });
  }
  return new DatabaseError('DATABASE_ERROR', 'The database failed to answer.', { cause: error });
}

/** True when a write was refused by a constraint (a uniqueness constraint, for instance). */
export function isConstraintViolation(error: unknown): boolean {
  const cause = error instanceof DatabaseError ? error.cause : error;
  return cause instanceof Neo4jError && cause.code === CONSTRAINT_VIOLATION;
}
