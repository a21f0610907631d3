/**
 * The access matrix, on the real server and Neo4j: every kind of caller (no credentials, a malformed bearer,
 * unknown and revoked keys, read/write/admin keys, read/write/admin JWTs from a local JWKS, an expired JWT, a
 * JWT for another audience) against a query, a write mutation and an admin mutation, with reads public and
 * with REQUIRE_KEY_FOR_READS=true. Each cell's status and code is asserted; the table is printed.
 * Mutations the caller may run are only asserted "not refused by auth" (their resolvers are not this test's).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type JWK } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueApiKey } from '../support/api-keys.ts';
import { freePort } from '../support/free-port.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';
import { ApiKeyStore } from '../../src/auth/api-key-store.ts';

const ISSUER = 'https://issuer.test';
const AUDIENCE = 'kg-graphql-server';

type Operation = 'query' | 'write' | 'admin';
const OPERATIONS: Record<Operation, string> = {
  query: '{ entity(id: "tesla") { id } }',
  write: 'mutation { upsertEntity(input: {id: "access-matrix-person", kind: PERSON, name: "Access Matrix", description: "A test entity."}) { existed } }',
  admin: 'mutation { mergeEntities(from: "access-matrix-a", into: "access-matrix-b", reason: "access matrix") { redirected } }',
};

/** What a cell must be: refused with 401 or 403, or let through (any status but those, and no auth code). */
type Expected = 401 | 403 | 'allowed';

let jwks: Server;
let signingKey: Awaited<ReturnType<typeof generateKeyPair>>['privateKey'];
const servers: Record<'public' | 'private', TestServer> = {} as never;
const callers: Record<string, string | null> = {};

async function jwt(claims: { scope?: string | string[]; audience?: string; expiresIn?: string | number }): Promise<string> {
  const token = new SignJWT({ scope: claims.scope })
    .setProtectedHeader({ alg: 'RS256', kid: 'test-key' })
    .setSubject(`user-${String(claims.scope ?? 'none')}`)
    .setIssuer(ISSUER)
    .setAudience(claims.audience ?? AUDIENCE)
    .setIssuedAt(Math.floor(Date.now() / 1000) - 120);
  return token.setExpirationTime(claims.expiresIn ?? '10m').sign(signingKey);
}

beforeAll(async () => {
  const { privateKey, publicKey } = await generateKeyPair('RS256');
  signingKey = privateKey;
  const publicJwk: JWK = { ...(await exportJWK(publicKey)), kid: 'test-key', alg: 'RS256', use: 'sig' };
  jwks = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: [publicJwk] }));
  });
  await new Promise<void>((resolve) => jwks.listen(0, '127.0.0.1', resolve));
  const env = {
    KNOWLEDGE_AUTOLOAD: 'false',
    JWT_JWKS_URL: `http://127.0.0.1:${(jwks.address() as AddressInfo).port}/jwks.json`,
    JWT_ISSUER: ISSUER,
    JWT_AUDIENCE: AUDIENCE,
  };
  servers.public = await startTestServer(env);
  servers.private = await startTestServer({ ...env, REQUIRE_KEY_FOR_READS: 'true' });
  const db = servers.public.app.db;
  const revoked = await new ApiKeyStore(db).create('ADMIN', 'access-matrix-revoked');
  await new ApiKeyStore(db).revoke(revoked.id);
  Object.assign(callers, {
    none: null,
    'malformed bearer': 'Bearer not a key',
    'basic scheme': 'Basic dXNlcjpwYXNz',
    'unknown key': `Bearer kg_0123456789abcdef_${'A'.repeat(43)}`,
    'wrong secret': `Bearer ${(await issueApiKey(db, 'ADMIN')).slice(0, -4)}AAAA`,
    'revoked key': `Bearer ${revoked.key}`,
    'read key': `Bearer ${await issueApiKey(db, 'READ')}`,
    'write key': `Bearer ${await issueApiKey(db, 'WRITE')}`,
    'admin key': `Bearer ${await issueApiKey(db, 'ADMIN')}`,
    'JWT read': `Bearer ${await jwt({ scope: 'read' })}`,
    'JWT write': `Bearer ${await jwt({ scope: ['read', 'write'] })}`,
    'JWT admin': `Bearer ${await jwt({ scope: 'openid admin' })}`,
    'JWT no scope': `Bearer ${await jwt({ scope: 'openid profile' })}`,
    'expired JWT': `Bearer ${await jwt({ scope: 'admin', expiresIn: Math.floor(Date.now() / 1000) - 60 })}`,
    'JWT wrong audience': `Bearer ${await jwt({ scope: 'admin', audience: 'someone-else' })}`,
  });
});

afterAll(async () => {
  await servers.public?.stop();
  await servers.private?.stop();
  await new Promise((resolve) => jwks?.close(resolve));
});

/** The expected outcome of each caller for each operation, with reads public (`public`) or not. */
function expected(caller: string, operation: Operation, readsNeedKey: boolean): Expected {
  const scope = /read/.test(caller) ? 1 : /write/.test(caller) ? 2 : /admin key|JWT admin/.test(caller) ? 3 : /no scope/.test(caller) ? 0 : -1;
  const invalid = ['malformed bearer', 'basic scheme', 'unknown key', 'wrong secret', 'revoked key', 'expired JWT', 'JWT wrong audience'].includes(caller);
  if (invalid) return 401;
  const needed = { query: readsNeedKey ? 1 : 0, write: 2, admin: 3 }[operation];
  if (needed === 0) return 'allowed';
  if (scope < 0) return 401;
  return scope >= needed ? 'allowed' : 403;
}

interface Outcome {
  status: number;
  code: string | undefined;
  wwwAuthenticate: string | null;
}

async function run(server: TestServer, authorization: string | null, operation: Operation): Promise<Outcome> {
  const response = await fetch(server.graphqlUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', ...(authorization ? { authorization } : {}) },
    body: JSON.stringify({ query: OPERATIONS[operation] }),
  });
  const body = (await response.json()) as { errors?: { extensions?: { code?: string } }[] };
  return { status: response.status, code: body.errors?.[0]?.extensions?.code, wwwAuthenticate: response.headers.get('www-authenticate') };
}

const describeCell = (o: Outcome) => (o.code ? `${o.status} ${o.code}` : String(o.status));

describe('the access matrix', () => {
  it('answers every caller × operation × REQUIRE_KEY_FOR_READS as the scopes say', async () => {
    const rows: Record<string, Record<string, string>> = {};
    const failures: string[] = [];
    for (const [mode, server] of Object.entries(servers)) {
      const readsNeedKey = mode === 'private';
      for (const [caller, authorization] of Object.entries(callers)) {
        for (const operation of Object.keys(OPERATIONS) as Operation[]) {
          const outcome = await run(server, authorization, operation);
          const want = expected(caller, operation, readsNeedKey);
          const cell = describeCell(outcome);
          (rows[caller] ??= {})[`${operation}${readsNeedKey ? ' (reads need key)' : ''}`] = cell;
          const ok =
            want === 401
              ? outcome.status === 401 && outcome.code === 'UNAUTHENTICATED' && /^Bearer/.test(outcome.wwwAuthenticate ?? '')
              : want === 403
                ? outcome.status === 403 && outcome.code === 'FORBIDDEN'
                : outcome.status !== 401 && outcome.status !== 403 && outcome.code !== 'UNAUTHENTICATED' && outcome.code !== 'FORBIDDEN';
          if (!ok) failures.push(`${caller} × ${operation} (reads need key: ${readsNeedKey}): expected ${want}, got ${cell}`);
        }
      }
    }
    const columns = Object.keys(Object.values(rows)[0]!);
    const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
    console.log(
      ['Access matrix: status and code of each cell ("allowed" mutations may still fail past auth until their resolvers exist)', '',
        line(['caller', ...columns]), line(['---', ...columns.map(() => '---')]),
        ...Object.entries(rows).map(([caller, cells]) => line([caller, ...columns.map((c) => cells[c]!)]))].join('\n'),
    );
    expect(failures).toEqual([]);
  });

  it('refuses a caller without READ before parsing when REQUIRE_KEY_FOR_READS is set, and runs no Cypher', async () => {
    const db = servers.private.app.db;
    const before = db.stats.statements;
    const response = await fetch(servers.private.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ not graphql' }),
    });
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe('Bearer');
    expect(((await response.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe('UNAUTHENTICATED');
    expect(db.stats.statements).toBe(before);
  });

  it('lets the allowed read through with its data', async () => {
    const outcome = await fetch(servers.private.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: callers['read key']! },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(outcome.status).toBe(200);
    expect(await outcome.json()).toMatchObject({ data: { __typename: 'Query' } });
  });
});

describe('credentials over time, and the other request headers', () => {
  const extra: TestServer[] = [];
  afterAll(async () => {
    for (const server of extra) await server.stop();
  });
  const post = (server: TestServer, headers: Record<string, string>, query = '{ __typename }') =>
    fetch(server.graphqlUrl, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query }) });

  it('refuses a revoked key once the key cache time (API_KEY_CACHE_MS) has passed', async () => {
    const server = await startTestServer({ KNOWLEDGE_AUTOLOAD: 'false', API_KEY_CACHE_MS: '1000' });
    extra.push(server);
    const store = new ApiKeyStore(server.app.db);
    const { id, key } = await store.create('READ', 'access-cache');
    expect((await post(server, { authorization: `Bearer ${key}` })).status).toBe(200);
    await store.revoke(id);
    // Within the cache time this instance still trusts it (no lookup per request); after it, never.
    expect((await post(server, { authorization: `Bearer ${key}` })).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    const refused = await post(server, { authorization: `Bearer ${key}` });
    expect(refused.status).toBe(401);
    expect(refused.headers.get('www-authenticate')).toMatch(/^Bearer/);
  });

  it('answers 503 AUTHENTICATION_UNAVAILABLE when the JWT key set cannot be fetched, and 401 for a key id it lacks', async () => {
    const unreachable = await startTestServer({ KNOWLEDGE_AUTOLOAD: 'false', JWT_JWKS_URL: `http://127.0.0.1:${await freePort()}/jwks.json`, JWT_AUDIENCE: AUDIENCE });
    extra.push(unreachable);
    const token = callers['JWT read']!;
    const down = await post(unreachable, { authorization: token });
    expect(down.status).toBe(503);
    expect(down.headers.get('retry-after')).toBe('5');
    expect(((await down.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe('AUTHENTICATION_UNAVAILABLE');

    const otherKey = await new SignJWT({ scope: 'admin' })
      .setProtectedHeader({ alg: 'RS256', kid: 'unknown-key' })
      .setSubject('someone')
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setExpirationTime('5m')
      .sign((await generateKeyPair('RS256')).privateKey);
    const unknown = await post(servers.public, { authorization: `Bearer ${otherKey}` });
    expect(unknown.status).toBe(401);
  });

  it('validates Idempotency-Key: 1 to 255 visible ASCII characters, else 400 BAD_REQUEST saying so', async () => {
    const server = servers.public;
    expect((await post(server, { 'idempotency-key': '0f8c3b1e-6a52-4d7e-9a43-2f1b7c9d0e11' })).status).toBe(200);
    expect((await post(server, { 'idempotency-key': 'x'.repeat(255) })).status).toBe(200);
    for (const bad of ['', ' ', 'has space', 'x'.repeat(256), 'caf\u00e9']) {
      const response = await fetch(server.graphqlUrl, {
        method: 'POST',
        headers: [['content-type', 'application/json'], ['idempotency-key', bad]],
        body: JSON.stringify({ query: '{ __typename }' }),
      }).catch(() => null);
      // fetch refuses some header values itself (non-Latin-1); those cannot reach a server from a browser either.
      if (!response) continue;
      expect(response.status, JSON.stringify(bad)).toBe(400);
      const body = (await response.json()) as { errors: { message: string; extensions: { code: string } }[] };
      expect(body.errors[0]!.extensions.code).toBe('BAD_REQUEST');
      expect(body.errors[0]!.message).toMatch(/Idempotency-Key header must be 1 to 255 visible ASCII characters/);
    }
  });

  it('lets cross-origin clients send the credentials and consistency headers and read the bookmark and rate-limit headers', async () => {
    const server = await startTestServer({ KNOWLEDGE_AUTOLOAD: 'false', CORS_ORIGINS: 'https://app.example' });
    extra.push(server);
    const preflight = await fetch(server.graphqlUrl, {
      method: 'OPTIONS',
      headers: { origin: 'https://app.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, idempotency-key, neo4j-bookmark, content-type' },
    });
    expect(preflight.status).toBe(204);
    const allowed = (preflight.headers.get('access-control-allow-headers') ?? '').split(',').map((h) => h.trim());
    expect(allowed).toEqual(expect.arrayContaining(['authorization', 'idempotency-key', 'neo4j-bookmark', 'content-type']));
    const answer = await post(server, { origin: 'https://app.example', 'neo4j-bookmark': 'FB:one, FB:two' });
    expect(answer.status).toBe(200);
    const exposed = (answer.headers.get('access-control-expose-headers') ?? '').split(',').map((h) => h.trim());
    expect(exposed).toEqual(expect.arrayContaining(['neo4j-bookmark', 'ratelimit-limit', 'ratelimit-remaining', 'ratelimit-reset', 'retry-after']));
  });

  it('prevents CSRF on mutations: a text/plain POST and a GET mutation are refused, and run nothing', async () => {
    const server = servers.public;
    const key = callers['admin key']!;
    const simple = await fetch(server.graphqlUrl, { method: 'POST', headers: { 'content-type': 'text/plain', authorization: key }, body: JSON.stringify({ query: OPERATIONS.write }) });
    expect([400, 415]).toContain(simple.status);
    const url = `${server.graphqlUrl}?query=${encodeURIComponent(OPERATIONS.write)}`;
    const get = await fetch(url, { headers: { authorization: key } });
    expect(get.status).toBe(400);
    expect(await get.text()).toMatch(/CSRF/);
    // Even past the CSRF check (a preflight header), GraphQL over HTTP runs no mutation on GET.
    const preflighted = await fetch(url, { headers: { authorization: key, 'apollo-require-preflight': 'true' } });
    expect(preflighted.status).toBe(405);
  });
});
