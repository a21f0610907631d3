/**
 * Real failures from the real Neo4j and the real driver, classified by classifyDatabaseError (by their codes):
 * a constraint violation, a transaction timeout, a bad statement, a server nobody listens on, a closed
 * driver and a connection pool with no free connection. tests/unit/database-errors.test.ts builds the same
 * errors as the driver does, with the codes printed here.
 */
import neo4j, { Neo4jError, type Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { classifyDatabaseError, isConstraintViolation } from '../../src/database/errors.ts';
import { freePort } from '../support/free-port.ts';

const connection = inject('neo4j');
const auth = neo4j.auth.basic(connection.username, connection.password);
const LABEL = 'ErrorsTestNode';
let driver: Driver;

beforeAll(async () => {
  driver = neo4j.driver(connection.uri, auth);
  await driver.executeQuery(`CREATE CONSTRAINT errors_test_id IF NOT EXISTS FOR (n:${LABEL}) REQUIRE n.id IS UNIQUE`, {}, { database: connection.database });
});

afterAll(async () => {
  await driver.executeQuery(`MATCH (n:${LABEL}) DELETE n`, {}, { database: connection.database });
  await driver.executeQuery('DROP CONSTRAINT errors_test_id IF EXISTS', {}, { database: connection.database });
  await driver.close();
});

/** The error `work` fails with, printed with its codes (the unit tests reproduce them). */
async function failure(what: string, work: () => Promise<unknown>): Promise<unknown> {
  const error = await work().then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error, what).toBeInstanceOf(Neo4jError);
  const { code, gqlStatus, retryable } = error as Neo4jError;
  console.log(`${what}: code ${code}, gqlStatus ${gqlStatus}, retryable ${retryable}`);
  return error;
}

const run = (d: Driver, cypher: string, config: { timeout?: number } = {}) =>
  d.executeQuery(cypher, {}, { database: connection.database, transactionConfig: config });

describe('real database failures, classified by code', () => {
  it('a uniqueness constraint violation is a DATABASE_ERROR recognised as a constraint violation', async () => {
    await run(driver, `MERGE (:${LABEL} {id: 'one'})`);
    const error = await failure('constraint violation', () => run(driver, `CREATE (:${LABEL} {id: 'one'})`));
    expect(classifyDatabaseError(error).failure).toBe('DATABASE_ERROR');
    expect(isConstraintViolation(error)).toBe(true);
    expect(isConstraintViolation(classifyDatabaseError(error))).toBe(true);
  });

  it('a statement over its transaction timeout is DATABASE_TIMEOUT', async () => {
    const error = await failure('transaction timeout', () => run(driver, 'UNWIND range(1, 1000000000) AS i WITH i WHERE i < 0 RETURN i', { timeout: 500 }));
    expect(classifyDatabaseError(error).failure).toBe('DATABASE_TIMEOUT');
  });

  it('a bad statement is DATABASE_ERROR, not a constraint violation', async () => {
    const error = await failure('syntax error', () => run(driver, 'RETURN nonsense('));
    expect(classifyDatabaseError(error).failure).toBe('DATABASE_ERROR');
    expect(isConstraintViolation(error)).toBe(false);
  });

  it('a server nobody listens on is DATABASE_UNAVAILABLE', async () => {
    // No retries: executeQuery would otherwise retry a refused connection for 30 s.
    const nobody = neo4j.driver(`bolt://127.0.0.1:${await freePort()}`, auth, { connectionTimeout: 2_000, maxTransactionRetryTime: 0 });
    try {
      const error = await failure('connection refused', () => run(nobody, 'RETURN 1'));
      expect(classifyDatabaseError(error).failure).toBe('DATABASE_UNAVAILABLE');
    } finally {
      await nobody.close();
    }
  });

  it('a closed driver is DATABASE_UNAVAILABLE', async () => {
    const closed = neo4j.driver(connection.uri, auth);
    await run(closed, 'RETURN 1');
    await closed.close();
    const error = await failure('closed driver', () => run(closed, 'RETURN 1'));
    expect(classifyDatabaseError(error).failure).toBe('DATABASE_UNAVAILABLE');
  });

  it('no free connection in the pool within the acquisition timeout is DATABASE_UNAVAILABLE', async () => {
    const small = neo4j.driver(connection.uri, auth, { maxConnectionPoolSize: 1, connectionAcquisitionTimeout: 300 });
    const session = small.session({ database: connection.database });
    try {
      // The pool's one connection is held by an open transaction.
      const tx = await session.beginTransaction();
      await tx.run('RETURN 1');
      const error = await failure('pool acquisition timeout', () => run(small, 'RETURN 1'));
      expect(classifyDatabaseError(error).failure).toBe('DATABASE_UNAVAILABLE');
      await tx.rollback();
    } finally {
      await session.close();
      await small.close();
    }
  });
});
