/**
 * Automatic persisted queries with Apollo Client 4's real link (PersistedQueryLink, SHA-256 from node:crypto,
 * HttpLink to the live server), asserted on the wire by a fetch wrapper that records every request:
 * - POST: the first query sends its hash alone, gets PERSISTED_QUERY_NOT_FOUND, resends hash and text; the next
 *   sends the hash alone and gets data.
 * - GET (`useGETForHashedQueries`): the same, the retry being a POST (the link's choice), later ones GETs by
 *   hash; mutations stay POSTs.
 * - A hash that is not its text's is refused with PERSISTED_QUERY_HASH_MISMATCH and runs nothing; with APQ off
 *   (PERSISTED_QUERIES_CACHE_BYTES=0) the link is told PERSISTED_QUERY_NOT_SUPPORTED and sends full queries.
 */
import { createHash } from 'node:crypto';
import { ApolloClient, ApolloLink, HttpLink, InMemoryCache, gql } from '@apollo/client';
import { PersistedQueryLink } from '@apollo/client/link/persisted-queries';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, issueApiKey } from '../support/api-keys.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

let server: TestServer;
let apqOff: TestServer;
beforeAll(async () => {
  server = await startTestServer();
  apqOff = await startTestServer({ KNOWLEDGE_AUTOLOAD: 'false', PERSISTED_QUERIES_CACHE_BYTES: '0' });
});
afterAll(async () => {
  await server?.stop();
  await apqOff?.stop();
});

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** One request as it went on the wire, and what came back. */
interface Sent {
  method: string;
  query: boolean;
  hash: boolean;
  status: number;
  codes: string[];
  cacheControl: string | null;
}

function clientWith(url: string, options: { useGETForHashedQueries?: boolean; headers?: Record<string, string> } = {}) {
  const sent: Sent[] = [];
  const recordingFetch: typeof fetch = async (input, init) => {
    const method = init?.method ?? 'GET';
    const params = new URL(String(input)).searchParams;
    const payload = method === 'GET' ? { query: params.get('query') ?? undefined, extensions: JSON.parse(params.get('extensions') ?? '{}') } : JSON.parse(String(init?.body));
    const response = await fetch(input, init);
    const body = (await response.clone().json()) as { errors?: { extensions?: { code?: string } }[] };
    sent.push({
      method,
      query: typeof payload.query === 'string',
      hash: typeof payload.extensions?.persistedQuery?.sha256Hash === 'string',
      status: response.status,
      codes: (body.errors ?? []).map((e) => String(e.extensions?.code)),
      cacheControl: response.headers.get('cache-control'),
    });
    return response;
  };
  const link = ApolloLink.from([
    new PersistedQueryLink({ sha256, useGETForHashedQueries: options.useGETForHashedQueries ?? false }),
    new HttpLink({ uri: url, fetch: recordingFetch, headers: options.headers }),
  ]);
  return { client: new ApolloClient({ link, cache: new InMemoryCache() }), sent };
}

const wire = (sent: Sent[]) => sent.map(({ method, query, hash, codes }) => ({ method, query, hash, codes }));
const NOT_FOUND = { query: false, hash: true, codes: ['PERSISTED_QUERY_NOT_FOUND'] };

describe('automatic persisted queries through Apollo Client', () => {
  it('over POST: hash, not found, hash and text; then the hash alone', async () => {
    const { client, sent } = clientWith(server.graphqlUrl);
    const query = gql`query ApqPost { entity(id: "elon-musk") { id name } }`;
    const first = await client.query({ query });
    expect(first.data).toEqual({ entity: { __typename: 'Person', id: 'elon-musk', name: 'Elon Musk' } });
    expect(wire(sent)).toEqual([
      { method: 'POST', ...NOT_FOUND },
      { method: 'POST', query: true, hash: true, codes: [] },
    ]);
    const second = await client.query({ query, fetchPolicy: 'network-only' });
    expect(second.data).toEqual(first.data);
    expect(wire(sent.slice(2))).toEqual([{ method: 'POST', query: false, hash: true, codes: [] }]);
    // A second client (another browser tab, another app) asks by hash and is answered at once.
    const other = clientWith(server.graphqlUrl);
    expect((await other.client.query({ query })).data).toEqual(first.data);
    expect(wire(other.sent)).toEqual([{ method: 'POST', query: false, hash: true, codes: [] }]);
  });

  it('over GET: the hash by GET, the text by POST once, then GETs by hash that HTTP caches may keep', async () => {
    const { client, sent } = clientWith(server.graphqlUrl, { useGETForHashedQueries: true });
    const query = gql`query ApqGet($id: ID!) { entity(id: $id) { id name } }`;
    const first = await client.query({ query, variables: { id: 'tesla' } });
    expect((first.data as { entity: unknown }).entity).toMatchObject({ id: 'tesla' });
    expect(wire(sent)).toEqual([
      { method: 'GET', ...NOT_FOUND },
      { method: 'POST', query: true, hash: true, codes: [] },
    ]);
    expect(sent[0]!.cacheControl).toBe('no-store');
    await client.query({ query, variables: { id: 'tesla' }, fetchPolicy: 'network-only' });
    await client.query({ query, variables: { id: 'elon-musk' }, fetchPolicy: 'network-only' });
    expect(wire(sent.slice(2))).toEqual([
      { method: 'GET', query: false, hash: true, codes: [] },
      { method: 'GET', query: false, hash: true, codes: [] },
    ]);
    expect(sent[2]!.cacheControl).toBe('public, max-age=60');
  });

  it('sends mutations over POST, by hash once registered', async () => {
    const key = await issueApiKey(server.app.db, 'WRITE');
    const { client, sent } = clientWith(server.graphqlUrl, { useGETForHashedQueries: true, headers: bearer(key) });
    const mutation = gql`mutation ApqUpsert($input: UpsertEntityInput!) { upsertEntity(input: $input) { entity { id name } } }`;
    const input = (name: string) => ({ id: 'apq-concept', kind: 'CONCEPT', name, description: 'Written through a persisted mutation.' });
    const first = await client.mutate({ mutation, variables: { input: input('APQ one') } });
    expect((first.data as { upsertEntity: { entity: unknown } }).upsertEntity.entity).toMatchObject({ id: 'apq-concept', name: 'APQ one' });
    await client.mutate({ mutation, variables: { input: input('APQ two') } });
    expect(wire(sent)).toEqual([
      { method: 'POST', ...NOT_FOUND },
      { method: 'POST', query: true, hash: true, codes: [] },
      { method: 'POST', query: false, hash: true, codes: [] },
    ]);
    expect(sent.map((s) => s.cacheControl)).toEqual(['no-store', 'no-store', 'no-store']);
  });

  it('refuses a hash that is not the SHA-256 of its text, running nothing', async () => {
    const query = '{ entity(id: "elon-musk") { id } }';
    const before = server.app.db.stats.statements;
    const response = await fetch(server.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
      body: JSON.stringify({ query, extensions: { persistedQuery: { version: 1, sha256Hash: sha256(`${query} `) } } }),
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { errors: { message: string; extensions: { code: string } }[] };
    expect(body.errors[0]!.extensions.code).toBe('PERSISTED_QUERY_HASH_MISMATCH');
    expect(body.errors[0]!.message).toMatch(/SHA-256 of the query text exactly as sent/);
    expect(server.app.db.stats.statements).toBe(before);
    // And nothing was registered under the wrong hash.
    const byHash = await fetch(server.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ extensions: { persistedQuery: { version: 1, sha256Hash: sha256(`${query} `) } } }),
    });
    expect(((await byHash.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');
  });

  it('with APQ off, answers PERSISTED_QUERY_NOT_SUPPORTED, and the link falls back to full queries', async () => {
    const { client, sent } = clientWith(apqOff.graphqlUrl);
    const query = gql`query ApqOff { entity(id: "elon-musk") { id } }`;
    await client.query({ query });
    await client.query({ query, fetchPolicy: 'network-only' });
    expect(wire(sent)).toEqual([
      { method: 'POST', query: false, hash: true, codes: ['PERSISTED_QUERY_NOT_SUPPORTED'] },
      { method: 'POST', query: true, hash: false, codes: [] },
      { method: 'POST', query: true, hash: false, codes: [] },
    ]);
  });
});
