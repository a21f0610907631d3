/**
 * The HTTP layer's safety settings, each against a real server: body limit, CSRF prevention, CORS, batching,
 * request ids, production mode (no suggestions, introspection and playground as configured), one JSON error
 * shape for every answer that is not a GraphQL result, header and body timeouts against clients that dribble
 * (real sockets), the connection cap, and automatic persisted queries.
 */
import { createHash } from 'node:crypto';
import net from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.ts';
import { CONNECTIONS_CHECK_MS } from '../../src/http/server.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

const defaults = loadConfig({}).http;

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
    expect(body.errors[0]?.extensions.code).toBe('PAYLOAD_TOO_LARGE');
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

  it('names every response with a request id: the caller’s own only when short and safe, else a fresh one', async () => {
    const server = await serverWith();
    const idOf = async (id?: string) => (await fetch(`${server.baseUrl}/health`, { headers: id === undefined ? {} : { 'x-request-id': id } })).headers.get('x-request-id');
    expect(await idOf()).toMatch(/^[0-9a-f-]{36}$/);
    expect(await idOf('trace-42')).toBe('trace-42');
    expect(await idOf('a.B_9:z-' + 'x'.repeat(56))).toHaveLength(64);
    for (const unsafe of ['x'.repeat(65), 'x'.repeat(8 * 1024), '<script>alert(1)</script>', 'a b', 'id"quote', 'ünïcode']) {
      expect(await idOf(unsafe), unsafe.slice(0, 20)).toMatch(/^[0-9a-f-]{36}$/);
    }
  });

  it('answers everything that is not a GraphQL result with one JSON error shape, a code of ours, and nosniff', async () => {
    const server = await serverWith();
    const url = new URL(server.baseUrl);
    const cases: { what: string; status: number; code: string; answer: () => Promise<Raw> }[] = [
      { what: 'unknown path', status: 404, code: 'NOT_FOUND', answer: () => rawRequest(url, 'GET /nope HTTP/1.1\r\nHost: x\r\n\r\n') },
      { what: 'wrong method', status: 405, code: 'METHOD_NOT_ALLOWED', answer: () => rawRequest(url, 'DELETE /graphql HTTP/1.1\r\nHost: x\r\n\r\n') },
      { what: 'bad URL', status: 400, code: 'BAD_REQUEST', answer: () => rawRequest(url, 'GET /% HTTP/1.1\r\nHost: x\r\n\r\n') },
      { what: 'bad URL under a route', status: 400, code: 'BAD_REQUEST', answer: () => rawRequest(url, 'GET /explorer/%zz HTTP/1.1\r\nHost: x\r\n\r\n') },
      { what: 'bad framing', status: 400, code: 'BAD_REQUEST', answer: () => rawRequest(url, 'POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n') },
      { what: 'not HTTP', status: 400, code: 'BAD_REQUEST', answer: () => rawRequest(url, 'HELLO\r\n\r\n') },
      { what: 'headers too large', status: 431, code: 'REQUEST_HEADER_FIELDS_TOO_LARGE', answer: () => rawRequest(url, `GET /health HTTP/1.1\r\nHost: x\r\nx-big: ${'y'.repeat(20 * 1024)}\r\n\r\n`) },
      { what: 'body too large', status: 413, code: 'PAYLOAD_TOO_LARGE', answer: () => post(url, 'application/json', JSON.stringify({ query: `{ __typename } #${'z'.repeat(defaults.bodyLimitBytes)}` })) },
      { what: 'wrong content-type', status: 415, code: 'UNSUPPORTED_MEDIA_TYPE', answer: () => post(url, 'application/x-www-form-urlencoded', 'query=%7B__typename%7D') },
      { what: 'bad JSON', status: 400, code: 'BAD_REQUEST', answer: () => post(url, 'application/json', '{"query": "{ __typename }"') },
    ];
    for (const { what, status, code, answer } of cases) {
      const response = await answer();
      expect(response.status, what).toBe(status);
      expect(response.headers['content-type'], what).toMatch(/^application\/json/);
      expect(response.headers['x-content-type-options'], what).toBe('nosniff');
      const body = JSON.parse(response.body) as { errors: { message: string; extensions: Record<string, unknown> }[] };
      expect(Object.keys(body), what).toEqual(['errors']);
      expect(body.errors[0]?.message.length, what).toBeGreaterThan(0);
      expect(body.errors[0]?.extensions, what).toEqual({ code });
    }
    const graphqlAnswer = await fetch(server.graphqlUrl, { method: 'POST', headers: json, body: '{"query":"{ __typename }"}' });
    expect(graphqlAnswer.headers.get('x-content-type-options')).toBe('nosniff');
    const wrongMethod = await fetch(server.graphqlUrl, { method: 'PUT', headers: json, body: '{}' });
    expect(wrongMethod.headers.get('allow')).toBe('GET, POST');
  });

  it(`cuts off a client that dribbles its headers within HEADERS_TIMEOUT_MS (${defaults.headersTimeoutMs} ms) and one that dribbles its body within REQUEST_TIMEOUT_MS (${defaults.requestTimeoutMs} ms)`, async () => {
    const server = await serverWith();
    const url = new URL(server.baseUrl);
    const slack = CONNECTIONS_CHECK_MS + 1_500;
    const [headers, body] = await Promise.all([
      dribble(url, 'POST /graphql HTTP/1.1\r\nHost: x\r\n', () => 'x-more: 1\r\n'),
      dribble(url, 'POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n{"query":"', () => ' '),
    ]);
    for (const [what, cut, bound] of [['headers', headers, defaults.headersTimeoutMs], ['body', body, defaults.requestTimeoutMs]] as const) {
      console.log(`dribbled ${what}: cut off after ${cut.closedAfterMs} ms (${cut.linesSent} lines sent; bound ${bound} + ${CONNECTIONS_CHECK_MS} ms)`);
      expect(cut.closedAfterMs, what).toBeGreaterThanOrEqual(bound - 200);
      expect(cut.closedAfterMs, what).toBeLessThan(bound + slack);
      expect(cut.received, what).toMatch(/^HTTP\/1\.1 408 /);
      expect(cut.received, what).toContain('"code":"REQUEST_TIMEOUT"');
    }
  }, 40_000);

  it('caps open connections at MAX_CONNECTIONS: one more is closed on arrival, and served again once one leaves', async () => {
    const server = await serverWith({ MAX_CONNECTIONS: '3' });
    const url = new URL(server.baseUrl);
    const open = await Promise.all([1, 2, 3].map(() => connect(url)));
    const [answer] = await Promise.all([rawRequest(url, 'GET /health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n').catch((e: Error) => e)]);
    // The fourth is closed without an answer.
    expect(answer instanceof Error || answer.status === 0).toBe(true);
    // Three were allowed: each of them is served.
    open[0]!.write('GET /health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
    expect(await readAll(open[0]!)).toMatch(/^HTTP\/1\.1 200 /);
    for (const socket of open) socket.destroy();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect((await rawRequest(url, 'GET /health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n')).status).toBe(200);
  });

  it('answers an unknown persisted-query hash with PERSISTED_QUERY_NOT_FOUND, then runs it once registered', async () => {
    const server = await serverWith();
    const query = '{ persisted: __typename }';
    const persistedQuery = { version: 1, sha256Hash: createHash('sha256').update(query).digest('hex') };
    const ask = async (body: object) => (await fetch(server.graphqlUrl, { method: 'POST', headers: json, body: JSON.stringify(body) })).json() as Promise<{ data?: unknown; errors?: { extensions: { code: string } }[] }>;
    const unknown = await ask({ extensions: { persistedQuery } });
    expect(unknown.errors?.[0]?.extensions).toEqual({ code: 'PERSISTED_QUERY_NOT_FOUND' });
    expect((await ask({ query, extensions: { persistedQuery } })).data).toEqual({ persisted: 'Query' });
    expect((await ask({ extensions: { persistedQuery } })).data).toEqual({ persisted: 'Query' });
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

interface Raw {
  status: number;
  headers: Record<string, string>;
  body: string;
}

function connect(url: URL): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(url.port), url.hostname, () => resolve(socket));
    socket.once('error', reject);
  });
}

/** Everything the server sends until it closes the socket (or `timeoutMs` pass). */
function readAll(socket: net.Socket, timeoutMs = 5_000): Promise<string> {
  return new Promise((resolve) => {
    let received = '';
    const timer = setTimeout(() => socket.destroy(), timeoutMs);
    socket.on('data', (chunk: Buffer) => (received += chunk.toString('utf8')));
    socket.on('error', () => undefined);
    socket.on('close', () => {
      clearTimeout(timer);
      resolve(received);
    });
  });
}

function parseRaw(text: string): Raw {
  const [head = '', ...rest] = text.split('\r\n\r\n');
  const [statusLine = '', ...lines] = head.split('\r\n');
  const headers = Object.fromEntries(lines.map((line) => [line.slice(0, line.indexOf(':')).toLowerCase(), line.slice(line.indexOf(':') + 1).trim()]));
  return { status: Number(statusLine.split(' ')[1] ?? 0), headers, body: rest.join('\r\n\r\n') };
}

/** Sends bytes as they are (no client-side validation of URLs or headers) and reads the answer. */
async function rawRequest(url: URL, data: string): Promise<Raw> {
  const socket = await connect(url);
  const received = readAll(socket);
  socket.write(data);
  socket.end();
  return parseRaw(await received);
}

function post(url: URL, contentType: string, body: string): Promise<Raw> {
  return rawRequest(url, `POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: ${contentType}\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
}

/** Sends `start`, then one more `line()` every second, until the server closes the connection. */
async function dribble(url: URL, start: string, line: () => string): Promise<{ closedAfterMs: number; linesSent: number; received: string }> {
  const socket = await connect(url);
  const started = Date.now();
  let linesSent = 0;
  const received = readAll(socket, 30_000);
  socket.write(start);
  const timer = setInterval(() => {
    if (!socket.destroyed) socket.write(line(), () => undefined);
    linesSent += 1;
  }, 1_000);
  const text = await received;
  clearInterval(timer);
  socket.destroy();
  return { closedAfterMs: Date.now() - started, linesSent, received: text };
}
