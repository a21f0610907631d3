/** The benchmark's GraphQL client says why a request failed, in words the mix's table counts by. */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphqlClient, RequestFailure } from '../../bench/compare/http-client.ts';

let server: http.Server;
let base: string;

beforeAll(async () => {
  server = http.createServer((request, response) => {
    const send = (status: number, body: unknown) => response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    if (request.url === '/busy') return send(503, { errors: [{ message: 'busy', extensions: { code: 'SERVER_BUSY' } }] });
    if (request.url === '/timeout') return send(200, { errors: [{ message: 'slow', extensions: { code: 'DATABASE_TIMEOUT' } }], data: null });
    if (request.url === '/plain') return send(502, 'a proxy page');
    if (request.url === '/hang-up') return request.socket.destroy();
    return send(200, { data: { ok: true } });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const failure = async (path: string) => {
  const client = graphqlClient(base, path, 1);
  try {
    return await client.post('{ ok }', {}).then(() => 'answered', (error: unknown) => error);
  } finally {
    client.close();
  }
};

describe('bench GraphQL client', () => {
  it('answers the data, and names each failure by its cause', async () => {
    expect(await failure('/ok')).toBe('answered');
    const reasons = await Promise.all(['/busy', '/timeout', '/plain', '/hang-up'].map(failure));
    for (const reason of reasons) expect(reason).toBeInstanceOf(RequestFailure);
    expect(reasons.map((r) => (r as RequestFailure).reason)).toEqual(['HTTP 503 SERVER_BUSY', 'GraphQL DATABASE_TIMEOUT', 'HTTP 502 without a code', 'network ECONNRESET']);
  });
});
