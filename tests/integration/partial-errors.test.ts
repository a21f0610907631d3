/**
 * Root fields fail alone (docs/public-api.md): a bad argument on one root field answers that field null with its
 * coded error and `path`, its siblings keep their data, and the answer is HTTP 200 (GraphQL over HTTP: an answer
 * with `data` is a success, whatever failed in it) under both media types. Errors about the whole operation
 * (validation, variables, limits) still answer without `data`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientFor, type Client } from '../support/curation.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

let server: TestServer;
let writer: Client;
beforeAll(async () => {
  server = await startTestServer();
  writer = await clientFor(server.graphqlUrl, server.app.db, 'WRITE');
});
afterAll(async () => {
  await server?.stop();
});

type Body = { data?: Record<string, unknown> | null; errors?: { message: string; path?: (string | number)[]; extensions?: { code?: string } }[] };

async function post(query: string, accept: string, variables?: Record<string, unknown>): Promise<{ status: number; body: Body }> {
  const response = await fetch(server.graphqlUrl, { method: 'POST', headers: { 'content-type': 'application/json', accept }, body: JSON.stringify({ query, variables }) });
  return { status: response.status, body: (await response.json()) as Body };
}

const MEDIA_TYPES = ['application/graphql-response+json', 'application/json'];

/** Two good siblings around the bad field. */
const SIBLINGS = 'tesla: entity(id: "tesla") { id name } firstTwo: entities(first: 2) { nodes { id } }';

const BAD_ARGUMENTS = {
  'first over MAX_PAGE_SIZE': 'bad: entities(first: 1000) { nodes { id } }',
  'a cursor of another list': 'bad: relations(after: "nonsense") { nodes { id } }',
  'an id with the prefix of another type': 'bad: entity(id: "Fact:xai-owns-grok") { id }',
};

describe('a bad argument on one root field', () => {
  for (const accept of MEDIA_TYPES) {
    it.each(Object.entries(BAD_ARGUMENTS))(`%s: that field is null with its coded error, the siblings answer, HTTP 200 (${accept})`, async (_what, bad) => {
      const { status, body } = await post(`{ ${SIBLINGS} ${bad} }`, accept);
      expect(status).toBe(200);
      expect(body.errors, JSON.stringify(body)).toHaveLength(1);
      expect(body.errors![0]).toMatchObject({ path: ['bad'], extensions: { code: 'BAD_USER_INPUT' } });
      expect(body.errors![0]!.message).toMatch(/^Invalid argument `\w+`: /);
      expect(body.data).toEqual({ tesla: { id: 'tesla', name: 'Tesla' }, firstTwo: { nodes: [expect.any(Object), expect.any(Object)] }, bad: null });
    });
  }

  it('alone, it still answers `data` with the field null (the field failed, not the operation)', async () => {
    const { status, body } = await post(`{ ${BAD_ARGUMENTS['first over MAX_PAGE_SIZE']} }`, MEDIA_TYPES[0]!);
    expect(status).toBe(200);
    expect(body.data).toEqual({ bad: null });
    expect(body.errors?.map((e) => e.extensions?.code)).toEqual(['BAD_USER_INPUT']);
  });

  it('two bad fields give two errors, each with its own path', async () => {
    const { body } = await post(`{ ${SIBLINGS} ${BAD_ARGUMENTS['first over MAX_PAGE_SIZE']} other: path(from: "xai", to: "grok", maxDepth: 99) { length } }`, MEDIA_TYPES[0]!);
    expect(body.errors?.map((e) => e.path)).toEqual(expect.arrayContaining([['bad'], ['other']]));
    expect(body.data).toMatchObject({ tesla: { id: 'tesla' }, bad: null, other: null });
  });

  it('a mutation that fails answers null beside one that succeeds, in order, HTTP 200', async () => {
    const { status, body } = await writer.raw(`mutation {
      refused: upsertEntity(input: { id: "Not An Id", name: "X" }) { existed }
      fresh: upsertEntity(input: { id: "partial-errors-y", kind: ORGANIZATION, name: "Y", description: "Another test company." }) { existed }
    }`);
    expect(status).toBe(200);
    expect(body.data).toEqual({ refused: null, fresh: { existed: false } });
    expect(body.errors).toHaveLength(1);
    expect(body.errors[0]).toMatchObject({ path: ['refused'], extensions: { code: 'BAD_USER_INPUT' } });
  });
});

describe('errors about the whole operation keep answering without data', () => {
  it('validation, a bad variable and a limit: no `data`, HTTP 400 under application/graphql-response+json', async () => {
    const answers = await Promise.all([
      post(`{ ${SIBLINGS} nope }`, MEDIA_TYPES[0]!),
      post(`query ($n: Int) { ${SIBLINGS} entities(first: $n) { nodes { id } } }`, MEDIA_TYPES[0]!, { n: 'ten' }),
      post(`{ ${SIBLINGS} ${Array.from({ length: 40 }, (_, i) => `a${i}: __typename`).join(' ')} }`, MEDIA_TYPES[0]!),
    ]);
    expect(answers.map(({ status, body }) => [status, 'data' in body, body.errors?.[0]?.extensions?.code])).toEqual([
      [400, false, 'GRAPHQL_VALIDATION_FAILED'],
      [400, false, 'BAD_USER_INPUT'],
      [400, false, 'LIMIT_EXCEEDED'],
    ]);
  });
});
