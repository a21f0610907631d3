/**
 * Fuzz: 1,200 malformed requests (broken JSON, garbage documents, wrong variable types, huge strings, deep
 * nesting, alias and introspection floods, batched arrays, wrong methods and media types, and, on raw
 * sockets, bad URLs, oversized headers and broken HTTP framing), generated from a fixed seed. Each must get a
 * 4xx JSON GraphQL error with a code from our enumeration and `x-content-type-options: nosniff`: never a 5xx,
 * never HTML, never a stack trace. After them the server still answers, and not one Cypher statement was sent.
 * The exception is a well-formed operation with an argument out of range: its root field fails alone
 * (docs/public-api.md), so the answer is 200 with `data`, that field null, and its coded error with a `path`.
 */
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorCode } from '../../src/graphql/errors.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

const FUZZ_COUNT = 1200;
/** The kinds whose bad argument fails its own root field, not the operation. */
const FIELD_ERROR_KINDS = new Set(['out of range', 'huge string']);
const CONCURRENCY = 16;

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.stop();
});

/** mulberry32: a tiny seeded generator, so a failure can be replayed. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface FuzzRequest {
  kind: string;
  method: string;
  path?: string;
  contentType?: string;
  body?: string;
  /** Bytes sent as they are on a socket, for what fetch refuses to send (bad URLs, bad framing). */
  raw?: string;
}

const VALID = [
  '{ entity(id: "xai") { name relations { nodes { type } } } }',
  'query Q($t: String!) { search(text: $t) { edges { score node { id } } } }',
  '{ neighborhood(id: "grok", depth: 2) { nodes { id } } }',
];
const TOKENS = ['{', '}', '(', ')', '[', ']', ':', '$', '@', '...', '!', '=', 'query', 'mutation', 'fragment', 'on', 'entity', 'id', '"x"', '123', 'null', 'true', '#', '|', '&', '\\u0000', '"""', '\n'];

function generate(rand: () => number): FuzzRequest[] {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)]!;
  const int = (max: number) => Math.floor(rand() * max);
  const json = (value: unknown) => JSON.stringify(value);
  const post = (kind: string, body: string, contentType = 'application/json'): FuzzRequest => ({ kind, method: 'POST', contentType, body });
  const raw = (kind: string, bytes: string): FuzzRequest => ({ kind, method: 'RAW', raw: bytes });
  const makers: (() => FuzzRequest)[] = [
    // Broken JSON: a valid body cut short, or with a byte flipped.
    () => {
      const body = json({ query: pick(VALID), variables: { t: 'x' } });
      return post('broken JSON', body.slice(0, 1 + int(body.length - 2)));
    },
    () => {
      const body = json({ query: pick(VALID) });
      const at = int(body.length);
      // A raw control character is invalid anywhere in JSON, inside strings too.
      return post('corrupted JSON', body.slice(0, at) + pick(['\u0000', '\u0001', '\u001f']) + body.slice(at));
    },
    () => post('not an object', pick(['null', '42', '"query"', 'true', '[]', '[1,2]', '{}'])),
    // Garbage documents.
    () => post('garbage document', json({ query: Array.from({ length: 1 + int(40) }, () => pick(TOKENS)).join(pick([' ', ''])) })),
    () => post('random text', json({ query: Array.from({ length: 1 + int(200) }, () => String.fromCharCode(32 + int(95))).join('') })),
    () => post('wrong query type', json({ query: pick([null, 42, true, ['{ __typename }'], { q: 1 }]) })),
    () => post('unknown field', json({ query: `{ ${pick(['nope', 'entity', 'search', 'path'])} { ${pick(['zzz', 'id', 'name'])} } }` })),
    () => post('mutation', json({ query: pick(['mutation { deleteEverything }', 'subscription { updates }']) })),
    // Wrong variable types.
    () =>
      post(
        'wrong variable',
        json({ query: 'query Q($t: String!, $n: Int) { search(text: $t, first: $n) { edges { score } } }', variables: { t: pick([null, 1, {}, [], true]), n: pick(['ten', 1.5, {}, 2 ** 40]) } }),
      ),
    () => post('variables not an object', json({ query: pick(VALID), variables: pick(['x', 1, [1], true]) })),
    () => post('bad operationName', json({ query: '{ __typename } query B { __typename }', operationName: pick([null, 'C', 7, '']) })),
    // Out-of-range arguments and huge strings.
    () => post('out of range', json({ query: pick(['{ entities(first: -1) { nodes { id } } }', '{ neighborhood(id: "xai", depth: 99) { nodes { id } } }', '{ search(text: "") { edges { score } } }', '{ path(from: "a", to: "b", maxDepth: 0) { length } }']) })),
    () => post('huge string', json({ query: 'query Q($t: String!) { search(text: $t) { edges { score } } }', variables: { t: 'x'.repeat(201 + int(50_000)) } })),
    () => post('oversized body', json({ query: `{ __typename } # ${'y'.repeat(120 * 1024)}` })),
    // Deep nesting, alias floods, directive floods.
    () => {
      const depth = 20 + int(300);
      return post('deep nesting', json({ query: `${'{ entity(id: "x") '.repeat(depth)}${'}'.repeat(depth)}` }));
    },
    () => post('unbalanced nesting', json({ query: '{'.repeat(1 + int(5000)) })),
    () => post('alias flood', json({ query: `{ ${Array.from({ length: 31 + int(500) }, (_, i) => `a${i}: entity(id: "xai") { id }`).join(' ')} }` })),
    () => post('directive flood', json({ query: `{ ${'__typename @include(if: true) '.repeat(21 + int(200))} }` })),
    () => post('fragment cycle', json({ query: '{ ...A } fragment A on Query { ...B } fragment B on Query { ...A }' })),
    // Batched arrays (off by default).
    () => post('batch', json(Array.from({ length: 1 + int(20) }, () => ({ query: pick(VALID), variables: { t: 'x' } })))),
    // Wrong media types and methods.
    () => post('text/plain', pick(VALID), 'text/plain'),
    () => post('form', `query=${encodeURIComponent(pick(VALID))}`, 'application/x-www-form-urlencoded'),
    () => ({ kind: 'wrong method', method: pick(['PUT', 'DELETE', 'PATCH']), contentType: 'application/json', body: json({ query: pick(VALID) }) }),
    () => ({ kind: 'GET without preflight header', method: 'GET', path: `/graphql?query=${encodeURIComponent(pick(VALID))}` }),
    () => ({ kind: 'unknown path', method: pick(['GET', 'POST']), path: `/${pick(['graphq', 'admin', '.env', 'playground/../../etc/passwd', 'graphql/x'])}` }),
    // Introspection floods: aliases, spreads and depth inside __schema count like any other selection.
    () => post('introspection flood', json({ query: `{ ${Array.from({ length: 25 + int(6) }, (_, i) => `s${i}: __schema { types { name fields { name args { name type { name ofType { name } } } } } }`).join(' ')} }` })),
    () => post('introspection spreads', json({ query: `{ __schema { ${'...T '.repeat(2 + int(40))} } } fragment T on __Schema { ${Array.from({ length: 16 }, (_, i) => `t${i}: types { name }`).join(' ')} }` })),
    // What Node's parser or Fastify's router refuse before any route: raw bytes.
    () => raw('bad URL', `${pick(['GET', 'POST'])} ${pick(['/%', '/%zz', '/graphql/%', '/%00%', '/explorer/%e0%a4%a'])} HTTP/1.1\r\nHost: x\r\n\r\n`),
    () => raw('headers too large', `GET /graphql HTTP/1.1\r\nHost: x\r\nx-${int(1000)}: ${'h'.repeat(17 * 1024 + int(30_000))}\r\n\r\n`),
    () =>
      raw(
        'bad framing',
        pick([
          'POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n',
          'POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n',
          'GET /graphql HTTP/9.9\r\nHost: x\r\n\r\n',
          'HELLO /graphql\r\n\r\n',
          'GET /graphql HTTP/1.1\r\nHost: x\r\nBad Header\r\n\r\n',
          'POST /graphql HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n',
        ]),
      ),
  ];
  return Array.from({ length: FUZZ_COUNT }, (_, i) => makers[i % makers.length]!());
}

interface Outcome {
  request: FuzzRequest;
  status: number;
  contentType: string;
  nosniff: boolean;
  text: string;
}

/** Writes the raw bytes and reads the answer until the server closes the socket. */
function sendRaw(request: FuzzRequest): Promise<Outcome> {
  const url = new URL(server.baseUrl);
  return new Promise((resolve) => {
    let received = '';
    const socket = net.connect(Number(url.port), url.hostname, () => socket.end(request.raw ?? ""));
    socket.on('data', (chunk: Buffer) => (received += chunk.toString('latin1')));
    socket.on('error', () => undefined);
    socket.on('close', () => {
      const [head = '', ...body] = received.split('\r\n\r\n');
      const header = (name: string) => head.split('\r\n').find((l) => l.toLowerCase().startsWith(`${name}:`))?.slice(name.length + 1).trim() ?? '';
      resolve({ request, status: Number(head.split(' ')[1] ?? 0), contentType: header('content-type'), nosniff: header('x-content-type-options') === 'nosniff', text: body.join('\r\n\r\n') });
    });
  });
}

async function send(request: FuzzRequest): Promise<Outcome> {
  if (request.raw !== undefined) return sendRaw(request);
  const headers: Record<string, string> = { accept: 'application/graphql-response+json' };
  if (request.contentType) headers['content-type'] = request.contentType;
  const response = await fetch(`${server.baseUrl}${request.path ?? '/graphql'}`, { method: request.method, headers, body: request.body });
  const nosniff = response.headers.get('x-content-type-options') === 'nosniff';
  return { request, status: response.status, contentType: response.headers.get('content-type') ?? '', nosniff, text: await response.text() };
}

describe('fuzz', () => {
  it(`answers ${FUZZ_COUNT} malformed requests with 4xx JSON GraphQL errors, and no Cypher`, async () => {
    const requests = generate(random(20_240_601));
    const statementsBefore = server.app.db.stats.statements;
    const outcomes: Outcome[] = [];
    for (let i = 0; i < requests.length; i += CONCURRENCY) outcomes.push(...(await Promise.all(requests.slice(i, i + CONCURRENCY).map(send))));
    const statementsSent = server.app.db.stats.statements - statementsBefore;

    const codes = new Set<string>(Object.values(ErrorCode));
    const problems: string[] = [];
    const byKind = new Map<string, number>();
    for (const outcome of outcomes) {
      const what = `${outcome.request.kind} → ${outcome.status}`;
      byKind.set(outcome.request.kind, (byKind.get(outcome.request.kind) ?? 0) + 1);
      const fieldError = FIELD_ERROR_KINDS.has(outcome.request.kind);
      if (fieldError ? outcome.status !== 200 : outcome.status < 400 || outcome.status >= 500) problems.push(`${what}: not a ${fieldError ? '200' : '4xx'}`);
      if (!/^application\/(graphql-response\+)?json/.test(outcome.contentType)) problems.push(`${what}: content-type ${outcome.contentType}`);
      if (!outcome.nosniff) problems.push(`${what}: no x-content-type-options: nosniff`);
      if (/<html|<!doctype|\bat [\w.<>]+ \(|node_modules|\.ts:\d+/i.test(outcome.text)) problems.push(`${what}: HTML or a stack trace`);
      try {
        const body = JSON.parse(outcome.text) as { data?: Record<string, unknown> | null; errors?: { message?: unknown; path?: unknown[]; extensions?: { code?: unknown; stacktrace?: unknown } }[] };
        const errors = body.errors ?? [];
        if (errors.length === 0) problems.push(`${what}: no errors array`);
        const failedAlone = body.data && Object.values(body.data).every((v) => v === null) && errors.every((e) => e.extensions?.code === 'BAD_USER_INPUT' && e.path?.length === 1);
        if (fieldError && !failedAlone) problems.push(`${what}: not its field null with a BAD_USER_INPUT error and its path`);
        for (const error of errors) {
          if (typeof error.message !== 'string' || error.message.length === 0) problems.push(`${what}: error without a message`);
          if (!codes.has(String(error.extensions?.code))) problems.push(`${what}: code ${String(error.extensions?.code)} is not ours`);
          if (error.extensions?.stacktrace) problems.push(`${what}: stacktrace`);
        }
      } catch {
        problems.push(`${what}: body is not JSON: ${outcome.text.slice(0, 80)}`);
      }
    }
    const statuses = outcomes.reduce<Record<number, number>>((acc, o) => ({ ...acc, [o.status]: (acc[o.status] ?? 0) + 1 }), {});
    console.log(`fuzz: ${outcomes.length} requests in ${byKind.size} kinds; statuses ${JSON.stringify(statuses)}; problems ${problems.length}; Cypher statements sent ${statementsSent}`);

    expect(outcomes.length).toBe(FUZZ_COUNT);
    expect([...new Set(problems)].slice(0, 20)).toEqual([]);
    expect(statementsSent).toBe(0);

    // Still alive and serving.
    expect((await fetch(`${server.baseUrl}/health`)).status).toBe(200);
    const alive = await send({ kind: 'valid', method: 'POST', contentType: 'application/json', body: JSON.stringify({ query: VALID[0] }) });
    expect(alive.status).toBe(200);
    expect(JSON.parse(alive.text).data.entity.name).toBe('xAI');
  });
});
