/**
 * The HTTP layer's safety settings, each against a real server: body limit, CSRF prevention, CORS, batching,
 * request ids, and production mode (no suggestions, introspection and playground as configured).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server.ts';

const servers: TestServer[] = [];
async function serverWith(env: Record<string, string> = {}): Promise<TestServer> {
  const server = await startTestServer({ KNOWLEDGE_AUTOLOAD: 'false', ...env });
  servers.push(server);
  return server;
}
afterAll(async () => {
  for (const server of servers) await server.stop();
});

const json = { 'content-type': 'application/json', accept: 'application/graphql-response+json' };

describe('HTTP safety', () => {
  it('answers a body over the limit with 413 and a JSON GraphQL error, and says the limit', async () => {
    const server = await serverWith({ BODY_LIMIT_BYTES: '2048' });
    const response = await fetch(server.graphqlUrl, { method: 'POST', headers: json, body: JSON.stringify({ query: `{ __typename } #${'x'.repeat(4096)}` }) });
    expect(response.status).toBe(413);
    const body = (await response.json()) as { errors: { message: string; extensions: { code: string } }[] };
    expect(body.errors[0]?.extensions.code).toBe('BAD_REQUEST');
    expect(body.errors[0]?.message).toBe('Request body is too large: at most 2048 bytes are accepted (BODY_LIMIT_BYTES).');
    const small = await fetch(server.graphqlUrl, { method: 'POST', headers: json, body: JSON.stringify({ query: '{ __typename }' }) });
    expect(small.status).toBe(200);
  });

  it('prevents CSRF: a GET a browser could send cross-site is refused, one with a preflight header runs', async () => {
    const server = await serverWith();
    const url = `${server.graphqlUrl}?query=${encodeURIComponent('{ __typename }')}`;
    const simple = await fetch(url, { headers: { accept: 'application/graphql-response+json' } });
    expect(simple.status).toBe(400);
    expect(await simple.text()).toMatch(/CSRF/);
    const preflighted = await fetch(url, { headers: { accept: 'application/graphql-response+json', 'apollo-require-preflight': 'true' } });
    expect(preflighted.status).toBe(200);
  });

  it('gives CORS headers to configured origins only', async () => {
    const closed = await serverWith();
    const noCors = await fetch(closed.graphqlUrl, { method: 'POST', headers: { ...json, origin: 'https://app.example' }, body: '{"query":"{ __typename }"}' });
    expect(noCors.headers.get('access-control-allow-origin')).toBeNull();

    const open = await serverWith({ CORS_ORIGINS: 'https://app.example' });
    const allowed = await fetch(open.graphqlUrl, { method: 'POST', headers: { ...json, origin: 'https://app.example' }, body: '{"query":"{ __typename }"}' });
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://app.example');
    const other = await fetch(open.graphqlUrl, { method: 'POST', headers: { ...json, origin: 'https://evil.example' }, body: '{"query":"{ __typename }"}' });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
    const preflight = await fetch(open.graphqlUrl, {
      method: 'OPTIONS',
      headers: { origin: 'https://app.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-methods')).toContain('POST');
  });

  it('refuses batched requests unless enabled', async () => {
    const batch = JSON.stringify([{ query: '{ a: __typename }' }, { query: '{ b: __typename }' }]);
    const off = await serverWith();
    const refused = await fetch(off.graphqlUrl, { method: 'POST', headers: json, body: batch });
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { errors: { extensions: { code: string } }[] }).errors[0]?.extensions.code).toBe('BAD_REQUEST');

    const on = await serverWith({ ALLOW_BATCHED_REQUESTS: 'true' });
    const answered = await fetch(on.graphqlUrl, { method: 'POST', headers: json, body: batch });
    expect(answered.status).toBe(200);
    const results = (await answered.json()) as { data: unknown }[];
    expect(results.map((r) => r.data)).toEqual([{ a: 'Query' }, { b: 'Query' }]);
  });

  it('names every response with a request id, and keeps the caller’s own', async () => {
    const server = await serverWith();
    const generated = await fetch(`${server.baseUrl}/health`);
    expect(generated.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const given = await fetch(`${server.baseUrl}/health`, { headers: { 'x-request-id': 'trace-42' } });
    expect(given.headers.get('x-request-id')).toBe('trace-42');
  });

  it('in production hides field suggestions and the round-trip extension; introspection and playground follow their settings', async () => {
    const production = await serverWith({ NODE_ENV: 'production', INTROSPECTION: 'false', PLAYGROUND: 'false' });
    const typo = await fetch(production.graphqlUrl, { method: 'POST', headers: json, body: JSON.stringify({ query: '{ entty(id: "xai") { id } }' }) });
    const typoBody = (await typo.json()) as { errors: { message: string }[]; extensions?: unknown };
    expect(typoBody.errors[0]?.message).toMatch(/Cannot query field "entty"/);
    expect(typoBody.errors[0]?.message).not.toMatch(/Did you mean/);
    const introspection = await fetch(production.graphqlUrl, { method: 'POST', headers: json, body: JSON.stringify({ query: '{ __schema { types { name } } }' }) });
    expect(introspection.status).toBe(400);
    const page = await fetch(production.graphqlUrl, { headers: { accept: 'text/html' } });
    expect(page.headers.get('content-type') ?? '').not.toMatch(/text\/html/);
    const ok = await fetch(production.graphqlUrl, { method: 'POST', headers: json, body: JSON.stringify({ query: '{ __typename }' }) });
    expect(await ok.json()).toEqual({ data: { __typename: 'Query' } });

    const development = await serverWith();
    const hinted = await fetch(development.graphqlUrl, { method: 'POST', headers: json, body: JSON.stringify({ query: '{ entty(id: "xai") { id } }' }) });
    expect(((await hinted.json()) as { errors: { message: string }[] }).errors[0]?.message).toMatch(/Did you mean "entity"/);
  });
});
