/**
 * Every statement in cypher/ is planned by the real Neo4j (EXPLAIN: compiled, not run), so a syntax or
 * semantic error in a rarely used statement fails here rather than in a user's request.
 */
import neo4j, { type Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { STATEMENT_NAMES, loadStatements, renderTemplate } from '../../src/database/statements.ts';

let driver: Driver;
const { uri, username, password, database } = inject('neo4j');

beforeAll(() => {
  driver = neo4j.driver(uri, neo4j.auth.basic(username, password));
});
afterAll(async () => {
  await driver.close();
});

describe('Cypher statements on the real Neo4j', () => {
  const statements = loadStatements();
  it.each(STATEMENT_NAMES)('%s compiles', async (name) => {
    const text = renderTemplate(statements.get(name)!, { label: 'Person', type: 'OWNS' });
    const { summary } = await driver.executeQuery(`EXPLAIN ${text}`, {}, { database });
    expect(summary.plan).toBeTruthy();
  });
});
