/**
 * Time limits: every statement runs in a transaction with NEO4J_QUERY_TIMEOUT_MS. One statement is swapped
 * for a slow one (pure Cypher that burns CPU for far longer than the timeout); everything else is the real
 * server on the real Neo4j. The slow request gets DATABASE_TIMEOUT soon after the timeout, and meanwhile and
 * afterwards the database keeps serving other requests.
 */
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { loadConfig } from '../../src/config/config.ts';
import { createDriver, Database } from '../../src/database/database.ts';
import { loadStatements } from '../../src/database/statements.ts';
import { createHttpServer, type HttpServer } from '../../src/http/server.ts';
import { createLogger } from '../../src/logging/logger.ts';
import { graphql } from '../support/test-server.ts';

const TIMEOUT_MS = 3000;
/** Counts to a billion and keeps nothing: seconds of work, no rows. It accepts the search statement's parameters. */
const SLOW_SEARCH = 'UNWIND range(1, 1000000000) AS i WITH i WHERE i < 0 AND $query IS NOT NULL AND $limit > 0 AND $kinds IS NULL RETURN null AS entity, 0.0 AS score';

let http: HttpServer;
let db: Database;
let url: string;

beforeAll(async () => {
  const neo4j = inject('neo4j');
  const config = loadConfig({
    NODE_ENV: 'test',
    NEO4J_URI: neo4j.uri,
    NEO4J_USERNAME: neo4j.username,
    NEO4J_PASSWORD: neo4j.password,
    NEO4J_DATABASE: neo4j.database,
    NEO4J_QUERY_TIMEOUT_MS: String(TIMEOUT_MS),
  });
  const log = createLogger(process.env.TEST_LOG_LEVEL ?? 'silent');
  const statements = new Map(loadStatements());
  statements.set('read/search-entities', SLOW_SEARCH);
  db = new Database(createDriver(config.neo4j!, config, log), statements, { database: neo4j.database, queryTimeoutMs: TIMEOUT_MS });
  http = await createHttpServer(config, db, log);
  await http.app.listen({ host: '127.0.0.1', port: 0 });
  url = `http://127.0.0.1:${(http.app.server.address() as AddressInfo).port}/graphql`;
});

afterAll(async () => {
  await http?.app.close();
  await db?.close();
});

describe('transaction timeout', () => {
  it('stops a statement that runs too long with DATABASE_TIMEOUT, while other requests are served', async () => {
    const started = Date.now();
    const slow = graphql(url, '{ search(text: "tesla") { edges { score } } }').then((result) => ({ result, ms: Date.now() - started }));
    // While the slow statement runs, the database answers others.
    // (This file loads no knowledge: an unknown id is answered null, after one real statement.)
    const during = await graphql(url, '{ entity(id: "no-such-entity") { name } }');
    const duringMs = Date.now() - started;
    const { result, ms } = await slow;
    console.log(`transaction timeout ${TIMEOUT_MS} ms: slow request answered after ${ms} ms; a lookup during it took ${duringMs} ms`);

    expect(result.errors?.[0]?.extensions?.code).toBe('DATABASE_TIMEOUT');
    expect(result.errors?.[0]?.message).toBe('The database query took too long and was stopped.');
    expect(ms).toBeGreaterThanOrEqual(TIMEOUT_MS);
    expect(during.errors).toBeUndefined();
    expect(during.data).toEqual({ entity: null });
    expect(during.extensions?.databaseRoundTrips).toBe(1);
    expect(duringMs).toBeLessThan(ms);

    const after = await graphql(url, '{ entities(first: 1) { nodes { id } } }');
    expect(after.errors).toBeUndefined();
    expect(after.extensions?.databaseRoundTrips).toBe(1);
  });
});
