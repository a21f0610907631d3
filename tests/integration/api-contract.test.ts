/**
 * The query contract other apps rely on, over HTTP against the real Neo4j: nulls for unknown ids,
 * BAD_USER_INPUT with what is allowed for out-of-range arguments, Relay pagination, bounded round trips.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeCursor } from '../../src/graphql/arguments.ts';
import { graphql, startTestServer, type TestServer } from '../support/test-server.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.stop();
});

const ask = (query: string, variables?: Record<string, unknown>) => graphql(server.graphqlUrl, query, variables);

async function expectBadInput(query: string, message: RegExp, variables?: Record<string, unknown>) {
  const response = await ask(query, variables);
  expect(response.errors?.[0]?.extensions?.code, JSON.stringify(response)).toBe('BAD_USER_INPUT');
  expect(response.errors?.[0]?.message).toMatch(message);
  return response;
}

describe('unknown ids', () => {
  it('give null, not an error', async () => {
    const response = await ask('{ entity(id: "no-such-entity") { id } fact(id: "nope") { id } neighborhood(id: "nope") { truncated } path(from: "tesla", to: "nope") { length } }');
    expect(response.errors).toBeUndefined();
    expect(response.data).toEqual({ entity: null, fact: null, neighborhood: null, path: null });
  });
});

describe('out-of-range arguments', () => {
  it.each([
    ['{ entities(first: 101) { nodes { id } } }', /`first`: must be between 1 and 100, got 101/],
    ['{ entities(first: 0) { nodes { id } } }', /`first`: must be between 1 and 100, got 0/],
    ['{ entity(id: "tesla") { relations(first: 1000) { nodes { id } } } }', /between 1 and 100/],
    ['{ neighborhood(id: "xai", depth: 4) { truncated } }', /`depth`: must be between 1 and 3, got 4/],
    ['{ neighborhood(id: "xai", depth: 0) { truncated } }', /`depth`: must be between 1 and 3/],
    ['{ path(from: "elon-musk", to: "grok", maxDepth: 7) { length } }', /`maxDepth`: must be between 1 and 6, got 7/],
    ['{ search(text: "") { edges { score } } }', /`text`: must not be empty/],
    ['{ search(text: "   ") { edges { score } } }', /`text`: must not be empty/],
    [`{ search(text: "${'x'.repeat(201)}") { edges { score } } }`, /at most 200 characters/],
    ['{ search(text: "tesla", first: 51) { edges { score } } }', /between 1 and 50/],
    ['{ search(text: "tesla", last: 51) { edges { score } } }', /`last`: must be between 1 and 50/],
    ['{ search(text: "tesla", first: 2, last: 2) { edges { score } } }', /`last`: cannot be given with `first`/],
    ['{ entities(after: "not-a-cursor") { nodes { id } } }', /`after`: is not a cursor of this list/],
  ])('%s', async (query, message) => {
    await expectBadInput(query, message);
  });

  it('an unknown kind lists the allowed kinds, in the query or in a variable', async () => {
    await expectBadInput('{ entities(kind: ALIEN) { nodes { id } } }', /ALIEN[\s\S]*Allowed values: PERSON, ORGANIZATION, PRODUCT/);
    await expectBadInput('query($k: EntityKind) { entities(kind: $k) { nodes { id } } }', /Allowed values: PERSON/, { k: 'ALIEN' });
    await expectBadInput('{ search(text: "x", kinds: [ROBOT]) { edges { score } } }', /Allowed values: PERSON/);
  });

  it('hostile strings are only ever values: the graph is intact after them', async () => {
    const hostile = ["') DETACH DELETE n //", '"}) MATCH (n) DETACH DELETE n RETURN 1 //', 'tesla` OR 1=1', '*:*', 'name:*', '\\u0000'];
    for (const text of hostile) {
      const response = await ask('query($t: String!, $id: ID!) { search(text: $t) { nodes { id } } entity(id: $id) { id } relations(from: $id) { nodes { id } } }', { t: text, id: text });
      expect(response.errors, text).toBeUndefined();
      expect(response.data?.entity).toBeNull();
    }
    const after = await ask('{ entity(id: "tesla") { id name } }');
    expect(after.data?.entity).toEqual({ id: 'tesla', name: 'Tesla' });
  });
});

describe('Relay connections', () => {
  it('pages through every entity once, in id order', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 100; page++) {
      const response: Awaited<ReturnType<typeof ask>> = await ask('query($after: String) { entities(first: 7, after: $after) { edges { cursor node { id } } pageInfo { hasNextPage endCursor } } }', { after });
      const connection = response.data?.entities;
      seen.push(...connection.edges.map((edge: { node: { id: string } }) => edge.node.id));
      if (!connection.pageInfo.hasNextPage) break;
      after = connection.pageInfo.endCursor;
    }
    expect(seen.length).toBeGreaterThan(20);
    expect(new Set(seen).size).toBe(seen.length);
    expect([...seen].sort()).toEqual(seen);
    expect(seen).toContain('tesla');
  });

  it('filters entities by kind and relations by endpoints and type', async () => {
    const people = await ask('{ entities(kind: PERSON, first: 100) { nodes { id kind } } }');
    expect(people.data?.entities.nodes.length).toBeGreaterThan(0);
    expect(people.data?.entities.nodes.every((n: { kind: string }) => n.kind === 'PERSON')).toBe(true);
    const owns = await ask('{ relations(to: "grok", type: OWNS) { nodes { type from { id } to { id } } } }');
    expect(owns.data?.relations.nodes).toContainEqual({ type: 'OWNS', from: { id: 'xai' }, to: { id: 'grok' } });
  });

  it('pages relations of an entity without overlap', async () => {
    const all = await ask('{ entity(id: "tesla") { relations(first: 100) { nodes { id } } } }');
    const ids: string[] = all.data?.entity.relations.nodes.map((r: { id: string }) => r.id);
    expect(ids.length).toBeGreaterThan(3);
    const first = await ask('{ entity(id: "tesla") { relations(first: 2) { nodes { id } pageInfo { hasNextPage endCursor } } } }');
    const page1 = first.data?.entity.relations;
    expect(page1.pageInfo.hasNextPage).toBe(true);
    const next = await ask('query($a: String) { entity(id: "tesla") { relations(first: 100, after: $a) { nodes { id } } } }', { a: page1.pageInfo.endCursor });
    expect([...page1.nodes.map((r: { id: string }) => r.id), ...next.data?.entity.relations.nodes.map((r: { id: string }) => r.id)]).toEqual(ids);
  });
});

describe('database round trips', () => {
  const nested = (first: number) => `{
    entity(id: "tesla") {
      name
      relations(first: ${first}) {
        nodes { type to { name } from { name } fact { statement citations { quote saidBy { name } reportedBy { name } document { id } } quantities { value item { name } } } }
      }
      facts { nodes { id subject { id } participants { role entity { name } } } }
    }
  }`;

  it('do not grow with the number of items: one for the entity and everything nested under it', async () => {
    const small = await ask(nested(1));
    const large = await ask(nested(100));
    expect(small.errors).toBeUndefined();
    expect(large.errors).toBeUndefined();
    expect(large.data?.entity.relations.nodes.length).toBeGreaterThan(3);
    // The entity tree fetches the entity, its relations and facts, the relations' facts and every entity they
    // name in one statement (entity-tree.ts). Per-item loading would cost one round trip per relation and fact.
    const items = large.data?.entity.relations.nodes.length + large.data?.entity.facts.nodes.length;
    expect(items).toBeGreaterThan(20);
    expect(small.extensions?.databaseRoundTrips).toBe(1);
    expect(large.extensions?.databaseRoundTrips).toBe(1);
  });

  // Everything nested under a root `entity` comes from one statement shaped by the selection (entity-tree.ts).
  const subtree = /* GraphQL */ `
    fragment Sub on Entity {
      name
      first: relations(first: 3) { nodes { id type to { id name facts(first: 2) { nodes { id statement } } } fact { id citations { quote saidBy { name } } } } pageInfo { hasNextPage endCursor } }
      outgoing: relations(direction: OUTGOING, first: 50) { edges { cursor node { id label from { id } to { id ... on Organization { relations(first: 2) { nodes { id to { name } } } } } } } }
      facts(first: 5) { nodes { id type subject { id } object { id } participants { role entity { id } } quantities { value item { id } } } }
      ... @include(if: $withOwns) { owns: relations(types: [OWNS], first: 10) { nodes { to { id } } } }
    }`;

  it('cost one round trip for a root entity, whatever the nesting, aliases and fragments', async () => {
    expect((await ask(nested(100))).extensions?.databaseRoundTrips).toBe(1);
    const deep = await ask(`query($withOwns: Boolean!) { entity(id: "xai") { id ...Sub } } ${subtree}`, { withOwns: true });
    expect(deep.errors).toBeUndefined();
    expect(deep.extensions?.databaseRoundTrips).toBe(1);
    expect(deep.data?.entity.owns.nodes).toContainEqual({ to: { id: 'grok' } });
    expect(deep.data?.entity.first.nodes.length).toBe(3);
  });

  it('answer through that one statement exactly as through per-level loading', async () => {
    for (const withOwns of [true, false]) {
      const tree = await ask(`query($withOwns: Boolean!) { entity(id: "xai") { id ...Sub } } ${subtree}`, { withOwns });
      // `entities` resolves nested fields level by level through the DataLoaders.
      // From just before xai (other test files add organizations): xai is on the page whatever the data.
      const after = encodeCursor('entity', 'x');
      const loaded = await ask(`query($withOwns: Boolean!, $after: String) { entities(kind: ORGANIZATION, first: 10, after: $after) { nodes { id ...Sub } } } ${subtree}`, { withOwns, after });
      expect(loaded.errors, JSON.stringify(loaded.errors)).toBeUndefined();
      expect(loaded.extensions?.databaseRoundTrips).toBeGreaterThan(1);
      expect(tree.data?.entity).toEqual(loaded.data?.entities.nodes.find((n: { id: string }) => n.id === 'xai'));
    }
  });

  it('fall back to per-level loading when one record is asked with two argument sets, and still answer right', async () => {
    const query = `{ entity(id: "tesla") { relations(first: 5) {
      nodes { to { relations(first: 1) { nodes { id } } } }
      edges { node { to { relations(first: 2) { nodes { id } } } } } } } }`;
    const response = await ask(query);
    expect(response.errors).toBeUndefined();
    expect(response.extensions?.databaseRoundTrips).toBeGreaterThan(1);
    const nodes = response.data?.entity.relations.nodes;
    const edges = response.data?.entity.relations.edges;
    nodes.forEach((n: { to: { relations: { nodes: unknown[] } } }, i: number) => {
      expect(n.to.relations.nodes.length).toBeLessThanOrEqual(1);
      expect(edges[i].node.to.relations.nodes.slice(0, n.to.relations.nodes.length)).toEqual(n.to.relations.nodes);
    });
  });

  it('refuse a bad nested argument on its own field, as before', async () => {
    const response = await ask('{ entity(id: "tesla") { name relations(first: 5) { nodes { to { relations(first: 0) { nodes { id } } } } } } }');
    expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(response.errors?.[0]?.path).toEqual(['entity', 'relations', 'nodes', 0, 'to', 'relations']);
  });
});

describe('health', () => {
  it('answers /health without the database and /ready with it', async () => {
    expect(await (await fetch(`${server.baseUrl}/health`)).json()).toEqual({ status: 'ok' });
    const ready = await fetch(`${server.baseUrl}/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready', database: 'up' });
  });

  it('answers malformed JSON with a JSON GraphQL error, not HTML', async () => {
    const response = await fetch(server.graphqlUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query": ' });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toMatch(/json/);
    const body = (await response.json()) as { errors: { message: string }[] };
    expect(body.errors[0]?.message).toBeTruthy();
    expect(JSON.stringify(body)).not.toMatch(/at .*\.(js|ts):\d+/);
  });
});
