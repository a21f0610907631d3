/**
 * GraphQL over HTTP compliance: graphql-http's server audit, run against the live server. Every MUST and
 * every SHOULD passes; the score is printed.
 */
import { serverAudits } from 'graphql-http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.stop();
});

describe('graphql-http server audit', () => {
  it('passes every MUST and every SHOULD', async () => {
    const audits = serverAudits({ url: () => server.graphqlUrl });
    const results: { name: string; status: string; reason?: string }[] = [];
    for (const audit of audits) {
      const result = await audit.fn();
      results.push({ name: audit.name, status: result.status, reason: result.status === 'ok' ? undefined : result.reason });
    }
    const failed = results.filter((r) => r.status !== 'ok');
    const score = (level: string) => {
      const of = results.filter((r) => r.name.startsWith(level));
      return `${of.filter((r) => r.status === 'ok').length}/${of.length}`;
    };
    console.log(`graphql-http audit: MUST ${score('MUST')}, SHOULD ${score('SHOULD')}, MAY ${score('MAY')}`);
    for (const f of failed) console.log(`  ${f.status}: ${f.name} (${f.reason})`);
    expect(failed.filter((r) => r.name.startsWith('MUST') || r.name.startsWith('SHOULD')).map((r) => r.name)).toEqual([]);
  });
});
