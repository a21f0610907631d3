/**
 * Each operation limit, just under and just over its documented default, on the real server: under it the
 * operation runs; over it the answer is HTTP 400 with LIMIT_EXCEEDED naming the limit, and no Cypher ran.
 */
import { getIntrospectionQuery } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

const { operationLimits: limits, http } = loadConfig({});

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.stop();
});

interface Answer {
  status: number;
  body: { data?: unknown; errors?: { message: string; extensions: Record<string, unknown> }[]; extensions?: { databaseRoundTrips?: number } };
}

async function post(query: string, variables?: Record<string, unknown>): Promise<Answer> {
  const response = await fetch(server.graphqlUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, body: (await response.json()) as Answer['body'] };
}

function expectAccepted(answer: Answer) {
  expect(answer.body.errors, JSON.stringify(answer.body.errors)).toBeUndefined();
  expect(answer.status).toBe(200);
}

function expectRejected(answer: Answer, limit: string, max: number) {
  expect(answer.status).toBe(400);
  expect(answer.body.data).toBeUndefined();
  const [error] = answer.body.errors ?? [];
  expect(error?.extensions).toMatchObject({ code: 'LIMIT_EXCEEDED', limit, max });
  expect(error?.message).toMatch(new RegExp(`${limit} limit`));
  // Rejected before execution: not one statement reached Neo4j.
  expect(answer.body.extensions?.databaseRoundTrips ?? 0).toBe(0);
}

/** A query whose fields nest exactly `depth` levels (the innermost is `__typename`). */
function nestedQuery(depth: number): string {
  const cycle = ['relations(first: 1)', 'nodes', 'to'];
  const levels = ['entity(id: "xai")'];
  while (levels.length < depth - 1) levels.push(cycle[(levels.length - 1) % 3]!);
  return `{ ${levels.join(' { ')} { __typename ${'}'.repeat(levels.length)} }`;
}

const repeat = (n: number, text: (i: number) => string) => Array.from({ length: n }, (_, i) => text(i)).join(' ');

describe('operation limits', () => {
  it(`depth: ${limits.maxDepth} levels run, ${limits.maxDepth + 1} are refused`, async () => {
    expectAccepted(await post(nestedQuery(limits.maxDepth)));
    expectRejected(await post(nestedQuery(limits.maxDepth + 1)), 'depth', limits.maxDepth);
  });

  it('depth counts fields reached through fragments', async () => {
    const inner = nestedQuery(limits.maxDepth + 1).replace(/^\{ entity\(id: "xai"\)/, 'fragment Deep on Query { entity(id: "xai")');
    expectRejected(await post(`{ ...Deep } ${inner}`), 'depth', limits.maxDepth);
  });

  it(`aliases: ${limits.maxAliases} run, ${limits.maxAliases + 1} are refused`, async () => {
    expectAccepted(await post(`{ ${repeat(limits.maxAliases, (i) => `a${i}: __typename`)} }`));
    expectRejected(await post(`{ ${repeat(limits.maxAliases + 1, (i) => `a${i}: __typename`)} }`), 'aliases', limits.maxAliases);
  });

  it('aliases inside a fragment count once per spread', async () => {
    const perFragment = Math.ceil((limits.maxAliases + 1) / 2);
    const query = `{ entity(id: "xai") { ...A } other: entity(id: "grok") { ...A } } fragment A on Entity { ${repeat(perFragment, (i) => `n${i}: name`)} }`;
    expectRejected(await post(query), 'aliases', limits.maxAliases);
  });

  it(`directives: ${limits.maxDirectives} run, ${limits.maxDirectives + 1} are refused`, async () => {
    expectAccepted(await post(`{ ${repeat(limits.maxDirectives, () => '__typename @include(if: true)')} }`));
    expectRejected(await post(`{ ${repeat(limits.maxDirectives + 1, () => '__typename @include(if: true)')} }`), 'directives', limits.maxDirectives);
  });

  it(`tokens: ${limits.maxTokens} parse, ${limits.maxTokens + 1} are refused`, async () => {
    // 18 tokens of punctuation and names around the list, plus one per kind listed.
    const withKinds = (n: number) => `{ search(text: "a", kinds: [${repeat(n, () => 'PERSON')}]) { edges { score } } }`;
    expectAccepted(await post(withKinds(limits.maxTokens - 18)));
    const answer = await post(withKinds(limits.maxTokens - 17));
    expect(answer.status).toBe(400);
    expect(answer.body.errors?.[0]?.extensions).toMatchObject({ code: 'LIMIT_EXCEEDED', limit: 'tokens', max: limits.maxTokens });
  });

  // search (1) + 50 nodes × (1 + relations (1 + first × nodes (1 + to))) = 1 + 50 × (2 + 2 × first)
  const costly = (first: number) => `{ search(text: "a", first: 50) { nodes { relations(first: ${first}) { nodes { to { name } } } } } }`;
  const firstUnder = Math.floor(((limits.maxCost - 1) / 50 - 2) / 2);
  const costOf = (first: number) => 1 + 50 * (2 + 2 * first);

  it(`cost: ${costOf(firstUnder)} runs, ${costOf(firstUnder + 1)} is refused (max ${limits.maxCost})`, async () => {
    expectAccepted(await post(costly(firstUnder)));
    const answer = await post(costly(firstUnder + 1));
    expectRejected(answer, 'cost', limits.maxCost);
    expect(answer.body.errors?.[0]?.extensions.actual).toBe(costOf(firstUnder + 1));
  });

  it('cost reads page sizes from variables, and neighborhood depth counts', async () => {
    const query = 'query($n: Int) { search(text: "a", first: 50) { nodes { relations(first: $n) { nodes { to { name } } } } } }';
    expectAccepted(await post(query, { n: firstUnder }));
    expectRejected(await post(query, { n: firstUnder + 1 }), 'cost', limits.maxCost);
    const around = (depth: number) => `{ neighborhood(id: "xai", depth: ${depth}) { nodes { relations(first: 50) { nodes { to { name } } } } } }`;
    expectAccepted(await post(around(1)));
    expectRejected(await post(around(2)), 'cost', limits.maxCost);
  });

  it("applies the operation's own variable defaults: `query($n: Int = …)` sent without variables costs as that default", async () => {
    const query = (n: number) => `query($n: Int = ${n}) { search(text: "a", first: 50) { nodes { relations(first: $n) { nodes { to { name } } } } } }`;
    expectAccepted(await post(query(firstUnder)));
    const answer = await post(query(firstUnder + 1));
    expectRejected(answer, 'cost', limits.maxCost);
    expect(answer.body.errors?.[0]?.extensions.actual).toBe(costOf(firstUnder + 1));
  });

  it("lets the playground's own introspection query through (GraphiQL 5's options)", async () => {
    // GraphiQL 5 asks for descriptions, input value deprecation and the schema's description, 9 ofType levels.
    const answer = await post(getIntrospectionQuery({ descriptions: true, inputValueDeprecation: true, schemaDescription: true }));
    expectAccepted(answer);
    expect((answer.body.data as { __schema: { types: unknown[] } }).__schema.types.length).toBeGreaterThan(40);
  });

  // Introspection counts like any other selection: depth, aliases, fragment spreads and cost.
  const types = 'types { name description fields { name description args { name description type { name kind ofType { name kind } } } type { name kind ofType { name kind ofType { name } } } } }';

  it('introspection aliases count: a few whole schemas run, 30 are refused by cost (each is its real size)', async () => {
    const aliased = (n: number) => `{ ${repeat(n, (i) => `s${i}: __schema { ${types} }`)} }`;
    const once = await post(aliased(1));
    expectAccepted(once);
    const perSchema = JSON.stringify(once.body.data).length;
    // The largest multiple under the cost limit runs; one more is refused.
    let fits = 1;
    while ((await post(aliased(fits + 1))).status === 200) fits += 1;
    expect(fits).toBeGreaterThanOrEqual(2);
    expect(fits).toBeLessThan(30);
    expectRejected(await post(aliased(fits + 1)), 'cost', limits.maxCost);
    expectRejected(await post(aliased(30)), 'cost', limits.maxCost);
    console.log(`introspection: one __schema of ${perSchema} bytes; ${fits} aliased run, ${fits + 1} are refused`);
  });

  it('introspection aliases and spreads count against the alias limit', async () => {
    expectAccepted(await post(`{ __schema { ${repeat(limits.maxAliases, (i) => `t${i}: queryType { name }`)} } }`));
    expectRejected(await post(`{ __schema { ${repeat(limits.maxAliases + 1, (i) => `t${i}: queryType { name }`)} } }`), 'aliases', limits.maxAliases);
    const spreads = (n: number) => `{ __schema { ...Q ...Q } } fragment Q on __Schema { ${repeat(n, (i) => `t${i}: queryType { name }`)} }`;
    const half = Math.floor(limits.maxAliases / 2);
    expectAccepted(await post(spreads(half)));
    expectRejected(await post(spreads(half + 1)), 'aliases', limits.maxAliases);
  });

  it(`introspection depth counts: ${limits.maxDepth} levels run, ${limits.maxDepth + 1} are refused`, async () => {
    // 11 levels from __schema to name, plus `ofType` levels (graphql-js's own MaxIntrospectionDepthRule refuses
    // a third nested `fields`, so the depth comes from other fields).
    const chain = (depth: number) =>
      `{ __schema { directives { args { type { fields { args { type { fields { args { type { ${'ofType { '.repeat(depth - 11)}name${' }'.repeat(depth - 11)} } } } } } } } } } } }`;
    expectAccepted(await post(chain(limits.maxDepth)));
    expectRejected(await post(chain(limits.maxDepth + 1)), 'depth', limits.maxDepth);
  });

  it(`answers over MAX_RESPONSE_BYTES (default ${http.maxResponseBytes}) are refused with LIMIT_EXCEEDED, not sent`, async () => {
    const under = '{ __schema { types { name fields { name } } } }';
    const over = '{ __schema { types { name fields { name } } } more: __typename }';
    const bytes = (await (await fetch(server.graphqlUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: under }) })).arrayBuffer()).byteLength;
    // A server whose limit is exactly that answer's size: it is sent; the same answer and a few bytes more is not.
    const small = await startTestServer({ KNOWLEDGE_AUTOLOAD: 'false', MAX_RESPONSE_BYTES: String(bytes) });
    try {
      const ask = async (query: string) => {
        const response = await fetch(small.graphqlUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
        return { status: response.status, text: await response.text() };
      };
      const sent = await ask(under);
      expect(sent.status).toBe(200);
      expect(Buffer.byteLength(sent.text)).toBe(bytes);
      const refused = await ask(over);
      expect(refused.status).toBe(400);
      const body = JSON.parse(refused.text) as Answer['body'];
      expect(body.data).toBeUndefined();
      expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'LIMIT_EXCEEDED', limit: 'responseBytes', max: bytes });
      expect(body.errors?.[0]?.extensions.actual).toBe(bytes + ',"more":"Query"'.length);
    } finally {
      await small.stop();
    }
  });
});
