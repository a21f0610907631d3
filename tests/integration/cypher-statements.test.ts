/**
 * Every statement in cypher/ is planned by the real Neo4j (EXPLAIN: compiled, not run), so a syntax or
 * semantic error in a rarely used statement fails here rather than in a user's request. Fragments are not
 * statements: each is planned inside the statements that include it (the shared fact projection inside the
 * read statements and inside entity trees; every entity-tree fragment inside a tree that uses them all).
 */
import neo4j, { type Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { compileEntityTree, FRAGMENT_NAMES, type EntityTreePlan, type FactPlan } from '../../src/database/entity-tree.ts';
import { FRAGMENT_FILES, STATEMENT_NAMES, loadStatements, readTemplate, renderStatement } from '../../src/database/statements.ts';

let driver: Driver;
const { uri, username, password, database } = inject('neo4j');

beforeAll(() => {
  driver = neo4j.driver(uri, neo4j.auth.basic(username, password));
});
afterAll(async () => {
  await driver.close();
});

async function explain(text: string): Promise<void> {
  const { summary } = await driver.executeQuery(`EXPLAIN ${text}`, {}, { database });
  expect(summary.plan).toBeTruthy();
}

const everything: FactPlan = { lists: { quantities: true, citations: true, participants: true }, participants: true, sources: true, items: true };
const nothing: FactPlan = { lists: { quantities: false, citations: false, participants: false }, participants: false, sources: false, items: false };
const relations = (fact: FactPlan | null, to: EntityTreePlan = { nested: [] }, from: EntityTreePlan = { nested: [] }): EntityTreePlan['nested'][number] => ({
  kind: 'relations',
  key: 'relations',
  query: { types: ['OWNS'], direction: 'OUTGOING', window: { size: 5, backward: false, after: null, before: null } },
  from,
  to,
  fact,
});
const facts = (fact: FactPlan): EntityTreePlan['nested'][number] => ({ kind: 'facts', key: 'facts', types: null, window: { size: 3, backward: true, after: { rank: 0, id: 'a' }, before: null }, fact });

/** Entity trees that, between them, use every fragment and every way a fact is projected. */
const TREES: [string, EntityTreePlan][] = [
  ['flat', { nested: [] }],
  ['every list, every fact part, both endpoints nested', { nested: [relations(everything, { nested: [facts(everything)] }, { nested: [relations(nothing)] }), facts(nothing)] }],
  ['relations without facts', { nested: [relations(null)] }],
  ['facts with their lists only', { nested: [facts({ ...nothing, lists: everything.lists })] }],
];

describe('Cypher statements on the real Neo4j', () => {
  const statements = loadStatements();
  it.each(STATEMENT_NAMES)('%s compiles', async (name) => {
    await explain(renderStatement(statements.get(name)!, name, name === 'write/merge-entities' ? { label: 'Person' } : name === 'write/create-relations' ? { type: 'OWNS' } : {}));
  });

  it.each(TREES)('the entity tree "%s" compiles', async (_name, plan) => {
    await explain(compileEntityTree('tesla', plan).text);
  });

  it('covers every fragment: each appears in a statement or tree planned above', () => {
    const planned = [...statements.values(), ...TREES.map(([, plan]) => compileEntityTree('tesla', plan).text)].join('\n');
    const fragments = [...FRAGMENT_FILES, ...FRAGMENT_NAMES.map((name) => `read/entity-tree/${name}`)];
    for (const name of fragments) {
      // A fragment's text up to its first slot is the part that appears verbatim wherever it is used.
      const fixed = readTemplate(name).split(/\{\{\w+\}\}/)[0]!.trim();
      expect(fixed.length, name).toBeGreaterThan(0);
      expect(planned, name).toContain(fixed);
    }
  });
});
