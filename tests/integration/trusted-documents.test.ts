/**
 * Trusted documents (TRUSTED_DOCUMENTS) with the typed client's own manifest
 * (clients/typescript/generated/persisted-documents.json, written by graphql-codegen's client preset):
 * - the typed client's operations run by hash alone, at the first request (the manifest is the server's store),
 *   over POST and GET; by full text; and by `documentId` (the GraphQL-over-HTTP persisted documents form);
 * - a document outside the manifest, by text, by hash or registered through APQ, is refused with
 *   DOCUMENT_NOT_TRUSTED (400) saying how to add it, and runs nothing;
 * - introspection-only operations (the playground's) still run while INTROSPECTION=true, and not otherwise.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient } from '../../clients/typescript/src/client.ts';
import { SearchEntitiesDocument, WhoOwnsDocument } from '../../clients/typescript/generated/graphql.ts';
import manifest from '../../clients/typescript/generated/persisted-documents.json' with { type: 'json' };
import { PROJECT_ROOT } from '../../src/config/config.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

const MANIFEST = path.join(PROJECT_ROOT, 'clients/typescript/generated/persisted-documents.json');
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const hashOf = (document: unknown) => (document as { __meta__: { hash: string } }).__meta__.hash;
const textOf = (document: unknown) => (manifest as Record<string, string>)[hashOf(document)]!;

let server: TestServer;
let noIntrospection: TestServer;
beforeAll(async () => {
  server = await startTestServer({ TRUSTED_DOCUMENTS: MANIFEST });
  noIntrospection = await startTestServer({ TRUSTED_DOCUMENTS: MANIFEST, INTROSPECTION: 'false', KNOWLEDGE_AUTOLOAD: 'false' });
});
afterAll(async () => {
  await server?.stop();
  await noIntrospection?.stop();
});

const JSON_HEADERS = { 'content-type': 'application/json', accept: 'application/graphql-response+json' };

async function post(url: string, body: unknown) {
  const response = await fetch(url, { method: 'POST', headers: JSON_HEADERS, body: JSON.stringify(body) });
  return { status: response.status, body: (await response.json()) as { data?: any; errors?: { message: string; extensions: { code: string } }[] } };
}

function recordingFetch() {
  const sent: { method: string; text: boolean }[] = [];
  const wrapped: typeof fetch = async (input, init) => {
    const params = new URL(String(input)).searchParams;
    sent.push({ method: init?.method ?? 'GET', text: init?.body ? 'query' in JSON.parse(String(init.body)) : params.has('query') });
    return fetch(input, init);
  };
  return { sent, fetch: wrapped };
}

describe('trusted documents', () => {
  it("run the typed client's operations by hash alone, from the first request, over POST and GET", async () => {
    const wire = recordingFetch();
    const client = createClient({ url: server.graphqlUrl, fetch: wire.fetch });
    const owners = await client.query(WhoOwnsDocument, { id: 'grok' });
    expect(owners.entity?.name).toBe('Grok');
    expect(wire.sent).toEqual([{ method: 'POST', text: false }]);

    const byGet = recordingFetch();
    const getClient = createClient({ url: server.graphqlUrl, fetch: byGet.fetch, useGETForQueries: true });
    const found = await getClient.query(SearchEntitiesDocument, { text: 'Musk' });
    expect(JSON.stringify(found)).toMatch(/elon-musk/);
    expect(byGet.sent).toEqual([{ method: 'GET', text: false }]);
  });

  it('run a manifest document sent as its full text, or named by documentId', async () => {
    const text = textOf(WhoOwnsDocument);
    const byText = await post(server.graphqlUrl, { query: text, variables: { id: 'grok' } });
    expect(byText.body.errors).toBeUndefined();
    expect(byText.body.data.entity.name).toBe('Grok');

    const byId = await post(server.graphqlUrl, { documentId: hashOf(WhoOwnsDocument), variables: { id: 'grok' } });
    expect(byId.body.errors).toBeUndefined();
    expect(byId.body.data.entity.name).toBe('Grok');

    const url = new URL(server.graphqlUrl);
    url.searchParams.set('documentId', hashOf(WhoOwnsDocument));
    url.searchParams.set('variables', JSON.stringify({ id: 'grok' }));
    const byIdGet = await fetch(url, { headers: JSON_HEADERS });
    expect(byIdGet.status).toBe(200);
    expect(((await byIdGet.json()) as { data: any }).data.entity.name).toBe('Grok');
    expect(byIdGet.headers.get('cache-control')).toBe('public, max-age=60');
  });

  it('refuse any other document with DOCUMENT_NOT_TRUSTED, saying how to add it, running nothing', async () => {
    const other = '{ entity(id: "grok") { id name } }';
    const before = server.app.db.stats.statements;
    const attempts = [
      await post(server.graphqlUrl, { query: other }),
      // A manifest text changed by one character is another document.
      await post(server.graphqlUrl, { query: `${textOf(WhoOwnsDocument)} `, variables: { id: 'grok' } }),
      await post(server.graphqlUrl, { extensions: { persistedQuery: { version: 1, sha256Hash: sha256(other) } } }),
      // APQ cannot register a document: the manifest is the only source.
      await post(server.graphqlUrl, { query: other, extensions: { persistedQuery: { version: 1, sha256Hash: sha256(other) } } }),
      await post(server.graphqlUrl, { documentId: `sha256:${sha256(other)}` }),
    ];
    for (const { status, body } of attempts) {
      expect(status).toBe(400);
      expect(body.errors![0]!.extensions.code).toBe('DOCUMENT_NOT_TRUSTED');
      expect(body.errors![0]!.message).toMatch(/TRUSTED_DOCUMENTS.*regenerate persisted-documents.json/);
    }
    expect(server.app.db.stats.statements).toBe(before);
    const url = new URL(server.graphqlUrl);
    url.searchParams.set('query', other);
    const byGet = await fetch(url, { headers: JSON_HEADERS });
    expect(byGet.status).toBe(400);
    expect(byGet.headers.get('cache-control')).toBe('no-store');
  });

  it('let introspection-only operations through while INTROSPECTION=true (the playground), and refuse them otherwise', async () => {
    const introspection = '{ __schema { queryType { name } } }';
    expect((await post(server.graphqlUrl, { query: introspection })).body.data).toEqual({ __schema: { queryType: { name: 'Query' } } });
    // Introspection beside a data field is not introspection-only.
    expect((await post(server.graphqlUrl, { query: '{ __typename entity(id: "grok") { id } }' })).body.errors![0]!.extensions.code).toBe('DOCUMENT_NOT_TRUSTED');
    const closed = await post(noIntrospection.graphqlUrl, { query: introspection });
    expect(closed.status).toBe(400);
    expect(closed.body.errors![0]!.extensions.code).toBe('DOCUMENT_NOT_TRUSTED');
  });
});
