/**
 * The explorer only reads: every request it sends to /graphql while it is used (a search, opening an entity,
 * expanding a neighbour, a path) is intercepted and parsed, and none holds a mutation or a subscription.
 */
import { parse } from 'graphql';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  server = await startTestServer();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** The operation types of a GraphQL request's documents (POST body, batch, or GET `query`). */
function operationTypes(url: string, postData: string | null): string[] {
  const payloads: unknown[] = [];
  const query = new URL(url).searchParams.get('query');
  if (query) payloads.push({ query });
  if (postData) payloads.push(...[JSON.parse(postData) as unknown].flat());
  return payloads.flatMap((payload) => {
    const text = (payload as { query?: unknown }).query;
    if (typeof text !== 'string') return ['(no document)'];
    return parse(text).definitions.flatMap((d) => (d.kind === 'OperationDefinition' ? [d.operation] : []));
  });
}

describe('the explorer', () => {
  it('sends only queries while it is used', async () => {
    const page = await browser.newPage({ viewport: { width: 1500, height: 900 } });
    const types: string[] = [];
    page.on('request', (request) => {
      if (new URL(request.url()).pathname === '/graphql') types.push(...operationTypes(request.url(), request.postData()));
    });
    await page.goto(`${server.baseUrl}/explorer/`);
    await page.getByLabel('Search', { exact: true }).fill('grok');
    await page.getByRole('option', { name: /Grok/ }).first().waitFor();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Grok' }).waitFor();
    await expect.poll(() => page.evaluate('!!window.explorer && window.explorer.isIdle()'), { timeout: 30_000 }).toBe(true);
    const point = (await page.evaluate('window.explorer.pointOf("xai")')) as { x: number; y: number } | null;
    expect(point).not.toBeNull();
    await page.mouse.click(point!.x, point!.y);
    await page.getByRole('heading', { name: 'xAI' }).waitFor();
    await page.goto(`${server.baseUrl}/explorer/?focus=h100-redirect-tesla-to-x`);
    await page.getByRole('heading', { name: /redirect/i }).first().waitFor();
    await expect.poll(() => page.evaluate('!!window.explorer && window.explorer.isIdle()'), { timeout: 30_000 }).toBe(true);

    expect(types.length).toBeGreaterThan(3);
    expect(new Set(types)).toEqual(new Set(['query']));
    await page.close();
  });
});
