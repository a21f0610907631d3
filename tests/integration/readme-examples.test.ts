/**
 * The README's example queries, run against the real server: each ```graphql block followed by a ```json
 * block must be answered with exactly that JSON, so the documentation cannot drift from the API.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/config/config.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

interface Example {
  query: string;
  expected: unknown;
}

/** Pairs each ```graphql block with the ```json block right after it. */
function readmeExamples(): Example[] {
  const readme = readFileSync(path.join(PROJECT_ROOT, 'README.md'), 'utf8');
  const pattern = /```graphql\n([\s\S]*?)```\s*```json\n([\s\S]*?)```/g;
  return [...readme.matchAll(pattern)].map((m) => ({ query: m[1]!, expected: JSON.parse(m[2]!) }));
}

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.stop();
});

describe('README examples', () => {
  const examples = readmeExamples();
  it('are there', () => {
    expect(examples.length).toBeGreaterThanOrEqual(3);
  });

  it.each(examples.map((e) => [e.query.split('\n')[1]?.trim(), e] as const))('%s … answers as documented', async (_first, example) => {
    const response = await fetch(server.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: example.query }),
    });
    const body = (await response.json()) as Record<string, unknown>;
    delete body.extensions;
    expect(body).toEqual(example.expected);
  });
});
