/**
 * classifyDatabaseError on Neo4jError objects built the way the driver builds them: a server FAILURE becomes
 * `newError(message, code, cause, gqlStatus, description, diagnosticRecord)` (bolt response-handler), a
 * connection failure `newError(message, 'ServiceUnavailable')`, and the driver's own failures (pool acquisition
 * timeout, closed pool) `newError(message)`, whose code is 'N/A'. The codes are those the real Neo4j and driver
 * give (printed by tests/integration/database-errors.test.ts). Messages are deliberately misleading: the
 * classification must not read them.
 */
import neo4j, { Neo4jError } from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { classifyDatabaseError, DatabaseError, isConstraintViolation } from '../../src/database/errors.ts';

/** As the driver's newError: gqlStatus 50N42 and its description when the server sends none. */
function driverError(message: string, code = 'N/A'): Neo4jError {
  return new Neo4jError(message, code, '50N42', `error: general processing exception - unexpected error. ${message}`, { OPERATION: '', OPERATION_CODE: '0', CURRENT_SCHEMA: '/' });
}

const cases: [string, Neo4jError, DatabaseError['failure']][] = [
  ['a transaction over the client timeout', driverError('The transaction has been terminated…', 'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration'), 'DATABASE_TIMEOUT'],
  ['a transaction over the server timeout', driverError('connect failed', 'Neo.ClientError.Transaction.TransactionTimedOut'), 'DATABASE_TIMEOUT'],
  ['a refused connection', driverError('timed out', neo4j.error.SERVICE_UNAVAILABLE), 'DATABASE_UNAVAILABLE'],
  ['a routing driver losing its server', driverError('x', neo4j.error.SESSION_EXPIRED), 'DATABASE_UNAVAILABLE'],
  ['a database that is starting or stopping', driverError('x', 'Neo.TransientError.General.DatabaseUnavailable'), 'DATABASE_UNAVAILABLE'],
  ['a deadlock the driver gave up retrying', driverError('x', 'Neo.TransientError.Transaction.DeadlockDetected'), 'DATABASE_UNAVAILABLE'],
  ['no free connection within the acquisition timeout', driverError('Connection acquisition timed out in 300 ms.'), 'DATABASE_UNAVAILABLE'],
  ['a closed driver', driverError('Pool is closed, it is no more able to serve requests.'), 'DATABASE_UNAVAILABLE'],
  ['a constraint violation', driverError('x', 'Neo.ClientError.Schema.ConstraintValidationFailed'), 'DATABASE_ERROR'],
  ['a syntax error whose message says "connect ECONNREFUSED acquisition"', driverError('connect ECONNREFUSED acquisition', 'Neo.ClientError.Statement.SyntaxError'), 'DATABASE_ERROR'],
  ['a terminated transaction (the driver turns the transient code into a client one)', driverError('x', 'Neo.ClientError.Transaction.Terminated'), 'DATABASE_ERROR'],
  ['a protocol error', driverError('x', neo4j.error.PROTOCOL_ERROR), 'DATABASE_ERROR'],
];

describe('classifyDatabaseError', () => {
  it.each(cases)('%s', (_what, error, failure) => {
    const classified = classifyDatabaseError(error);
    expect(classified).toBeInstanceOf(DatabaseError);
    expect(classified.failure).toBe(failure);
    expect(classified.cause).toBe(error);
    expect(classified.code).toBe(error.code);
    // Messages fit for a client: no internals of the driver's.
    expect(classified.message).toMatch(/^The database (is unavailable; try again shortly|query took too long and was stopped|failed to answer)\.$/);
  });

  it('leaves a DatabaseError as it is, and makes any other error a DATABASE_ERROR whatever its message', () => {
    const already = new DatabaseError('DATABASE_TIMEOUT', 'The database query took too long and was stopped.');
    expect(classifyDatabaseError(already)).toBe(already);
    expect(classifyDatabaseError(new Error('connect ECONNREFUSED 127.0.0.1:7687')).failure).toBe('DATABASE_ERROR');
    expect(classifyDatabaseError('acquisition').failure).toBe('DATABASE_ERROR');
    expect(classifyDatabaseError(new Error('x')).code).toBeUndefined();
  });

  it('recognises a constraint violation by its code, classified or not', () => {
    const violation = driverError('Node(1) already exists with label `Fact` and property `id` = …', 'Neo.ClientError.Schema.ConstraintValidationFailed');
    expect(isConstraintViolation(violation)).toBe(true);
    expect(isConstraintViolation(classifyDatabaseError(violation))).toBe(true);
    expect(isConstraintViolation(driverError('already exists with label `Fact`', 'Neo.ClientError.Statement.SyntaxError'))).toBe(false);
    expect(isConstraintViolation(new Error('ConstraintValidationFailed'))).toBe(false);
  });
});
