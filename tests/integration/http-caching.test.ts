/**
 * HTTP caching of GET queries against the real server, with real clients: Node's fetch, Apollo Client 4 with
 * `useGETForQueries`, and a real RFC 9111 HTTP cache (make-fetch-happen, npm's own fetch, installed with
 * @apollo/gateway): its "revalidated" answers are 304s from the server.
 * - A GET query answers `Cache-Control: public, max-age=60`, a weak ETag and `Vary`; `If-None-Match` with it
 *   answers 304 with no body, after one statement (the knowledge version) and none of the operation's.
 * - The ETag changes with a write, the variables, the operation name, the Accept header, a bookmark, and the
 *   caller's scope; POSTs, mutations and errors are `no-store`; `asOf` a revision is immutable for a year;
 *   REQUIRE_KEY_FOR_READS makes answers `private`; CACHE_MAX_AGE_SECONDS=0 turns it all off.
 * - CSRF: a GET without a preflight-forcing header is refused (even with a current ETag); Apollo Client's passes.
 * - GET /schema.graphql: the SDL, with its ETag and 304.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { ApolloClient, HttpLink, InMemoryCache, gql } from '@apollo/client';
import { buildClientSchema, buildSchema, getIntrospectionQuery, lexicographicSortSchema, printSchema, type IntrospectionQuery } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AS_OF_REVISION_MAX_AGE_SECONDS } from '../../src/http/http-cache.ts';
import { bearer, issueApiKey } from '../support/api-keys.ts';
import { clientFor, type Client } from '../support/curation.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

type CachingFetch = ((url: string, init?: { headers?: Record<string, string>; cache?: string }) => Promise<Response>) & {};
const makeFetchHappen = createRequire(import.meta.url)('make-fetch-happen') as { defaults(options: { cachePath: string }): CachingFetch };

const servers: TestServer[] = [];
let server: TestServer;
let writer: Client;
const cacheDirs: string[] = [];

beforeAll(async () => {
  server = await startTestServer();
  servers.push(server);
  writer = await clientFor(server.graphqlUrl, server.app.db, 'WRITE');
});
afterAll(async () => {
  for (const s of servers) await s.stop();
  for (const dir of cacheDirs) rmSync(dir, { recursive: true, force: true });
});

async function serverWith(env: Record<string, string>): Promise<TestServer> {
  const started = await startTestServer({ KNOWLEDGE_AUTOLOAD: 'false', ...env });
  servers.push(started);
  return started;
}

/** What Apollo Client and most clients send with a GET: `content-type: application/json` forces a preflight. */
const CLIENT_HEADERS = { accept: 'application/graphql-response+json, application/json', 'content-type': 'application/json' };

function getUrl(base: string, query: string, variables?: Record<string, unknown>, operationName?: string): string {
  const url = new URL(base);
  url.searchParams.set('query', query);
  if (variables) url.searchParams.set('variables', JSON.stringify(variables));
  if (operationName) url.searchParams.set('operationName', operationName);
  return url.toString();
}

async function get(url: string, headers: Record<string, string> = {}) {
  const response = await fetch(url, { headers: { ...CLIENT_HEADERS, ...headers } });
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, etag: response.headers.get('etag'), cacheControl: response.headers.get('cache-control') };
}

const ENTITY = 'query Entity($id: ID!) { entity(id: $id) { id name } }';

describe('GET queries', () => {
  it('answer Cache-Control, a weak ETag of the knowledge version, and Vary', async () => {
    const answer = await get(getUrl(server.graphqlUrl, ENTITY, { id: 'elon-musk' }));
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.text).data.entity.name).toBe('Elon Musk');
    expect(answer.cacheControl).toBe('public, max-age=60');
    expect(answer.etag).toMatch(/^W\/"r\d+-[A-Za-z0-9_-]{22}"$/);
    expect(answer.headers.get('vary')).toBe('accept, authorization, neo4j-bookmark');
  });

  it('answer If-None-Match with 304, no body, and none of the operation\'s statements', async () => {
    const url = getUrl(server.graphqlUrl, '{ entity(id: "tesla") { id name relations(first: 5) { edges { node { id } } } } }');
    let before = server.app.db.stats.statements;
    const first = await get(url);
    const ranFirst = server.app.db.stats.statements - before;
    expect(ranFirst).toBeGreaterThan(1);
    before = server.app.db.stats.statements;
    const again = await get(url, { 'if-none-match': first.etag! });
    expect(again.status).toBe(304);
    expect(again.text).toBe('');
    // The one statement is the knowledge version, read to compute the ETag.
    expect(server.app.db.stats.statements - before).toBe(1);
    expect(again.etag).toBe(first.etag);
    expect(again.cacheControl).toBe('public, max-age=60');
    expect(again.headers.get('vary')).toBe('accept, authorization, neo4j-bookmark');
    // Lists and `*` match too; another tag does not.
    expect((await get(url, { 'if-none-match': `"other", ${first.etag}` })).status).toBe(304);
    expect((await get(url, { 'if-none-match': '*' })).status).toBe(304);
    expect((await get(url, { 'if-none-match': 'W/"r0-nothing"' })).status).toBe(200);
  });

  it('change their ETag with a write, and the old ETag gets the new answer', async () => {
    const url = getUrl(server.graphqlUrl, ENTITY, { id: 'http-cache-concept' });
    const before = await get(url);
    expect(JSON.parse(before.text).data.entity).toBeNull();
    const write = await writer.raw('mutation ($input: UpsertEntityInput!) { upsertEntity(input: $input) { entity { id } } }', {
      input: { id: 'http-cache-concept', kind: 'CONCEPT', name: 'Cached', description: 'Written to change the ETag.' },
    });
    const after = await get(url, { 'if-none-match': before.etag! });
    expect(after.status).toBe(200);
    expect(after.etag).not.toBe(before.etag);
    expect(JSON.parse(after.text).data.entity).toEqual({ id: 'http-cache-concept', name: 'Cached' });
    expect((await get(url, { 'if-none-match': after.etag! })).status).toBe(304);
    // Read with the write's bookmark: the version is read after the write, and the bookmark is part of the tag.
    const bookmark = write.headers.get('neo4j-bookmark')!;
    const withBookmark = await get(url, { 'neo4j-bookmark': bookmark });
    expect(withBookmark.status).toBe(200);
    expect(withBookmark.etag).not.toBe(after.etag);
    expect(withBookmark.etag!.slice(0, 6)).toBe(after.etag!.slice(0, 6));
  });

  it('have one ETag per document, variables, operation name, media type and scope', async () => {
    const key = await issueApiKey(server.app.db, 'READ');
    const base = getUrl(server.graphqlUrl, ENTITY, { id: 'elon-musk' });
    const tags = [
      (await get(base)).etag,
      (await get(getUrl(server.graphqlUrl, ENTITY, { id: 'tesla' }))).etag,
      (await get(getUrl(server.graphqlUrl, ENTITY, { id: 'elon-musk' }, 'Entity'))).etag,
      (await get(getUrl(server.graphqlUrl, `${ENTITY} `, { id: 'elon-musk' }))).etag,
      (await get(base, { accept: 'application/json' })).etag,
      (await get(base, bearer(key))).etag,
    ];
    expect(new Set(tags).size).toBe(tags.length);
    expect((await get(base)).etag).toBe(tags[0]);
  });

  it('are no-store when they have errors, and POSTs and mutations always are', async () => {
    const invalid = await get(getUrl(server.graphqlUrl, '{ entity(id: "elon-musk") { nope } }'));
    expect(invalid.cacheControl).toBe('no-store');
    expect(invalid.etag).toBeNull();
    const badArgument = await get(getUrl(server.graphqlUrl, '{ entities(first: 100000) { edges { node { id } } } }'));
    expect(badArgument.cacheControl).toBe('no-store');
    const post = await fetch(server.graphqlUrl, { method: 'POST', headers: CLIENT_HEADERS, body: JSON.stringify({ query: ENTITY, variables: { id: 'elon-musk' } }) });
    expect(post.status).toBe(200);
    expect(post.headers.get('cache-control')).toBe('no-store');
    expect(post.headers.get('etag')).toBeNull();
    const mutation = await writer.raw('mutation ($input: UpsertEntityInput!) { upsertEntity(input: $input) { entity { id } } }', {
      input: { id: 'http-cache-concept', kind: 'CONCEPT', name: 'Cached again', description: 'A mutation is never cached.' },
    });
    expect(mutation.headers.get('cache-control')).toBe('no-store');
    // A mutation by GET is refused (Apollo: 405), and not cached either.
    const mutationByGet = await get(getUrl(server.graphqlUrl, 'mutation { retractFact(id: "nope", reason: "x") { fact { id } } }'));
    expect(mutationByGet.status).toBe(405);
    expect(mutationByGet.cacheControl).toBe('no-store');
  });

  it('as of a revision are immutable for a year', async () => {
    const revision = JSON.parse((await get(getUrl(server.graphqlUrl, '{ knowledgeVersion { id } }'))).text).data.knowledgeVersion.id as string;
    const literal = await get(getUrl(server.graphqlUrl, `{ entity(id: "tesla", asOf: { revision: "${revision}" }) { id } }`));
    expect(literal.cacheControl).toBe(`public, max-age=${AS_OF_REVISION_MAX_AGE_SECONDS}, immutable`);
    const byVariable = await get(getUrl(server.graphqlUrl, 'query ($at: AsOf) { entity(id: "tesla", asOf: $at) { id } }', { at: { revision } }));
    expect(byVariable.cacheControl).toBe(`public, max-age=${AS_OF_REVISION_MAX_AGE_SECONDS}, immutable`);
    // One current root field beside it is enough to make the answer change with the next write.
    const mixed = await get(getUrl(server.graphqlUrl, `{ a: entity(id: "tesla", asOf: { revision: "${revision}" }) { id } b: entity(id: "tesla") { id } }`));
    expect(mixed.cacheControl).toBe('public, max-age=60');
  });

  it('validate through a real HTTP cache: a hit, then a revalidation answered 304, then an update after a write', async () => {
    const cachePath = mkdtempSync(path.join(os.tmpdir(), 'kg-http-cache-'));
    cacheDirs.push(cachePath);
    const cachingFetch = makeFetchHappen.defaults({ cachePath });
    const url = getUrl(server.graphqlUrl, ENTITY, { id: 'http-cache-concept' });
    const status = async (cache?: string) => {
      const response = await cachingFetch(url, { headers: CLIENT_HEADERS, ...(cache ? { cache } : {}) });
      await response.text();
      return response.headers.get('x-local-cache-status');
    };
    expect(await status()).toBe('miss');
    const before = server.app.db.stats.statements;
    expect(await status()).toBe('hit');
    expect(server.app.db.stats.statements).toBe(before);
    expect(await status('no-cache')).toBe('revalidated');
    expect(server.app.db.stats.statements - before).toBe(1);
    await writer.gql('mutation ($input: UpsertEntityInput!) { upsertEntity(input: $input) { entity { id } } }', {
      input: { id: 'http-cache-concept', kind: 'CONCEPT', name: 'Cached, revised', description: 'Written to change the ETag.' },
    });
    expect(await status('no-cache')).toBe('updated');
  });
});

describe('settings', () => {
  it('REQUIRE_KEY_FOR_READS makes answers private', async () => {
    const keyed = await serverWith({ REQUIRE_KEY_FOR_READS: 'true' });
    const key = await issueApiKey(keyed.app.db, 'READ');
    const answer = await get(getUrl(keyed.graphqlUrl, '{ knowledgeVersion { id } }'), bearer(key));
    expect(answer.status).toBe(200);
    expect(answer.cacheControl).toBe('private, max-age=60');
    expect((await get(getUrl(keyed.graphqlUrl, '{ knowledgeVersion { id } }'), { ...bearer(key), 'if-none-match': answer.etag! })).status).toBe(304);
    // Without a key: refused before any ETag, never 304.
    const anonymous = await get(getUrl(keyed.graphqlUrl, '{ knowledgeVersion { id } }'), { 'if-none-match': answer.etag! });
    expect(anonymous.status).toBe(401);
    expect(anonymous.cacheControl).toBe('no-store');
    // The SDL too needs the key, and is private.
    expect((await fetch(`${keyed.baseUrl}/schema.graphql`)).status).toBe(401);
    const sdl = await fetch(`${keyed.baseUrl}/schema.graphql`, { headers: bearer(key) });
    expect(sdl.status).toBe(200);
    expect(sdl.headers.get('cache-control')).toBe('private, max-age=60');
  });

  it('CACHE_MAX_AGE_SECONDS sets max-age, and 0 turns caching off without reading the version', async () => {
    const short = await serverWith({ CACHE_MAX_AGE_SECONDS: '5' });
    expect((await get(getUrl(short.graphqlUrl, '{ knowledgeVersion { id } }'))).cacheControl).toBe('public, max-age=5');
    const off = await serverWith({ CACHE_MAX_AGE_SECONDS: '0' });
    const before = off.app.db.stats.statements;
    const answer = await get(getUrl(off.graphqlUrl, '{ __typename }'));
    expect(answer.cacheControl).toBe('no-store');
    expect(answer.etag).toBeNull();
    expect(off.app.db.stats.statements).toBe(before);
  });
});

describe('CSRF on GET', () => {
  it('refuses a simple GET (no preflight-forcing header), even with a current ETag', async () => {
    const url = getUrl(server.graphqlUrl, ENTITY, { id: 'elon-musk' });
    const { etag } = await get(url);
    const before = server.app.db.stats.statements;
    for (const headers of [{}, { 'content-type': 'text/plain' }, { 'if-none-match': etag! }] as Record<string, string>[]) {
      const response = await fetch(url, { headers: { accept: 'application/json', ...headers } });
      expect(response.status).toBe(400);
      expect(await response.text()).toMatch(/CSRF/);
    }
    // Refused before anything is read, the knowledge version included.
    expect(server.app.db.stats.statements).toBe(before);
    // Either preflight-forcing header passes, as does a non-simple content-type.
    for (const headers of [{ 'apollo-require-preflight': 'true' }, { 'x-apollo-operation-name': 'Entity' }, { 'content-type': 'application/json' }] as Record<string, string>[]) {
      expect((await fetch(url, { headers: { accept: 'application/json', ...headers } })).status).toBe(200);
    }
  });

  it("lets Apollo Client's GET through (useGETForQueries), with the cache headers", async () => {
    const seen: { method: string; status: number; cacheControl: string | null }[] = [];
    const recordingFetch: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      seen.push({ method: init?.method ?? 'GET', status: response.status, cacheControl: response.headers.get('cache-control') });
      return response;
    };
    const client = new ApolloClient({ link: new HttpLink({ uri: server.graphqlUrl, useGETForQueries: true, fetch: recordingFetch }), cache: new InMemoryCache() });
    const result = await client.query({ query: gql(ENTITY), variables: { id: 'elon-musk' } });
    expect((result.data as { entity: { name: string } }).entity.name).toBe('Elon Musk');
    expect(seen).toEqual([{ method: 'GET', status: 200, cacheControl: 'public, max-age=60' }]);
  });
});

describe('GET /schema.graphql', () => {
  it('serves the printed SDL with an ETag, and 304 for it', async () => {
    const response = await fetch(`${server.baseUrl}/schema.graphql`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    const sdl = await response.text();
    const schema = buildSchema(sdl);
    expect(schema.getQueryType()?.getFields().entity).toBeDefined();
    expect(printSchema(schema)).toBe(sdl.trimEnd());
    // The same schema introspection shows, descriptions, deprecations and @specifiedBy URLs included.
    const introspection = await fetch(server.graphqlUrl, { method: 'POST', headers: CLIENT_HEADERS, body: JSON.stringify({ query: getIntrospectionQuery({ descriptions: true, specifiedByUrl: true, inputValueDeprecation: true }) }) });
    const introspected = buildClientSchema(((await introspection.json()) as { data: IntrospectionQuery }).data);
    expect(printSchema(lexicographicSortSchema(schema))).toBe(printSchema(lexicographicSortSchema(introspected)));
    expect(sdl).toMatch(/"""/);
    // Directives that matter to clients: scalars' specifications, deprecations.
    expect(sdl).toMatch(/scalar DateTime[^\n]*@specifiedBy\(url: "https:/);
    expect(sdl).toMatch(/@deprecated\(reason: "Use money.currency."\)/);
    const etag = response.headers.get('etag')!;
    expect(etag).toMatch(/^"[A-Za-z0-9_-]{27}"$/);
    expect(response.headers.get('cache-control')).toBe('public, max-age=60');
    const again = await fetch(`${server.baseUrl}/schema.graphql`, { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
  });

  it('is not published when introspection is off', async () => {
    const closed = await serverWith({ INTROSPECTION: 'false' });
    const response = await fetch(`${closed.baseUrl}/schema.graphql`);
    expect(response.status).toBe(404);
    expect(((await response.json()) as { errors: { message: string }[] }).errors[0]!.message).toMatch(/INTROSPECTION=false/);
  });
});
