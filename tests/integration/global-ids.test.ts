/**
 * Global ids on the shipped article graph (docs/public-api.md, "Global ids"): every Node id the API answers is
 * unique across types, node/nodes give each back with its type in one statement per type, the slugs still
 * work, and an id of the wrong type is refused.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql, startTestServer, type GraphQLResponse, type TestServer } from '../support/test-server.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.stop();
});

const ask = (query: string, variables?: Record<string, unknown>) => graphql(server.graphqlUrl, query, variables);

async function data(query: string, variables?: Record<string, unknown>): Promise<Record<string, any>> {
  const response = await ask(query, variables);
  expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
  return response.data!;
}

/** Every page of a root connection (`field(first: size, after: …)`), its nodes with `selection`. */
async function allNodes(field: string, selection: string, size = 100): Promise<Record<string, any>[]> {
  const nodes: Record<string, any>[] = [];
  let after: string | null = null;
  for (;;) {
    const page: Record<string, any> = (await data(`query ($after: String) { page: ${field}(first: ${size}, after: $after) { nodes { ${selection} } pageInfo { hasNextPage endCursor } } }`, { after })).page;
    nodes.push(...page.nodes);
    if (!page.pageInfo.hasNextPage) return nodes;
    after = page.pageInfo.endCursor;
  }
}

/** Revisions, through `changes`, whose `after` takes a revision id. */
async function allRevisions(): Promise<string[]> {
  const ids: string[] = [];
  let after: string | null = null;
  for (;;) {
    const page: Record<string, any> = (await data('query ($after: ID) { changes(after: $after, first: 100) { nodes { id } pageInfo { hasNextPage } } }', { after })).changes;
    ids.push(...page.nodes.map((n: { id: string }) => n.id));
    if (!page.pageInfo.hasNextPage) return ids;
    after = ids.at(-1)!;
  }
}

const FACT = 'id citations { id }';

/** Every Node the API answers on the article graph, as `id → types it was answered with`. */
async function collectIds() {
  const types = new Map<string, Set<string>>();
  const add = (type: string, id: string) => {
    if (!types.has(id)) types.set(id, new Set());
    types.get(id)!.add(type);
  };
  // Small pages of entities: each nests its facts, and the cost limit counts them all.
  const entities = await allNodes('entities', `__typename id facts(first: 50, includeRetracted: true) { nodes { ${FACT} } }`, 10);
  const relations = await allNodes('relations', `id fact { ${FACT} }`);
  const facts = [...entities.flatMap((e) => e.facts.nodes), ...relations.map((r) => r.fact)];
  for (const e of entities) add('Entity', e.id);
  for (const r of relations) add('Relation', r.id);
  for (const f of facts) add('Fact', f.id);
  for (const c of facts.flatMap((f) => f.citations)) add('Citation', c.id);
  for (const id of await allRevisions()) add('Revision', id);
  return { types, entities, relations, facts };
}

describe('global ids on the article graph', () => {
  it('are unique across entities, facts, relations, citations and revisions', async () => {
    const { types, entities, relations, facts } = await collectIds();
    const shared = [...types].filter(([, of]) => of.size > 1).map(([id, of]) => `${id} (${[...of].join(', ')})`);
    expect(shared, 'ids answered for two types').toEqual([]);
    const count = (type: string) => [...types.values()].filter((of) => of.has(type)).length;
    const sharedKeys = relations.filter((r) => r.id.replace('Relation:', '') === r.fact.id.replace('Fact:', '')).length;
    console.log(`${types.size} distinct ids: ${['Entity', 'Fact', 'Relation', 'Citation', 'Revision'].map((t) => `${count(t)} ${t}`).join(', ')}; ${sharedKeys} relations share their key with their fact (distinct ids now)`);
    // The article graph's size, so that the check above checks something: the issue counted 55 facts, 51 of
    // which shared their id with a relation.
    expect(count('Entity')).toBe(entities.length);
    expect(count('Fact')).toBeGreaterThanOrEqual(55);
    expect(count('Relation')).toBe(relations.length);
    expect(count('Relation')).toBeGreaterThanOrEqual(51);
    expect(count('Citation')).toBeGreaterThan(0);
    expect(count('Revision')).toBeGreaterThan(0);
    // A relation and its fact name one key, under two ids.
    const binary = relations.find((r) => r.id === 'Relation:xai-owns-grok');
    expect(binary?.fact.id).toBe('Fact:xai-owns-grok');
    expect(facts.every((f) => f.id.startsWith('Fact:'))).toBe(true);
    expect(relations.every((r) => r.id.startsWith('Relation:'))).toBe(true);
  });

  it('node and nodes give each back with its type; nodes costs one statement per type asked', async () => {
    const { entities, relations, facts } = await collectIds();
    const participant = relations.find((r) => r.id.split('/').length === 3)!;
    expect(participant, 'the article graph has participant relations').toBeDefined();
    const citation = facts.find((f) => f.citations.length > 0)!.citations[0].id as string;
    const revision = (await data('{ knowledgeVersion { id } }')).knowledgeVersion.id as string;
    const asked = [
      [entities[0]!.id, entities[0]!.__typename],
      [facts[0]!.id, 'Fact'],
      [relations[0]!.id, 'Relation'],
      [participant.id, 'Relation'],
      [citation, 'Citation'],
      [revision, 'Revision'],
      ['no-such-entity', null],
      ['Fact:no-such-fact', null],
      ['Relation:no-such-fact/ITEM/nobody', null],
    ] as const;
    const NODES = 'query ($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }';
    const all = await ask(NODES, { ids: asked.map(([id]) => id) });
    expect(all.errors).toBeUndefined();
    expect(all.data!.nodes).toEqual(asked.map(([id, type]) => (type === null ? null : { __typename: type, id })));
    // Five types asked: at most five statements (a citation is read with its fact).
    expect(all.extensions?.databaseRoundTrips).toBeLessThanOrEqual(5);

    // Many of one type: one statement, not one per id.
    const manyFacts = await ask(NODES, { ids: facts.slice(0, 20).map((f) => f.id) });
    expect(manyFacts.data!.nodes.map((n: { id: string }) => n.id)).toEqual(facts.slice(0, 20).map((f) => f.id));
    // One statement for the 20 (two when one of them is hidden: a retracted or deprecated fact's participants
    // come from its history edges, in one more read; other test files retract facts of this shared graph).
    expect(manyFacts.extensions?.databaseRoundTrips).toBeLessThanOrEqual(2);
    const manyRelations = await ask(NODES, { ids: relations.slice(0, 20).map((r) => r.id) });
    expect(manyRelations.data!.nodes.map((n: { __typename: string }) => n.__typename)).toEqual(Array(20).fill('Relation'));
    expect(manyRelations.extensions?.databaseRoundTrips).toBe(1);
    const mixed = await ask(NODES, { ids: [...entities.slice(0, 10).map((e) => e.id), ...facts.slice(0, 10).map((f) => f.id), ...relations.slice(0, 10).map((r) => r.id)] });
    expect(mixed.data!.nodes.every((n: unknown) => n !== null)).toBe(true);
    expect(mixed.extensions?.databaseRoundTrips).toBeLessThanOrEqual(4);

    const one = await data('query ($id: ID!) { node(id: $id) { id ... on Relation { type from { id } to { id } fact { id } } } }', { id: 'Relation:xai-owns-grok' });
    expect(one.node).toEqual({ id: 'Relation:xai-owns-grok', type: 'OWNS', from: { id: 'xai' }, to: { id: 'grok' }, fact: { id: 'Fact:xai-owns-grok' } });
    const tesla = await data('{ node(id: "tesla") { __typename id ... on Entity { name } } }');
    expect(tesla.node).toEqual({ __typename: 'Organization', id: 'tesla', name: 'Tesla' });
  });

  it('keep the slugs working where they worked: entity(id), fact(id), history(id)', async () => {
    const answer = await data(`{
      entity(id: "tesla") { id }
      bySlug: fact(id: "xai-owns-grok") { id }
      byId: fact(id: "Fact:xai-owns-grok") { id statement }
      history(id: "Fact:xai-owns-grok") { nodes { id } }
      historyBySlug: history(id: "xai-owns-grok") { nodes { id } }
    }`);
    expect(answer.entity).toEqual({ id: 'tesla' });
    expect(answer.bySlug).toEqual({ id: 'Fact:xai-owns-grok' });
    expect(answer.byId.id).toBe('Fact:xai-owns-grok');
    expect(answer.history.nodes.length).toBeGreaterThan(0);
    expect(answer.historyBySlug).toEqual(answer.history);
    const revision = answer.history.nodes[0].id as string;
    expect(revision).toMatch(/^Revision:r\d+$/);
    const both = await data('query ($a: ID!, $b: ID!) { a: revision(id: $a) { id } b: revision(id: $b) { id } }', { a: revision, b: revision.replace('Revision:', '') });
    expect(both).toEqual({ a: { id: revision }, b: { id: revision } });
  });

  it('refuse an id of the wrong type with BAD_USER_INPUT naming what the argument accepts', async () => {
    const refused = async (query: string, pattern: RegExp, variables?: Record<string, unknown>): Promise<GraphQLResponse> => {
      const response = await ask(query, variables);
      expect(response.errors?.[0]?.extensions?.code, JSON.stringify(response)).toBe('BAD_USER_INPUT');
      expect(response.errors?.[0]?.message).toMatch(pattern);
      return response;
    };
    await refused('{ entity(id: "Fact:xai-owns-grok") { id } }', /entity's id/);
    await refused('{ fact(id: "Relation:xai-owns-grok") { id } }', /a fact id: Fact:slug or the slug/);
    await refused('{ revision(id: "Fact:r2") { id } }', /a revision id/);
    await refused('{ history(id: "Revision:r1") { nodes { id } } }', /an entity's slug .* or a fact id/);
    await refused('{ node(id: "Person:elon-musk") { id } }', /Fact, Relation, Citation, Revision/);
    await refused('{ relations(from: "Fact:xai-owns-grok") { nodes { id } } }', /`from`/);
    // The federation fields exist only in the subgraph mode (federation.test.ts).
    const plain = await ask('{ _service { sdl } }');
    expect(plain.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const tooMany = await refused('query ($ids: [ID!]!) { nodes(ids: $ids) { id } }', /at most 100 ids/, { ids: Array.from({ length: 101 }, (_, i) => `e-${i}`) });
    expect(tooMany.extensions?.databaseRoundTrips ?? 0).toBe(0);
  });
});
