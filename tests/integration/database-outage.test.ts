/**
 * When Neo4j cannot be reached, queries fail fast with DATABASE_UNAVAILABLE, /ready says so, the server
 * keeps running, and it recovers by itself when the database returns.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { graphql, startTestServer, type TestServer } from '../support/test-server.ts';
import { startTcpProxy, type TcpProxy } from '../support/tcp-proxy.ts';

let proxy: TcpProxy;
let server: TestServer;

beforeAll(async () => {
  const neo4j = inject('neo4j');
  const target = new URL(neo4j.uri.replace(/^[a-z+]+:/, 'http:'));
  proxy = await startTcpProxy(target.hostname, Number(target.port || 7687));
  server = await startTestServer({ NEO4J_URI: `bolt://127.0.0.1:${proxy.port}`, NEO4J_CONNECTION_TIMEOUT_MS: '2000' });
});

afterAll(async () => {
  await server?.stop();
  await proxy?.close();
});

const query = '{ entity(id: "tesla") { id relations(first: 1) { nodes { id } } } }';

describe('database outage', () => {
  it('fails fast with DATABASE_UNAVAILABLE while down, then recovers by itself', async () => {
    expect((await graphql(server.graphqlUrl, query)).data?.entity.id).toBe('tesla');

    await proxy.cut();
    const started = Date.now();
    const down = await graphql(server.graphqlUrl, query);
    const elapsed = Date.now() - started;
    expect(down.errors?.[0]?.extensions?.code, JSON.stringify(down)).toBe('DATABASE_UNAVAILABLE');
    expect(down.errors?.[0]?.message).toMatch(/database is unavailable/i);
    expect(JSON.stringify(down)).not.toMatch(/ECONNREFUSED|neo4j-driver|stack/i);
    expect(elapsed).toBeLessThan(15_000);
    const ready = await fetch(`${server.baseUrl}/ready`);
    expect(ready.status).toBe(503);
    expect((await fetch(`${server.baseUrl}/health`)).status).toBe(200);

    await proxy.restore();
    let recovered = false;
    for (let i = 0; i < 40 && !recovered; i++) {
      const answer = await graphql(server.graphqlUrl, query);
      recovered = answer.data?.entity?.id === 'tesla';
      if (!recovered) await new Promise((r) => setTimeout(r, 250));
    }
    expect(recovered).toBe(true);
    expect((await fetch(`${server.baseUrl}/ready`)).status).toBe(200);
  });
});
