/**
 * The playground over HTTP: who gets it, how it is served (no inline script, cacheable assets), and that
 * every example query it opens with works against the real server and returns data.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PLAYGROUND_CSP } from '../../src/http/playground.ts';
import { PLAYGROUND_EXAMPLES } from '../../src/http/playground-examples.ts';
import { graphql, startTestServer, type TestServer } from '../support/test-server.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.stop();
});

const asBrowser = { accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' };

describe('playground page', () => {
  it('is what a browser gets at /graphql, with a strict Content-Security-Policy', async () => {
    const response = await fetch(server.graphqlUrl, { headers: asBrowser });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(response.headers.get('content-security-policy')).toBe(PLAYGROUND_CSP);
    const html = await response.text();
    expect(html).toContain('id="root"');
    // No executable inline script: every <script> either has a src or holds JSON data.
    const scripts = [...html.matchAll(/<script([^>]*)>/g)].map((m) => m[1]);
    expect(scripts.length).toBeGreaterThan(1);
    for (const attributes of scripts) expect(attributes).toMatch(/src="\/playground\/|type="application\/json"/);
    // Nothing is loaded from another origin.
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
  });

  it('serves every asset the page names, gzipped and immutable', async () => {
    const html = await (await fetch(server.graphqlUrl, { headers: asBrowser })).text();
    const urls = [...html.matchAll(/(?:src|href)="(\/playground\/[^"]+)"/g)].map((m) => m[1]);
    const options = JSON.parse(/<script type="application\/json" id="playground-options">(.*?)<\/script>/s.exec(html)![1]!);
    urls.push(...(Object.values(options.workers) as string[]));
    expect(urls.length).toBe(6);
    for (const url of urls) {
      const response = await fetch(`${server.baseUrl}${url}`, { headers: { 'accept-encoding': 'gzip' } });
      expect(response.status, url).toBe(200);
      expect(response.headers.get('cache-control')).toContain('immutable');
      expect(response.headers.get('content-encoding')).toBe('gzip');
      expect((await response.text()).length).toBeGreaterThan(100);
    }
    const missing = await fetch(`${server.baseUrl}/playground/000000000000/graphiql.js`);
    expect(missing.status).toBe(404);
    const body = (await missing.json()) as { errors: { extensions: { code: string } }[] };
    expect(body.errors[0]?.extensions.code).toBe('NOT_FOUND');
  });

  it('leaves GraphQL over GET and API clients alone', async () => {
    const get = await fetch(`${server.graphqlUrl}?query=${encodeURIComponent('{ entity(id: "xai") { name } }')}`, {
      headers: { ...asBrowser, 'apollo-require-preflight': 'true' },
    });
    expect(get.status).toBe(200);
    expect(((await get.json()) as { data: { entity: { name: string } } }).data.entity.name).toBe('xAI');
    const api = await fetch(server.graphqlUrl, { headers: { accept: 'application/json' } });
    expect(api.headers.get('content-type')).not.toMatch(/text\/html/);
  });
});

describe('playground examples', () => {
  it.each(PLAYGROUND_EXAMPLES.map((e) => [e.title, e] as const))('"%s" runs and returns data', async (_title, example) => {
    const result = await graphql(server.graphqlUrl, example.query, example.variables);
    expect(result.errors).toBeUndefined();
    const data = Object.values(result.data ?? {});
    expect(data.length).toBeGreaterThan(0);
    for (const value of data) {
      expect(value).not.toBeNull();
      if (Array.isArray(value)) expect(value.length).toBeGreaterThan(0);
    }
    // Each example's first field returns something substantial, not an empty shell.
    expect(JSON.stringify(result.data).length).toBeGreaterThan(200);
  });
});
