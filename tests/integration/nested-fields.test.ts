/**
 * Every nested field with every argument, and their combinations, answers the same through the entity tree
 * (one statement) and through the loaders (forced with the context's `entityTree: false`), on the real Neo4j
 * with the article loaded. The argument values below are keyed by the fields' specifications: a new argument
 * without values here fails the test, so it cannot be honoured on one path only.
 */
import { ApolloServer } from '@apollo/server';
import { mergeTypeDefs } from '@graphql-tools/merge';
import { pino } from 'pino';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.ts';
import { encodeCursor } from '../../src/graphql/arguments.ts';
import { MAX_TREE_LISTS } from '../../src/graphql/entity-tree-plan.ts';
import { createContext, type GraphQLContext } from '../../src/graphql/context.ts';
import { NESTED_FIELDS, type NestedFieldName } from '../../src/graphql/nested-fields.ts';
import { resolvers } from '../../src/graphql/resolvers/index.ts';
import { loadTypeDefs } from '../../src/graphql/schema.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

const limits = loadConfig({}).limits;

/** The log lines of the requests run here, parsed. */
const logLines: Record<string, unknown>[] = [];
const log = pino(
  { level: 'debug' },
  new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n')) if (line) logLines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  }),
);

let server: TestServer;
let apollo: ApolloServer<GraphQLContext>;
beforeAll(async () => {
  // Each selection shape is a new statement for Neo4j to plan, and a plan of many lists takes seconds on a
  // loaded machine: this test is about answers, so it gives statements more time than the 10 s default.
  server = await startTestServer({ NEO4J_QUERY_TIMEOUT_MS: '60000' });
  // The server's schema and resolvers, run with a context the test chooses (the HTTP server always uses the tree).
  apollo = new ApolloServer<GraphQLContext>({ typeDefs: mergeTypeDefs(loadTypeDefs()), resolvers });
  await apollo.start();
});
afterAll(async () => {
  await apollo?.stop();
  await server?.stop();
});

interface Answer {
  data?: Record<string, unknown> | null;
  errors?: { message: string; path?: readonly (string | number)[]; extensions?: { code?: unknown } }[];
  roundTrips: number;
}

async function run(query: string, entityTree: boolean, variables?: Record<string, unknown>): Promise<Answer> {
  const contextValue = createContext(server.app.db, limits, { log, entityTree });
  const response = await apollo.executeOperation({ query, variables }, { contextValue });
  if (response.body.kind !== 'single') throw new Error('expected a single result');
  const { data, errors } = response.body.singleResult;
  return {
    data,
    errors: errors?.map(({ message, path, extensions }) => ({ message, path, extensions: { code: extensions?.code } })),
    roundTrips: contextValue.roundTrips.count,
  };
}

/**
 * Runs `query` on both paths and expects the same answer; returns the tree's. A selection with
 * `includeRetracted: true` is served by the loaders on both paths (the tree reads visible facts only).
 */
async function bothPaths(query: string, variables?: Record<string, unknown>, treeRoundTrips: number | null = query.includes('includeRetracted: true') ? null : 1): Promise<Answer> {
  const tree = await run(query, true, variables);
  const loaded = await run(query, false, variables);
  expect(tree.errors, JSON.stringify(tree.errors)).toEqual(loaded.errors);
  expect(tree.data).toEqual(loaded.data);
  if (treeRoundTrips !== null) {
    expect(tree.roundTrips, query).toBe(treeRoundTrips);
    // The loaders go level by level: the entity, then its lists (at least one more round trip).
    expect(loaded.roundTrips).toBeGreaterThan(treeRoundTrips);
  }
  return tree;
}

// ----- the argument values, per nested field and argument (undefined: the argument is left out) -----

const FACT = `id type statement modality background basis time { value precision start end } reportedAt { value }
  subject { id name } object { id } event { id } participants { role entity { id kind } }
  quantities { kind value unit comparator role text item { id } }
  citations { id quote start end kind confidence document { id } saidBy { id name } reportedBy { id } }`;
const RELATION = `id type label from { id kind } to { id name } fact { ${FACT} }`;
const PAGE_INFO = 'pageInfo { hasNextPage hasPreviousPage startCursor endCursor }';
const CONNECTION = `nodes { ${RELATION} } edges { cursor node { id } } ${PAGE_INFO}`;
const FACTS = `nodes { ${FACT} } edges { cursor } ${PAGE_INFO}`;

/** Cursors inside every entity's relations (keyset: any relation id works as `after` or `before`). */
const AFTER = encodeCursor('relation', 'musk-redirects-h100-from-tesla-to-x');
const BEFORE = encodeCursor('relation', 'xai-z');
/** And inside its facts: the non-preferred ones from `m` (a fact cursor is a rank and an id). */
const FACT_AFTER = encodeCursor('fact', '1:m');
const FACT_BEFORE = encodeCursor('fact', '1:t');

const VALUES: { [F in NestedFieldName]: Record<(typeof NESTED_FIELDS)[F]['arguments'][number], unknown[]> } = {
  relations: {
    types: [undefined, ['OWNS'], ['GIVER', 'RECIPIENT', 'ITEM', 'REALLOCATES', 'PRODUCES'], null],
    direction: [undefined, 'OUTGOING', 'INCOMING', 'BOTH'],
    first: [undefined, 1, 3, null],
    after: [undefined, AFTER],
    last: [undefined, 2],
    before: [undefined, BEFORE],
  },
  facts: {
    types: [undefined, ['REALLOCATES'], ['OWNS', 'PRODUCES', 'PLANS_TO_BUILD', 'LEADER_IN']],
    first: [undefined, 1, 2, 100],
    after: [undefined, FACT_AFTER],
    last: [undefined, 2],
    before: [undefined, FACT_BEFORE],
    includeRetracted: [undefined, true],
  },
  backedFacts: {
    first: [undefined, 1, 5],
    after: [undefined, FACT_AFTER],
    last: [undefined, 2],
    before: [undefined, FACT_BEFORE],
    includeRetracted: [undefined, true],
  },
};

const ENUM_ARGUMENTS = new Set(['types', 'direction']);

/** A GraphQL literal for an argument value. */
function literal(argument: string, value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return `[${value.map((v) => literal(argument, v)).join(', ')}]`;
  return ENUM_ARGUMENTS.has(argument) ? String(value) : JSON.stringify(value);
}

/**
 * Every combination of the field's argument values, as argument lists (`(first: 1, types: [OWNS])` or ``), but
 * `first` and `last` together (refused, whichever path: see the refusals below).
 */
function combinations(field: NestedFieldName): string[] {
  let lists: string[][] = [[]];
  for (const [argument, values] of Object.entries(VALUES[field]) as [string, unknown[]][]) {
    lists = lists.flatMap((list) => values.map((value) => (value === undefined ? list : [...list, `${argument}: ${literal(argument, value)}`])));
  }
  const both = (list: string[]) => list.some((a) => /^first: \d/.test(a)) && list.some((a) => /^last: \d/.test(a));
  return lists.filter((list) => !both(list)).map((list) => (list.length ? `(${list.join(', ')})` : ''));
}

/** Aliased selections, in chunks of `size` per query (one statement each on the tree path: see MAX_TREE_LISTS). */
function chunks<T>(items: T[], size: number): T[][] {
  return Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));
}

const ENTITIES = ['tesla', 'elon-musk', 'h100-redirect-tesla-to-x'];
/** Hundreds of statements on a machine shared with other runs: more time than vitest's default. */
const SLOW = { timeout: 600_000 };
const SOURCES = ['cnbc', 'leblogauto-article-musk-nvidia-h100', 'nvidia-memo-2023-12'];

/** Counts the lists in an answer that hold something: proof the comparisons were not between empty answers. */
function nonEmptyLists(value: unknown): number {
  if (Array.isArray(value)) return (value.length > 0 ? 1 : 0) + value.reduce((n: number, v) => n + nonEmptyLists(v), 0);
  if (value && typeof value === 'object') return Object.values(value).reduce((n: number, v) => n + nonEmptyLists(v), 0);
  return 0;
}

describe('nested fields answer the same through the entity tree and through the loaders', () => {
  it('declares test values for every argument of every nested field', () => {
    for (const [field, spec] of Object.entries(NESTED_FIELDS)) expect(Object.keys(VALUES[field as NestedFieldName]).sort(), field).toEqual([...spec.arguments].sort());
  });

  it(`Entity.relations: every combination of ${Object.keys(VALUES.relations).join(', ')}`, SLOW, async () => {
    const all = combinations('relations');
    // types × direction × (first, last) pairs but both given × after × before
    expect(all.length).toBe(4 * 4 * (4 * 2 - 2) * 2 * 2);
    let filled = 0;
    for (const id of ENTITIES) {
      for (const chunk of chunks(all, MAX_TREE_LISTS)) {
        const fields = chunk.map((args, i) => `r${i}: relations${args} { ${CONNECTION} }`).join('\n');
        filled += nonEmptyLists((await bothPaths(`{ entity(id: "${id}") { id ${fields} } }`)).data);
      }
    }
    expect(filled).toBeGreaterThan(200);
  });

  it(`Entity.facts: every combination of ${Object.keys(VALUES.facts).join(', ')}`, SLOW, async () => {
    const all = combinations('facts');
    let filled = 0;
    for (const id of ENTITIES) {
      for (const chunk of chunks(all, MAX_TREE_LISTS)) {
        const fields = chunk.map((args, i) => `f${i}: facts${args} { ${FACTS} }`).join('\n');
        filled += nonEmptyLists((await bothPaths(`{ entity(id: "${id}") { id ${fields} } }`)).data);
      }
    }
    expect(filled).toBeGreaterThan(50);
  });

  it('Source.backedFacts: every value of first (resolved by its loader on both paths, beside the tree)', async () => {
    let filled = 0;
    for (const id of SOURCES) {
      const fields = combinations('backedFacts').map((args, i) => `b${i}: backedFacts${args} { ${FACTS} }`).join('\n');
      // backedFacts is not compiled into the tree: the tree's statement, then one per page asked, then the
      // entities those facts name.
      const tree = await bothPaths(`{ entity(id: "${id}") { id relations(first: 2) { nodes { id } } ... on Source { ${fields} } } }`, undefined, null);
      expect(tree.roundTrips).toBeGreaterThanOrEqual(1 + 3);
      filled += nonEmptyLists(tree.data);
    }
    expect(filled).toBeGreaterThan(5);
  });

  it('lists nested under relations, with every argument varied one at a time, on both sides of the relation', SLOW, async () => {
    const variants = [
      '',
      ...Object.entries(VALUES.relations).flatMap(([argument, values]) =>
        values.filter((v) => v !== undefined).map((value) => `(${argument}: ${literal(argument, value)})`),
      ),
    ];
    const facts = Object.entries(VALUES.facts).flatMap(([argument, values]) => values.filter((v) => v !== undefined).map((value) => `(${argument}: ${literal(argument, value)})`));
    let filled = 0;
    for (const id of ['tesla', 'h100-redirect-tesla-to-x']) {
      for (const side of ['to', 'from']) {
        const lists = [
          ...variants.map((args, i) => `r${i}: relations${args} { nodes { id type from { id } to { id } } ${PAGE_INFO} }`),
          ...facts.map((args, i) => `f${i}: facts${args} { nodes { id type subject { id } citations { quote } } ${PAGE_INFO} }`),
        ];
        // Under the outer relations list: one fewer per statement.
        for (const chunk of chunks(lists, MAX_TREE_LISTS - 1)) {
          const query = `{ entity(id: "${id}") { relations(first: 6) { nodes { id ${side} { id ${chunk.join('\n')} } } edges { node { ${side} { name } } } } } }`;
          filled += nonEmptyLists((await bothPaths(query)).data);
        }
      }
    }
    expect(filled).toBeGreaterThan(50);
  });

  it('arguments given by variables, fragments and directives', SLOW, async () => {
    const query = `query($types: [RelationType!], $dir: Direction, $n: Int, $after: String, $l: Int, $before: String, $factTypes: [FactType!], $m: Int, $deep: Boolean!) {
      entity(id: "tesla") { ...Lists }
    }
    fragment Lists on Entity {
      relations(types: $types, direction: $dir, first: $n, after: $after, last: $l, before: $before) { ${CONNECTION} }
      facts(types: $factTypes, first: $m) @include(if: $deep) { nodes { id } }
      ... on Organization { outgoing: relations(direction: OUTGOING) { nodes { to { facts(last: $m) { edges { node { id } } } } } } }
    }`;
    for (const variables of [
      { deep: true },
      { deep: false, n: 2, dir: 'INCOMING' },
      { deep: true, types: ['GIVER'], m: 1, factTypes: ['REALLOCATES'] },
      { deep: true, after: AFTER, n: 1, dir: 'BOTH', types: null, m: null },
      { deep: true, before: BEFORE, l: 3, m: 2 },
    ]) {
      await bothPaths(query, variables);
    }
  });

  it('refusals: the same error on its own field, whichever path', async () => {
    for (const args of ['first: 0', `first: ${limits.maxPageSize + 1}`, 'last: 0', 'first: 1, last: 1', 'after: "not a cursor"', `after: "${encodeCursor('entity', 'tesla')}"`, `before: "${encodeCursor('fact', '1:x')}"`]) {
      const tree = await bothPaths(`{ entity(id: "tesla") { name relations(first: 2) { nodes { to { relations(${args}) { nodes { id } } } } } } }`, undefined, null);
      expect(tree.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(tree.errors?.[0]?.path).toEqual(['entity', 'relations', 'nodes', 0, 'to', 'relations']);
    }
    const facts = await bothPaths(`{ entity(id: "tesla") { facts(first: ${limits.maxPageSize + 1}) { nodes { id } } } }`, undefined, null);
    expect(facts.errors?.[0]?.message).toMatch(new RegExp(`\`first\`: must be between 1 and ${limits.maxPageSize}, got ${limits.maxPageSize + 1}`));
  });
});

describe('falling back to the loaders', () => {
  it('logs why, with the field and the argument', async () => {
    logLines.length = 0;
    await run('{ entity(id: "tesla") { relations(first: 2) { nodes { to { relations(first: 1) { nodes { id } } } } edges { node { to { relations(first: 2) { nodes { id } } } } } } } }', true);
    expect(logLines).toContainEqual(expect.objectContaining({ level: 20, field: 'relations', reason: 'relations is asked with different arguments in one place' }));
    logLines.length = 0;
    await run('{ entity(id: "tesla") { facts(first: 0) { nodes { id } } } }', true);
    expect(logLines).toContainEqual(expect.objectContaining({ level: 20, field: 'facts', argument: 'first', reason: 'an argument is refused' }));
    logLines.length = 0;
    const many = Array.from({ length: MAX_TREE_LISTS + 1 }, (_, i) => `f${i}: facts(first: ${i + 1}) { nodes { id } }`).join(' ');
    const tooMany = await run(`{ entity(id: "tesla") { ${many} } }`, true);
    expect(tooMany.data).toEqual((await run(`{ entity(id: "tesla") { ${many} } }`, false)).data);
    expect(logLines).toContainEqual(expect.objectContaining({ level: 20, field: 'entity', reason: `${MAX_TREE_LISTS + 1} lists are more than one tree statement holds (${MAX_TREE_LISTS})` }));
    logLines.length = 0;
    const served = await run('{ entity(id: "tesla") { facts(first: 1) { nodes { id } } } }', true);
    expect(served.roundTrips).toBe(1);
    expect(logLines).toEqual([]);
  });
});
