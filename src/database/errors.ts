/** Database failures, classified so the API can answer with a clear error and its own code. */
import { Neo4jError } from 'neo4j-driver';

export type DatabaseFailure = 'DATABASE_UNAVAILABLE' | 'DATABASE_TIMEOUT' | 'DATABASE_ERROR';

export class DatabaseError extends Error {
  override name = 'DatabaseError';
  constructor(
    readonly failure: DatabaseFailure,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

const UNAVAILABLE = new Set(['ServiceUnavailable', 'SessionExpired', 'Neo.TransientError.General.DatabaseUnavailable']);

/** Maps a driver error to a DatabaseError with a message fit for a client (no internals). */
export function classifyDatabaseError(error: unknown): DatabaseError {
  if (error instanceof DatabaseError) return error;
  const code = error instanceof Neo4jError ? error.code : undefined;
  if (code && (UNAVAILABLE.has(code) || code.startsWith('Neo.TransientError.General.'))) {
    return new DatabaseError('DATABASE_UNAVAILABLE', 'The database is unavailable; try again shortly.', { cause: error });
  }
  if (code && /TransactionTimedOut|TransactionTimedOutClientConfiguration/.test(code)) {
    return new DatabaseError('DATABASE_TIMEOUT', 'The database query took too long and was stopped.', { cause: error });
  }
  if (error instanceof Error && /connect|ECONNREFUSED|acquisition/i.test(error.message)) {
    return new DatabaseError('DATABASE_UNAVAILABLE', 'The database is unavailable; try again shortly.', { cause: error });
  }
  return new DatabaseError('DATABASE_ERROR', 'The database failed to answer.', { cause: error });
}
