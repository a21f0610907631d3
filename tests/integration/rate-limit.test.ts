/**
 * Rate limits on the real server: per IP without credentials, per key with them, and a smaller write budget per
 * key; the IETF draft `ratelimit-*` headers on answers; over budget, 429 RATE_LIMITED in our JSON error shape
 * with `retry-after`. Made-up keys count against their IP. Every route that runs our code (/graphql, the schema,
 * the change stream, the entity export) draws from the same budgets. A budget of 0 is no limit.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { issueApiKey } from '../support/api-keys.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

const servers: TestServer[] = [];
async function serverWith(env: Record<string, string>): Promise<TestServer> {
  const server = await startTestServer({ KNOWLEDGE_AUTOLOAD: 'false', ...env });
  servers.push(server);
  return server;
}
afterAll(async () => {
  for (const server of servers) await server.stop();
});

const QUERY = '{ __typename }';
const WRITE = 'mutation { upsertEntity(input: {id: "rate-limit-person", kind: PERSON, name: "Rate Limit", description: "A test entity."}) { existed } }';

async function post(server: TestServer, query: string, key?: string) {
  const response = await fetch(server.graphqlUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', ...(key ? { authorization: `Bearer ${key}` } : {}) },
    body: JSON.stringify({ query }),
  });
  const body = (await response.json()) as { errors?: { message: string; extensions?: { code?: string } }[] };
  const header = (name: string) => response.headers.get(name);
  return {
    status: response.status,
    code: body.errors?.[0]?.extensions?.code,
    message: body.errors?.[0]?.message,
    limit: header('ratelimit-limit'),
    remaining: header('ratelimit-remaining'),
    reset: header('ratelimit-reset'),
    retryAfter: header('retry-after'),
  };
}

describe('rate limits', () => {
  it('counts anonymous requests per IP, answers the draft headers, and refuses past the budget with 429 RATE_LIMITED', async () => {
    const server = await serverWith({ RATE_LIMIT_PER_MINUTE_ANONYMOUS: '3', RATE_LIMIT_PER_MINUTE_KEY: '5', RATE_LIMIT_PER_MINUTE_WRITE: '2' });
    const answers = [await post(server, QUERY), await post(server, QUERY), await post(server, QUERY)];
    expect(answers.map((a) => [a.status, a.limit, a.remaining])).toEqual([
      [200, '3', '2'],
      [200, '3', '1'],
      [200, '3', '0'],
    ]);
    expect(Number(answers[0]!.reset)).toBeGreaterThan(0);
    expect(Number(answers[0]!.reset)).toBeLessThanOrEqual(60);

    const refused = await post(server, QUERY);
    expect(refused).toMatchObject({ status: 429, code: 'RATE_LIMITED', limit: '3', remaining: '0' });
    expect(Number(refused.retryAfter)).toBeGreaterThan(0);
    expect(refused.message).toMatch(/^Too many requests: at most 3 a minute are allowed for this IP address \(RATE_LIMIT_PER_MINUTE_ANONYMOUS\); retry in /);

    // A made-up key is not a way around the IP's budget: it is counted there (and would be 401 after).
    const madeUp = await post(server, QUERY, `kg_0123456789abcdef_${'B'.repeat(43)}`);
    expect(madeUp).toMatchObject({ status: 429, code: 'RATE_LIMITED' });

    // A valid key has its own budget, and its writes a smaller one of their own.
    const key = await issueApiKey(server.app.db, 'WRITE');
    const reads = [];
    for (let i = 0; i < 6; i++) reads.push(await post(server, QUERY, key));
    expect(reads.map((r) => r.status)).toEqual([200, 200, 200, 200, 200, 429]);
    expect(reads[0]!.limit).toBe('5');
    expect(reads[5]!.message).toMatch(/for this key \(RATE_LIMIT_PER_MINUTE_KEY\)/);

    const writes = [await post(server, WRITE, key), await post(server, WRITE, key), await post(server, WRITE, key)];
    expect(writes.map((w) => w.status === 429)).toEqual([false, false, true]);
    expect(writes[0]!.limit).toBe('2');
    expect(writes[2]).toMatchObject({ code: 'RATE_LIMITED', limit: '2' });
    expect(writes[2]!.message).toMatch(/for writes by this key \(RATE_LIMIT_PER_MINUTE_WRITE\)/);

    // Another key starts with a full budget.
    const other = await post(server, QUERY, await issueApiKey(server.app.db, 'READ'));
    expect(other).toMatchObject({ status: 200, limit: '5', remaining: '4' });
  });

  it('counts every route that runs our code in the same budget: /schema.graphql, the change stream, /entities', async () => {
    const server = await serverWith({ RATE_LIMIT_PER_MINUTE_ANONYMOUS: '4' });
    const get = (path: string, headers: Record<string, string> = {}) => fetch(`${server.baseUrl}${path}`, { headers });
    const schema = await get('/schema.graphql');
    expect([schema.status, schema.headers.get('ratelimit-remaining')]).toEqual([200, '3']);
    // A stream opened (and closed at once: the budget counts opening it) draws from the same budget.
    const subscription = encodeURIComponent('subscription { changes { id } }');
    const stream = await get(`/graphql/stream?query=${subscription}`, { accept: 'text/event-stream' });
    expect([stream.status, stream.headers.get('ratelimit-remaining')]).toEqual([200, '2']);
    await stream.body?.cancel();
    expect((await post(server, QUERY)).remaining).toBe('1');
    expect((await get('/entities/tesla', { accept: 'application/ld+json' })).headers.get('ratelimit-remaining')).toBe('0');
    for (const path of ['/schema.graphql', `/graphql/stream?query=${subscription}`, '/entities/tesla']) {
      const refused = await get(path, { accept: path.startsWith('/graphql') ? 'text/event-stream' : '*/*' });
      const body = (await refused.json()) as { errors: { message: string; extensions: { code: string } }[] };
      expect([path, refused.status, body.errors[0]!.extensions.code]).toEqual([path, 429, 'RATE_LIMITED']);
      expect(body.errors[0]!.message).toMatch(/^Too many requests: at most 4 a minute are allowed for this IP address/);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    }
  });

  it('does not limit a budget set to 0', async () => {
    const server = await serverWith({ RATE_LIMIT_PER_MINUTE_ANONYMOUS: '0' });
    const answers = await Promise.all(Array.from({ length: 20 }, () => post(server, QUERY)));
    expect(answers.every((a) => a.status === 200 && a.limit === null)).toBe(true);
  });
});
