/**
 * A short load test: the query mix of bench/query-mix.ts (the one `npm run bench:load` runs) for a few
 * seconds on 16 connections against the real server. Every response must be a successful GraphQL answer;
 * no timing is asserted (machines are noisy), only that a fair number of requests got through.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { QUERY_MIX, runLoad, warmUp } from '../../bench/query-mix.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.stop();
});

it('answers a concurrent mix of queries without a single error', async () => {
  // Each query once first: a broken query fails here with its own message, and the cold start is not under load.
  expect(await warmUp(server.graphqlUrl)).toEqual([]);
  const connections = 16;
  const result = await runLoad({ url: server.graphqlUrl, connections, durationSeconds: 3 });
  expect(result.problems).toEqual([]);
  expect(result.errors).toBe(0);
  expect(result.non2xx).toBe(0);
  expect(result.badBodies).toBe(0);
  // Not a speed threshold (a busy machine serves ~100 in 3 s, an idle one far more): on average every
  // connection got at least two answers, so the load was concurrent and nothing stalled.
  expect(result.requests).toBeGreaterThanOrEqual(2 * connections);
  // Every query of the mix was exercised and checked, not only the first few.
  for (const query of QUERY_MIX) expect(result.perQuery[query.name]?.responses, query.name).toBeGreaterThan(0);
});
