/**
 * The config's bounds are the bounds enforced: with non-default MAX_PAGE_SIZE, MAX_SEARCH_RESULTS,
 * MAX_NEIGHBORHOOD_DEPTH, MAX_NEIGHBORHOOD_NODES and MAX_PATH_DEPTH, every field accepts just up to its
 * configured maximum and refuses one over it with BAD_USER_INPUT saying what is allowed, on the entity tree's
 * path as on the loaders'.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql, startTestServer, type GraphQLResponse, type TestServer } from '../support/test-server.ts';

const BOUNDS = { MAX_PAGE_SIZE: 7, MAX_SEARCH_RESULTS: 4, MAX_NEIGHBORHOOD_DEPTH: 2, MAX_NEIGHBORHOOD_NODES: 10, MAX_PATH_DEPTH: 2 };

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer(Object.fromEntries(Object.entries(BOUNDS).map(([name, value]) => [name, String(value)])));
});
afterAll(async () => {
  await server?.stop();
});

const ask = (query: string) => graphql(server.graphqlUrl, query);

function accepted(response: GraphQLResponse): Record<string, any> {
  expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
  return response.data!;
}

function refused(response: GraphQLResponse, argument: string, max: number, got: number, path: (string | number)[]) {
  const [error] = response.errors ?? [];
  expect(error?.extensions?.code, JSON.stringify(response.errors)).toBe('BAD_USER_INPUT');
  expect(error?.message).toBe(`Invalid argument \`${argument}\`: must be between 1 and ${max}, got ${got}`);
  expect(error?.path).toEqual(path);
}

describe(`page sizes: MAX_PAGE_SIZE=${BOUNDS.MAX_PAGE_SIZE}`, () => {
  const max = BOUNDS.MAX_PAGE_SIZE;
  const fields: [string, (first: number) => string, (string | number)[]][] = [
    ['entities', (n) => `{ entities(first: ${n}) { nodes { id } } }`, ['entities']],
    ['relations', (n) => `{ relations(first: ${n}) { nodes { id } } }`, ['relations']],
    ['Entity.relations', (n) => `{ entity(id: "tesla") { relations(first: ${n}) { nodes { id } } } }`, ['entity', 'relations']],
    ['Entity.facts', (n) => `{ entity(id: "tesla") { facts(first: ${n}) { nodes { id } } } }`, ['entity', 'facts']],
    ['nested Entity.relations', (n) => `{ entity(id: "x") { relations(first: 1, direction: INCOMING) { nodes { from { relations(first: ${n}) { nodes { id } } } } } } }`, ['entity', 'relations', 'nodes', 0, 'from', 'relations']],
    ['Source.backedFacts', (n) => `{ entity(id: "cnbc") { ... on Source { backedFacts(first: ${n}) { nodes { id } } } } }`, ['entity', 'backedFacts']],
  ];
  it.each(fields)(`%s: ${max} runs, ${max + 1} is refused`, async (_name, query, path) => {
    expect(JSON.stringify(accepted(await ask(query(max))))).toMatch(/"id"/);
    refused(await ask(query(max + 1)), 'first', max, max + 1, path);
  });

  it('the entity tree serves the largest page in one statement', async () => {
    const response = await ask(`{ entity(id: "tesla") { relations(first: ${max}) { nodes { id } } facts(first: ${max}) { nodes { id } } } }`);
    expect(accepted(response).entity.relations.nodes).toHaveLength(max);
    expect(response.extensions?.databaseRoundTrips).toBe(1);
  });
});

describe(`search: MAX_SEARCH_RESULTS=${BOUNDS.MAX_SEARCH_RESULTS}`, () => {
  it(`${BOUNDS.MAX_SEARCH_RESULTS} runs, ${BOUNDS.MAX_SEARCH_RESULTS + 1} is refused`, async () => {
    const max = BOUNDS.MAX_SEARCH_RESULTS;
    expect(accepted(await ask(`{ search(text: "tesla", first: ${max}) { edges { score } } }`)).search.edges.length).toBeGreaterThan(0);
    refused(await ask(`{ search(text: "tesla", first: ${max + 1}) { edges { score } } }`), 'first', max, max + 1, ['search']);
    refused(await ask(`{ search(text: "tesla", last: ${max + 1}) { edges { score } } }`), 'last', max, max + 1, ['search']);
  });
});

describe(`exploration: MAX_NEIGHBORHOOD_DEPTH=${BOUNDS.MAX_NEIGHBORHOOD_DEPTH}, MAX_NEIGHBORHOOD_NODES=${BOUNDS.MAX_NEIGHBORHOOD_NODES}, MAX_PATH_DEPTH=${BOUNDS.MAX_PATH_DEPTH}`, () => {
  it(`neighbourhood depth ${BOUNDS.MAX_NEIGHBORHOOD_DEPTH} runs within ${BOUNDS.MAX_NEIGHBORHOOD_NODES} entities, ${BOUNDS.MAX_NEIGHBORHOOD_DEPTH + 1} is refused`, async () => {
    const max = BOUNDS.MAX_NEIGHBORHOOD_DEPTH;
    const { neighborhood } = accepted(await ask(`{ neighborhood(id: "xai", depth: ${max}) { nodes { id } truncated } }`));
    expect(neighborhood.nodes).toHaveLength(BOUNDS.MAX_NEIGHBORHOOD_NODES);
    expect(neighborhood.truncated).toBe(true);
    refused(await ask(`{ neighborhood(id: "xai", depth: ${max + 1}) { truncated } }`), 'depth', max, max + 1, ['neighborhood']);
  });

  it(`path maxDepth ${BOUNDS.MAX_PATH_DEPTH} runs, ${BOUNDS.MAX_PATH_DEPTH + 1} is refused`, async () => {
    const max = BOUNDS.MAX_PATH_DEPTH;
    expect(accepted(await ask(`{ path(from: "elon-musk", to: "grok", maxDepth: ${max}) { length } }`)).path.length).toBeLessThanOrEqual(max);
    refused(await ask(`{ path(from: "elon-musk", to: "grok", maxDepth: ${max + 1}) { length } }`), 'maxDepth', max, max + 1, ['path']);
  });
});
